// swift-tools-version:6.2
import PackageDescription

/// One settings array shared by every target (as Hummingbird does).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ARLens",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "arlens", targets: ["arlens"]),
        .library(name: "ARQuery", targets: ["ARQuery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The server (ARServer): HTTP, bearer tokens, hashed token storage, metrics, lifecycle, logs.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries behind thin system-library targets.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // glibc's allocator statistics (<malloc.h> is not part of the Glibc module).
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Calendar days, currencies, exact rates, typed columns.
        .target(name: "ARCore", dependencies: ["CMalloc"], swiftSettings: swiftSettings),
        // The columnar in-memory ledger, its builder, its persisted form and the snapshot history.
        .target(name: "ARStore", dependencies: ["ARCore"], swiftSettings: swiftSettings),
        // CSV and SQLite snapshot readers, mapping files, rejects and reconciliation.
        .target(name: "ARImport", dependencies: ["ARCore", "ARStore", "CSQLite", "Yams"], swiftSettings: swiftSettings),
        // Synthetic ledgers in the interchange layout.
        .target(name: "ARGenerator", dependencies: ["ARCore", "CSQLite"], swiftSettings: swiftSettings),
        // The figures of metrics.md, as kernels over the store's columns.
        .target(name: "ARMetrics", dependencies: ["ARCore", "ARStore"], swiftSettings: swiftSettings),
        // ARQL metric queries as SQL over the interchange tables (explain sql, the differential check).
        .target(name: "ARSQL", dependencies: ["ARCore", "ARStore", "ARMetrics"], swiftSettings: swiftSettings),
        // ARQL: lexer, parser, binder, planner, executor.
        .target(name: "ARQuery", dependencies: ["ARCore", "ARStore", "ARMetrics", "ARSQL"], swiftSettings: swiftSettings),
        // Credit risk and collection: exposure and limits, scoring models, alerts (docs/risk.md).
        .target(name: "ARRisk", dependencies: ["ARCore", "ARStore", "ARMetrics", "ARQuery", "Yams"], swiftSettings: swiftSettings),
        // Chart model and the Cairo renderer (PNG, SVG, PDF).
        .target(name: "ARCharts", dependencies: ["CCairo"], swiftSettings: swiftSettings),
        // Query results as charts: the bridge between ARQuery and ARCharts.
        .target(name: "ARPresentation", dependencies: ["ARQuery", "ARCharts"], swiftSettings: swiftSettings),
        // The analyst's REPL: session logic and the libedit terminal front.
        .target(name: "ARRepl", dependencies: ["ARCore", "ARStore", "ARImport", "ARMetrics", "ARQuery", "ARPresentation", "CEditLine"],
                swiftSettings: swiftSettings),
        // `arlens serve`: the HTTP API, the built-in dashboard (package resources), tokens, caching, metrics.
        .target(
            name: "ARServer",
            dependencies: [
                "ARCore", "ARStore", "ARImport", "ARMetrics", "ARQuery", "ARCharts", "ARPresentation", "Yams",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // Report packs: definitions, pages, schedules, the run log and delivery (outbox, SMTP).
        .target(name: "ARReports",
                dependencies: ["ARCore", "ARStore", "ARMetrics", "ARQuery", "ARCharts", "ARPresentation", "CCairo", "CCurl", "CZlib", "Yams",
                               .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: swiftSettings),
        .executableTarget(
            name: "arlens",
            dependencies: [
                "ARCore", "ARStore", "ARImport", "ARGenerator", "ARMetrics", "ARQuery", "ARCharts", "ARPresentation", "ARRepl",
                "ARServer", "ARReports", "ARRisk",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "ARCoreTests", dependencies: ["ARCore"], swiftSettings: swiftSettings),
        .testTarget(name: "ARStoreTests", dependencies: ["ARStore", "ARGenerator"], swiftSettings: swiftSettings),
        .testTarget(name: "ARImportTests", dependencies: ["ARImport", "ARGenerator", "CSQLite"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "ARMetricsTests", dependencies: ["ARMetrics"], swiftSettings: swiftSettings),
        .testTarget(name: "ARQueryTests", dependencies: ["ARQuery", "ARImport", "ARGenerator"], swiftSettings: swiftSettings),
        .testTarget(name: "ARRiskTests", dependencies: ["ARRisk", "ARQuery", "ARImport", "ARStore", "ARMetrics", "ARCore"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "ARSQLTests", dependencies: ["ARSQL", "ARQuery", "ARImport", "ARGenerator", "CSQLite"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "ARChartsTests", dependencies: ["ARCharts"], exclude: ["Golden"], swiftSettings: swiftSettings),
        .testTarget(name: "ARPresentationTests", dependencies: ["ARPresentation", "ARImport"], exclude: ["Golden"], swiftSettings: swiftSettings),
        // Runs the built `arlens` binary end to end on the bundled sample.
        .testTarget(name: "ARLensCLITests", dependencies: ["ARImport", "ARQuery", "ARRepl", "ARStore"], swiftSettings: swiftSettings),
        .testTarget(name: "ARReplTests", dependencies: ["ARRepl", "ARImport"], swiftSettings: swiftSettings),
        // Structured fuzzing of the CSV reader, mapping reader, number and date parsers, the import
        // pipeline and the ARQL front end; ARLENS_FUZZ_ITERATIONS sets the executions per target.
        .testTarget(
            name: "ARLensFuzzTests",
            dependencies: ["ARCore", "ARStore", "ARImport", "ARMetrics", "ARQuery", "ARGenerator"],
            swiftSettings: swiftSettings
        ),
        // The real server on a free loopback port, in-process router tests, the scope attack suite, the browser test.
        .testTarget(
            name: "ARServerTests",
            dependencies: [
                "ARServer", "ARImport", "ARGenerator", "ARQuery", "ARPresentation", "ARCharts", "ARStore", "ARCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Packs rendered from the sample, schedules, the run log, and delivery to a real SMTP server on loopback.
        .testTarget(name: "ARReportsTests", dependencies: ["ARReports", "ARImport", "ARCharts", "ARQuery", "ARStore", "ARPresentation", "ARCore"],
                    exclude: ["Support"], swiftSettings: swiftSettings),
    ]
)

// The benchmark executable (Benchmarks/ARLensBench), built only when ARLENS_BENCHMARKS=1 so that CI and
// users do not compile it by default (as Hummingbird gates its benchmarks behind ENABLE_HB_BENCHMARKS).
if Context.environment["ARLENS_BENCHMARKS"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "arlens-bench",
            dependencies: ["ARCore", "ARStore", "ARMetrics", "ARQuery", "ARCharts", "ARPresentation", "ARReports"],
            path: "Benchmarks/ARLensBench",
            swiftSettings: swiftSettings
        )
    )
}
