// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "verify-photos",
    products: [
        .library(name: "VerifyPhotosKit", targets: ["VerifyPhotosKit"]),
        .executable(name: "verify-photos", targets: ["verify-photos"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CExif",
            pkgConfig: "libexif",
            providers: [.apt(["libexif-dev"])]
        ),
        .systemLibrary(
            name: "CJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg62-turbo-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CHeif",
            pkgConfig: "libheif",
            providers: [.apt(["libheif-dev"])]
        ),
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-eng", "tesseract-ocr-ind"])]
        ),
        // libjpeg reports errors with longjmp, which Swift cannot catch: this shim does.
        .target(name: "CPhotoShim", dependencies: ["CJPEG"]),
        .target(
            name: "VerifyPhotosKit",
            dependencies: ["CExif", "CPhotoShim", "CZlib", "CSQLite", "CCrypto", "CHeif", "CXXHash", "CXlsxWriter", "CTesseract"]
        ),
        .executableTarget(
            name: "verify-photos",
            dependencies: [
                "VerifyPhotosKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "VerifyPhotosKitTests",
            dependencies: ["VerifyPhotosKit", "CZlib"]
        ),
        .testTarget(
            name: "VerifyPhotosCLITests",
            dependencies: ["verify-photos"]
        ),
    ]
)
