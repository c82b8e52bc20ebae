/// `{phone:after-hours}` in topics, home, walkthroughs and flow text: the
/// clinic's number from the site config, wherever people read about calling.
/// A number the clinic has not set reads as where to find it ("the 24-hour
/// number your clinic gave you (often on your appointment card)"), never a
/// made-up number and never "ask your clinic" at 2 a.m.
public enum PhonePlaceholder {
    static let open = "{phone:"

    /// Whether `text` has "{phone:" at all: a byte scan. Foundation's
    /// `contains` went through NSString for every text node of every page laid
    /// out, a tenth of the monkey's time, to find nothing almost always.
    static func hasPlaceholder(_ text: String) -> Bool {
        let needle = Array(open.utf8)
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var i = 0
            while i <= bytes.count - needle.count {
                if bytes[i] == needle[0] {
                    var j = 1
                    while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The phone names in `text`, each with its line (1-based, from `firstLine`).
    public static func names(in text: String, firstLine: Int = 1) -> [(name: String, line: Int)] {
        guard hasPlaceholder(text) else { return [] }
        var out: [(String, Int)] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let start = rest.range(of: open) {
                guard let end = rest[start.upperBound...].firstIndex(of: "}") else { break }
                out.append((String(rest[start.upperBound..<end]), firstLine + offset))
                rest = rest[rest.index(after: end)...]
            }
        }
        return out
    }

    /// `text` with every known `{phone:NAME}` replaced; an unknown name is left
    /// as written (and `check` reports it).
    public static func fill(_ text: String, site: SiteConfig, strings: Catalogue) -> String {
        guard hasPlaceholder(text) else { return text }
        var result = text
        for name in Set(names(in: text).map(\.name)) where SiteConfig.knownPhoneNames.contains(name) {
            result = result.replacingOccurrences(of: open + name + "}", with: display(name, site: site, strings: strings))
        }
        return result
    }

    /// Every placeholder as one plain word (for search and reading-level scores,
    /// where the number itself is one "word").
    public static func plain(_ text: String, as word: String) -> String {
        guard hasPlaceholder(text) else { return text }
        var result = text
        for name in Set(names(in: text).map(\.name)) { result = result.replacingOccurrences(of: open + name + "}", with: word) }
        return result
    }

    /// The number, or where to find it.
    public static func display(_ name: String, site: SiteConfig, strings: Catalogue) -> String {
        if let number = site.number(for: name), !number.isEmpty { return number }
        return TextKey(rawValue: "phone-unset-\(name)").map { strings[$0] } ?? strings[.phoneUnsetCareTeam]
    }

    /// A problem for each unknown name, with its file and line.
    public static func problems(in text: String, file: String, firstLine: Int = 1) -> [Diagnostic] {
        names(in: text, firstLine: firstLine).filter { !SiteConfig.knownPhoneNames.contains($0.name) }.map {
            .error(file, $0.line, 1, "unknown phone '{phone:\($0.name)}': use one of "
                   + SiteConfig.knownPhoneNames.map { "{phone:\($0)}" }.joined(separator: ", "))
        }
    }
}
