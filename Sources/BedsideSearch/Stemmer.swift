import CStemmer

/// Snowball stemming through libstemmer ("fractures" -> "fractur").
/// A libstemmer instance is not thread-safe, so each index build and each
/// query makes its own (cheap) instance; none is ever shared.
final class Stemmer {
    private let stemmer: OpaquePointer?
    let language: String

    /// `language` is a Snowball algorithm name such as "english" or "spanish"
    /// (from sections.yaml). An unknown language falls back to English, then
    /// to no stemming at all.
    init(language: String) {
        let wanted = language.lowercased()
        if let s = sb_stemmer_new(wanted, "UTF_8") {
            stemmer = s
            self.language = wanted
        } else {
            stemmer = sb_stemmer_new("english", "UTF_8")
            self.language = stemmer == nil ? "none" : "english"
        }
    }

    deinit { if let stemmer { sb_stemmer_delete(stemmer) } }

    static func isSupported(_ language: String) -> Bool {
        guard let s = sb_stemmer_new(language.lowercased(), "UTF_8") else { return false }
        sb_stemmer_delete(s)
        return true
    }

    func stem(_ word: String) -> String {
        guard let stemmer else { return word }
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress,
                  let out = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
    }
}
