import BedsideContent
import Foundation
import XCTest

/// Issue 16, 3 and 7: a site config must never fail open. Typos, impossible
/// PIN hashes and unreadable files are errors, so kiosk mode cannot silently
/// stay off or lock staff in.
final class SiteConfigTests: XCTestCase {
    // A real `openssl passwd -6 1234` hash.
    static let goodHash = "$6$Sbx7Z4tlb/tQXffA$TKkAYJVjJpp0LnWLLP4AOco4lWgUJY06OtWXTAv7B.mBIbfdZD3ak787ZRkAydpewjAhZOSmjrhhcTq4ozhlN1"

    func errors(_ yaml: String) -> [String] {
        SiteConfig.parse(text: yaml, path: "site.yaml").1.filter { $0.severity == .error }.map(\.formatted)
    }

    func testAGoodKioskConfigParses() {
        let (config, problems) = SiteConfig.parse(text: "kiosk:\n  enabled: true\n  idle-seconds: 3600\n  exit-pin-hash: \"\(Self.goodHash)\"\n", path: "site.yaml")
        XCTAssertEqual(problems.map(\.formatted), [])
        XCTAssertTrue(config.kiosk.enabled)
        XCTAssertEqual(config.kiosk.idleSeconds, 3600)
        XCTAssertEqual(config.kiosk.exitPinHash, Self.goodHash)
    }

    func testAMisspeltKeyIsAnErrorNotAWarning() {
        XCTAssertEqual(errors("kiosk: { enabeld: true }\n"),
                       ["site.yaml:1:10: error: unknown field 'enabeld' in 'kiosk' (known fields: enabled, exit-pin-hash, idle-seconds)"])
        XCTAssertTrue(errors("kiosks:\n  enabled: true\n").first?.contains("unknown field 'kiosks' in the site config") ?? false)
    }

    func testIdleSecondsHasAnUpperBound() {
        XCTAssertTrue(errors("kiosk:\n  idle-seconds: 3601\n").first?.contains("at most 3600") ?? false)
        XCTAssertTrue(errors("kiosk:\n  idle-seconds: 4\n").first?.contains("at least 5") ?? false)
    }

    func testPINHashesThatCanNeverMatchOrStallTheScreenAreRefused() {
        let bad = [
            "$9$abc$def": "unknown scheme '$9$'",
            String(Self.goodHash.dropLast(10)): "not a complete $6$ hash",
            "$6$rounds=999999999$salt$" + String(repeating: "a", count: 86): "999999999 rounds",
            "$6$rounds=lots$salt$" + String(repeating: "a", count: 86): "bad 'rounds=' value",
            "$2b$20$" + String(repeating: "a", count: 53): "bcrypt cost 20",
            "plain": "crypt(3) form",
        ]
        for (hash, words) in bad {
            let found = errors("kiosk:\n  exit-pin-hash: \"\(hash)\"\n")
            XCTAssertTrue(found.first?.contains(words) ?? false, "\(hash): \(found)")
            XCTAssertNil(SiteConfig.parse(text: "kiosk:\n  exit-pin-hash: \"\(hash)\"\n", path: "s").0.kiosk.exitPinHash)
        }
        XCTAssertNil(PINHashForm.problem("$6$rounds=5000$salt$" + String(repeating: "a", count: 86)))
        XCTAssertNil(PINHashForm.problem("$5$salt$" + String(repeating: "b", count: 43)))
    }

    func testAnUnreadableSiteFileIsAnError() throws {
        guard getuid() != 0 else {
            // root reads any file: prove the same path with a folder, which is not readable as a file.
            let dir = NSTemporaryDirectory() + "bedside-site-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let (_, problems) = SiteConfig.load(explicit: dir, environment: [:])
            XCTAssertEqual(problems.first?.severity, .error, "\(problems)")
            return
        }
        let path = NSTemporaryDirectory() + "bedside-site-" + UUID().uuidString + ".yaml"
        try Data("kiosk:\n  enabled: true\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        chmod(path, 0)
        let (_, problems) = SiteConfig.load(explicit: path, environment: [:])
        XCTAssertEqual(problems.first?.severity, .error, "\(problems)")
    }

    /// Issue 14: the site's language and the nurse's summary copy.
    func testLanguageAndStaffCopyLanguage() {
        let (config, problems) = SiteConfig.parse(text: "language: es\nsummary:\n  staff-copy-language: en\n", path: "site.yaml")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(config.language, .es)
        XCTAssertEqual(config.staffCopyLanguage, .en)
        let (_, bad) = SiteConfig.parse(text: "language: klingon\nsummary:\n  staff-copy: en\n", path: "site.yaml")
        XCTAssertEqual(bad.map(\.line), [1, 3])
        XCTAssertTrue(bad[0].message.contains("'language' is 'klingon'"), bad[0].message)
        XCTAssertEqual(bad.map(\.severity), [.error, .error])
    }
}
