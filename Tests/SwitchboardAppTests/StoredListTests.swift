import Foundation
import SwitchboardCore
import Testing

@testable import SwitchboardStore

/// Tags and follower ids read back from their columns without a JSON decoder.
@Suite struct StoredListTests {
    @Test func listsReadBackAsTheEncoderWroteThem() throws {
        let samples: [[String]] = [[], ["vip"], ["zwrot", "płatność", "σφάλμα", "a,b"], ["\u{301}accent", "quote\"d", "back\\slash"]]
        for tags in samples {
            #expect(try decodeStringList(encodeJSON(tags)) == tags)
        }
        for ids: [Int64] in [[], [7], [1, 22, 9_007_199_254_740_993, -4]] {
            #expect(try decodeIdList(encodeJSON(ids)) == ids)
        }
    }

    @Test func otherSpellingsFallBackToTheDecoder() throws {
        #expect(try decodeIdList("[ 1, 2 ]") == [1, 2])
        #expect(try decodeStringList("[ \"a\" , \"b\" ]") == ["a", "b"])
        #expect(throws: (any Error).self) { try decodeIdList("[1,x]") }
        #expect(throws: (any Error).self) { try decodeStringList("[\"open") }
    }
}
