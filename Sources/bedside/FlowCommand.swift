import ArgumentParser
import BedsideContent
import BedsideFlows
import BedsideUI
import Foundation

struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "Run a symptom check (\"What does this symptom mean?\").",
        // One example per paragraph: ArgumentParser wraps each at the terminal's
        // width on word boundaries, so nothing depends on hand-made columns.
        discussion: """
            bedside flow --list
              List the symptom checks.

            bedside flow ID
              Ask the questions on stdin and stdout, as plain text.

            bedside flow ID --answers yes,no,2
              Print the path and where it ends (answer ids or 1-based numbers).

            bedside flow ID --format json
              Print the first question as JSON.

            bedside flow --table [--format md|tsv]
              Every answer path of every flow, for clinical sign-off.

            Exits 1 on an unknown flow or an answer that does not fit.
            """
    )

    @OptionGroup var options: ContentOptions
    @Argument(help: "The flow id (see 'bedside flow --list').") var id: String?
    @Flag(help: "List the flows.") var list = false
    @Option(help: "Answers, comma separated: answer ids or 1-based numbers.") var answers: String?
    @Flag(help: "Print every answer path of every flow with its outcome and level (Markdown or TSV).") var table = false
    @Option(help: "Output format: text or json; with --table, md (default) or tsv.") var format: FlowFormat = .text
    @Option(help: "The site config file, for the clinic's phone numbers (default: /etc/bedside/site.yaml, then $XDG_CONFIG_HOME/bedside/site.yaml).")
    var site: String?
    @Option(help: "Wrap text at this many columns.") var width: Int = 80

    func run() throws {
        guard (20...1000).contains(width) else { throw ValidationError(Catalogue()[.cliWidthRange]) }
        let store = try options.load()
        let text = store.strings
        // A flow that failed its checks is not loaded; say why, so it is not silently missing.
        for problem in store.diagnostics where problem.severity == .error && problem.file.contains("/flows/") {
            printError(text.text(.cliSkipped, ["message": problem.formatted]))
        }
        if table { return try printTable(store) }
        guard format == .text || format == .json else {
            throw ValidationError(text.text(.cliFlowFormat, ["format": format.rawValue]))
        }
        if list { return try printList(store) }
        guard let id else { throw ValidationError(text[.cliFlowNeedId]) }
        guard let flow = store.flow(id) else {
            printError(text.text(.cliError, ["message": text.text(.cliNoFlow, ["id": id])
                       + DidYouMean.sentence(near: id, among: store.flows.map(\.id), text) + text[.cliListFlows]]))
            throw ExitCode(1)
        }
        let (config, problems) = SiteConfig.load(explicit: site, environment: ProcessInfo.processInfo.environment)
        if let problem = problems.first(where: { $0.severity == .error }) {
            printError(text.text(.cliError, ["message": problem.formatted]))
            throw ExitCode(1)
        }
        var session = FlowSession(flow: flow)
        if let answers {
            try follow(answers, in: &session, text)
            try printPosition(session, config, store)
        } else if format == .json {
            try printJSON(FlowJSON.position(session, site: config, store: store))
        } else {
            let options = LayoutOptions(width: width, unicode: false, numberLinks: false)
            let intro = DocumentLayouter.layout(flow.intro, options: options).lines.map(\.text)
            FlowConversation(store: store, site: config, width: width, introLines: intro)
                .run(&session, readLine: { Swift.readLine(strippingNewline: true) }, write: writeLines)
        }
    }

    func printTable(_ store: ContentStore) throws {
        switch format {
        case .tsv: print(TriageTable.tsv(store.flows), terminator: "")
        case .md, .text: print(TriageTable.markdown(store.flows), terminator: "")
        case .json: throw ValidationError(store.strings[.cliFlowTableFormat])
        }
    }

    func printList(_ store: ContentStore) throws {
        switch format {
        case .json: try printJSON(store.flows.map(FlowJSON.ListItem.init))
        case .text, .md, .tsv:
            for flow in store.flows { print("  \(flow.id.padding(toLength: 28, withPad: " ", startingAt: 0)) \(flow.title)") }
        }
    }

    /// Applies `--answers`, or exits 1 naming the answer that does not fit.
    func follow(_ answers: String, in session: inout FlowSession, _ text: Catalogue) throws {
        let given = answers.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if given == [""] { return }
        for (index, answer) in given.enumerated() {
            do {
                try session.answer(input: answer)
            } catch {
                let reason = error.describe(text)
                printError(text.text(.cliError, ["message": text.text(.cliFlowBadAnswer, ["number": "\(index + 1)", "answer": answer, "reason": reason])]))
                throw ExitCode(1)
            }
        }
    }

    func printPosition(_ session: FlowSession, _ config: SiteConfig, _ store: ContentStore) throws {
        switch format {
        case .json: try printJSON(FlowJSON.position(session, site: config, store: store))
        case .text, .md, .tsv:
            let text = store.strings
            var lines = [session.flow.title, ""]
            let path = FlowText.path(session.answered, text: text, width: width)
            if !path.isEmpty { lines += path + [""] }
            switch session.current {
            case .question(let question):
                lines += FlowText.question(question, progress: session.progress, text: text, width: width)
            case .outcome(let outcome):
                lines += FlowText.card(CareCard(outcome: outcome, flow: session.flow, site: config, store: store,
                                                escalated: session.escalated), store: store, width: width)
            }
            print(lines.joined(separator: "\n"))
        }
    }
}

enum FlowFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, md, tsv
}

