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

    /// Stored SLA clocks read field by field equal what was written, in every stage, and in
    /// any key order or spacing; what is not a clock list is refused.
    @Test func storedSLAClocksReadBackEqual() throws {
        let created = Date(timeIntervalSinceReferenceDate: 785_000_000.123)
        let sla = TicketSLA(
            policyId: 12,
            clocks: [
                SLAClock(metric: .firstResponse, targetMinutes: 60, startedAt: created, dueAt: created.addingTimeInterval(3600), fulfilledAt: created),
                SLAClock(
                    metric: .nextResponse, targetMinutes: 30, startedAt: created, pausedSeconds: 12.25, pausedAt: created.addingTimeInterval(99.5),
                    breachedAt: created.addingTimeInterval(-0.001), escalated: [3, 1000]),
                SLAClock(metric: .resolution, targetMinutes: 1440, startedAt: created.addingTimeInterval(0.123)),
            ])
        let stored = try StreamingJSONEncoder(dates: .referenceSeconds).string(sla)
        #expect(try TicketSLA(storedJSON: stored) == sla)
        #expect(try TicketSLA(storedJSON: #"{"policy_id":1,"clocks":[]}"#) == TicketSLA(policyId: 1, clocks: []))
        let reordered = #" { "clocks" : [ { "target_minutes" : 5 , "escalated":[], "metric":"resolution", "started_at":10.5, "due_at":null } ] , "policy_id" : 3 } "#
        #expect(try TicketSLA(storedJSON: reordered) == TicketSLA(policyId: 3, clocks: [SLAClock(metric: .resolution, targetMinutes: 5, startedAt: Date(timeIntervalSinceReferenceDate: 10.5))]))
        for bad in [
            "", "[]", #"{"clocks":[]}"#, #"{"policy_id":1}"#, #"{"policy_id":1,"clocks":[{"metric":"resolution"}]}"#,
            #"{"policy_id":1,"clocks":[{"metric":"nope","target_minutes":1,"started_at":0}]}"#, #"{"policy_id":1,"clocks":[}"#,
            #"{"policy_id":1,"clocks":[]} x"#, #"{"policy_id":1,"clocks":[{"metric":"resolution","target_minutes":1,"started_at":0,"escalated":[null]}]}"#,
        ] {
            #expect(throws: JSONParser.Failure.self, "\(bad)") { try TicketSLA(storedJSON: bad) }
        }
    }
}
