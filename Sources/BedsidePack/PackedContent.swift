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
        return checkedLocked()
    }

    private func checkedLocked() -> Status {
        guard state == .unchecked else { return state }
        do {
            let opened = try ContentPack.open(path)
            if let why = opened.staleness(root: root) {
                state = .unusable(.unusable(path, "it is out of date (\(why))"))
            } else {
                pack = opened
                state = .used(path: path)
            }
        } catch let error as PackError {
            state = .unusable(error)
        } catch {
            state = .unusable(.unusable(path, "\(error)"))
        }
        return state
    }

    /// The pack's topics for `language`, or nil to read the files.
    public func topics(_ language: ContentLanguage) -> PackedTopics? {
        lock.lock()
        defer { lock.unlock() }
        guard case .used = checkedLocked(), let pack, pack.languages.contains(language) else { return nil }
        do {
            let topics = try pack.topics(language, root: root)
            packedLanguages.insert(language)
            return topics
        } catch let error as PackError {
            state = .unusable(error)
            self.pack = nil
        } catch {}
        return nil
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
