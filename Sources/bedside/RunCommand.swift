import ArgumentParser
import BedsideContent

// Not built yet: replaced when its engine lands.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the full-screen browser (default).")
    @OptionGroup var options: ContentOptions
    func run() throws {
        let store = try options.load()
        print("bedside: \(store.topics.count) topics loaded from \(store.root). The full-screen browser is not built yet; try 'bedside list' or 'bedside read ID'.")
    }
}
