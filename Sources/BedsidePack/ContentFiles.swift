import BedsideContent
import Foundation

/// The content files a pack was made from, with what identifies each
/// version: size and modification time (checked at every open, a stat per
/// file) and a checksum of the bytes (checked by `bedside check`).
public struct ContentFile: Equatable, Sendable {
    /// Relative to the content folder: "topics/symptoms/bone-pain.md".
    public var path: String
    public var size: UInt64
    /// Nanoseconds since 1970.
    public var modified: Int64
    public var checksum: UInt64
}

public enum ContentFiles {
    static let extensions: Set<String> = ["md", "markdown", "yaml", "yml"]

    /// Every content file under `root` (Markdown and YAML, translations too),
    /// sorted, without checksums. Hidden names are skipped, as the loader
    /// skips them, and links to folders are not followed.
    public static func list(root: String) -> [ContentFile] {
        var files: [ContentFile] = []
        walk(root, relative: "", into: &files)
        return files.sorted { $0.path < $1.path }
    }

    /// The same list with each file's checksum (reads every byte).
    public static func listWithChecksums(root: String) -> [ContentFile] {
        list(root: root).map { file in
            var file = file
            file.checksum = checksum(of: root + "/" + file.path) ?? 0
            return file
        }
    }

    static func checksum(of path: String) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return data.withUnsafeBytes { Checksum.of($0) }
    }

    private static func walk(_ directory: String, relative: String, into files: inout [ContentFile]) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = directory + "/" + name, rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(path, relative: rel, into: &files)
            case S_IFREG, S_IFLNK:
                guard let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) else { continue }
                // A link to a file is read through, so its target's stat is what counts.
                if (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG { continue }
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                files.append(ContentFile(path: rel, size: UInt64(info.st_size), modified: modified, checksum: 0))
            default:
                continue
            }
        }
    }

    /// The first difference between what a pack was made from and what is
    /// on disk now, in words; nil when they agree.
    public static func difference(packed: [ContentFile], now: [ContentFile], checksums: Bool) -> String? {
        let old = Dictionary(packed.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(now.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for file in now {
            guard let before = old[file.path] else { return "\(file.path) is new" }
            if before.size != file.size { return "\(file.path) changed size" }
            if checksums ? before.checksum != file.checksum : before.modified != file.modified {
                return "\(file.path) changed"
            }
        }
        for file in packed where new[file.path] == nil { return "\(file.path) was removed" }
        return nil
    }
}
