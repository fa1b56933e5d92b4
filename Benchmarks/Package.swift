// swift-tools-version: 6.1
// Microbenchmarks run by `make bench` (scripts/bench/run.py); not part of the product.
import PackageDescription

let package = Package(
    name: "verify-photos-benchmarks",
    dependencies: [.package(name: "verify-photos", path: "..")],
    targets: [
        .executableTarget(
            name: "GeometryBenchmark",
            dependencies: [.product(name: "VerifyPhotosKit", package: "verify-photos")]
        ),
        .executableTarget(
            name: "LedgerBenchmark",
            dependencies: [.product(name: "VerifyPhotosKit", package: "verify-photos")]
        ),
        // Perceptual hashes and image digests for scripts/reuse/measure.py; fingerprint timings.
        .executableTarget(
            name: "ReuseMeasure",
            dependencies: [.product(name: "VerifyPhotosKit", package: "verify-photos")]
        ),
    ]
)
