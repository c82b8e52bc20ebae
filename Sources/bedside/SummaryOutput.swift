import BedsideContent
import BedsideUI
import Foundation

/// Where the take-home summary goes: a file in the home folder (never in
/// kiosk mode, where the core only asks to print) and the clinic's printer.
enum SummaryOutput {
    static func perform(_ effect: Effect, site: SiteConfig, text: Catalogue) -> String? {
        switch effect {
        case .saveSummary(let summary, let markdown):
            var message: String
            do {
                let path = try save(text: summary, markdown: markdown)
                // Short enough for an 80-column status bar: ~ for the home folder.
                let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
                let shown = !home.isEmpty && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : Substring(path)
                message = text.text(.summarySaved, ["path": String(shown)])
            } catch let error as SummaryError {
                message = text.text(.summaryNotSaved, ["reason": error.describe(text)])
            } catch {
                message = text.text(.summaryNotSaved, ["reason": "\(error)"])
            }
            if let command = site.printCommand { message += print(summary, command: command, text) }
            return message
        case .printSummary(let summary):
            guard let command = site.printCommand else { return text[.summaryNoPrinter] }
            return text[.summaryPrinting] + print(summary, command: command, text)
        default:
            return nil
        }
    }

    /// Writes the summary into ~/bedside-summaries: the folder 0700 and the
    /// files 0600, since they hold health information. With no HOME there is
    /// nowhere private to write, so nothing is written (never the current folder).
    static func save(text: String, markdown: String,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let home = environment["HOME"], home.hasPrefix("/") else { throw SummaryError.noHome }
        let folder = home + "/bedside-summaries"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        // An existing folder keeps its mode unless we tighten it.
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
        let stamp = DateFormatter()
        stamp.locale = Locale(identifier: "en_US_POSIX")
        stamp.dateFormat = "yyyy-MM-dd-HHmmss"
        let base = folder + "/visit-" + stamp.string(from: Date())
        for (path, body) in [(base + ".txt", text), (base + ".md", markdown)] {
            guard FileManager.default.createFile(atPath: path, contents: Data(body.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw SummaryError.cannotWrite(path)
            }
        }
        return base + ".txt"
    }

    enum SummaryError: Error, CustomStringConvertible {
        case noHome
        case cannotWrite(String)
        var description: String { describe(Catalogue()) }
        func describe(_ text: Catalogue) -> String {
            switch self {
            case .noHome: text[.summaryNoHome]
            case .cannotWrite(let path): text.text(.summaryCannotWrite, ["path": path])
            }
        }
    }

    /// How long a print command may take before it is stopped.
    static let printTimeout: TimeInterval = 30

    /// Pipes the text to the clinic's print command; returns the outcome in
    /// words. A command still running after `printTimeout` is stopped and
    /// reported as failed (it runs off the event loop, so the screen never waits).
    static func print(_ summary: String, command: String, _ text: Catalogue, timeout: TimeInterval = printTimeout) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            pipe.fileHandleForWriting.write(Data(summary.utf8))
            try pipe.fileHandleForWriting.close()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
                return text.text(.summaryPrintTimeout, ["seconds": "\(Int(timeout))"])
            }
            return text[process.terminationStatus == 0 ? .summaryPrinted : .summaryPrintFailed]
        } catch {
            return text.text(.summaryPrintFailedWhy, ["reason": error.localizedDescription])
        }
    }
}
