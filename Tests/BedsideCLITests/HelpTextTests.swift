import ArgumentParser
import BedsideContent
import Foundation
import XCTest
@testable import bedside
@testable import BedsideUI

/// Issue 13: `--help` wraps at word boundaries at any width, and the man page
/// agrees with the program about the smallest window.
final class HelpTextTests: XCTestCase {
    static let commands: [ParsableCommand.Type] = [Bedside.self, Run.self, View.self, Check.self, List.self, Read.self,
                                                    Search.self, FlowCommand.self]

    func testHelpWrapsAtWordBoundariesAtEveryWidth() {
        for command in Self.commands {
            let wide = Bedside.helpMessage(for: command, columns: 1000)
            let words = Set(wide.split(whereSeparator: \.isWhitespace))
            for columns in [40, 50, 60, 80] {
                let text = Bedside.helpMessage(for: command, columns: columns)
                // A line may be longer only when it is one word too long to break (a path),
                // or one of ArgumentParser's own fixed lines (usage, "See 'bedside help'").
                for line in text.split(separator: "\n") where line.count > columns {
                    let fixed = line.hasPrefix("USAGE:") || line.contains("See 'bedside help")
                    let oneWord = line.split(whereSeparator: \.isWhitespace).count == 1
                    XCTAssertTrue(fixed || oneWord, "\(command) at \(columns): '\(line)'")
                }
                // Every word of the narrow help is a whole word of the wide one: nothing split mid-word.
                for word in text.split(whereSeparator: \.isWhitespace) where !words.contains(word) {
                    XCTFail("\(command) at \(columns): '\(word)' is a piece of a word")
                }
            }
        }
    }

    func testTheManPageStatesTheSmallestWindowTheProgramAccepts() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let man = try String(contentsOf: root.appendingPathComponent("docs/bedside.1"), encoding: .utf8)
        XCTAssertTrue(man.contains("\(Frame.minWidth) by \(Frame.minHeight) cells"), "docs/bedside.1 must say \(Frame.minWidth) by \(Frame.minHeight)")
        XCTAssertTrue(man.contains(Catalogue()[.tooSmallTitle]), "the man page quotes the program's own words")
    }
}
