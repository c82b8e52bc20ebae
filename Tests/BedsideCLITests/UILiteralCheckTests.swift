import Foundation
import XCTest

/// scripts/check-ui-literals (run by `make test`) fails on a new user-visible
/// English sentence in Swift source, and lets through keys, identifiers and
/// lines marked with a reason.
final class UILiteralCheckTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ source: String) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("literals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try source.write(to: folder.appendingPathComponent("Sample.swift"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/perl")
        process.arguments = [Self.root.appendingPathComponent("scripts/check-ui-literals").path, folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func testANewSentenceFailsWithItsLine() throws {
        let result = try run("""
            let key = "flow-safety-line"
            // "A comment is fine"
            message = "Press \\(key) to go back."
            """)
        XCTAssertEqual(result.status, 1, result.output)
        XCTAssertTrue(result.output.contains(#"Sample.swift:3: user-visible text in Swift: "Press to go back.""#), result.output)
    }

    func testOneCapitalisedWordCountsToo() throws {
        XCTAssertEqual(try run(#"let title = "Glossary""#).status, 1)
    }

    func testKeysIdentifiersAndMarkedLinesPass() throws {
        let result = try run("""
            let key = "level-emergency"
            let id = "yes"
            let queue = DispatchQueue(label: "bedside effects") // not-ui: a queue label for debuggers
            @Option(help: "The content folder.") var content: String?
            """)
        XCTAssertEqual(result.status, 0, result.output)
    }
}
