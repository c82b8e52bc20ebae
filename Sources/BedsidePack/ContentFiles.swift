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
        // A level of folders at a time, each level's folders on every core:
        // a stat per file is most of the time, and topics sit in several
        // section folders of thousands of files each.
        // Each folder's files are sorted where they are listed (on every
        // core), so the last sort only merges a few sorted runs: the sort
        // detects runs, and sorting 10,000 paths from scratch was a sixth of
        // `bedside read`'s time.
        var level = [""]
        while !level.isEmpty {
            let listed = Parallel.map(level) { folder in
                let found = self.folder(root, folder)
                return (files: found.files.sorted { precedes($0.path, $1.path) }, folders: found.folders)
            }
            level = listed.flatMap(\.folders)
            files += listed.flatMap(\.files)
        }
        return files.sorted { precedes($0.path, $1.path) }
    }

    /// One folder's content files and subfolders (relative to `root`).
    private static func folder(_ root: String, _ relative: String) -> (files: [ContentFile], folders: [String]) {
        var files: [ContentFile] = []
        let folders = walk(root, relative) { name, size, modified in
            let name = String(decoding: name, as: UTF8.self)
            files.append(ContentFile(path: relative.isEmpty ? name : relative + "/" + name, size: size, modified: modified, checksum: 0))
        }
        return (files, folders)
    }

    /// What a freshness check compares first: how many content files there
    /// are, and the sum of one hash per file (its path, size and modification
    /// time). A sum does not depend on the order readdir gives, so no path
    /// string is made and nothing is sorted: with 10,000 files that was a
    /// third of the check. Any file added, removed, renamed or changed moves
    /// the sum (but for a 1 in 2^64 chance); a pack whose fingerprint differs
    /// is then compared file by file, which also says what changed.
    public struct Fingerprint: Equatable, Sendable {
        public var count = 0
        public var sum: UInt64 = 0

        /// A file whose path is `folder` followed by `name` (two parts, so a
        /// folder's prefix is never copied onto each name).
        mutating func add(folder: some Sequence<UInt8>, name: some Sequence<UInt8>, size: UInt64, modified: Int64) {
            count += 1
            sum &+= ContentFiles.hash(folder: folder, name: name, size: size, modified: modified)
        }

        static func + (a: Fingerprint, b: Fingerprint) -> Fingerprint { Fingerprint(count: a.count + b.count, sum: a.sum &+ b.sum) }
    }

    /// The fingerprint of the content folder now (a stat per content file, on every core).
    public static func fingerprint(root: String) -> Fingerprint {
        var total = Fingerprint()
        var level = [""]
        while !level.isEmpty {
            let listed = Parallel.map(level) { folder in
                var print = Fingerprint()
                let prefix = Array((folder.isEmpty ? "" : folder + "/").utf8)
                let folders = walk(root, folder) { name, size, modified in
                    print.add(folder: prefix, name: name, size: size, modified: modified)
                }
                return (print: print, folders: folders)
            }
            level = listed.flatMap(\.folders)
            total = listed.reduce(total) { $0 + $1.print }
        }
        return total
    }

    /// The fingerprint of a list made earlier (a pack's).
    public static func fingerprint(of files: [ContentFile]) -> Fingerprint {
        files.reduce(into: Fingerprint()) { $0.add(folder: EmptyCollection(), name: $1.path.utf8, size: $1.size, modified: $1.modified) }
    }

    /// FNV-1a over the path's bytes (the folder's, then the name's), then the
    /// size and time stirred in with SplitMix64's finaliser, so files that
    /// differ in any one of them hash apart.
    static func hash(folder: some Sequence<UInt8>, name: some Sequence<UInt8>, size: UInt64, modified: Int64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in folder { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in name { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        func mix(_ x: UInt64) -> UInt64 {
            var z = x &+ 0x9e37_79b9_7f4a_7c15
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
        return mix(mix(h ^ size) ^ UInt64(bitPattern: modified))
    }

    /// Byte order (memcmp): the same every time, and many times quicker than
    /// comparing as text for 10,000 paths that share long beginnings.
    static func precedes(_ a: String, _ b: String) -> Bool {
        // Native strings hand out their bytes without a copy (the paths here
        // are all native); `withContiguousStorageIfAvailable` never copies.
        if let order = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }), let order { return order }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// .md, .markdown, .yaml or .yml in any case, read from the bytes (a
    /// stat is saved for every other file, and no lower-cased copy is made).
    static func hasContentExtension(_ name: String) -> Bool { hasContentExtension(Array(name.utf8)[...]) }

    static func hasContentExtension(_ name: ArraySlice<UInt8>) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return false }
        // Lower-cased ASCII letters, packed into one number: no string is made.
        var key: UInt64 = 0, length = 0
        for byte in name[name.index(after: dot)...] {
            length += 1
            guard length <= 8 else { return false }
            key = key << 8 | UInt64(byte | 0x20)
        }
        return extensionKeys.contains(key)
    }

    private static let extensionKeys: Set<UInt64> = Set(extensions.map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } })

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

    /// Lists one folder: calls `file` with each content file's name (bytes,
    /// as readdir gives it), size and modification time, and returns the
    /// subfolders (relative to `root`). Names are looked up relative to the
    /// folder (fstatat), not as whole paths, so the kernel walks one name per
    /// file instead of every folder above it.
    private static func walk(_ root: String, _ relative: String, file: (ArraySlice<UInt8>, UInt64, Int64) -> Void) -> [String] {
        let directory = open(relative.isEmpty ? root : root + "/" + relative, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard directory >= 0 else { return [] }
        guard let dir = fdopendir(directory) else {
            close(directory)
            return []
        }
        defer { closedir(dir) }
        var folders: [String] = []
        var name: [UInt8] = []
        while let entry = readdir(dir) {
            name.removeAll(keepingCapacity: true)
            withUnsafeBytes(of: entry.pointee.d_name) { raw in name.append(contentsOf: raw.prefix(while: { $0 != 0 })) }
            name.append(0) // a C string for fstatat; dropped wherever the name is used as bytes
            guard name.first != UInt8(ascii: ".") else { continue }
            let type = Int32(entry.pointee.d_type)
            let isContent = hasContentExtension(name.dropLast())
            // What readdir already says is a file of another kind needs no stat.
            if (type == DT_REG || type == DT_LNK) && !isContent { continue }
            var info = stat()
            let found = name.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { fstatat(directory, $0.baseAddress!, &info, AT_SYMLINK_NOFOLLOW) }
            }
            guard found == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let folder = String(decoding: name.dropLast(), as: UTF8.self)
                folders.append(relative.isEmpty ? folder : relative + "/" + folder)
            case S_IFREG, S_IFLNK:
                guard isContent else { continue }
                // A link to a file is read through, so its target's stat is what counts.
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    let target = name.withUnsafeBufferPointer { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { fstatat(directory, $0.baseAddress!, &info, 0) }
                    }
                    if target != 0 || (info.st_mode & S_IFMT) != S_IFREG { continue }
                }
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                file(name.dropLast(), UInt64(info.st_size), modified)
            default:
                continue
            }
        }
        return folders
    }

    /// The first difference between what a pack was made from and what is
    /// on disk now, in words; nil when they agree.
    public static func difference(packed: [ContentFile], now: [ContentFile], checksums: Bool) -> String? {
        // Both lists are sorted by path, so a fresh pack is one pass with no tables.
        func same(_ a: ContentFile, _ b: ContentFile) -> Bool {
            a.size == b.size && (checksums ? a.checksum == b.checksum : a.modified == b.modified) && a.path == b.path
        }
        if packed.count == now.count, zip(packed, now).allSatisfy(same) { return nil }
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
