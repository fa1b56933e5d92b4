import CZlib

/// zlib decompression of one compressed PNG text chunk; the one owner of its `z_stream`,
/// released in `deinit`. Output is capped, so a "zip bomb" costs at most `limit` bytes.
final class Inflater {
    private var stream = z_stream()
    private let ready: Bool

    init() {
        ready = inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if ready { inflateEnd(&stream) }
    }

    /// The decompressed bytes (of a truncated stream, those decoded before the cut), or nil when
    /// the data is not zlib or would exceed `limit`; and how many bytes were inflated either way
    /// (never much more than `limit`), so that callers can bound the work of a whole file.
    func inflate(_ input: [UInt8], limit: Int) -> (output: [UInt8]?, produced: Int) {
        guard ready, !input.isEmpty else { return (nil, 0) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(buffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output += buffer[0..<(buffer.count - Int(stream.avail_out))]
                }
            } while status == Z_OK && output.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
            stream.next_in = nil
        }
        // A stream cut short still gives what it decoded so far (as tolerant readers do).
        guard status == Z_STREAM_END || status == Z_OK || status == Z_BUF_ERROR, output.count <= limit,
              !output.isEmpty else { return (nil, output.count) }
        return (output, output.count)
    }
}
