import Yams

/// Who may sign off clinical content, and whether they have. The shipped
/// content is written for a clinic to check: it says `pending` until a named
/// role at that clinic signs it off with a date.
public enum SignOff: Equatable, Sendable, CustomStringConvertible {
    case pending
    case signed(ReviewDate)

    public var description: String {
        switch self {
        case .pending: "pending"
        case .signed(let date): "signed off \(date)"
        }
    }
}

/// The governance fields every topic, flow and walkthrough carries, so a
/// clinic's content lead can see what was checked, by whom, and when it is due
/// again (issue 12: "something a clinic can sign off").
public struct Governance: Equatable, Sendable {
    /// The date a clinician last checked it.
    public var reviewed: ReviewDate?
    /// When it must be checked again; `check` warns once this has passed.
    public var reviewDue: ReviewDate?
    /// A role ("oncology nurse educator"), never a made-up person's name.
    public var reviewedBy: String?
    public var signedOff: SignOff?
    /// Raised with every clinical change (recorded in Content/CHANGES.md).
    public var version: Int?

    public init(reviewed: ReviewDate? = nil, reviewDue: ReviewDate? = nil, reviewedBy: String? = nil,
                signedOff: SignOff? = nil, version: Int? = nil) {
        self.reviewed = reviewed
        self.reviewDue = reviewDue
        self.reviewedBy = reviewedBy
        self.signedOff = signedOff
        self.version = version
    }

    public static let fields: Set<String> = ["reviewed", "review-due", "reviewed-by", "signed-off", "version"]

    /// The fields that are missing, by their front-matter names.
    public var missingFields: [String] {
        var missing: [String] = []
        if reviewed == nil { missing.append("reviewed") }
        if reviewDue == nil { missing.append("review-due") }
        if reviewedBy == nil { missing.append("reviewed-by") }
        if signedOff == nil { missing.append("signed-off") }
        if version == nil { missing.append("version") }
        return missing
    }

    /// True until a clinic writes the date it signed the item off.
    public var awaitsSignOff: Bool { !isSigned }
    public var isSigned: Bool { if case .signed = signedOff { return true } else { return false } }

    /// Reads the governance fields of one front matter. Wrongly written values
    /// are errors at their line; missing ones are left nil (the validator warns).
    static func parse(_ map: Node.Mapping, yaml: inout YAMLFields, reviewedRequired: Bool = false, root: Node? = nil) -> Governance {
        var governance = Governance()
        governance.reviewed = date(map, "reviewed", yaml: &yaml, required: reviewedRequired, root: root)
        governance.reviewDue = date(map, "review-due", yaml: &yaml, required: false, root: root)
        if let due = governance.reviewDue, let reviewed = governance.reviewed, due < reviewed {
            yaml.error(YAMLFields.value(map, "review-due"), "'review-due' (\(due)) is before 'reviewed' (\(reviewed))")
        }
        if let by = yaml.string(map, "reviewed-by", in: root, required: false) {
            governance.reviewedBy = by
        }
        if let text = yaml.string(map, "signed-off", in: root, required: false) {
            if text.lowercased() == "pending" {
                governance.signedOff = .pending
            } else if let date = ReviewDate.parse(text) {
                governance.signedOff = .signed(date)
            } else {
                yaml.error(YAMLFields.value(map, "signed-off"), "'signed-off' must be 'pending' or the date of sign-off (YYYY-MM-DD), not '\(text)'")
            }
        }
        if YAMLFields.value(map, "version") != nil {
            governance.version = yaml.int(map, "version")
            if let version = governance.version, version < 1 {
                yaml.error(YAMLFields.value(map, "version"), "'version' must be a whole number from 1 up, not \(version)")
            }
        }
        return governance
    }

    private static func date(_ map: Node.Mapping, _ key: String, yaml: inout YAMLFields, required: Bool, root: Node?) -> ReviewDate? {
        guard let text = yaml.string(map, key, in: root, required: required) else { return nil }
        guard let date = ReviewDate.parse(text) else {
            yaml.error(YAMLFields.value(map, key), "'\(key)' must be a date written as YYYY-MM-DD, not '\(text)'")
            return nil
        }
        return date
    }
}
