// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReportSite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reportsite", targets: ["reportsite"]),
        .library(name: "ReportSiteKit", targets: ["ReportSiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `reportsite serve` only: an HTTP server with no dependencies of its own (no SwiftNIO), so a clean CI build stays short.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The one C boundary: libcmark-gfm and its core extensions, found by pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE), so that swapping the new site in leaves no moment without a site.
        .target(name: "CAtomicSwap"),
        // The targets of the library, one per group of stages (docs/architecture.md, "Targets"). Each depends only on
        // those above it; what another target uses is `package`, what the command and the server use is `public`.
        // The core: the model of a report, diagnostics, and the helpers every stage shares.
        .target(name: "ReportSiteCore"),
        // The reports: load the content and the configuration, parse (the C library), analyse (structure,
        // citations, recommendations).
        .target(
            name: "ReportSiteReports",
            dependencies: ["ReportSiteCore", "CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        // `reportsite import`: a report's text (from a PDF's text layer) made into a content file. The build does not
        // need it: the command and the tests depend on it themselves.
        .target(name: "ReportSiteImport", dependencies: ["ReportSiteCore", "ReportSiteReports"]),
        // The output: the staging folder and its swap, the build's one writer, the build store, the output's lock,
        // and the ledger of ids and links that render returns and the link check reads.
        .target(name: "ReportSiteOutput", dependencies: ["ReportSiteCore", "CAtomicSwap"]),
        // The site: link (citations resolved, the recommendations index) and render (every page, through the templates).
        .target(name: "ReportSiteSite", dependencies: ["ReportSiteCore", "ReportSiteReports", "ReportSiteOutput"]),
        // The build: the link check, the pipeline, the sessions (a build; an import, which checks what it wrote
        // with a build), the scaffold. The library's one product; its module re-exports the core, the reports, the
        // output and the site for the command and the server (Exports.swift).
        .target(
            name: "ReportSiteKit",
            dependencies: [
                "ReportSiteCore",
                "ReportSiteReports",
                "ReportSiteImport",
                "ReportSiteOutput",
                "ReportSiteSite",
            ]
        ),
        // The development server of `reportsite serve`, kept out of the library.
        .target(
            name: "ReportSiteServer",
            dependencies: [
                "ReportSiteKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "reportsite",
            dependencies: [
                "ReportSiteKit",
                "ReportSiteImport",
                "ReportSiteServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ReportSiteKitTests",
            dependencies: ["ReportSiteKit", "ReportSiteImport", "ReportSiteServer", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
