import Testing
@testable import BedsideSearch

/// Markdown to the plain text that search indexes and snippets quote.
@Suite struct MarkdownTextTests {
    @Test func headingsAndParagraphLinesAreKeptApartWithoutMarkup() {
        let markdown = """
            # Bone pain

            It can **ache** at night. See [when to get help](when-to-get-help.md).
              - *Rest* helps
            > Call us | any time

            ```
            code is skipped
            ```
            | a | b |
            |---|:-:|
            ## Treatment ##
            ** __ **
            ![x-ray](x.png) picture
            """
        let text = MarkdownText.split(markdown)
        #expect(text.headings == "Bone pain\nTreatment ##")
        #expect(text.paragraphs == "It can ache at night. See when to get help.\nRest helps\nCall us   any time\na   b\nx-ray picture", "image marks and link targets go")
    }

    @Test func emptyTextGivesEmptyFields() {
        #expect(MarkdownText.split("") == ("", ""))
        #expect(MarkdownText.split("\n\n   \n** **\n") == ("", ""))
    }
}
