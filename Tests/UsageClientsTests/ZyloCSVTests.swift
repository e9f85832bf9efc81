import Testing

@testable import UsageClients

@Suite("Zylo's RFC 4180 CSV reader and writer")
struct ZyloCSVTests {
    @Test(arguments: ["a,b\r\n1,2\r\n", "a,b\n1,2\n", "a,b\n1,2", "\u{FEFF}a,b\r\n1,2"])
    func parse_acceptsCRLFAndLFAndNoFinalBreak(text: String) throws {
        #expect(try ZyloCSV.parse(text) == [["a", "b"], ["1", "2"]])
    }

    @Test func parse_readsQuotedFieldsWithCommasQuotesAndBreaks() throws {
        let text = "name,note\r\n\"Hopper, Grace\",\"said \"\"hi\"\"\r\ntwice\"\r\n,\"\"\r\n"
        #expect(try ZyloCSV.parse(text) == [["name", "note"], ["Hopper, Grace", "said \"hi\"\r\ntwice"], ["", ""]])
    }

    @Test(arguments: ["a,\"b\n", "a,\"b\"c\n"])
    func parse_rejectsMalformedQuotes(text: String) {
        #expect(throws: ZyloCSV.ParseError.self) { try ZyloCSV.parse(text) }
    }

    @Test func line_quotesOnlyWhatNeedsIt_andRoundTrips() throws {
        let fields = ["plain", "a,b", "say \"x\"", "two\nlines", " padded", ""]
        let line = ZyloCSV.line(fields)
        #expect(line == "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\",\" padded\",\r\n")
        #expect(try ZyloCSV.parse(line) == [fields])
    }

    @Test func rows_keysEachRowByTheHeader() throws {
        let rows = try ZyloCSV.rows("rowNumber,errors\n3,bad date\n5,\"too many, days\"\n")
        #expect(rows == [["rowNumber": "3", "errors": "bad date"], ["rowNumber": "5", "errors": "too many, days"]])
    }
}
