import Foundation
import XCTest

/// The plain commands (read, list, search, flow, check) never pass ESC, BEL,
/// C1 or bidi characters from content files or file names to the terminal.
/// Runs the built binary (.build/debug/bedside, or BEDSIDE_BIN) without tmux.
final class PlainCommandSafetyTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "bedside-plain-safety-" + UUID().uuidString
        let topic = """
            ---
            id: esc
            title: "Pain \\e]0;pwned\\a title"
            summary: "Summary \\u202E reversed"
            section: general
            sources:
              - title: "Source \\e[2J"
                organisation: Org
            reviewed: 2026-11-23
            ---
            Pain body \u{1B}[2J clear \u{1B}]52;c;ZXZpbA==\u{07} \u{1B}P1q\u{1B}\\ \u{9B}1m \u{202E}gnp.exe \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\

            """
        let flow = """
            ---
            id: esc-flow
            title: Pain \u{202E}check
            questions:
              - id: q
                text: "Pain \\e[5m?"
                answers:
                  - {id: "yes", text: "Yes \u{1B}[31m", go: done}
                  - {id: "no", text: "No", go: done}
            outcomes:
              - id: done
                level: routine
                title: Done
                call: [care-team]
                actions: [Rest]
                meaning: Fine.
            ---
            """
        let files = [
            "sections.yaml": "sections:\n  - id: general\n    title: General \u{1B}[1m\n",
            "topics/general/esc.md": topic,
            "topics/general/b\u{1B}]0;x\u{07}ad.md": "not a topic \u{1B}[2J\n",
            "flows/esc-flow.md": flow,
            "glossary/terms.yaml": "- id: pain\n  term: \"Pain\\e[1m\"\n  definition: \"Hurt \u{202E}.\"\n",
        ]
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    /// stdout and stderr of `bedside ARGS` together, or stdout alone.
    func run(_ args: [String], stdoutOnly: Bool = false) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        process.arguments = args + ["--content", root]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = stdoutOnly ? FileHandle.nullDevice : out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// The first byte sequence a terminal would obey, or nil.
    static func firstUnsafe(_ data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: continue
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                return String(format: "U+%04X", scalar.value)
            default: continue
            }
        }
        return nil
    }

    func testNoCommandPrintsTerminalControls() throws {
        guard FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else {
            throw XCTSkip("build bedside first: \(TmuxSession.binary)")
        }
        let commands: [[String]] = [
            ["read", "esc"], ["read", "nope"], ["list"], ["list", "--format", "json"], ["search", "pain"],
            ["search", "pain", "--format", "json"], ["check"], ["check", "--format", "json"],
            ["flow", "--list"], ["flow", "esc-flow"],
        ]
        for command in commands {
            let output = try run(command)
            XCTAssertNil(Self.firstUnsafe(output), "bedside \(command.joined(separator: " ")):\n\(String(decoding: output, as: UTF8.self))")
        }
        let read = String(decoding: try run(["read", "esc"]), as: UTF8.self)
        XCTAssertTrue(read.contains("Pain ^[]0;pwned^G title"), read)
        let check = String(decoding: try run(["check"]), as: UTF8.self)
        XCTAssertTrue(check.contains("/topics/general/esc.md:11:11: error: control character U+001B in text: remove it"), check)
        XCTAssertTrue(check.contains("/topics/general/b^[]0;x^Gad.md:1:1: error: the file name has control character U+001B in it: rename the file"), check)
        let json = try run(["list", "--format", "json"], stdoutOnly: true)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: json), String(decoding: json, as: UTF8.self))
    }
}
