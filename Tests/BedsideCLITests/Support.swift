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

