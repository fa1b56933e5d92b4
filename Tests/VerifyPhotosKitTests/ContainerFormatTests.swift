import Testing
@testable import VerifyPhotosKit

@Suite struct ContainerFormatTests {
    @Test func recognisesEachContainerByItsFirstBytes() {
        #expect(ContainerFormat(magic: [0xFF, 0xD8, 0xFF, 0xE1]) == .jpeg)
        #expect(ContainerFormat(magic: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .png)
        #expect(ContainerFormat(magic: Array("RIFF\0\0\0\0WEBPVP8X".utf8)) == .webp)
        #expect(ContainerFormat(magic: [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]) == .tiff)
        #expect(ContainerFormat(magic: [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]) == .tiff)
        #expect(ContainerFormat(magic: [0, 0, 0, 24] + Array("ftypheic".utf8)) == .heic)
        #expect(ContainerFormat(magic: [0, 0, 0, 24] + Array("ftypmif1".utf8)) == .heic)
        #expect(ContainerFormat(magic: [0, 0, 0, 24] + Array("ftypavif".utf8)) == .avif)
    }

    @Test func rejectsEverythingElse() {
        #expect(ContainerFormat(magic: []) == nil)
        #expect(ContainerFormat(magic: [0xFF, 0xD8]) == nil)
        #expect(ContainerFormat(magic: Array("GIF89a".utf8)) == nil)
        #expect(ContainerFormat(magic: [0, 0, 0, 24] + Array("ftypmp42".utf8)) == nil)
        #expect(ContainerFormat(magic: Array("This is a text file".utf8)) == nil)
    }
}
