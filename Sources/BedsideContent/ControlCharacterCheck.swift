import Foundation

/// `bedside check`: control characters in content files and their names.
///
/// ESC, BEL, other C0 and C1 controls, DEL and bidi controls are never part
/// of patient text, and a terminal obeys them (escape sequences, reordered
/// text) instead of showing them. Every output path shows them harmlessly
/// (TerminalSafe), but they are still errors: the author should remove them.
/// Loading is not affected; this reads the files again, for check only.
enum ControlCharacterCheck {
    /// Characters reported one by one per file; the rest are counted.
    static let perFile = 5

    static func problems(root: String) -> [Diagnostic] {
        var paths = ContentLoader.files(under: root + "/topics", extensions: ["md", "markdown"])
        paths += ContentLoader.files(under: root + "/glossary", extensions: ["yaml", "yml"])
        paths += ContentLoader.files(under: root + "/flows", extensions: ["md"])
        paths += ContentLoader.files(under: root + "/walkthroughs", extensions: ["md"])
        paths += ContentLoader.files(under: root + "/search", extensions: ["yaml", "yml"])
        paths += ["home.md", "strings.yaml", "sections.yaml"].map { root + "/" + $0 }
            .filter { FileManager.default.fileExists(atPath: $0) }
        return Parallel.map(paths, problems(path:)).flatMap { $0 }
    }

    static func problems(path: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let bad = path.unicodeScalars.first(where: TerminalSafe.isUnsafe) {
            problems.append(.error(path, 1, 1, "the file name has \(describe(bad)) in it: rename the file"))
        }
        // Unreadable or non-UTF-8 files are already reported by the loader.
        var ignored: [Diagnostic] = []
        guard let text = ContentLoader.readText(path, &ignored) else { return problems }
        let found = TerminalSafe.findUnsafe(in: text)
        for (line, column, scalar) in found.prefix(perFile) {
            problems.append(.error(path, line, column, "\(describe(scalar)) in text: remove it"))
        }
        if found.count > perFile {
            let next = found[perFile]
            problems.append(.error(path, next.line, next.column, "\(found.count - perFile) more control characters from here on: remove them"))
        }
        return problems
    }

    /// "control character U+001B", or "bidi control character U+202E" for the
    /// ones that reorder text rather than control the terminal.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        (TerminalSafe.isBidi(scalar) ? "bidi control character " : "control character ") + TerminalSafe.codePoint(scalar)
    }
}
