import Foundation
import Testing

@testable import SwitchboardCore

@Suite struct JSONParserTests {
    @Test func documentsReadAsJSONDecoderReadsThem() throws {
        let documents = [
            #"{"a":[1,-2.5,3e2,1E-3,0,true,false,null],"b":{"c":"d","e":{}},"f":[]}"#,
            #"  [ "tab\tnew\nline", "quote\" back\\ slash\/", "\u00e9\u0416\u03a3", "\ud83d\ude00", "płatność σφάλμα" ]  "#,
            #""just a string""#, "42", "-0.125", "null", "true",
        ]
        for text in documents {
            let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            #expect(try JSONParser.parse(text) == theirs, "\(text)")
        }
    }

    @Test func whatIsNotJSONIsRefused() {
        for text in ["", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "tru", "nan", "inf", "+1", ".5", "\"open", "\"\\x\"", "1 2", "\"a\u{1}\"", "[\"\\ud800\"]"] {
            #expect(throws: JSONParser.Failure.self, "\(text)") { try JSONParser.parse(text) }
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
    }
}
