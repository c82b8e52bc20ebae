import BedsideContent
import XCTest
@testable import BedsideUI

/// A page laid out again at a new width reuses the words and glossary marks
/// of its first layout (`PreparedText`). These prove the reuse changes no
/// line, link, heading, mark or box: every shipped page, at widths where
/// indents stop and tables fold, equals a layout made from scratch.
final class PreparedLayoutTests: XCTestCase {
    static let widths = [8, 20, 33, 50, 80, 131]

    static var pages: [Page] {
        let store = Shipped.store
        var pages: [Page] = [.home, .glossaryIndex, .flowPicker, .walkthroughPicker]
        pages += store.topics.map { .topic($0.id) }
        pages += store.glossary.map { .glossaryTerm($0.id) }
        pages += store.flows.map { .flow($0.id) }
        pages += store.walkthroughs.flatMap { w in w.steps.indices.map { .walkthrough(w.id, step: $0) } }
        return pages
    }

    func testEveryShippedPageAtEveryWidthEqualsAFreshLayout() {
        let env = Shipped.env()
        XCTAssertGreaterThan(Self.pages.count, 100, "the shipped content loaded")
        for page in Self.pages {
            let document = Pages.document(page, env)
            let options = { (width: Int) in LayoutOptions(width: width, unicode: env.unicode) }
            let first = DocumentLayouter.layout(document, options: options(80), glossary: env.matcher, reusing: nil)
            for width in Self.widths {
                let reused = DocumentLayouter.layout(document, options: options(width), glossary: env.matcher, reusing: first.prepared)
                let fresh = DocumentLayouter.layout(document, options: options(width), glossary: env.matcher)
                XCTAssertEqual(reused.layout, fresh, "\(page) at width \(width)")
            }
        }
    }

    func testTheReaderCacheGivesTheSameLayoutAfterAResize() {
        let env = Shipped.env()
        for page in Self.pages.prefix(40) {
            var state = AppState(page: page, width: 120, height: 40)
            _ = state.layout(env)                       // prepares the page at 120 columns
            for (width, height) in [(50, 16), (80, 24), (200, 60)] {
                state.width = width
                state.height = height
                let cached = state.layout(env)
                let fresh = DocumentLayouter.layout(Pages.document(page, env, marks: state.pageMarks),
                                                    options: LayoutOptions(width: state.frame.text.width, unicode: env.unicode,
                                                                           numberLinks: !FlowPage.isQuestion(page, env.store)),
                                                    glossary: page == .glossaryIndex ? nil : env.matcher)
                XCTAssertEqual(cached, fresh, "\(page) at \(width)x\(height)")
            }
        }
    }

    func testADocumentOfAnotherShapeIsNotLaidOutFromTheWrongWords() {
        // What is reused belongs to one document; given another's, the
        // paragraph count differs and layout starts afresh.
        let one = MarkdownParser.parse("First paragraph here.\n\nSecond one.")
        let other = MarkdownParser.parse("Only one paragraph, with other words.")
        let prepared = DocumentLayouter.layout(one, options: LayoutOptions(width: 40), glossary: nil, reusing: nil).prepared
        let reused = DocumentLayouter.layout(other, options: LayoutOptions(width: 30), glossary: nil, reusing: prepared).layout
        XCTAssertEqual(reused, DocumentLayouter.layout(other, options: LayoutOptions(width: 30)))
    }
}
