import BedsideContent
import BedsideFlows
import Foundation
import XCTest

/// The shipped content, loaded once for all tests.
enum Shipped {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content").path
    static let store: ContentStore = ContentLoader.load(root: root)

    static func flow(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> Flow {
        try XCTUnwrap(store.flow(id), "shipped flow '\(id)' did not load: \(store.diagnostics.map(\.formatted))", file: file, line: line)
    }
}

/// A throwaway folder, removed when the test ends.
final class TempFolder {
    let root: String
    init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "bedside-flows-" + UUID().uuidString
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
    }
    deinit { try? FileManager.default.removeItem(atPath: root) }
}

/// The 1-based line of the first line of `text` that contains `needle`.
func line(of needle: String, in text: String, file: StaticString = #filePath, sourceLine: UInt = #line) -> Int {
    let lines = text.components(separatedBy: "\n")
    guard let index = lines.firstIndex(where: { $0.contains(needle) }) else {
        XCTFail("fixture has no line containing '\(needle)'", file: file, line: sourceLine)
        return -1
    }
    return index + 1
}

/// The 1-based line of the first line containing `needle` below the line containing `anchor`.
func line(of needle: String, after anchor: String, in text: String, file: StaticString = #filePath, sourceLine: UInt = #line) -> Int {
    let lines = text.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.contains(anchor) }),
          let index = lines[(start + 1)...].firstIndex(where: { $0.contains(needle) }) else {
        XCTFail("fixture has no line containing '\(needle)' after '\(anchor)'", file: file, line: sourceLine)
        return -1
    }
    return index + 1
}
