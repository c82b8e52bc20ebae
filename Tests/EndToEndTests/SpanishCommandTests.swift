import Foundation
import XCTest

/// Issue 14, as a clinic's script sees it: the real binary on the shipped content.
final class SpanishCommandTests: XCTestCase {
    func bedside(_ args: [String], environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        process.arguments = args + ["--content", TmuxSession.content]
        process.environment = environment.merging(["HOME": NSTemporaryDirectory()]) { a, _ in a }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "bedside \(args.joined(separator: " "))")
        return data
    }

    struct Listed: Decodable, Equatable { var id: String; var title: String; var section: String }

    /// `bedside list --lang es --format json` lists every topic id the English list has,
    /// in the same shape, with Spanish titles; LANG=es_US picks Spanish on its own.
    func testListInSpanishHasEveryEnglishIdWithSpanishTitles() throws {
        let english = try JSONDecoder().decode([Listed].self, from: bedside(["list", "--format", "json"]))
        let spanish = try JSONDecoder().decode([Listed].self, from: bedside(["list", "--lang", "es", "--format", "json"]))
        XCTAssertEqual(spanish.map(\.id), english.map(\.id))
        XCTAssertEqual(spanish.map(\.section), english.map(\.section))
        XCTAssertEqual(zip(english, spanish).filter { $0.title == $1.title }.map(\.0.id), [], "every title is translated")
        let byLocale = try JSONDecoder().decode([Listed].self, from: bedside(["list", "--format", "json"], environment: ["LANG": "es_US.UTF-8"]))
        XCTAssertEqual(byLocale, spanish)
    }

    /// One path through the CLI in both languages: the same level and phones, Spanish words.
    func testFlowJSONInSpanishHasTheEnglishLevelAndCalls() throws {
        func outcome(_ lang: String) throws -> [String: Any] {
            let data = try bedside(["flow", "high-calcium", "--lang", lang, "--answers", "yes", "--format", "json"])
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            return try XCTUnwrap(object["outcome"] as? [String: Any], "\(object)")
        }
        let en = try outcome("en"), es = try outcome("es")
        XCTAssertEqual(en["level"] as? String, "emergency")
        XCTAssertEqual(es["level"] as? String, en["level"] as? String)
        let calls = { (o: [String: Any]) in (o["call"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String } }
        XCTAssertEqual(calls(es), calls(en))
        XCTAssertEqual(Set(es.keys), Set(en.keys), "the JSON has the same shape")
        XCTAssertNotEqual(es["title"] as? String, en["title"] as? String)
    }
}
