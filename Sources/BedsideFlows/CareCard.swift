import BedsideContent

/// A phone name from a flow, resolved through the site config's `phones:`.
public struct ResolvedPhone: Equatable, Sendable {
    /// The name the flow uses: emergency, after-hours, care-team.
    public var name: String
    /// Plain words for it, from the catalogue ("your cancer care team's 24-hour line";
    /// on an urgent card after the 24-hour line: "your care team in office hours").
    public var label: String
    /// The clinic's number, or nil when the site config does not set one.
    public var number: String?
    /// What to show instead of a number that is not set (never a made-up number).
    public var missingText: String

    public init(name: String, label: String, number: String?, missingText: String) {
        self.name = name
        self.label = label
        self.number = number
        self.missingText = missingText
    }

    /// The number, or where to find it ("the 24-hour number your clinic gave you").
    public var display: String { number ?? missingText }
}

public struct RelatedTopic: Equatable, Sendable {
    public var id: String
    public var title: String
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}

/// Headings for the card's parts, carried with the card so that formatting
/// it needs nothing else.
public struct CareCardHeadings: Equatable, Sendable {
    public var call, steps, say, sayForSomeone, meaning, related: String
}

/// What a person sees at the end of a flow: how fast to act, whom to call
/// (with the clinic's real numbers), the steps, what to say, what it may mean,
/// topics to read, and the safety line that is always there.
public struct CareCard: Equatable, Sendable {
    public var flowID: String
    public var flowTitle: String
    public var outcomeID: String
    public var level: UrgencyLevel
    /// The level in words, e.g. "EMERGENCY: call 911 now".
    public var headline: String
    /// The outcome's own title, e.g. "This could be pressure on your spinal cord".
    public var title: String
    public var phones: [ResolvedPhone]
    public var steps: [String]
    public var say: String?
    /// The same words for a carer calling about someone else.
    public var sayForSomeone: String?
    public var meaning: String
    public var related: [RelatedTopic]
    /// The card's last line, always present. For urgent, soon and routine
    /// cards: "If it gets worse or you are worried, call." An emergency card
    /// ends instead with what to do while waiting for help.
    public var safetyLine: String
    /// True when amber signs added up to this outcome.
    public var escalated: Bool
    /// Says why the level rose, when it was escalated.
    public var escalationNote: String?
    public var headings: CareCardHeadings

    /// - Parameter topicTitles: topic id -> title, for the related links
    ///   (an id without a title shows as itself).
    public init(outcome: FlowOutcome, flow: Flow, site: SiteConfig, strings: Catalogue = Catalogue(),
                topicTitles: [String: String] = [:], escalated: Bool = false) {
        flowID = flow.id
        flowTitle = flow.title
        outcomeID = outcome.id
        level = outcome.level
        title = outcome.title
        phones = Self.phones(outcome.call, site: site, strings: strings)
        // {emergency}, {after-hours}, {care-team} in a headline become the number,
        // or the phone's plain name when the clinic has not set one.
        var fillers: [String: String] = [:]
        for name in Set(SiteConfig.knownPhoneNames + outcome.call) {
            let phone = Self.resolve(name, site: site, strings: strings)
            fillers[name] = phone.number ?? phone.label
        }
        headline = strings.text(Self.headlineKey(outcome.level), fillers)
        let fill = { (text: String) in PhonePlaceholder.fill(text, site: site, strings: strings) }
        steps = outcome.actions.map(fill)
        say = outcome.say.map(fill)
        sayForSomeone = outcome.sayForSomeone.map(fill)
        meaning = fill(outcome.meaning)
        related = outcome.related.map { RelatedTopic(id: $0.value, title: topicTitles[$0.value] ?? $0.value) }
        safetyLine = fill(outcome.level == .emergency
            ? (outcome.whileWaiting ?? strings[.flowEmergencyWhileWaiting])
            : strings[.flowSafetyLine])
        self.escalated = escalated
        escalationNote = escalated ? strings[.flowEscalated] : nil
        headings = CareCardHeadings(call: strings[.flowHeadingCall], steps: strings[.flowHeadingSteps],
                                    say: strings[.flowHeadingSay], sayForSomeone: strings[.flowHeadingSayForSomeone],
                                    meaning: strings[.flowHeadingMeaning], related: strings[.flowHeadingRelated])
    }

    static func headlineKey(_ level: UrgencyLevel) -> TextKey {
        switch level {
        case .emergency: .levelEmergency
        case .urgent: .levelUrgent
        case .soon: .levelSoon
        case .routine: .levelRoutine
        }
    }

    /// Builds the card with the store's strings and topic titles.
    public init(outcome: FlowOutcome, flow: Flow, site: SiteConfig, store: ContentStore, escalated: Bool = false) {
        var titles: [String: String] = [:]
        for related in outcome.related {
            if let topic = store.topic(related.value) { titles[related.value] = topic.title }
        }
        self.init(outcome: outcome, flow: flow, site: site, strings: store.strings, topicTitles: titles, escalated: escalated)
    }

    /// The card where `session` ended, or nil while questions remain.
    public init?(session: FlowSession, site: SiteConfig, store: ContentStore) {
        guard let outcome = session.outcome else { return nil }
        self.init(outcome: outcome, flow: session.flow, site: site, store: store, escalated: session.escalated)
    }

    /// The phones a card names, most urgent first: the emergency number, then
    /// the 24-hour line, then the care team. When the 24-hour line is there, the
    /// care team is named as the number for office hours, so at night the
    /// reader knows which one to ring.
    public static func phones(_ names: [String], site: SiteConfig, strings: Catalogue) -> [ResolvedPhone] {
        let order = SiteConfig.knownPhoneNames
        let sorted = names.enumerated().sorted { a, b in
            let ra = order.firstIndex(of: a.element) ?? order.count, rb = order.firstIndex(of: b.element) ?? order.count
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        return sorted.map { name in
            var phone = resolve(name, site: site, strings: strings)
            if name == "care-team" && names.contains("after-hours") {
                phone.label = strings.text(.phoneInOfficeHours, ["label": phone.label])
            }
            return phone
        }
    }

    public static func resolve(_ name: String, site: SiteConfig, strings: Catalogue) -> ResolvedPhone {
        let label = TextKey(rawValue: "phone-\(name)").map { strings[$0] } ?? name
        let number = site.number(for: name).flatMap { $0.isEmpty ? nil : $0 }
        return ResolvedPhone(name: name, label: label, number: number,
                             missingText: PhonePlaceholder.display(name, site: SiteConfig(phones: [:]), strings: strings))
    }
}
