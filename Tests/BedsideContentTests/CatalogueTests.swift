import BedsideContent
import Foundation
import XCTest

/// The string catalogue (issue 13, A3): the shipped file defines every key the
/// program uses and nothing else, plurals and dates follow the file, and a
/// damaged file is reported with file:line while the built-in English fills in.
final class CatalogueTests: XCTestCase {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func testTheShippedCatalogueHasEveryKeyAndNoUnusedOne() {
        let store = ContentLoader.load(root: Self.root + "/Content")
        let problems = store.diagnostics.filter { $0.file.hasSuffix("strings.yaml") }
        XCTAssertEqual(problems.map(\.formatted), [])
        for key in TextKey.allCases {
            XCTAssertNotNil(store.strings.entries[key.rawValue], "Content/strings.yaml lacks '\(key.rawValue)'")
        }
    }

    /// The compiled-in copy is the shipped file byte for byte (`make strings` refreshes it).
    func testTheBuiltInCopyIsTheShippedFile() throws {
        let shipped = try String(contentsOfFile: Self.root + "/Content/strings.yaml", encoding: .utf8)
        let source = try String(contentsOfFile: Self.root + "/Sources/BedsideContent/BuiltInCatalogueText.swift", encoding: .utf8)
        XCTAssertTrue(source.contains("#\"\"\"\n" + shipped + "\"\"\"#"),
                      "Sources/BedsideContent/BuiltInCatalogueText.swift is stale: run scripts/make-builtin-catalogue (make strings)")
    }

    func testPluralsDatesAndTimesFollowTheFile() {
        let english = Catalogue()
        XCTAssertEqual(english.plural(.boxPinWrong, 1), "Wrong PIN. 1 try left.")
        XCTAssertEqual(english.plural(.boxPinWrong, 2), "Wrong PIN. 2 tries left.")
        XCTAssertEqual(english.plural(.durationMinutes, 1), "1 minute")
        XCTAssertEqual(english.date(year: 2026, month: 12, day: 6), "December 6, 2026")
        XCTAssertEqual(english.time(hour: 0, minute: 5), "12:05 a.m.")
        XCTAssertEqual(english.time(hour: 14, minute: 30), "2:30 p.m.")
        // Another language is one more file: its own order, names and forms.
        let (spanish, problems) = parse("""
            box-pin-wrong:
              one: "PIN incorrecto. Le queda {count} intento."
              other: "PIN incorrecto. Le quedan {count} intentos."
            date-format: "{day} de {month} de {year}"
            date-months: [enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre]
            time-format: "{hour12}:{minute} {ampm}"
            time-am: "a. m."
            time-pm: "p. m."
            """)
        XCTAssertEqual(problems.filter { $0.severity == .error }.map(\.formatted), [])
        XCTAssertEqual(spanish.plural(.boxPinWrong, 1), "PIN incorrecto. Le queda 1 intento.")
        XCTAssertEqual(spanish.plural(.boxPinWrong, 3), "PIN incorrecto. Le quedan 3 intentos.")
        XCTAssertEqual(spanish.date(year: 2026, month: 12, day: 6), "6 de diciembre de 2026")
        XCTAssertEqual(spanish.time(hour: 21, minute: 0), "9:00 p. m.")
    }

    func testMissingUnusedAndMisshapenKeysAreReportedWithTheirLine() {
        let (catalogue, problems) = parse("""
            level-emergency: "EMERGENCIA: llame al {emergency} ahora"
            levl-urgent: "a typo of a key"
            box-pin-wrong: "not a plural"
            help-lines: "one line where a list belongs"
            """)
        let all = problems + catalogue.problems()
        func find(_ text: String) -> Diagnostic? { all.first { $0.message.contains(text) } }
        XCTAssertEqual(find("unused key 'levl-urgent'")?.line, 2)
        XCTAssertEqual(find("'box-pin-wrong' must be a plural")?.line, 3)
        XCTAssertEqual(find("'help-lines' must be a list")?.line, 4)
        XCTAssertNotNil(find("missing key 'level-urgent'"))
        XCTAssertTrue(all.allSatisfy { $0.file == "strings.es.yaml" })
        // The file's own text wins; a missing key shows the built-in English, never a blank.
        XCTAssertEqual(catalogue.text(.levelEmergency, ["emergency": "911"]), "EMERGENCIA: llame al 911 ahora")
        XCTAssertEqual(catalogue.text(.levelUrgent, ["after-hours": "555"]), "URGENT: call 555 now, today")
    }

    func parse(_ yaml: String) -> (Catalogue, [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try? "sections:\n  - id: a\n    title: A\n".write(toFile: folder + "/sections.yaml", atomically: true, encoding: .utf8)
        try? yaml.write(toFile: folder + "/strings.yaml", atomically: true, encoding: .utf8)
        let store = ContentLoader.load(root: folder)
        let problems = store.diagnostics.filter { $0.file.hasSuffix("strings.yaml") }
            .map { Diagnostic(file: "strings.es.yaml", line: $0.line, column: $0.column, severity: $0.severity, message: $0.message) }
        var catalogue = store.strings
        catalogue.path = "strings.es.yaml"
        return (catalogue, problems)
    }

    /// Placeholders are filled in one pass: every known `{name}`, wherever
    /// it is and however often; an unknown one stays as written; and a value
    /// is put in as it is, never read again for placeholders (with a
    /// dictionary's order that re-reading came out differently from run to run).
    func testFillReplacesEachKnownPlaceholderOnceInOnePass() {
        XCTAssertEqual(Catalogue.fill("Call {number} now. {number}!", ["number": "911"]), "Call 911 now. 911!")
        XCTAssertEqual(Catalogue.fill("{count} tries left, {name}", ["count": "2"]), "2 tries left, {name}")
        XCTAssertEqual(Catalogue.fill("{a} and {b}", ["a": "{b}", "b": "x"]), "{b} and x")
        XCTAssertEqual(Catalogue.fill("Llame al {número} — ¿{x}?", ["número": "911", "x": "sí"]), "Llame al 911 — ¿sí?")
        XCTAssertEqual(Catalogue.fill("{ {a}} {", ["a": "1"]), "{ 1} {")
        XCTAssertEqual(Catalogue.fill("no braces", ["a": "1"]), "no braces")
    }
}
