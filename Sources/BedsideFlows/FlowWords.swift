import Foundation
import BedsideContent

/// The short UI texts around a flow, read from `strings.yaml` so a clinic can
/// reword or translate them. The fallbacks only cover a content folder that
/// lacks a key; they never hold a phone number.
public struct FlowWords: Equatable, Sendable {
    public var strings: ContentStrings
    public init(_ strings: ContentStrings = ContentStrings()) { self.strings = strings }

    static let fallbacks: [String: String] = [
        "flow-safety-line": "If it gets worse or you are worried, call.",
        "flow-disclaimer": "This checker does not diagnose. It helps you decide how fast to get help.",
        "level-emergency": "EMERGENCY: call {emergency} now",
        "level-urgent": "URGENT: call {after-hours} now, today",
        "level-soon": "SOON: contact your care team within 1-2 days",
        "level-routine": "ROUTINE: mention it at your next visit",
        "phone-emergency": "the emergency number",
        "phone-after-hours": "your cancer care team's 24-hour line",
        "phone-care-team": "your care team",
        "phone-unset": "ask your clinic for this number",
        "flow-heading-call": "Who to call",
        "flow-heading-steps": "What to do",
        "flow-heading-say": "What to say",
        "flow-heading-say-for-someone": "Calling for someone else? Say",
        "flow-emergency-while-waiting": "While you wait: if you are alone, unlock your door. Keep your phone near you.",
        "flow-escalated": "Two or more of your answers are milder signs that add up. Together they need a call today.",
        "flow-heading-meaning": "What it may mean",
        "flow-heading-related": "Read more",
        "flow-heading-answers": "Your answers",
        "flow-progress": "Question {number} of up to {upTo}",
        "flow-prompt": "Type the number of your answer, b to go back, or q to stop.",
        "flow-not-an-answer": "Please type a number from 1 to {count}, b to go back, or q to stop.",
        "flow-stopped": "Stopped before the end. If you are worried, call your care team.",
    ]

    /// The text for `key`: strings.yaml first, then the built-in fallback.
    public subscript(_ key: String) -> String {
        strings.values[key] ?? Self.fallbacks[key] ?? key
    }

    /// The text for `key` with each `{name}` replaced from `values`.
    public func fill(_ key: String, _ values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = template
        for (name, value) in values { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }

    /// The keys a flow screen uses, so `bedside check` or a test can confirm
    /// that strings.yaml defines every one.
    public static var keys: [String] { fallbacks.keys.sorted() }
}
