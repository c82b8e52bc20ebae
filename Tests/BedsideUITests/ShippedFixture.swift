import BedsideContent
import Foundation
@testable import BedsideUI

/// The shipped content, for tests that are about the real flows and walkthroughs.
enum Shipped {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Content").path
    static let store = ContentLoader.load(root: root)

    static let site: SiteConfig = {
        var site = SiteConfig(clinicName: "Riverside Cancer Center")
        site.phones["care-team"] = "555-0100"
        site.phones["after-hours"] = "555-0199"
        // Staff exit is set up (the PIN itself is checked by the injected verifyPIN).
        site.kiosk.exitPinHash = "$6$salt$" + String(repeating: "x", count: 86)
        return site
    }()

    static func env(kiosk: Bool = false, printCommand: String? = nil) -> AppEnvironment {
        var site = site
        site.printCommand = printCommand
        return AppEnvironment(store: store, site: site, kiosk: kiosk)
    }
}
