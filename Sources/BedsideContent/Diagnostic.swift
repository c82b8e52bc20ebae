/// A problem found in the content store, reported compiler-style so an editor
/// can jump to it: `path:line:column: error: message`.
public struct Diagnostic: Equatable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int = 1, column: Int = 1, severity: Severity = .error, message: String) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        self.severity = severity
        self.message = message
    }

    public static func error(_ file: String, _ line: Int, _ column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .error, message: message)
    }

    public static func warning(_ file: String, _ line: Int, _ column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, message: message)
    }

    /// `path:line:column: error: message`
    public var formatted: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

/// A position in a source file, carried by parsed values so that later checks
/// (broken links, unknown ids) can point at the exact spot.
public struct SourceLocation: Equatable, Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }
}
