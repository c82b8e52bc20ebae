import Foundation

/// Reads a content folder into a `ContentStore`. It never stops at a bad
/// file: each problem becomes a diagnostic and the file is skipped.
public enum ContentLoader {
    public static func load(root: String) -> ContentStore {
        let root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        var diagnostics: [Diagnostic] = []

        // sections.yaml: without it, fall back to the topic folders so nothing is lost.
        var manifest = Manifest()
        let manifestPath = root + "/sections.yaml"
        if let text = readText(manifestPath, &diagnostics, missingIsError: true) {
            let (parsed, problems) = Manifest.parse(text: text, path: manifestPath)
            manifest = parsed
            diagnostics += problems
        }

        // Topic files are independent, so they are read and parsed in parallel;
        // results are gathered in file order, so nothing depends on timing.
        var topics: [TopicFile] = []
        let parsed = Parallel.map(files(under: root + "/topics", extensions: ["md", "markdown"])) { path in
            var problems: [Diagnostic] = []
            guard let text = readText(path, &problems) else { return (TopicFile?.none, problems) }
            let (topic, more) = TopicParser.parse(text: text, path: path)
            problems += more
            if topic == nil { problems.append(.warning(path, 1, 1, "skipped this topic: fix the errors above to show it")) }
            return (topic, problems)
        }
        for (topic, problems) in parsed {
            diagnostics += problems
            if let topic { topics.append(topic) }
        }
        if manifest.sections.isEmpty {
            let folders = Set(topics.map(\.info.section)).sorted()
            manifest.sections = folders.map { Section(id: $0, title: $0.replacingOccurrences(of: "-", with: " ").capitalized) }
        }

        var glossary: [GlossaryTerm] = []
        for path in files(under: root + "/glossary", extensions: ["yaml", "yml"]) {
            guard let text = readText(path, &diagnostics) else { continue }
            let (terms, problems) = GlossaryParser.parse(text: text, path: path)
            glossary += terms
            diagnostics += problems
        }

        var flows: [Flow] = []
        for path in files(under: root + "/flows", extensions: ["md"]) {
            guard let text = readText(path, &diagnostics) else { continue }
            let (flow, problems) = FlowParser.parse(text: text, path: path)
            diagnostics += problems
            if let flow { flows.append(flow) }
        }

        var walkthroughs: [Walkthrough] = []
        for path in files(under: root + "/walkthroughs", extensions: ["md"]) {
            guard let text = readText(path, &diagnostics) else { continue }
            let (walkthrough, problems) = WalkthroughParser.parse(text: text, path: path)
            diagnostics += problems
            if let walkthrough { walkthroughs.append(walkthrough) }
        }

        var home = Document(blocks: [])
        let homePath = root + "/home.md"
        if FileManager.default.fileExists(atPath: homePath), let text = readText(homePath, &diagnostics) {
            home = MarkdownParser.parse(text)
        }

        var strings = ContentStrings()
        let stringsPath = root + "/strings.yaml"
        if FileManager.default.fileExists(atPath: stringsPath), let text = readText(stringsPath, &diagnostics) {
            let (parsed, problems) = ContentStrings.parse(text: text, path: stringsPath)
            strings = parsed
            diagnostics += problems
        }

        return ContentStore(root: root, manifest: manifest, topics: topics, glossary: glossary, home: home,
                            strings: strings, flows: flows, walkthroughs: walkthroughs, diagnostics: diagnostics)
    }

    /// Files with one of `extensions` below `directory`, sorted so loading is deterministic.
    static func files(under directory: String, extensions: Set<String>) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix("."), extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            result.append(directory + "/" + relative)
        }
        return result.sorted()
    }

    /// The file as UTF-8 text, or nil with a diagnostic that says why not.
    static func readText(_ path: String, _ diagnostics: inout [Diagnostic], missingIsError: Bool = false) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                diagnostics.append(.error(path, 1, 1, "cannot read this file: check its permissions"))
            } else if missingIsError {
                diagnostics.append(.error(path, 1, 1, "file is missing"))
            }
            return nil
        }
        return decodeUTF8(data, path: path, &diagnostics)
    }

    /// Decodes UTF-8, or reports the line and column of the first bad byte.
    public static func decodeUTF8(_ data: Data, path: String, _ diagnostics: inout [Diagnostic]) -> String? {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) } // a BOM is harmless: drop it
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            case .error:
                let before = bytes[..<offset]
                let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
                let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
                diagnostics.append(.error(path, line, column, "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16))): save the file as UTF-8"))
                return nil
            }
        }
    }
}

/// Order-preserving parallel map over the machine's cores, for pure work on
/// independent items (parsing files, scoring topics). The output is the same
/// as `items.map(transform)`; only the wall-clock time differs.
enum Parallel {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, items.count > 8 else { return items.map(transform) }
        // A few chunks per core balance uneven files without much overhead.
        let count = items.count
        let chunks = min(count, cores * 4)
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            nonisolated(unsafe) let input = items
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let range = (count * chunk / chunks)..<(count * (chunk + 1) / chunks)
                    for i in range { output[i] = work(input[i]) }
                }
            }
        }
        return results.map { $0! }
    }
}
