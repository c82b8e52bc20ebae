import BedsideContent

/// Turns inline Markdown into words and wraps them to a width, keeping each
/// piece's style and link, and the glossary words it finds.
struct TextRuns {
    struct Fragment {
        var text: String
        var style: Style
        var link: Int?
        /// On a word's first fragment: a space came before the word. Kept
        /// here rather than as a token of its own, which halved the tokens
        /// (and the memory) of a long paragraph.
        var spaceBefore = false
        /// The text's display width, measured once when the word is complete:
        /// wrapping again at another width (a resize) only adds widths up.
        var width = 0
    }
    enum Token {
        /// A word in one style: most words. No array, so a huge paragraph
        /// costs a few bytes a word, not an allocation a word.
        case single(Fragment)
        /// A word whose parts differ in style or link ("bone[1]").
        case word([Fragment])
        case hardBreak

        static func make(_ fragments: [Fragment]) -> Token {
            fragments.count == 1 ? .single(fragments[0]) : .word(fragments)
        }

        /// The word's parts, or nil for a space or a break.
        var fragments: [Fragment]? {
            switch self {
            case .single(let fragment): [fragment]
            case .word(let fragments): fragments
            case .hardBreak: nil
            }
        }
    }

    var tokens: [Token] = []
    private var currentWord: [Fragment] = []
    /// Whitespace was met since the last word (and some word came before it).
    private var spaceBeforeNext = false

    /// `links` collects every link met, so they are numbered in reading order across the document.
    init(_ inlines: [Inline], base: Style, options: LayoutOptions, links: inout [(LinkTarget, String)]) {
        append(inlines, style: base, link: nil, options: options, links: &links)
        finishWord()
    }

    private mutating func finishWord() {
        if !currentWord.isEmpty {
            if spaceBeforeNext { currentWord[0].spaceBefore = true }
            for i in currentWord.indices { currentWord[i].width = DisplayWidth.of(currentWord[i].text) }
            spaceBeforeNext = false
            tokens.append(.make(currentWord))
        }
        currentWord = []
    }

    private mutating func addText(_ text: String, _ style: Style, _ link: Int?) {
        for ch in text {
            if ch == " " || ch == "\t" || ch == "\n" {
                finishWord()
                if !tokens.isEmpty { spaceBeforeNext = true }
            } else if let last = currentWord.last, last.style == style, last.link == link {
                currentWord[currentWord.count - 1].text.append(ch)
            } else {
                currentWord.append(Fragment(text: String(ch), style: style, link: link))
            }
        }
    }

    private mutating func append(_ inlines: [Inline], style: Style, link: Int?, options: LayoutOptions,
                                 links: inout [(LinkTarget, String)]) {
        for inline in inlines {
            switch inline {
            case .text(let s): addText(s, style, link)
            case .code(let s):
                var code = style
                code.role = .code
                addText(s, code, link)
            case .emphasis(let c):
                var s = style
                s.italic = true
                append(c, style: s, link: link, options: options, links: &links)
            case .strong(let c):
                var s = style
                s.bold = true
                append(c, style: s, link: link, options: options, links: &links)
            case .strikethrough(let c):
                append(c, style: style, link: link, options: options, links: &links)
            case .softBreak: addText(" ", style, link)
            case .lineBreak:
                finishWord()
                tokens.append(.hardBreak)
                spaceBeforeNext = false
            case .link(let l):
                links.append((l.target, l.text))
                let index = links.count - 1
                var s = style
                s.role = .link
                s.underline = true
                append(l.content, style: s, link: index, options: options, links: &links)
                // App actions (flow answers, teach-back marks) are not numbered:
                // their own list numbers or labels are what the reader uses.
                let isAction = if case .app = l.target { true } else { false }
                if options.numberLinks && !isAction {
                    var number = style
                    number.role = .muted
                    number.italic = false
                    // Attach "[n]" to the last word so it never wraps alone.
                    if currentWord.isEmpty, !spaceBeforeNext, let w = tokens.last?.fragments {
                        tokens.removeLast()
                        currentWord = w
                    }
                    // The n-th numbered link: actions take no number, so the
                    // numbers a reader sees are exactly the ones digits open.
                    let shown = links.lazy.filter { if case .app = $0.0 { false } else { true } }.count
                    currentWord.append(Fragment(text: "[\(shown)]", style: number, link: index))
                }
            }
        }
    }


    /// Greedy wrapping: `first` and `rest` are the prefixes (bullet, indent,
    /// quote bar) of the first and following lines.
    func wrap(width: Int, first: [Span], rest: [Span]) -> [LayoutLine] {
        var lines: [LayoutLine] = []
        var line = LayoutLine(first)
        // The line's display width, kept as it grows (measuring the whole line
        // for every word made wrapping quadratic in the line's length).
        let restWidth = LayoutLine(rest).width
        var lineWidth = line.width
        var lineHasWord = false
        var pendingSpace = false
        func newLine() {
            lines.append(line)
            line = LayoutLine(rest)
            lineWidth = restWidth
            lineHasWord = false
            pendingSpace = false
        }
        func add(_ fragment: Fragment) {
            lineWidth += fragment.width
            if let last = line.spans.last, last.style == fragment.style, last.link == fragment.link {
                line.spans[line.spans.count - 1].text += fragment.text
            } else {
                line.spans.append(Span(fragment.text, fragment.style, link: fragment.link))
            }
        }
        // One word's fragments: a single fragment (most words) is placed
        // without making an array for it.
        func place<Word: Collection<Fragment>>(_ word: Word) {
            if word.first?.spaceBefore == true { pendingSpace = lineHasWord }
            let w = word.reduce(0) { $0 + $1.width }
            if lineHasWord && lineWidth + (pendingSpace ? 1 : 0) + w > width { newLine() }
            if pendingSpace && lineHasWord {
                // The space takes the style of the word before it only if both are one link.
                let linkSpace = word.first?.link != nil && line.spans.last?.link == word.first?.link
                let first = word.first!
                add(Fragment(text: " ", style: linkSpace ? first.style : .plain, link: linkSpace ? first.link : nil, width: 1))
            }
            if lineWidth + w <= width || lineHasWord {
                for fragment in word { add(fragment) }
            } else {
                // A word longer than the line: break it by characters.
                for fragment in word {
                    for ch in fragment.text {
                        let chWidth = DisplayWidth.of(ch)
                        if lineWidth + chWidth > width && lineWidth > restWidth { newLine() }
                        add(Fragment(text: String(ch), style: fragment.style, link: fragment.link, width: chWidth))
                    }
                }
            }
            lineHasWord = true
            pendingSpace = false
        }
        for token in tokens {
            switch token {
            case .hardBreak: newLine()
            case .single(let fragment): place(CollectionOfOne(fragment))
            case .word(let fragments): place(fragments)
            }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
