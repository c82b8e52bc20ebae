import Foundation

/// Reads a content folder into a `ContentStore`. It never stops at a bad
/// file: each problem becomes a diagnostic and the file is skipped.
public enum ContentLoader {
    /// Reads the store.
    ///
    /// - Parameter background: return as soon as the manifest, glossary, home
    ///   page and strings are read (all the browser's first screen needs) and
    ///   leave topics, flows and walkthroughs to `ContentStore.loadInBackground()`,
    ///   or to whoever reads them first. The store answers the same either
    ///   way, diagnostics included.
    /// - Parameter language: the language to show. English is the source: a
    ///   translation (`bone-pain.es.md` beside `bone-pain.md`) supplies only
    ///   text, and whatever is not translated yet stays in English.
    /// - Parameter packed: offers the topics from a content pack. It is asked
    ///   when the topics are first needed (in the background, normally), so
    ///   checking that the pack is fresh never delays the first screen; when
    ///   it answers nil (no usable pack) the topic files are read instead.
    ///   With a pack, flows and walkthroughs are parsed only when first asked
    ///   for, even when `background` is false.
    public static func load(root: String, language: ContentLanguage = .en, background: Bool = false,
                            packed: (@Sendable () -> PackedTopics?)? = nil) -> ContentStore {
        let root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root

        // sections.yaml: without it, fall back to the topic sections so nothing is lost.
        var manifestDiagnostics: [Diagnostic] = []
        var manifest = Manifest()
        let manifestPath = root + "/sections.yaml"
        if let text = readText(manifestPath, &manifestDiagnostics, missingIsError: true) {
            let (parsed, problems) = Manifest.parse(text: text, path: manifestPath)
            manifest = parsed
            manifestDiagnostics += problems
            if language != .en {
                let (translated, more) = TranslationOverlay.manifest(manifest, root: root, language: language)
                manifest = translated
                manifestDiagnostics += more
            }
        }

        // Files are independent, so they are parsed in parallel; results are
        // merged in the order of a sequential pass (topics, glossary, flows,
        // walkthroughs; files sorted), so the store and its diagnostics never
        // depend on timing.
        let topicJobs = packed != nil ? [] : topicFiles(root, language, &manifestDiagnostics)
        let glossaryJobs = files(under: root + "/glossary", extensions: ["yaml", "yml"], skipped: &manifestDiagnostics).map { FileJob.glossary($0, language) }
        let flowFiles = files(under: root + "/flows", extensions: ["md"], skipped: &manifestDiagnostics)
        let walkthroughFiles = files(under: root + "/walkthroughs", extensions: ["md"], skipped: &manifestDiagnostics)
        let laterJobs = flowFiles.map { FileJob.flow($0, language) } + walkthroughFiles.map { FileJob.walkthrough($0, language) }
        let fileCounts = DeferredContent.FileCounts(flows: flowFiles.count, walkthroughs: walkthroughFiles.count)

        let glossary: Parsed
        let deferred: DeferredContent
        // Without a pack, topics, flows and walkthroughs are parsed in one
        // batch, so the cores share all the work. With one, the topics come
        // from the pack, and flows and walkthroughs are parsed from their
        // files only when something asks for them: a page, a search or
        // `bedside read` never waits for the symptom checks.
        let laterOnDemand: Once<DeferredContent.Later>? = packed == nil ? nil : Once(making: { Parsed.later(Parallel.map(laterJobs, { $0.run() })) })
        // With no sections.yaml the sections come from the topics, so they are needed now.
        if background && !manifest.sections.isEmpty {
            let sections = manifest
            // The glossary is read from its files before the first screen, never waiting for a pack.
            let batch = Once(making: { parse(topicJobs, glossary: [], later: laterJobs, packed, root, language) })
            deferred = DeferredContent(topics: Once(making: { Parsed.topics(batch.value.topics, packed: batch.value.packed, manifest: sections) }),
                                       later: laterOnDemand ?? Once(making: { Parsed.later(batch.value.later) }), fileCounts: fileCounts)
            glossary = Parsed(Parallel.map(glossaryJobs, { $0.run() }))
        } else {
            // One batch, so the cores share all the work.
            let parsed = parse(topicJobs, glossary: glossaryJobs, later: laterJobs, packed, root, language)
            let topicResults = parsed.topics, packedTopics = parsed.packed
            glossary = Parsed(parsed.glossary)
            if manifest.sections.isEmpty {
                let folders = Set(packedTopics?.heads.map(\.section) ?? Parsed(topicResults).topics.map(\.info.section)).sorted()
                manifest.sections = folders.map { Section(id: $0, title: $0.replacingOccurrences(of: "-", with: " ").capitalized) }
            }
            deferred = DeferredContent(topics: Once(ready: Parsed.topics(topicResults, packed: packedTopics, manifest: manifest)),
                                       later: laterOnDemand ?? Once(ready: Parsed.later(parsed.later)), fileCounts: fileCounts)
        }

        var trailing: [Diagnostic] = []
        var strings = Catalogue()
        let stringsPath = root + "/strings.yaml"
        if FileManager.default.fileExists(atPath: stringsPath), let text = readText(stringsPath, &trailing) {
            let (parsed, problems) = Catalogue.parse(text: text, path: stringsPath)
            strings = parsed
            trailing += problems + parsed.problems()
        }
        var homePath = root + "/home.md"
        if let translatedStrings = language.translationPath(of: stringsPath),
           FileManager.default.fileExists(atPath: translatedStrings), let text = readText(translatedStrings, &trailing) {
            // A key the translation lacks keeps its English text (and check says which).
            let (parsed, problems) = Catalogue.parse(text: text, path: translatedStrings)
            trailing += problems + parsed.problems() + parsed.placeholderProblems(comparedWith: strings)
            strings = strings.overlaid(by: parsed)
        }
        if let translatedHome = language.translationPath(of: homePath), FileManager.default.fileExists(atPath: translatedHome) {
            homePath = translatedHome
        }

        let home = loadHome(homePath, strings: strings, &trailing)

        return ContentStore(root: root, language: language, manifest: manifest, glossary: glossary.glossary, home: home, strings: strings,
                            deferred: deferred, manifestDiagnostics: manifestDiagnostics,
                            glossaryDiagnostics: glossary.diagnostics, trailingDiagnostics: trailing)
    }

    private static func topicFiles(_ root: String, _ language: ContentLanguage, _ skipped: inout [Diagnostic]) -> [FileJob] {
        files(under: root + "/topics", extensions: ["md", "markdown"], skipped: &skipped).map { FileJob.topic($0, language) }
    }

    /// Parses topic, glossary and later (flow, walkthrough) files on every
    /// core, in one batch. With a pack, its topics are read instead (topic and
    /// glossary files are parsed only if the pack cannot give them), and the
    /// later files are left to `load`, which parses them when first asked for.
    private static func parse(_ topicJobs: [FileJob], glossary glossaryJobs: [FileJob], later laterJobs: [FileJob],
                              _ packed: (@Sendable () -> PackedTopics?)?, _ root: String, _ language: ContentLanguage)
        -> (topics: [FileResult], packed: PackedTopics?, glossary: [FileResult], later: [FileResult]) {
        func split(_ results: [FileResult], _ topics: Int, _ glossary: Int) -> ([FileResult], [FileResult], [FileResult]) {
            (Array(results[..<topics]), Array(results[topics..<(topics + glossary)]), Array(results[(topics + glossary)...]))
        }
        guard let packed else {
            let (topics, glossary, later) = split(Parallel.map(topicJobs + glossaryJobs + laterJobs, { $0.run() }),
                                                  topicJobs.count, glossaryJobs.count)
            return (topics, nil, glossary, later)
        }
        // With a pack, the later files are not parsed here: `load` parses them when first asked for.
        let (fallbackJobs, packedTopics) = fromPack(packed, root, language)
        if !glossaryJobs.isEmpty, let glossary = packedTopics?.glossary {
            return (Parallel.map(fallbackJobs, { $0.run() }), packedTopics, [.glossary(glossary.terms, glossary.diagnostics)], [])
        }
        let (topics, glossary, _) = split(Parallel.map(fallbackJobs + glossaryJobs, { $0.run() }), fallbackJobs.count, glossaryJobs.count)
        return (topics, packedTopics, glossary, [])
    }

    /// The pack's topics if it offers them; otherwise the topic files to read
    /// (a folder skipped while listing them is reported as a topic problem).
    private static func fromPack(_ packed: @Sendable () -> PackedTopics?, _ root: String,
                                 _ language: ContentLanguage) -> ([FileJob], PackedTopics?) {
        if let topics = packed() { return ([], topics) }
        var skipped: [Diagnostic] = []
        let jobs = topicFiles(root, language, &skipped)
        return (jobs + skipped.map { FileJob.problem($0) }, nil)
    }

    /// The string catalogue of one language (English under a translation's missing keys).
    public static func catalogue(root: String, language: ContentLanguage) -> Catalogue {
        var ignored: [Diagnostic] = []
        let path = root + "/strings.yaml"
        var strings = readText(path, &ignored).map { Catalogue.parse(text: $0, path: path).0 } ?? Catalogue()
        if let translated = language.translationPath(of: path), let text = readText(translated, &ignored) {
            strings = strings.overlaid(by: Catalogue.parse(text: text, path: translated).0)
        }
        return strings
    }

    /// The languages a content folder holds: English, and each language with its
    /// own strings or section titles (`strings.es.yaml`, `sections.es.yaml`).
    public static func languages(root: String) -> [ContentLanguage] {
        let root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        return ContentLanguage.allCases.filter { language in
            guard language != .en else { return true }
            return ["/strings.yaml", "/sections.yaml"].contains { name in
                language.translationPath(of: root + name).map { FileManager.default.fileExists(atPath: $0) } ?? false
            }
        }
    }

    /// The home page. A home.md that cannot be read (permissions, not UTF-8)
    /// must not keep the browser or the kiosk from starting, and a blank
    /// screen would leave a patient stuck: a minimal home from strings.yaml
    /// (`home-unavailable`) is shown instead, and the problem is reported.
    /// No home.md at all is allowed: the home page then lists the sections only.
    static func loadHome(_ path: String, strings: Catalogue, _ diagnostics: inout [Diagnostic]) -> Document {
        guard FileManager.default.fileExists(atPath: path) else { return Document(blocks: []) }
        if let text = readText(path, &diagnostics) { return MarkdownParser.parse(text) }
        diagnostics.append(.warning(path, 1, 1, "home.md could not be used, so a short built-in home page is shown: fix the error above"))
        return minimalHome(strings)
    }

    /// The built-in home page: one line of text, from strings.yaml when it has one.
    public static func minimalHome(_ strings: Catalogue) -> Document {
        Document(blocks: [.paragraph([.text(strings[.homeUnavailable])])])
    }

    /// Files with one of `extensions` below `directory`, sorted so loading is deterministic.
    /// Hidden files and folders (names starting with ".") are skipped, and
    /// symbolic links to folders are not followed, so a loop cannot trap it.
    /// "bone-pain.es.md", "a-f.es.yaml": a name, a two-letter language, an extension.
    public static func isTranslation(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let language = parts.dropFirst().first else { return false }
        return language.count == 2 && language.allSatisfy { $0.isASCII && $0.isLowercase && $0.isLetter }
    }

    /// readdir(3) directly: FileManager's enumerator costs about a millisecond
    /// here, a tenth of the time to the first screen.
    static func files(under directory: String, extensions: Set<String>) -> [String] {
        var skipped: [Diagnostic] = []
        return files(under: directory, extensions: extensions, skipped: &skipped)
    }

    /// The same, saying in `skipped` what was passed over and why: a folder
    /// that cannot be opened, a name that is not UTF-8, a link to nothing,
    /// and anything with a content file's name that is not a regular file.
    static func files(under directory: String, extensions: Set<String>, skipped: inout [Diagnostic]) -> [String] {
        var result: [String] = []
        collect(directory, extensions, into: &result, skipped: &skipped, top: true)
        return result.sorted()
    }

    private static func collect(_ directory: String, _ extensions: Set<String>, into result: inout [String],
                                skipped: inout [Diagnostic], top: Bool = false) {
        guard let dir = opendir(directory) else {
            // A missing top folder (no flows yet) is normal; anything else is worth saying.
            if !(top && errno == ENOENT) {
                skipped.append(.error(directory, 1, 1, "cannot open this folder (\(String(cString: strerror(errno)))): the files in it were skipped"))
            }
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
            let name = String(decoding: bytes, as: UTF8.self)
            // Hidden files, and translations ("bone-pain.es.md"): a language's
            // files are read with that language, never as English content.
            guard !name.hasPrefix("."), !isTranslation(name) else { continue }
            let path = directory + "/" + name
            let wanted = name.lastIndex(of: ".").map { extensions.contains(name[name.index(after: $0)...].lowercased()) } ?? false
            if String(validating: bytes, as: UTF8.self) == nil {
                if wanted || Int32(entry.pointee.d_type) == DT_DIR {
                    skipped.append(.error(path, 1, 1, "this name is not UTF-8 text, so it was skipped: rename it"))
                }
                continue
            }
            var type = Int32(entry.pointee.d_type)
            if type == DT_UNKNOWN || type == DT_LNK {
                var info = stat()
                guard stat(path, &info) == 0 else {
                    if wanted { skipped.append(.error(path, 1, 1, "a link to a file that does not exist: skipped")) }
                    continue
                }
                let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                if isDirectory && Int32(entry.pointee.d_type) == DT_LNK { continue }
                type = isDirectory ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_UNKNOWN)
            }
            if type == DT_DIR {
                collect(path, extensions, into: &result, skipped: &skipped)
            } else if wanted {
                // Regular files are read; a FIFO or device with a content name is
                // passed on too, and reading it reports "not a regular file".
                result.append(path)
            }
        }
    }

    /// The file as UTF-8 text, or nil with a diagnostic that says why not.
    public static func readText(_ path: String, _ diagnostics: inout [Diagnostic], missingIsError: Bool = false) -> String? {
        // A FIFO would block the read forever and a device may never end: only
        // regular files (or links to them) are read.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let kind = switch info.st_mode & S_IFMT {
            case S_IFDIR: "a folder"
            case S_IFIFO: "a named pipe (FIFO)"
            case S_IFCHR, S_IFBLK: "a device"
            case S_IFSOCK: "a socket"
            default: "not a file"
            }
            diagnostics.append(.error(path, 1, 1, "not a regular file (this is \(kind)): skipped"))
            return nil
        }
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
