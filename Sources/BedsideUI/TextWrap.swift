import BedsideContent

/// The one word-wrapper for plain text (the CLI, the summary, pop-up boxes):
/// it runs the same `TextRuns` the reader uses, so widths are display columns
/// (a wide character counts 2, a combining mark 0) and a word longer than the
/// line is split, never overflowing.
public enum TextWrap {
    /// `text` as lines no wider than `width`; the first line starts with
    /// `first`, the others with `rest`. Trailing spaces are trimmed.
    public static func lines(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var noLinks: [(LinkTarget, String)] = []
        let runs = TextRuns([.text(text)], base: .plain, options: LayoutOptions(width: max(1, width), numberLinks: false), links: &noLinks)
        let wrapped = runs.wrap(width: max(1, width), first: first.isEmpty ? [] : [Span(first)], rest: rest.isEmpty ? [] : [Span(rest)])
        let out = wrapped.map { $0.text.trimmingTrailing() }
        return out.isEmpty ? [first.trimmingTrailing()] : out
    }
}
