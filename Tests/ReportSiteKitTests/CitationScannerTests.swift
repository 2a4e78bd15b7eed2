import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

final class CitationScannerTests: XCTestCase {
    private let scanner = CitationScanner(commissionContext: false)
    private let commissionScanner = CitationScanner(commissionContext: true)

    /// What a test expects of one link; nil fields are expected to be nil.
    private struct Expected {
        var kind: CitationLink.Kind
        var text: String
        var symbol: String?
        var paragraph: String? = nil
        var paragraphEnd: String? = nil
        var section: String? = nil
    }

    private func document(_ text: String, _ symbol: String? = nil) -> Expected {
        Expected(kind: .document, text: text, symbol: symbol ?? text)
    }

    private func paragraph(_ text: String, _ symbol: String?, _ paragraph: String, end: String? = nil) -> Expected {
        Expected(kind: .paragraph, text: text, symbol: symbol, paragraph: paragraph, paragraphEnd: end)
    }

    private func resolution(_ text: String, _ symbol: String) -> Expected {
        Expected(kind: .resolution, text: text, symbol: symbol)
    }

    private func section(_ text: String, _ anchor: String) -> Expected {
        Expected(kind: .section, text: text, symbol: nil, section: anchor)
    }

    /// Scans `text` and checks every link against `expected`, and that each link's range holds its text.
    @discardableResult
    private func check(_ text: String, _ expected: [Expected], commission: Bool = false,
                       file: StaticString = #filePath, line: UInt = #line) -> [CitationLink] {
        let links = (commission ? commissionScanner : scanner).scan(text)
        let characters = Array(text)
        for link in links {
            XCTAssertTrue(link.range.lowerBound >= 0 && link.range.upperBound <= characters.count,
                          "range \(link.range) outside \"\(text)\"", file: file, line: line)
            if link.range.upperBound <= characters.count {
                XCTAssertEqual(String(characters[link.range]), link.text, "range and text differ in \"\(text)\"", file: file, line: line)
            }
        }
        for (a, b) in zip(links, links.dropFirst()) {
            XCTAssertLessThanOrEqual(a.range.upperBound, b.range.lowerBound, "overlap in \"\(text)\"", file: file, line: line)
        }
        let got = links.map { Expected(kind: $0.kind, text: $0.text, symbol: $0.symbol, paragraph: $0.paragraph,
                                       paragraphEnd: $0.paragraphEnd, section: $0.section) }
        XCTAssertEqual(got.map(describe), expected.map(describe), "in \"\(text)\"", file: file, line: line)
        return links
    }

    private func describe(_ e: Expected) -> String {
        var s = "\(e.kind.rawValue) \"\(e.text)\""
        if let symbol = e.symbol { s += " -> \(symbol)" }
        if let p = e.paragraph { s += " #para-\(p)" }
        if let end = e.paragraphEnd { s += "..\(end)" }
        if let sec = e.section { s += " #sec-\(sec)" }
        return s
    }

    // MARK: The symbol grammar

    /// Sentences with one symbol each: the symbol, and the link text when it differs from the symbol.
    private let positives: [(sentence: String, symbol: String, text: String?)] = [
        ("as set out in her report A/58/275.", "A/58/275", nil),
        ("the report to the Human Rights Council, A/HRC/23/46, focusing on", "A/HRC/23/46", nil),
        ("the mission report (A/HRC/20/24/Add.1) shows", "A/HRC/20/24/Add.1", nil),
        ("to the Commission on Human Rights (E/CN.4/2003/85). As a follow-up", "E/CN.4/2003/85", nil),
        ("A/RES/67/172", "A/RES/67/172", nil),
        ("the draft A/C.3/58/L.27 was adopted", "A/C.3/58/L.27", nil),
        ("see E/CN.4/Sub.2/2003/1, which", "E/CN.4/Sub.2/2003/1", nil),
        ("general comment No. 2 (CMW/C/GC/2) of the Committee", "CMW/C/GC/2", nil),
        ("in CCPR/C/21/Rev.1 the Committee", "CCPR/C/21/Rev.1", nil),
        ("See summary of the 2006 HLD, A/61/515", "A/61/515", nil),
        ("the letter S/2004/616 of the Secretary-General", "S/2004/616", nil),
        ("Council resolution A/HRC/RES/17/22;", "A/HRC/RES/17/22", nil),
        ("the report E/2003/12 of the Council", "E/2003/12", nil),
        ("the Durban Declaration (A/CONF.189/12, chap. I)", "A/CONF.189/12", nil),
        ("draft E/CN.6/2004/L.1.", "E/CN.6/2004/L.1", nil),
        ("compiled in HRI/GEN/1/Rev.9 (vol. I)", "HRI/GEN/1/Rev.9", nil),
        ("general comment No. 6 (CRC/C/GC/6)", "CRC/C/GC/6", nil),
        ("the working paper CEDAW/C/2009/WP.1/R.", "CEDAW/C/2009/WP.1/R", nil),
        ("the bulletin ST/SGB/2003/13 on", "ST/SGB/2003/13", nil),
        ("general recommendation No. 30 (CERD/C/GC/30)", "CERD/C/GC/30", nil),
        ("general comment No. 2 (CAT/C/GC/2).", "CAT/C/GC/2", nil),
        ("the programme document DP/2003/12 for", "DP/2003/12", nil),
        ("the report UNEP/GC.22/9 of the Governing Council", "UNEP/GC.22/9", nil),
        ("the Trade and Development Board (TD/B/50/10)", "TD/B/50/10", nil),
        ("the national report A/HRC/WG.6/1/BHR/1 submitted", "A/HRC/WG.6/1/BHR/1", nil),
        ("general comment No. 20 (E/C.12/GC/20)", "E/C.12/GC/20", nil),
        ("the meeting record S/PV.4000 shows", "S/PV.4000", nil),
        ("the working paper A/CN.9/WG.III/WP.149.", "A/CN.9/WG.III/WP.149", nil),
        ("the report of 2000 (E/CN.4/2000/82)", "E/CN.4/2000/82", nil),
        ("the report \u{201C}A/58/275\u{201D} was", "A/58/275", nil),
        ("in A/58/275; and", "A/58/275", nil),
        ("in A/58/275: the", "A/58/275", nil),
        ("as required by S/RES/1325 (2000), the", "S/RES/1325(2000)", "S/RES/1325 (2000)"),
        ("as required by S/RES/1820(2008), the", "S/RES/1820(2008)", "S/RES/1820(2008)"),
        ("the visit report E/CN.4/2004/80/Add.2 on", "E/CN.4/2004/80/Add.2", nil),
        ("general comment No. 1 (CRPD/C/GC/1)", "CRPD/C/GC/1", nil),
        ("A/HRC/4/24/Add.1 describes", "A/HRC/4/24/Add.1", nil),
        ("The report ends with A/58/275", "A/58/275", nil),
        ("the working group (E/CN.4/Sub.2/AC.5/2003/2).", "E/CN.4/Sub.2/AC.5/2003/2", nil),
        ("general comment No. 34 (CCPR/C/GC/34),", "CCPR/C/GC/34", nil),
        ("the report A/58/275, which", "A/58/275", nil),
        ("E/CN.4/2003/85/Add.1.", "E/CN.4/2003/85/Add.1", nil),
        ("the Council's report E/1990/23 on", "E/1990/23", nil),
        ("[A/59/150] in brackets", "A/59/150", nil),
        ("the session\u{00A0}A/58/275 after a no-break space", "A/58/275", nil),
        ("the report (A/HRC/7/12/Corr.1)", "A/HRC/7/12/Corr.1", nil),
    ]

    func testSymbolGrammarPositives() {
        XCTAssertGreaterThanOrEqual(positives.count, 40)
        for (sentence, symbol, text) in positives {
            check(sentence, [document(text ?? symbol, symbol)])
        }
    }

    private let negatives: [String] = [
        "on 12/08/2003 the mission",
        "the date 2003/04/05 was",
        "about 1/2 of the migrants",
        "a 3/4 majority",
        "in a ratio of 2/3/5",
        "https://undocs.org/A/58/275",
        "(see https://undocs.org/A/58/275)",
        "www.un.org/A/58/275/index.html",
        "undocs.org/A/58/275",
        "ftp://host/E/CN.4/2003/85",
        "https://example.org/search?symbol=A/58/275&lang=en",
        "write to A/58/275@ohchr.org",
        "interception/detention",
        "and/or",
        "his/her",
        "at 50 km/h",
        "HIV/AIDS in 2003",
        "HIV/AIDS/TB",
        "the file /home/user/A/58/275",
        "the file A/58/275.pdf",
        "the file docs/A/58/275.pdf",
        "FY/2003/04",
        "A/58 only two parts",
        "A/Report/2003",
        "a/58/275 in lower case",
        "A/58/275abc",
        "E/CN.4/2003/85/notes",
        "the 24/7 hotline",
        "TCP/IP in 2003",
        "COVID-19/2020",
        "Form A/B/C",
        "resolution 57/218 of 18 December 2002",
        "in paragraph 12 of resolution 57/218",
        "as stated in para. 40, the",
        "paragraph 12",
        "under Chapter VII of the Charter",
        "under chapter VII of the Charter",
        "chapter 4 above",
        "section 5 below",
        "chapter IIII above",
        "section A above",
        "the General Assembly, in its resolution 57/218,",
        "Commission resolution 2003/46",
        "Council decision 2003/111",
        "Security Council decision 1325",
        "the A/58/ series",
        "resolution 57/218/Add.1",
        "CEDAW/C/2009/WP.1/R.html",
    ]

    func testSymbolGrammarNegatives() {
        XCTAssertGreaterThanOrEqual(negatives.count, 20)
        for sentence in negatives {
            check(sentence, [])
        }
    }

    func testSeveralSymbols() {
        check("(A/58/275 and A/59/150; see also E/CN.4/2003/85)",
              [document("A/58/275"), document("A/59/150"), document("E/CN.4/2003/85")])
        // A joint document of the General Assembly and the Security Council.
        check("A/58/275-S/2003/790", [document("A/58/275"), document("S/2003/790")])
        check("A/58/275\u{2013}S/2003/790", [document("A/58/275"), document("S/2003/790")])
    }

    // MARK: Addenda and corrigenda

    func testAddendaAndCorrigenda() {
        check("to present her report (E/CN.4/2003/85 and Add.1-4) to the",
              [document("E/CN.4/2003/85"), document("Add.1-4", "E/CN.4/2003/85/Add.1")])
        check("for further change (A/57/387 and Corr.1).",
              [document("A/57/387"), document("Corr.1", "A/57/387/Corr.1")])
        check("the reports A/HRC/20/24/Add.1 and Add.2",
              [document("A/HRC/20/24/Add.1"), document("Add.2", "A/HRC/20/24/Add.2")])
        check("E/CN.4/2003/85 and Add.1\u{2013}4", [document("E/CN.4/2003/85"), document("Add.1\u{2013}4", "E/CN.4/2003/85/Add.1")])
        check("A/HRC/20/24/Add.1-4 on the visits", [document("A/HRC/20/24/Add.1-4", "A/HRC/20/24/Add.1")])
        check("CCPR/C/21/Rev.1 and Add.13", [document("CCPR/C/21/Rev.1"), document("Add.13", "CCPR/C/21/Rev.1/Add.13")])
        // "and" followed by something else is not an addendum.
        check("A/57/387 and Additional notes", [document("A/57/387")])
    }

    // MARK: Paragraph locators

    func testLocators() {
        check("A/58/275, para. 80", [paragraph("A/58/275, para. 80", "A/58/275", "80")])
        check("(A/68/283, paras. 127-131)", [paragraph("A/68/283, paras. 127-131", "A/68/283", "127", end: "131")])
        check("A/58/275, paras. 12 and 13.",
              [paragraph("A/58/275, paras. 12", "A/58/275", "12"), paragraph("13", "A/58/275", "13")])
        check("A/58/275, paragraphs 12, 14 and 16",
              [paragraph("A/58/275, paragraphs 12", "A/58/275", "12"), paragraph("14", "A/58/275", "14"),
               paragraph("16", "A/58/275", "16")])
        check("A/58/275, paras. 12, 14, and 16-18",
              [paragraph("A/58/275, paras. 12", "A/58/275", "12"), paragraph("14", "A/58/275", "14"),
               paragraph("16-18", "A/58/275", "16", end: "18")])
        check("A/58/275, para. 91 (c)", [paragraph("A/58/275, para. 91 (c)", "A/58/275", "91-c")])
        check("A/58/275, para. 91(c).", [paragraph("A/58/275, para. 91(c)", "A/58/275", "91-c")])
        check("(A/58/275, paras. 8\u{2013}10)", [paragraph("A/58/275, paras. 8\u{2013}10", "A/58/275", "8", end: "10")])
        check("A/58/275, para. 80 (a) (ii)", [paragraph("A/58/275, para. 80 (a) (ii)", "A/58/275", "80-a-ii")])
        check("A/58/275, paragraph 7", [paragraph("A/58/275, paragraph 7", "A/58/275", "7")])
        check("E/CN.4/2003/85/Add.1, para. 12", [paragraph("E/CN.4/2003/85/Add.1, para. 12", "E/CN.4/2003/85/Add.1", "12")])
        check("A/58/275 para. 80", [paragraph("A/58/275 para. 80", "A/58/275", "80")])
    }

    func testLocatorLimits() {
        // A singular "para." has one number: the rest of the sentence is not a list.
        check("A/58/275, para. 12, 15 countries replied", [paragraph("A/58/275, para. 12", "A/58/275", "12")])
        // A list stops at the first item that is not a number.
        check("A/58/275, paras. 12 and A/59/150",
              [paragraph("A/58/275, paras. 12", "A/58/275", "12"), document("A/59/150")])
        // Decimals and thousands are not paragraph numbers: the symbol alone is a link.
        check("A/58/275, para. 12.5", [document("A/58/275")])
        check("A/58/275, paras 12", [document("A/58/275")])
        // Parenthesised words after the number are not sub-paragraph labels.
        check("A/58/275, para. 9 (emphasis added)", [paragraph("A/58/275, para. 9", "A/58/275", "9")])
    }

    // MARK: Resolutions and decisions

    func testResolutions() {
        check("General Assembly resolution 57/218 and", [resolution("General Assembly resolution 57/218", "A/RES/57/218")])
        check("Human Rights Council resolution 17/22.", [resolution("Human Rights Council resolution 17/22", "A/HRC/RES/17/22")])
        check("Commission on Human Rights resolution 2003/46, entitled",
              [resolution("Commission on Human Rights resolution 2003/46", "E/CN.4/RES/2003/46")])
        check("Commission on Human Rights resolution 1999/44", [resolution("Commission on Human Rights resolution 1999/44", "E/CN.4/RES/1999/44")])
        check("Economic and Social Council resolution 2003/46", [resolution("Economic and Social Council resolution 2003/46", "E/RES/2003/46")])
        check("Security Council resolution 1325 (2000) on", [resolution("Security Council resolution 1325 (2000)", "S/RES/1325(2000)")])
        check("Security Council resolution 1325", [resolution("Security Council resolution 1325", "S/RES/1325")])
        check("General Assembly resolutions 57/218 and 58/190",
              [resolution("General Assembly resolutions 57/218", "A/RES/57/218"), resolution("58/190", "A/RES/58/190")])
        check("Human Rights Council resolutions 5/1, 5/2 and 6/30",
              [resolution("Human Rights Council resolutions 5/1", "A/HRC/RES/5/1"), resolution("5/2", "A/HRC/RES/5/2"),
               resolution("6/30", "A/HRC/RES/6/30")])
        check("Security Council resolutions 1325 (2000) and 1820 (2008)",
              [resolution("Security Council resolutions 1325 (2000)", "S/RES/1325(2000)"), resolution("1820 (2008)", "S/RES/1820(2008)")])
        check("General Assembly Resolution 60/251", [resolution("General Assembly Resolution 60/251", "A/RES/60/251")])
    }

    func testDecisions() {
        check("Commission on Human Rights decision 2003/111",
              [resolution("Commission on Human Rights decision 2003/111", "E/CN.4/DEC/2003/111")])
        check("Commission decision 2003/111", [resolution("Commission decision 2003/111", "E/CN.4/DEC/2003/111")], commission: true)
        check("Human Rights Council decision 2/102", [resolution("Human Rights Council decision 2/102", "A/HRC/DEC/2/102")])
        check("Economic and Social Council decision 2003/285", [resolution("Economic and Social Council decision 2003/285", "E/DEC/2003/285")])
    }

    func testCommissionContext() {
        let text = "resolution 57/218 and Commission resolution 2003/46, entitled"
        check(text, [resolution("Commission resolution 2003/46", "E/CN.4/RES/2003/46")], commission: true)
        check(text, [])
        // The real sentence of A/58/275: the General Assembly's resolution and the Commission's.
        check("General Assembly resolution 57/218 and Commission resolution 2003/46",
              [resolution("General Assembly resolution 57/218", "A/RES/57/218"), resolution("Commission resolution 2003/46", "E/CN.4/RES/2003/46")],
              commission: true)
        // The Sub-Commission is another body.
        check("Sub-Commission resolution 2003/1", [], commission: true)
        check("Commission on the Status of Women resolution 48/1", [], commission: true)
    }

    func testResolutionWithLocator() {
        check("General Assembly resolution 57/218, para. 3",
              [Expected(kind: .resolution, text: "General Assembly resolution 57/218, para. 3", symbol: "A/RES/57/218", paragraph: "3")])
    }

    // MARK: References inside the report

    func testInternalParagraphReferences() {
        check("as described in paragraph 12 above,", [paragraph("paragraph 12", nil, "12")])
        check("The cases (paras. 8-10 below) show", [paragraph("paras. 8-10", nil, "8", end: "10")])
        check("This is explained further (see para. 40).", [paragraph("para. 40", nil, "40")])
        check("See para. 40.", [paragraph("para. 40", nil, "40")])
        check("see also paragraph 9", [paragraph("paragraph 9", nil, "9")])
        check("see paragraphs 12 and 14", [paragraph("paragraphs 12", nil, "12"), paragraph("14", nil, "14")])
        check("the figures (para. 40) are", [paragraph("para. 40", nil, "40")])
        check("the figures (paras. 40 and 41; annex) are", [paragraph("paras. 40", nil, "40"), paragraph("41", nil, "41")])
        check("Paragraph 5 above lists", [paragraph("Paragraph 5", nil, "5")])
        check("in paragraph 12 of the present report", [paragraph("paragraph 12", nil, "12")])
        check("see para. 91 (c) below", [paragraph("para. 91 (c)", nil, "91-c")])
        check("see para.\u{00A0}40", [paragraph("para.\u{00A0}40", nil, "40")])
        // "of" another document: not a reference to this report.
        check("see paragraph 5 of Commission on Human Rights resolution 2003/46",
              [resolution("Commission on Human Rights resolution 2003/46", "E/CN.4/RES/2003/46")])
        check("paragraph 12 of A/58/275", [document("A/58/275")])
        // Right after a symbol, "(para. 80)" is that document's paragraph.
        check("the report A/58/275 (para. 80) notes",
              [document("A/58/275"), paragraph("para. 80", "A/58/275", "80")])
        check("(A/58/275) (para. 80)", [document("A/58/275"), paragraph("para. 80", nil, "80")])
        check("subparagraph 12 above", [])
        check("foresee para. 4", [])
    }

    func testChaptersAndSections() {
        check("the challenges referred to in chapter II of this report.", [section("chapter II", "II")])
        check("as set out in chapter IV.", [section("chapter IV", "IV")])
        check("in chapter IV above", [section("chapter IV", "IV")])
        check("(section III.B)", [section("section III.B", "III-B")])
        check("in section II, the", [section("section II", "II")])
        check("section IV.B.1 below", [section("section IV.B.1", "IV-B-1")])
        check("chapters II and III", [section("chapters II", "II"), section("III", "III")])
        check("Chapter IV below", [section("Chapter IV", "IV")])
        check("See section XXXIX.", [section("section XXXIX", "XXXIX")])
        check("chapter II.The", [])
        check("In this section I describe", [])
        check("in section I, the", [section("section I", "I")])
        check("sections I and II", [section("sections I", "I"), section("II", "II")])
        check("chapter IVa", [])
        // Text without digits is scanned only for chapters and sections.
        check("nothing to see here", [])
        check("as noted in chapter III", [section("chapter III", "III")])
    }

    // MARK: Punctuation and Unicode

    func testTrailingPunctuation() {
        for end in [".", ",", ";", ":", ")", "]", "!", "?", "\u{201D}", "'", "\u{2019}"] {
            check("see A/58/275\(end)", [document("A/58/275")])
        }
        check("see A/58/275.\nNext", [document("A/58/275")])
        check("see A/58/275...", [document("A/58/275")])
    }

    func testCharacterOffsetsWithAccents() {
        let links = check("Réunion, état: A/58/275", [document("A/58/275")])
        XCTAssertEqual(links.first?.range, 15..<23)
        // A decomposed é (e + U+0301) is still one Character.
        let decomposed = check("Re\u{301}union A/58/275", [document("A/58/275")])
        XCTAssertEqual(decomposed.first?.range, 8..<16)
        // An emoji of several scalars is one Character too.
        let emoji = check("\u{1F469}\u{200D}\u{2696}\u{FE0F} see para. 40", [paragraph("para. 40", nil, "40")])
        XCTAssertEqual(emoji.first?.range, 6..<14)
        // "\r\n" is one Character, and a space.
        let crlf = check("line\r\nA/58/275", [document("A/58/275")])
        XCTAssertEqual(crlf.first?.range, 5..<13)
        // An accented letter glued to the symbol makes it part of a word.
        check("éA/58/275", [])
        check("A/58/275é", [])
    }

    func testEnDashAndNoBreakSpace() {
        check("(A/68/283, paras.\u{00A0}127\u{2013}131)",
              [paragraph("A/68/283, paras.\u{00A0}127\u{2013}131", "A/68/283", "127", end: "131")])
        check("General\u{00A0}Assembly resolution\u{00A0}57/218", [resolution("General\u{00A0}Assembly resolution\u{00A0}57/218", "A/RES/57/218")])
        check("paras.\u{202F}8\u{2013}10 below", [paragraph("paras.\u{202F}8\u{2013}10", nil, "8", end: "10")])
    }

    func testNoCitationsWithoutDigits() {
        XCTAssertFalse(CitationScanner.mayHoldCitation("HIV/AIDS and/or his/her"))
        XCTAssertTrue(CitationScanner.mayHoldCitation("see chapter IV"))
        XCTAssertTrue(CitationScanner.mayHoldCitation("section II"))
        XCTAssertTrue(CitationScanner.mayHoldCitation("A/58/275"))
        XCTAssertEqual(scanner.scan(""), [])
    }

    // MARK: Performance sanity (no times asserted)

    func testLargeTextWithoutCitations() {
        let sentence = "On 12/08/2003, about 3/4 of the 1,200 migrants (HIV/AIDS and/or TB) travelled at 50 km/h; see https://undocs.org/A/58/275 or www.un.org. Réunion. "
        var text = ""
        while text.utf8.count < 1_000_000 { text += sentence }
        XCTAssertEqual(scanner.scan(text), [])
        // One long token without spaces, and a long run of digits and slashes.
        XCTAssertEqual(scanner.scan(String(repeating: "a/1", count: 350_000)), [])
        XCTAssertEqual(scanner.scan(String(repeating: "1/", count: 500_000)), [])
        XCTAssertEqual(scanner.scan("https://x.org/" + String(repeating: "A/58/275/", count: 100_000)), [])
    }

    func testLargeTextWithCitations() {
        var text = ""
        let sentence = "See A/58/275, paras. 12 and 13, and General Assembly resolution 57/218 (see para. 4). "
        while text.utf8.count < 1_000_000 { text += sentence }
        let links = scanner.scan(text)
        XCTAssertEqual(links.count, 4 * (text.utf8.count / sentence.utf8.count))
    }
}
