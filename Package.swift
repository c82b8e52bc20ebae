// swift-tools-version:6.0
import PackageDescription

// Test code is compiled without optimisation even in `make test`'s release
// build: the code under test stays optimised (so the suites and the monkey run
// fast), while optimising thousands of lines of assertions only cost build time.
let testCode: [SwiftSetting] = [.unsafeFlags(["-Onone"], .when(configuration: .release))]

let package = Package(
    name: "bedside",
    products: [
        .executable(name: "bedside", targets: ["bedside"]),
        .executable(name: "bedside-bench", targets: ["BedsideBench"]),
        .executable(name: "bedside-fuzz", targets: ["BedsideFuzz"]),
        .executable(name: "bedside-monkey", targets: ["BedsideMonkey"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C libraries from Debian packages (installed by `make deps`).
        .systemLibrary(name: "CCurses", path: "Sources/CCurses"),
        .systemLibrary(name: "CCmark", path: "Sources/CCmark"),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        // SQLite (FTS5), only for the search comparison in bedside-bench.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // libcrypt, for the kiosk staff PIN (crypt(3) hashes).
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt"),

        // Markdown on cmark-gfm, the document model, topics, glossary, flows, validation.
        .target(name: "BedsideContent", dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]),
        // The search index: lay words, stemming, typos, prefixes.
        .target(name: "BedsideSearch", dependencies: ["BedsideContent", "CStemmer"]),
        // The symptom-flow state machine (pure, no I/O).
        .target(name: "BedsideFlows", dependencies: ["BedsideContent"]),
        // The pure UI core: state, update(event), render(state, size) -> Screen.
        .target(name: "BedsideUI", dependencies: ["BedsideContent", "BedsideFlows"]),
        // The thin ncursesw backend.
        .target(name: "BedsideTerminal", dependencies: ["BedsideContent", "BedsideUI", "CCurses"]),
        // The content pack: one mapped file with topics and the search index, shared by every session.
        .target(name: "BedsidePack", dependencies: ["BedsideContent", "BedsideSearch"]),
        // What the programs plug into the UI's seams: the search engine and the
        // kiosk PIN check (crypt(3)). The UI core itself knows neither.
        .target(name: "BedsideWiring", dependencies: ["BedsideContent", "BedsideSearch", "BedsidePack", "BedsideUI", "CCrypt"]),

        .executableTarget(name: "bedside", dependencies: [
            "BedsideContent", "BedsideSearch", "BedsidePack", "BedsideFlows", "BedsideUI", "BedsideTerminal", "BedsideWiring",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "BedsideBench", dependencies: ["BedsideContent", "BedsideSearch", "BedsidePack", "BedsideFlows", "BedsideUI", "BedsideWiring", "CSQLite"]),
        // libFuzzer entry point for the Markdown loader and the front-matter splitter (`make fuzz`).
        .executableTarget(name: "BedsideFuzz", dependencies: ["BedsideContent", "BedsidePack", "BedsideUI"]),
        // The kiosk monkey: 1,000,000 random events through update and render (`make test`, release).
        .executableTarget(name: "BedsideMonkey", dependencies: ["BedsideContent", "BedsideFlows", "BedsideUI", "BedsideWiring"]),

        .testTarget(name: "BedsideContentTests", dependencies: ["BedsideContent"], swiftSettings: testCode),
        .testTarget(name: "BedsideSearchTests", dependencies: ["BedsideSearch", "BedsideContent"], swiftSettings: testCode),
        .testTarget(name: "BedsideFlowsTests", dependencies: ["BedsideFlows", "BedsideContent"], swiftSettings: testCode),
        .testTarget(name: "BedsideUITests", dependencies: ["BedsideUI", "BedsideContent", "BedsideFlows", "BedsideMonkey", "BedsideWiring"],
                    exclude: ["Golden"], swiftSettings: testCode),
        .testTarget(name: "BedsideTerminalTests", dependencies: ["BedsideTerminal", "BedsideUI", "BedsideContent", "CCurses"], swiftSettings: testCode),
        .testTarget(name: "BedsideWiringTests", dependencies: ["BedsideWiring"], swiftSettings: testCode),
        .testTarget(name: "BedsidePackTests", dependencies: ["BedsidePack", "BedsideContent", "BedsideSearch"], swiftSettings: testCode),
        .testTarget(name: "BedsideCLITests", dependencies: ["bedside", "BedsideUI", "BedsideContent", "BedsideFlows"], swiftSettings: testCode),
        .testTarget(name: "EndToEndTests", dependencies: [], swiftSettings: testCode),
    ]
)
