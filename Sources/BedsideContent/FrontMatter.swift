/// Splits a Markdown file into its YAML front matter and its body, keeping the
/// line numbers of both so errors point at the right line of the file.
public struct FrontMatterSplit: Equatable, Sendable {
    /// The YAML between the `---` fences (without them).
    public var yaml: String
    /// The 1-based line of the file where the YAML starts.
    public var yamlFirstLine: Int
    /// Everything after the closing fence.
    public var body: String
    /// The 1-based line of the file where the body starts.
    public var bodyFirstLine: Int
}

public enum FrontMatterError: Error, Equatable, Sendable {
    case missingOpeningFence
    case missingClosingFence(openedAtLine: Int)

    public var message: String {
        switch self {
        case .missingOpeningFence:
            return "missing front matter: the file must start with a line '---', then YAML fields, then '---'"
        case .missingClosingFence(let line):
            return "front matter opened with '---' on line \(line) is never closed: add a line '---' after the fields"
        }
    }
}

public enum FrontMatter {
    /// Splits `text` (line ends \\n, \\r\\n or \\r). The opening fence must be the first line; the closing
    /// fence is the next line that is exactly `---` or `...`.
    public static func split(_ text: String) -> Result<FrontMatterSplit, FrontMatterError> {
        // Work on lines without their terminators; accept \n and \r\n.
        // Swift reads "\r\n" as one Character, so split on each kind of line end.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(.missingOpeningFence)
        }
        var index = 1
        while index < lines.count {
            let line = lines[index].trimmingTrailingSpaces()
            if line == "---" || line == "..." {
                let yaml = lines[1..<index].joined(separator: "\n")
                let body = index + 1 < lines.count ? lines[(index + 1)...].joined(separator: "\n") : ""
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: index + 2))
            }
            index += 1
        }
        return .failure(.missingClosingFence(openedAtLine: 1))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
