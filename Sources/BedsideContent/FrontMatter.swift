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
        // Works on UTF-8 bytes (every topic goes through here at start-up).
        // Lines end at \n, \r\n or \r; the terminators are not part of a line.
        var text = text
        return text.withUTF8 { bytes -> Result<FrontMatterSplit, FrontMatterError> in
            var lines: [Range<Int>] = []
            var start = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    lines.append(start..<i)
                    i += (b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            lines.append(start..<bytes.count)
            if lines.last?.isEmpty == true { lines.removeLast() }

            func isFence(_ line: Range<Int>, _ marks: [UInt8]...) -> Bool {
                var end = line.upperBound
                while end > line.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                return marks.contains { $0.count == end - line.lowerBound && $0.elementsEqual(bytes[line.lowerBound..<end]) }
            }
            func joined(_ range: ArraySlice<Range<Int>>) -> String {
                var out: [UInt8] = []
                out.reserveCapacity(range.reduce(0) { $0 + $1.count + 1 })
                for (n, line) in range.enumerated() {
                    if n > 0 { out.append(0x0A) }
                    out.append(contentsOf: bytes[line])
                }
                return String(decoding: out, as: UTF8.self)
            }
            let dashes: [UInt8] = [0x2D, 0x2D, 0x2D], dots: [UInt8] = [0x2E, 0x2E, 0x2E]
            guard let first = lines.first, isFence(first, dashes) else { return .failure(.missingOpeningFence) }
            for index in 1..<max(1, lines.count) where isFence(lines[index], dashes, dots) {
                let yaml = joined(lines[1..<index])
                let body = index + 1 < lines.count ? joined(lines[(index + 1)...]) : ""
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: index + 2))
            }
            return .failure(.missingClosingFence(openedAtLine: 1))
        }
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
