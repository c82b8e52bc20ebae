import BedsideContent
import BedsideSearch
import Foundation

/// Where a session's topics and search index come from: a fresh content
/// pack when the content folder has one, otherwise the files, as before.
/// The pack is opened and checked once, when topics are first needed, so
/// neither the check nor a bad pack ever delays or breaks the first screen.
public final class PackedContent: @unchecked Sendable {
    public enum Status: Equatable, Sendable {
        /// No pack file: the content files are read (the usual case while editing).
        case noPack
        /// Not looked at yet (nothing has needed topics).
        case unchecked
        case used(path: String)
        /// A pack is there but cannot be used: stale, damaged or foreign.
        case unusable(PackError)
    }

    public let root: String
    public let path: String
    private var pack: ContentPack?
    private var state: Status
    /// Languages whose store took its topics from the pack: only these may
    /// use the pack's index (its positions name the pack's topics).
    private var packedLanguages: Set<ContentLanguage> = []
    private let lock = NSLock()

    /// - Parameter path: the pack file; by default `bedside.pack` in `root`.
    public init(root: String, path: String? = nil) {
        let root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        self.root = root
        self.path = path ?? root + "/" + ContentPack.fileName
        state = FileManager.default.fileExists(atPath: self.path) ? .unchecked : .noPack
    }

    /// Opens and checks the pack if that has not happened yet.
    public var status: Status {
        lock.lock()
        defer { lock.unlock() }
        return checkedLocked(meanwhile: { _ in () }).status
    }

    /// Opens and checks the pack once. While another core compares the
    /// content files with the pack's list (a stat per file, the slowest part
    /// with 10,000 topics), this one does `meanwhile` with the opened pack;
    /// what it made is handed back only if the pack turns out fresh.
    private func checkedLocked<T>(meanwhile: (ContentPack) -> T) -> (status: Status, early: T?) {
        guard state == .unchecked else { return (state, nil) }
        do {
            let opened = try ContentPack.open(path)
            let root = root
            let freshness = Background { opened.staleness(root: root) }
            let early = meanwhile(opened)
            if let why = freshness.value {
                state = .unusable(.unusable(path, "it is out of date (\(why))"))
                return (state, nil)
            }
            pack = opened
            state = .used(path: path)
            return (state, early)
        } catch let error as PackError {
            state = .unusable(error)
        } catch {
            state = .unusable(.unusable(path, "\(error)"))
        }
        return (state, nil)
    }

    /// The pack's topics for `language`, or nil to read the files.
    public func topics(_ language: ContentLanguage) -> PackedTopics? {
        lock.lock()
        defer { lock.unlock() }
        let root = root
        let decode = { (pack: ContentPack) in
            Result<PackedTopics?, Error> { pack.languages.contains(language) ? try pack.topics(language, root: root) : nil }
        }
        let (status, early) = checkedLocked(meanwhile: decode)
        guard case .used = status, let pack else { return nil }
        switch early ?? decode(pack) {
        case .success(let topics):
            if topics != nil { packedLanguages.insert(language) }
            return topics
        case .failure(let error):
            state = .unusable(error as? PackError ?? .unusable(path, "\(error)"))
            self.pack = nil
            return nil
        }
    }

    /// The pack's search index over `store`, or nil to build one from it.
    public func searchIndex(for store: ContentStore) -> SearchIndex? {
        _ = store.topics // the store's topics are settled first (pack or files)
        lock.lock()
        defer { lock.unlock() }
        guard let pack, packedLanguages.contains(store.language) else { return nil }
        do {
            return try pack.searchIndex(store.language, store: store)
        } catch let error as PackError {
            // Topics already handed out stay valid (their bytes were checked); only the index is rebuilt.
            state = .unusable(error)
        } catch {}
        return nil
    }

    /// Loads a store whose topics come from the pack when it is fresh.
    public func load(language: ContentLanguage = .en, background: Bool = false) -> ContentStore {
        guard state != .noPack else { return ContentLoader.load(root: root, language: language, background: background) }
        return ContentLoader.load(root: root, language: language, background: background) { [self] in topics(language) }
    }
}
