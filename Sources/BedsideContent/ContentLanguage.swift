import Foundation

/// Where a translated item's text came from, so `check` can say when the
/// English has moved on since (a stale translation).
public struct TranslationRecord: Equatable, Sendable {
    /// The translation file.
    public var path: String
    /// The English `version:` it was made from (`translation-of:`).
    public var translationOf: Int?
    /// The English file's `version:` now.
    public var englishVersion: Int?
    public var signedOff: SignOff?
    /// Where `translation-of:` is written (line 1 when it is missing).
    public var line: Int

    /// True when the English changed after this translation was made.
    public var isStale: Bool {
        guard let made = translationOf, let now = englishVersion else { return false }
        return made < now
    }
}

/// The languages a content folder can hold. English is the source; every other
/// language is a translation beside it (`bone-pain.es.md` next to `bone-pain.md`).
public enum ContentLanguage: String, CaseIterable, Sendable, Codable {
    case en, es

    /// The Snowball stemmer's name for this language.
    public var stemmerName: String {
        switch self {
        case .en: "english"
        case .es: "spanish"
        }
    }

    /// The translation file beside an English one: "topics/a/bone-pain.md" →
    /// "topics/a/bone-pain.es.md". Nil for English.
    public func translationPath(of englishPath: String) -> String? {
        guard self != .en else { return nil }
        guard let dot = englishPath.lastIndex(of: "."),
              !englishPath[dot...].contains("/") else { return englishPath + "." + rawValue }
        return englishPath[..<dot] + "." + rawValue + englishPath[dot...]
    }

    /// A language from a code or locale ("es", "es_US.UTF-8", "Spanish", "español").
    public static func parse(_ text: String) -> ContentLanguage? {
        let lower = text.lowercased()
        if let exact = ContentLanguage(rawValue: lower) { return exact }
        switch lower {
        case "english", "inglés", "ingles": return .en
        case "spanish", "español", "espanol": return .es
        default: break
        }
        // A locale: language, then "_", "-", "." or "@".
        let code = lower.prefix { $0.isLetter }
        return code.count == 2 ? ContentLanguage(rawValue: String(code)) : nil
    }

    /// The language to use when none was asked for: the site's, else the
    /// locale's (LC_ALL, LC_MESSAGES, LANG, as gettext reads them), else English.
    public static func resolve(option: String?, site: String?, environment: [String: String]) -> ContentLanguage {
        if let option, let language = parse(option) { return language }
        if let site, let language = parse(site) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // "C" and "POSIX" say nothing about a language; the first set variable decides.
            return parse(value) ?? .en
        }
        return .en
    }
}

/// The front matter every translated Markdown file shares.
