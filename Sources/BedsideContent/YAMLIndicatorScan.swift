/// Finds YAML anchors (`&name`), aliases (`*name`) and complex keys (`? key`)
/// before Yams sees the text.
///
/// Why: an alias used as a mapping key makes Yams hash the whole node it
/// points to, and a "billion laughs" list (each level nine aliases of the one
/// before) expands to 10^9 nodes: loading never ends. Aliases in values can
/// blow up any walk over the tree the same way. bedside's content never needs
/// any of these features, so they are refused with a clear message instead.
///
/// The scan is one linear pass over the bytes. An indicator counts only where
/// a YAML node can start (the start of a line after indentation and `- `,
/// after `: `, `? `, `[`, `{`, `,` in flow collections, and after a `!tag`),
/// so `AT&T`, `a *b` or `2 * 3` in plain text are fine. Quoted scalars
/// ('...' with '' escapes, "..." with backslash escapes, both may span lines),
/// comments and block scalar bodies (`|` and `>`) are skipped.
///
/// When in doubt it reports rather than skips (a block scalar's body is taken
/// to end at the first line not indented past its key), because a missed alias
/// can hang the loader while a false report only asks the author to quote a value.
enum YAMLIndicatorScan {
    struct Finding: Equatable {
        /// 1-based, within the scanned text.
        var line: Int
        /// 1-based, in Unicode scalars.
        var column: Int
        var message: String
    }

    static let aliasMessage = "YAML anchors and aliases (&name, *name) are not allowed in bedside content files: write the value out in full"
    static let complexKeyMessage = "YAML complex keys ('? key') are not allowed in bedside content files: write 'key: value'"

    /// The first anchor, alias or complex key in `yaml`, or nil.
    static func firstForbidden(in yaml: String) -> Finding? {
        var scanner = Scanner(bytes: Array(yaml.utf8))
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        /// Byte offset where the current line starts (for columns).
        var lineStart = 0
        /// Depth of `[` / `{` collections: inside one, `,` starts a node.
        var flowDepth = 0
        /// A multi-line quoted scalar still open at the end of a line.
        var openQuote: UInt8?
        /// Set after `|` or `>`: lines indented more than this are the scalar's text.
        var blockScalarParent: Int?
        /// Set when a line ends inside a plain (unquoted) value: following lines
        /// indented more than this continue its text, so they start no node.
        var plainContinuation: Int?

        init(bytes: [UInt8]) { self.bytes = bytes }

        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"),
                   cr = UInt8(ascii: "\r")

        func isBlank(_ b: UInt8) -> Bool { b == Self.space || b == Self.tab }
        func isBreak(_ b: UInt8) -> Bool { b == Self.newline || b == Self.cr }
        /// True when position `j` is past the end, a blank or a line break.
        func endsToken(_ j: Int) -> Bool { j >= bytes.count || isBlank(bytes[j]) || isBreak(bytes[j]) }

        /// The column of byte `j` on the current line, 1-based, in scalars.
        func column(_ j: Int) -> Int {
            var count = 0
            for k in lineStart..<j where bytes[k] & 0xC0 != 0x80 { count += 1 }
            return count + 1
        }

        mutating func run() -> Finding? {
            while i < bytes.count {
                if let found = scanLine() { return found }
            }
            return nil
        }

        /// Moves `i` past the line break at `i` (if any) and starts a new line.
        mutating func newLine() {
            if i < bytes.count && bytes[i] == Self.cr { i += 1 }
            if i < bytes.count && bytes[i] == Self.newline { i += 1 }
            line += 1
            lineStart = i
        }

        mutating func skipToEndOfLine() {
            while i < bytes.count && !isBreak(bytes[i]) { i += 1 }
        }

        /// Scans one line from `i` (its first byte) and leaves `i` at the next line.
        mutating func scanLine() -> Finding? {
            var indent = 0
            while i + indent < bytes.count && bytes[i + indent] == Self.space { indent += 1 }
            let blankLine = endsToken(i + indent) && (i + indent >= bytes.count || !isBlank(bytes[i + indent]))
            if let parent = blockScalarParent {
                if blankLine || indent > parent {
                    skipToEndOfLine()
                    newLine()
                    return nil
                }
                blockScalarParent = nil
            }
            if let parent = plainContinuation {
                plainContinuation = nil
                if blankLine {
                    plainContinuation = parent
                    skipToEndOfLine()
                    newLine()
                    return nil
                }
                if indent > parent {
                    i += indent
                    let found = scanNodes(atNodeStart: false, nodeColumn: parent, plainOpen: true)
                    newLine()
                    return found
                }
            }
            if let quote = openQuote {
                openQuote = nil
                if !skipQuoted(quote) {
                    openQuote = quote
                    skipToEndOfLine()
                    newLine()
                    return nil
                }
                let found = scanNodes(atNodeStart: false, nodeColumn: indent)
                newLine()
                return found
            }
            i += indent
            // Directives (%YAML) and document markers hold no nodes to worry about.
            if i < bytes.count && bytes[i] == UInt8(ascii: "%") && indent == 0 {
                skipToEndOfLine()
                newLine()
                return nil
            }
            let found = scanNodes(atNodeStart: true, nodeColumn: indent)
            newLine()
            return found
        }

        /// Skips a quoted scalar's text from `i` (just past the opening quote)
        /// to just past its closing quote. False when the line ends first.
        mutating func skipQuoted(_ quote: UInt8) -> Bool {
            while i < bytes.count && !isBreak(bytes[i]) {
                let b = bytes[i]
                if quote == UInt8(ascii: "\"") && b == UInt8(ascii: "\\") {
                    i += 2
                    continue
                }
                if b == quote {
                    if quote == UInt8(ascii: "'") && i + 1 < bytes.count && bytes[i + 1] == quote {
                        i += 2 // '' is an escaped quote
                        continue
                    }
                    i += 1
                    return true
                }
                i += 1
            }
            return false
        }

        /// Scans the rest of the line from `i`.
        /// - Parameters:
        ///   - atNodeStart: a node may start at `i`.
        ///   - nodeColumn: the column (0-based) where the line's innermost block
        ///     key or item starts: a block scalar on this line belongs to it.
        ///   - plainOpen: the line continues a plain value from the line before.
        mutating func scanNodes(atNodeStart start: Bool, nodeColumn column: Int, plainOpen open: Bool = false) -> Finding? {
            var atNodeStart = start
            var nodeColumn = column
            // At the line start or after `- `, a node may be a key: its column is the line's node column.
            var keyPosition = start
            var plainOpen = open
            var afterBlank = true
            defer { plainContinuation = plainOpen && flowDepth == 0 && openQuote == nil && blockScalarParent == nil ? nodeColumn : nil }
            while i < bytes.count && !isBreak(bytes[i]) {
                let b = bytes[i]
                if isBlank(b) {
                    i += 1
                    afterBlank = true
                    continue
                }
                if b == UInt8(ascii: "#") && afterBlank {
                    skipToEndOfLine() // a comment, which also ends a plain value
                    plainOpen = false
                    return nil
                }
                afterBlank = false
                if atNodeStart {
                    switch b {
                    case UInt8(ascii: "&"), UInt8(ascii: "*"):
                        return Finding(line: line, column: self.column(i), message: YAMLIndicatorScan.aliasMessage)
                    case UInt8(ascii: "?") where endsToken(i + 1):
                        return Finding(line: line, column: self.column(i), message: YAMLIndicatorScan.complexKeyMessage)
                    case UInt8(ascii: "-") where endsToken(i + 1) && flowDepth == 0:
                        // A block sequence item: its content starts a node too.
                        i += 1
                        while i < bytes.count && bytes[i] == Self.space { i += 1 }
                        nodeColumn = i - lineStart
                        keyPosition = true
                        continue
                    case UInt8(ascii: "!"):
                        // A tag: the node itself comes after it.
                        while !endsToken(i) { i += 1 }
                        continue
                    case UInt8(ascii: "'"), UInt8(ascii: "\""):
                        let keyColumn = i - lineStart
                        i += 1
                        if !skipQuoted(b) {
                            openQuote = b
                            skipToEndOfLine()
                            return nil
                        }
                        if flowDepth == 0 && keyPosition { nodeColumn = keyColumn }
                        keyPosition = false
                        plainOpen = false
                        atNodeStart = false
                        continue
                    case UInt8(ascii: "|") where flowDepth == 0, UInt8(ascii: ">") where flowDepth == 0:
                        // A block scalar: its text is on the following, more indented lines.
                        // Right after `- ` or at the line start the parent is taken to be just
                        // left of the indicator; after `key: ` it is the key's column.
                        let here = i - lineStart
                        blockScalarParent = nodeColumn == here ? here - 1 : nodeColumn
                        skipToEndOfLine()
                        return nil
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        flowDepth += 1
                        keyPosition = false
                        plainOpen = false
                        i += 1
                        continue
                    default:
                        // A plain value (or key) starts here.
                        if flowDepth == 0 && keyPosition { nodeColumn = i - lineStart }
                        keyPosition = false
                        plainOpen = flowDepth == 0
                        atNodeStart = false
                    }
                }
                // Inside a node (plain text, or between flow items).
                switch b {
                case UInt8(ascii: ":") where endsToken(i + 1) || flowDepth > 0:
                    // `key: value`: a node starts after the colon. In a flow
                    // collection `a:b` is still one plain word, but `{a: *b}`
                    // and `{"a":*b}` are not, so a colon there counts too.
                    atNodeStart = true
                    plainOpen = false
                case UInt8(ascii: ",") where flowDepth > 0:
                    atNodeStart = true
                case UInt8(ascii: "[") where flowDepth > 0, UInt8(ascii: "{") where flowDepth > 0:
                    flowDepth += 1
                    atNodeStart = true
                case UInt8(ascii: "]") where flowDepth > 0, UInt8(ascii: "}") where flowDepth > 0:
                    flowDepth -= 1
                default:
                    break
                }
                i += 1
            }
            return nil
        }
    }
}
