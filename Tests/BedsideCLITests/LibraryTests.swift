import BedsideContent
import BedsideUI
import Foundation
import XCTest
@testable import bedside

/// How `bedside` wires the languages: each is read once, when first asked
/// for; the summary is in the patient's language, with the nurse's copy in the
/// clinic's language after it when the site asks for one.
final class LibraryTests: XCTestCase {
    func testTheNurseGetsACopyInTheClinicsLanguage() throws {
        var site = SiteConfig()
        site.staffCopyLanguage = .en
        let spanish = ContentLoader.load(root: Shipped.root, language: .es)
        let library = Library(first: spanish, site: site, unicode: true, kiosk: false, file: nil)
        let env = try XCTUnwrap(library.environment(.es))
        XCTAssertEqual(env.languages.map(\.name), ["English", "Español"])
        XCTAssertEqual(env.homeLanguage, .es)
        var state = AppState(page: .home, width: 80, height: 24)
        state = App.update(state, .key(.char("c")), env).0
        state = App.update(state, .key(.char("p")), env).0
        let (_, effects) = App.update(state, .key(.enter), env)
        guard case .saveSummary(let text, let markdown)? = effects.first else { return XCTFail("\(effects)") }
        let pages = text.components(separatedBy: "\u{0C}")
        XCTAssertEqual(pages.count, 2, "the patient's copy, then the nurse's on a new page")
        XCTAssertTrue(pages[0].contains("Revisar un síntoma") || pages[0].contains("síntoma"), pages[0])
        XCTAssertTrue(pages[1].contains("symptom"), pages[1])
        XCTAssertTrue(markdown.contains("---"))

        // No staff language, or the same as the patient's: one copy.
        let plain = Library(first: spanish, site: SiteConfig(), unicode: true, kiosk: false, file: nil).environment(.es)!
        XCTAssertNil(plain.staffCopy)
    }

    func testOnlyLanguagesTheContentHoldsAreOffered() throws {
        let library = Library(first: Shipped.store, site: SiteConfig(), unicode: true, kiosk: false, file: nil)
        XCTAssertNotNil(library.environment(.es))
        XCTAssertEqual(library.environment(.es)?.store.language, .es)
        let viewer = Library(first: Shipped.store, site: SiteConfig(), unicode: true, kiosk: false,
                             file: (path: "x.md", document: Document(blocks: [])))
        XCTAssertNil(viewer.environment(.es), "bedside view shows one file: nothing to translate")
    }

    /// A Spanish word typed into the English library offers the Spanish one
    /// (Tab switches, the query stays); an English query that finds its page does not.
    func testASpanishQueryInEnglishOffersSpanish() throws {
        let library = Library(first: Shipped.store, site: SiteConfig(), unicode: true, kiosk: false, file: nil)
        let env = try XCTUnwrap(library.environment(.en))
        func typed(_ query: String) -> AppState {
            var state = App.update(AppState(page: .home, width: 100, height: 30), .key(.char("/")), env).0
            for c in query { state = App.update(state, .key(.char(c)), env).0 }
            return state
        }
        let spanish = typed("quimioterapia")
        guard case .search(let search)? = spanish.overlay else { return XCTFail("\(spanish.overlay as Any)") }
        XCTAssertEqual(search.otherLanguage?.language, .es)
        XCTAssertTrue(search.otherLanguage?.offer.hasPrefix("Ver en español:") == true, "\(search.otherLanguage as Any)")
        let (_, effects) = App.update(spanish, .key(.tab), env)
        XCTAssertEqual(effects, [.switchLanguage(.es)])

        // A whole Spanish sentence: the offer, never an English "did you mean" ("tengo much sed").
        guard case .search(let sentence)? = typed("tengo mucha sed").overlay else { return XCTFail() }
        XCTAssertEqual(sentence.otherLanguage?.language, .es)
        XCTAssertNil(sentence.suggestion)
        XCTAssertEqual(App.update(typed("tengo mucha sed"), .key(.tab), env).1, [.switchLanguage(.es)])

        guard case .search(let english)? = typed("chemotherapy").overlay else { return XCTFail() }
        XCTAssertNil(english.otherLanguage, "the English library answers an English query")
        XCTAssertEqual(english.results.first?.id, "chemotherapy")

        // English words the Spanish glossary also lists ("can't pee" under "retención de
        // orina") score higher there, but are English: offering Spanish for them was wrong.
        for query in ["cant pee", "can't pee", "can't feel my legs", "very thirsty"] {
            guard case .search(let plain)? = typed(query).overlay else { return XCTFail(query) }
            XCTAssertNil(plain.otherLanguage, "\(query): \(plain.otherLanguage as Any)")
            XCTAssertFalse(plain.results.isEmpty, query)
        }
    }
}
