import Foundation
import Yams

/// The clinic's settings (`site.yaml`): its name, the phones flows tell people
/// to call, the theme, printing and kiosk mode. Numbers live here, never in code.
public struct SiteConfig: Equatable, Sendable {
    public struct Kiosk: Equatable, Sendable {
        public var enabled = false
        public var idleSeconds = 120
        /// crypt(3) hash of the admin exit PIN, e.g. from `openssl passwd -6`.
        public var exitPinHash: String?
        public init() {}
    }

    public var clinicName: String?
    /// Phone name -> number. `emergency` defaults to 911.
    public var phones: [String: String]
    public var theme: String
    public var printCommand: String?
    public var kiosk: Kiosk
    /// The library's language when no `--lang` is given (and where a kiosk's
    /// idle reset returns); nil leaves it to the locale.
    public var language: ContentLanguage?
    /// A second copy of the take-home summary, in this language, for the nurse
    /// (when the patient's copy is in another language).
    public var staffCopyLanguage: ContentLanguage?
    /// Where the config came from, for messages ("built-in defaults" when no file).
    public var origin: String

    public static let knownPhoneNames = ["emergency", "after-hours", "care-team"]
    public static let themes = ["default", "high-contrast", "monochrome"]

    public init(clinicName: String? = nil, phones: [String: String] = ["emergency": "911"], theme: String = "default",
                printCommand: String? = nil, kiosk: Kiosk = Kiosk(), origin: String = "built-in defaults") {
        self.clinicName = clinicName
        self.phones = phones
        self.theme = theme
        self.printCommand = printCommand
        self.kiosk = kiosk
        self.origin = origin
    }

    public static let defaults = SiteConfig()
    /// The longest idle time before a kiosk forgets the visit.
    public static let maxIdleSeconds = 3600

    /// The number for a phone name, if the clinic set one.
    public func number(for name: String) -> String? { phones[name] }

    public static func parse(text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig(origin: path)
        var yaml = YAMLFields(file: path)
        guard let root = yaml.parse(text) else { return (config, yaml.diagnostics) }
        guard let map = yaml.mapping(root, what: "the site config") else { return (config, yaml.diagnostics) }
        // Unknown keys are errors here: `kiosk: { enabeld: true }` must not
        // silently leave a shared workstation in normal mode.
        yaml.refuseUnknownKeys(map, allowed: ["clinic", "phones", "theme", "print-command", "kiosk", "language", "summary"],
                              what: "the site config")
        config.language = language(map, "language", root: root, yaml: &yaml)
        if let summary = map["summary"], let summaryMap = yaml.mapping(summary, what: "'summary'") {
            yaml.refuseUnknownKeys(summaryMap, allowed: ["staff-copy-language"], what: "'summary'")
            config.staffCopyLanguage = language(summaryMap, "staff-copy-language", root: summary, yaml: &yaml)
        }
        if let clinic = map["clinic"] {
            if let clinicMap = yaml.mapping(clinic, what: "'clinic'") {
                yaml.refuseUnknownKeys(clinicMap, allowed: ["name"], what: "'clinic'")
                config.clinicName = yaml.string(clinicMap, "name", in: clinic, required: false)
            }
        }
        if let phones = map["phones"], let phoneMap = yaml.mapping(phones, what: "'phones'") {
            for (key, value) in phoneMap {
                guard let name = key.scalar?.string else { continue }
                guard let number = value.scalar?.string.trimmingCharacters(in: .whitespaces), !number.isEmpty else {
                    yaml.error(value, "phone '\(name)' must be a number written as text, e.g. \"555-0100\"")
                    continue
                }
                if !number.contains(where: \.isNumber) {
                    yaml.error(value, "phone '\(name)' is '\(number)', which has no digits")
                    continue
                }
                if !knownPhoneNames.contains(name) {
                    yaml.warning(key, "phone '\(name)' is not used by the shipped flows (they call: \(knownPhoneNames.joined(separator: ", ")))")
                }
                config.phones[name] = number
            }
        }
        if let theme = yaml.string(map, "theme", in: root, required: false) {
            if themes.contains(theme) { config.theme = theme } else {
                yaml.error(map["theme"], "theme '\(theme)' is not one of: \(themes.joined(separator: ", "))")
            }
        }
        config.printCommand = yaml.string(map, "print-command", in: root, required: false)
        if let kiosk = map["kiosk"], let kioskMap = yaml.mapping(kiosk, what: "'kiosk'") {
            yaml.refuseUnknownKeys(kioskMap, allowed: ["enabled", "idle-seconds", "exit-pin-hash"], what: "'kiosk'")
            config.kiosk.enabled = yaml.bool(kioskMap, "enabled")
            if let seconds = yaml.int(kioskMap, "idle-seconds") {
                if seconds < 5 { yaml.error(kioskMap["idle-seconds"], "'idle-seconds' must be at least 5") } else if seconds > maxIdleSeconds {
                    yaml.error(kioskMap["idle-seconds"], "'idle-seconds' is \(seconds): at most \(maxIdleSeconds) (an hour), so a visit is never left on a shared screen for long")
                } else {
                    config.kiosk.idleSeconds = seconds
                }
            }
            if let hash = yaml.string(kioskMap, "exit-pin-hash", in: kiosk, required: false) {
                if let problem = PINHashForm.problem(hash) {
                    yaml.error(kioskMap["exit-pin-hash"], "'exit-pin-hash' \(problem) (make one with: openssl passwd -6)")
                } else {
                    config.kiosk.exitPinHash = hash
                }
            }
            if config.kiosk.enabled && config.kiosk.exitPinHash == nil {
                yaml.warning(kiosk, "kiosk mode is on but no 'exit-pin-hash' is set: staff cannot leave kiosk mode except by stopping the service")
            }
        }
        return (config, yaml.diagnostics)
    }

    private static func language(_ map: Node.Mapping, _ key: String, root: Node, yaml: inout YAMLFields) -> ContentLanguage? {
        guard let text = yaml.string(map, key, in: root, required: false) else { return nil }
        guard let language = ContentLanguage.parse(text) else {
            yaml.error(map[key], "'\(key)' is '\(text)': write one of \(ContentLanguage.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return language
    }

    /// Looks for the config in order: `--site FILE`, /etc/bedside/site.yaml,
    /// $XDG_CONFIG_HOME/bedside/site.yaml (or ~/.config), then built-in defaults.
    public static func candidatePaths(explicit: String?, environment: [String: String]) -> [String] {
        if let explicit { return [explicit] }
        var paths = ["/etc/bedside/site.yaml"]
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            paths.append(xdg + "/bedside/site.yaml")
        } else if let home = environment["HOME"], !home.isEmpty {
            paths.append(home + "/.config/bedside/site.yaml")
        }
        return paths
    }

    public static func load(explicit: String?, environment: [String: String]) -> (SiteConfig, [Diagnostic]) {
        for path in candidatePaths(explicit: explicit, environment: environment) {
            guard FileManager.default.fileExists(atPath: path) else {
                if explicit != nil { return (SiteConfig(), [.error(path, 1, 1, "site config file not found")]) }
                continue
            }
            var diagnostics: [Diagnostic] = []
            guard let text = ContentLoader.readText(path, &diagnostics) else { return (SiteConfig(), diagnostics) }
            return parse(text: text, path: path)
        }
        return (SiteConfig(), [])
    }
}
