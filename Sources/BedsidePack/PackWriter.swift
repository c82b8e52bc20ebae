import BedsideContent
import BedsideSearch
import Foundation

/// Makes a content pack from a content folder. Packing reads only the
/// folder (no network, no root) and writes the new pack beside the old one
/// before renaming it into place, so a session that has the old pack mapped
/// keeps reading it unharmed.
public enum PackWriter {
    public struct Report: Sendable {
        public var path: String
        public var bytes: Int
        public var files: Int
        /// Topics and index documents per language.
        public var topics: [ContentLanguage: Int]
        public var documents: [ContentLanguage: Int]
        /// Errors in the content: each is reported, and the pack still holds what loaded.
        public var diagnostics: [Diagnostic]
    }

    /// - Parameter version: the bedside version, recorded in the pack.
    public static func write(root: String, to output: String, version: String) throws -> Report {
        let root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        // The file list is taken first: a file edited while packing then makes
        // the pack stale at once, instead of fresh with the old text.
        let files = ContentFiles.listWithChecksums(root: root)
        let languages = ContentLoader.languages(root: root)
        var sections: [(String, [UInt8])] = []
        var report = Report(path: output, bytes: 0, files: files.count, topics: [:], documents: [:], diagnostics: [])

        var meta = BinaryWriter()
        meta.u32(UInt32(files.count))
        for file in files {
            meta.string(file.path)
            meta.u64(file.size)
            meta.u64(UInt64(bitPattern: file.modified))
            meta.u64(file.checksum)
        }
        meta.strings(languages.map(\.rawValue))
        sections.append(("files", meta.bytes))

        for language in languages {
            let store = ContentLoader.load(root: root, language: language)
            let index = SearchIndex(store: store)
            var topics = BinaryWriter(), bodies = BinaryWriter()
            topics.u32(UInt32(store.topics.count))
            for info in store.topics {
                info.relative(to: root).write(to: &topics)
                let start = bodies.bytes.count
                bodies.raw((store.body(of: info.id) ?? "").utf8)
                topics.int(start)
                topics.int(bodies.bytes.count - start)
                // Each body's own checksum: a body is checked when it is read, so
                // a session pages in only the bodies it shows.
                topics.u64(bodies.bytes[start...].withUnsafeBytes { Checksum.of($0) })
            }
            topics.u32(UInt32(store.topicDiagnostics.count))
            for problem in store.topicDiagnostics {
                var problem = problem
                problem.file = PackPaths.relative(problem.file, to: root)
                problem.write(to: &topics)
            }
            var glossary = BinaryWriter()
            PackedGlossary(terms: store.glossary, diagnostics: store.glossaryDiagnostics)
                .write(to: &glossary) { PackPaths.relative($0, to: root) }
            sections.append(("glossary.\(language.rawValue)", glossary.bytes))
            var indexBytes = BinaryWriter()
            index.write(to: &indexBytes)
            sections += [("topics.\(language.rawValue)", topics.bytes), ("bodies.\(language.rawValue)", bodies.bytes),
                         ("index.\(language.rawValue)", indexBytes.bytes)]
            report.topics[language] = store.topics.count
            report.documents[language] = index.documentCount
            report.diagnostics += store.diagnostics + index.diagnostics
        }

        let bytes = assemble(sections, writer: version)
        report.bytes = bytes.count
        let temporary = output + ".new-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes),
                                             attributes: [.posixPermissions: 0o644]) else {
            throw PackError.cannotWrite(output, String(cString: strerror(errno)))
        }
        guard rename(temporary, output) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw PackError.cannotWrite(output, why)
        }
        return report
    }

    /// Header, section table, then the sections, each 8-byte aligned.
    static func assemble(_ sections: [(String, [UInt8])], writer version: String) -> [UInt8] {
        // The table's size does not depend on the offsets it holds (fixed-width numbers).
        func table(_ offsets: [Int]) -> [UInt8] {
            var w = BinaryWriter()
            w.string(version)
            w.u32(UInt32(sections.count))
            for (i, (name, bytes)) in sections.enumerated() {
                w.string(name)
                w.int(offsets[i])
                w.int(bytes.count)
                w.u64(Checksum.of(bytes))
            }
            return w.bytes
        }
        let tableLength = table(sections.map { _ in 0 }).count
        var offsets: [Int] = []
        var position = ContentPack.headerSize + tableLength
        for (_, bytes) in sections {
            position = (position + 7) / 8 * 8
            offsets.append(position)
            position += bytes.count
        }
        let tableBytes = table(offsets)
        var header = BinaryWriter()
        header.raw(ContentPack.magic)
        header.u32(ContentPack.formatVersion)
        header.u64(UInt64(position))
        header.u64(UInt64(tableBytes.count))
        header.u64(Checksum.of(tableBytes))
        header.align(ContentPack.headerSize)
        var out = header.bytes + tableBytes
        out.reserveCapacity(position)
        for (i, (_, bytes)) in sections.enumerated() {
            out += [UInt8](repeating: 0, count: offsets[i] - out.count)
            out += bytes
        }
        return out
    }
}

/// Paths in a pack are relative to the content folder, so a pack made in a
/// build folder (a .deb's staging tree) names the right files once installed.
enum PackPaths {
    static func relative(_ path: String, to root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
    static func absolute(_ path: String, in root: String) -> String {
        path.hasPrefix("/") || path.isEmpty ? path : root + "/" + path
    }
}

extension TopicInfo {
    func relative(to root: String) -> TopicInfo { rebased { PackPaths.relative($0, to: root) } }
    func absolute(in root: String) -> TopicInfo { rebased { PackPaths.absolute($0, in: root) } }

    private func rebased(_ change: (String) -> String) -> TopicInfo {
        var info = self
        info.path = change(path)
        info.englishPath = englishPath.map(change)
        if let translation = info.translation?.path { info.translation?.path = change(translation) }
        return info
    }
}
