// swift-tools-version: 6.1
// The libFuzzer target over the metadata reading path. Built only by scripts/fuzz.sh:
//   swift build --package-path Fuzz --sanitize=fuzzer --sanitize=address
import PackageDescription

let package = Package(
    name: "verify-photos-fuzz",
    dependencies: [.package(name: "verify-photos", path: "..")],
    targets: [
        // libFuzzer's mutation entry point and a per-input heap limit, from C.
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "MetadataFuzzer",
            dependencies: ["FuzzSupport", .product(name: "VerifyPhotosKit", package: "verify-photos")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
