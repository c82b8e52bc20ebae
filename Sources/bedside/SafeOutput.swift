import ArgumentParser
import BedsideContent
import Foundation

// Everything the plain commands print passes through `TerminalSafe`: content
// files and file names can hold ESC, BEL, C1 and bidi characters, which a
// terminal would obey (OSC 52 sets the clipboard, OSC 8 hides link targets,
// CSI 2J clears the screen) instead of showing. `check` reports them as
// errors; until they are fixed they are shown as `^[` or `<U+202E>`.

/// `print` for this module: cleans the text first. It shadows `Swift.print`
/// here on purpose, so no output path can forget to clean.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TerminalSafe.clean(text), terminator: terminator)
}

/// Prints to standard error (messages that are not the command's output).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((TerminalSafe.clean(message) + "\n").utf8))
}

/// Pretty JSON. JSONEncoder escapes C0 controls itself; C1, DEL and bidi
/// characters are written as `\uXXXX`, so the JSON stays valid and means the same.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    Swift.print(TerminalSafe.escapeJSON(String(decoding: data, as: UTF8.self)))
}

/// Writes lines straight to stdout, unbuffered, so a prompt shows before input is read.
func writeLines(_ lines: [String]) {
    FileHandle.standardOutput.write(Data((TerminalSafe.clean(lines.joined(separator: "\n")) + "\n").utf8))
}

/// A command-line error whose message may quote content (ids, config text).
func contentError(_ message: String) -> ValidationError {
    ValidationError(TerminalSafe.clean(message))
}
