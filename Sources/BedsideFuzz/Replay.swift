// The normal (non-sanitizer) build of bedside-fuzz: replays saved inputs
// (crash artifacts, the corpus) through the same code the fuzzer runs, so a
// crash can be reproduced and debugged without libFuzzer.
//   bedside-fuzz FILE_OR_DIR...
#if !BEDSIDE_FUZZ
import Foundation

@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: bedside-fuzz FILE_OR_DIR... (replays inputs; `make fuzz` builds the fuzzer)\n".utf8))
            exit(2)
        }
        var count = 0
        for path in arguments.flatMap(files) {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("bedside-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            data.withUnsafeBytes { FuzzOneInput.run($0) }
            count += 1
        }
        print("replayed \(count) input(s) without a crash")
    }

    /// The path itself, or the regular files directly inside a directory (sorted).
    static func files(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }.filter {
            var dir: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue
        }
    }
}
#endif
