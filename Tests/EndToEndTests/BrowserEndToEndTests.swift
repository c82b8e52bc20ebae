import XCTest

/// The real binary in a real terminal (tmux) at 80x24.
final class BrowserEndToEndTests: XCTestCase {
    override func setUp() {
        super.setUp()
        continueAfterFailure = false
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: TmuxSession.binary), "build bedside first: \(TmuxSession.binary)")
    }

    func start(_ args: [String] = [], width: Int = 80, height: Int = 24) throws -> TmuxSession {
        let session = try TmuxSession(["--content", TmuxSession.content] + args, width: width, height: height)
        if !args.contains("--topic") { session.waitFor(text: "bedside explains things") }
        return session
    }

    func testOpenATopicFromTheSidebarFollowALinkAndGoBack() throws {
        let t = try start()
        try t.send("s")
        t.waitFor(text: "Esc back to page")
        // Home, then the first section: open it and its first topic.
        try t.send("Down", "Enter", "Down", "Enter")
        let topic = t.waitFor(text: "Understanding bone metastases ›")
        XCTAssertTrue(topic.contains("What are bone metastases?") || topic.contains("What bone metastases are"), topic)
        // Tab through the links; glossary links open a popup (closed with Esc),
        // the first topic link leaves the page.
        var left = false
        for _ in 0..<12 where !left {
            try t.send("Tab")
            try t.send("Enter")
            let screen = t.waitFor("the link to act") { $0.contains("Press any key") || !$0.contains("Understanding bone metastases › What") }
            if screen.contains("Press any key") {
                try t.send("Escape")
                t.waitFor("the popup to close") { !$0.contains("Press any key") }
            } else {
                left = true
            }
        }
        XCTAssertTrue(left, "a topic link on the page leads to another page")
        try t.send("BSpace")
        t.waitFor(text: "Understanding bone metastases › What")
        try t.send("q")
        let (code, stty) = t.waitForExit()
        XCTAssertEqual(code, 0)
        XCTAssertTrue(stty.contains(" icanon") && stty.contains(" echo"), "terminal modes restored:\n\(stty)")
    }

    /// Issue 14: a Spanish locale opens the library in Spanish; L switches to
    /// English on the same page, and back, in the real terminal.
    func testASpanishLocaleOpensInSpanishAndLSwitchesOnTheSamePage() throws {
        let t = try TmuxSession(["--content", TmuxSession.content, "--topic", "spinal-cord-compression"],
                                environment: ["LANG": "es_US.UTF-8"])
        t.waitFor(text: "médula espinal")
        try t.send("L")
        t.waitFor(text: "Pressure on the spinal cord")
        try t.send("L")
        t.waitFor("the same topic in Spanish") { $0.contains("médula espinal") && !$0.contains("Pressure on the spinal cord") }
        try t.send("q")
        XCTAssertEqual(t.waitForExit().code, 0)
    }

    func testFindInThePage() throws {
        let t = try TmuxSession(["--content", TmuxSession.content, "--topic", "spinal-cord-compression"])
        t.waitFor(text: "Pressure on the spinal cord")
        try t.send("f")
        try t.type("emergency")
        t.waitFor(text: "Find: emergency")
        try t.send("Enter")
        t.waitFor(text: "Match 1 of")
        try t.send("n")
        t.waitFor(text: "Match 2 of")
        try t.send("q")
        XCTAssertEqual(t.waitForExit().code, 0)
    }

    func testResizeTo50x15AndBack() throws {
        let t = try start(["--topic", "bone-pain"])
        t.waitFor(text: "Bone pain")
        try t.resize(50, 15)
        // The page itself, not only the blank screen tmux shows between the
        // resize and bedside's redraw (a fast build lost that race).
        let small = t.waitFor("the 50x15 layout") { screen in
            TmuxSession.rows(screen).count <= 15 && !screen.contains("│  ") && screen.contains("Bone pain")
        }
        XCTAssertTrue(small.contains("Bone pain"), small)
        try t.resize(30, 10)
        t.waitFor(text: "Please enlarge the window")
        try t.resize(80, 24)
        let big = t.waitFor("the sidebar to come back") { $0.contains("│") && $0.contains("Home") }
        XCTAssertTrue(big.contains("Bone pain"), big)
        try t.send("q")
        XCTAssertEqual(t.waitForExit().code, 0)
    }

    func testSearchCantPeeAndOpenTheTopResult() throws {
        let t = try start()
        try t.send("/")
        t.waitFor(text: "Type plain words:")
        try t.type("cant pee")
        // The results follow the typing; the top result is highlighted first.
        let results = t.waitFor("search results") { $0.contains("cant pee") && ($0.contains("ladder") || $0.contains("pee")) && !$0.contains("No results") }
        let lines = TmuxSession.rows(results)
        let promptRow = try XCTUnwrap(lines.firstIndex { $0.contains("Type plain words: cant pee") })
        // The first result row inside the box's borders.
        let inside = lines[(promptRow + 1)...].compactMap { line -> String? in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            return parts.count >= 3 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        }
        // Drop the selection marker and the kind label: "> Title  (symptom check)".
        var title = try XCTUnwrap(inside.first { !$0.isEmpty })
        if title.hasPrefix(">") || title.hasPrefix("▸") { title = String(title.dropFirst()).trimmingCharacters(in: .whitespaces) }
        if let label = title.range(of: "  (") { title = String(title[..<label.lowerBound]) }
        try t.send("Enter")
        // Issue 13: the page opens at the match (highlighted, n for the next), not at
        // the top: the breadcrumb in the status bar names the page.
        let opened = t.waitFor("the top result (\(title)) to open") {
            !$0.contains("Up/Down choose") && (TmuxSession.rows($0).last?.contains("Match 1 of") == true
                || TmuxSession.rows($0).last?.contains(String(title.prefix(20))) == true)
        }
        XCTAssertTrue(opened.lowercased().contains("bladder") || opened.lowercased().contains("pee"), opened)
        try t.send("q")
        XCTAssertEqual(t.waitForExit().code, 0)
    }

    /// Issue 13: at 50x16, `c` then a check showed only the intro, and `1`
    /// answered a question nobody had seen. The question and its answers are
    /// on the real screen, and `1` answers that question.
    func testAt50x16TheQuestionShowsWithItsAnswersBeforeADigitAnswers() throws {
        let t = try start(width: 50, height: 16)
        try t.send("c")
        t.waitFor(text: "Check a symptom")
        try t.send("2")                 // the second check, whose intro is long
        let question = t.waitFor("the first question with its answers") {
            $0.contains("1. Yes") && $0.contains("2. No") && $0.contains("3. Not sure") && $0.contains("?")
        }
        XCTAssertTrue(question.contains("?"), "a question is on screen:\n\(question)")
        XCTAssertTrue(question.contains("1. Yes"), "its first answer is on screen:\n\(question)")
        XCTAssertTrue(question.contains("2. No"), question)
        let asked = TmuxSession.rows(question).first { $0.contains("?") }.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        try t.send("2")                 // "No" to the question on screen
        let next = t.waitFor("the next question") { !$0.contains(asked) || $0.contains("Question 2") }
        XCTAssertFalse(next.contains("EMERGENCY"), "No to the first question is not an emergency:\n\(next)")
        try t.send("q")
        try t.send("y")
        XCTAssertEqual(t.waitForExit().code, 0)
    }

    /// Issue 13: at 120x40 the help box cut "(12 Enter for l…" and "with tea…".
    func testTheHelpBoxAt120x40ShowsWholeLines() throws {
        let t = try start(width: 120, height: 40)
        try t.send("?")
        // The whole box, not the first rows of a frame still being drawn.
        let help = t.waitFor("the help box") { $0.contains("any other key closes") && $0.contains("(12 Enter for link 12)") }
        XCTAssertTrue(help.contains("open link number 1-9 (12 Enter for link 12)"), help)
        XCTAssertTrue(help.contains("walkthroughs: step by step, with teach-back"), help)
        XCTAssertFalse(help.contains("…"), help)
        try t.send("m")                 // any other key closes the help
        t.waitFor("the help to close") { !$0.contains("any other key closes") }
        try t.send("q")
        XCTAssertEqual(t.waitForExit().code, 0)
    }

    func testRunAFlowToAnEmergencyOutcomeAndSeeTheNumber() throws {
        let t = try start()
        try t.send("c")
        t.waitFor(text: "Check a symptom")
        try t.send("1")                 // the first flow: back or neck pain
        t.waitFor(text: "Question 1 of up to")
        try t.send("1")                 // "Yes": new weakness in the arms or legs
        let card = t.waitFor(text: "EMERGENCY")
        XCTAssertTrue(card.contains("911"), card)
        // An emergency card ends with what to do while waiting, never the generic line.
        XCTAssertTrue(card.contains("unlock"), card)
        XCTAssertFalse(card.contains("If it gets worse or you are worried, call."), card)
        XCTAssertTrue(card.contains("I have cancer and I am worried about my spine"), card)
        XCTAssertTrue(card.contains("Calling for someone else? Say"), card)
        try t.send("BSpace")            // change the answer
        t.waitFor(text: "Question 1 of up to")
        try t.send("q")
        XCTAssertEqual(t.waitForExit().code, 0)
    }

    /// Issue 16: a summary holds health information: 0600 files in a 0700
    /// folder, and with no HOME nothing is written (never the current folder).
    func testSummariesArePrivateAndNeverLandInTheCurrentFolder() throws {
        let t = try start()
        try t.send("p")
        // Issue 13: a preview first; Enter saves.
        t.waitFor(text: "Enter save  Esc cancel")
        try t.send("Enter")
        t.waitFor(text: "Saved: ~/bedside-summaries/")
        let folder = t.dir + "/bedside-summaries"
        let folderMode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int)
        XCTAssertEqual(folderMode & 0o777, 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(files.count, 2, "\(files)")
        for file in files {
            let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: folder + "/" + file)[.posixPermissions] as? Int)
            XCTAssertEqual(mode & 0o777, 0o600, file)
        }
        try t.send("q")
        XCTAssertEqual(t.waitForExit().code, 0)

        let cwd = FileManager.default.currentDirectoryPath + "/bedside-summaries"
        let existed = FileManager.default.fileExists(atPath: cwd)
        let homeless = try TmuxSession(["--content", TmuxSession.content], environment: ["HOME": ""])
        homeless.waitFor(text: "bedside explains things")
        try homeless.send("p")
        homeless.waitFor(text: "Enter save  Esc cancel")
        try homeless.send("Enter")
        homeless.waitFor(text: "HOME is not set")
        XCTAssertEqual(FileManager.default.fileExists(atPath: cwd), existed, "nothing written to the current folder")
        try homeless.send("q")
        XCTAssertEqual(homeless.waitForExit().code, 0)
    }

    /// Issue 12, 1.5: `bedside flow --format json` gives the escalated outcome when
    /// two milder signs add up (feeling sick and constipated: urgent, not soon).
    func testTheCommandLineGivesTheEscalatedOutcome() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        // No to confusion, sleepiness, limb weakness, thirst, peeing, vomiting, weakness all over;
        // yes to feeling sick, then yes to constipation.
        process.arguments = ["flow", "high-calcium", "--content", TmuxSession.content, "--format", "json",
                             "--answers", "no,no,no,no,no,no,no,yes,yes"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let outcome = try XCTUnwrap(json?["outcome"] as? [String: Any], String(decoding: data, as: UTF8.self))
        XCTAssertEqual(outcome["level"] as? String, "urgent")
        XCTAssertEqual(outcome["escalated"] as? Bool, true)
        XCTAssertNotNil(outcome["say-for-someone"] as? String)
    }

    /// Issue 16: a decomposed accent is drawn with its letter, and a bidi
    /// override neither reaches the terminal nor reverses the text after it.
    func testAccentsAreDrawnWholeAndBidiOverridesDoNothing() throws {
        let file = NSTemporaryDirectory() + "bedside-grapheme-\(UUID().uuidString).md"
        try "# Words\n\nCafe\u{301} ok. \u{202E}abc def.\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = try TmuxSession(["view", file])
        let screen = t.waitFor(text: "abc def.")
        XCTAssertTrue(screen.contains("Cafe\u{301} ok. abc def."), screen)
        XCTAssertFalse(screen.unicodeScalars.contains { $0.value == 0x202E }, screen)
        try t.send("q")
        XCTAssertEqual(t.waitForExit().code, 0)
    }

    /// Issue 16: `read --width 1000000000` ran for minutes and Int.max crashed; now a usage error.
    func testReadWidthIsBounded() throws {
        for width in ["1000000000", "9223372036854775807", "19"] {
            XCTAssertEqual(try TmuxSession.runPlain(["read", "bone-pain", "--content", TmuxSession.content, "--width", width]).status, 64, width)
        }
    }

    func testATerminalThatCannotDrawScreensGetsAMessage() throws {
        let t = try TmuxSession(["--content", TmuxSession.content], environment: ["TERM": "dumb"])
        let screen = t.waitFor(text: "BEDSIDE-EXITED")
        XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: "").contains("cannot show the full-screen browser"), screen)
        XCTAssertEqual(t.waitForExit().code, 1)
    }

    /// Issue 13: `--version` answers, `search ""` is a usage error (exit 64),
    /// and `--topic` with a typo suggests as `read` does.
    func testVersionAnEmptySearchAndATopicTypo() throws {
        let version = try TmuxSession.runPlain(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        XCTAssertEqual(try TmuxSession.runPlain(["search", "", "--content", TmuxSession.content]).status, 64)
        XCTAssertEqual(try TmuxSession.runPlain(["search", "  ", "--content", TmuxSession.content]).status, 64)
        let typo = try TmuxSession.runPlain(["--content", TmuxSession.content, "--topic", "bone-pian"])
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.err.contains("Did you mean: bone-pain"), typo.err)
    }

    func testReadPrintsPlainText() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
        process.arguments = ["read", "high-calcium", "--content", TmuxSession.content, "--width", "60"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(out.contains("Sources:") && out.contains("Last reviewed:"), out)
        XCTAssertTrue(out.contains("Read next:") && out.contains("bedside read "), "the related topics, as in the browser")
        XCTAssertTrue(out.split(separator: "\n").allSatisfy { $0.count <= 60 }, "wrapped at 60")
    }
}
