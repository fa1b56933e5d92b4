#ifndef PHOTO_SHIM_H
#define PHOTO_SHIM_H

#include <stddef.h>

/// What libjpeg's header reader learned about a JPEG image.
typedef struct {
    int width;
    int height;
    int components;
    int progressive;
} vp_jpeg_header;

#include <stdint.h>

/// Reads the JPEG header (markers up to the first scan) with libjpeg, without printing
/// anything: from `head` (the file's first `head_size` bytes, already in memory) and, past it,
/// from the open file descriptor (positional reads; its offset does not move).
/// Returns 0 on success; otherwise fills `message` with libjpeg's explanation and returns -1.
int vp_jpeg_read_header(int fd, const uint8_t *head, size_t head_size, vp_jpeg_header *header,
                        char *message, size_t message_size);

/// A greyscale image decoded by `vp_jpeg_decode_gray`: `width` x `height` bytes, row after
/// row, in `pixels` (allocated with malloc; release it with `vp_free`).
typedef struct {
    int width;
    int height;
    /// The size the JPEG declares, before DCT scaling.
    int source_width;
    int source_height;
    uint8_t *pixels;
    /// 1 when the DC-only shortcut decoded it (the same pixels libjpeg gives, in less time).
    int dc_only;
} vp_gray_image;

/// Decodes the JPEG in `data` as greyscale, scaled down by libjpeg's DCT scaling (1/2, 1/4 or
/// 1/8: the smallest whose shorter side is still at least `min_short_side` pixels), without
/// printing anything. Refuses, before allocating any image memory, a JPEG whose declared
/// width x height exceeds `max_pixels`; libjpeg's own memory is capped at `max_memory` bytes,
/// and at most 1000 scans are read. A file that ends inside the image data is refused too.
/// With `dc_shortcut` a 1/8 scale of a baseline JPEG reads only each block's DC coefficient
/// (dc_decode.c), falling back to libjpeg for anything it does not decode exactly as libjpeg.
/// Returns 0 on success (`image->pixels` then holds the pixels); otherwise fills `message`
/// and returns -1 with `image->pixels` NULL.
int vp_jpeg_decode_gray(const uint8_t *data, size_t size, int min_short_side, uint64_t max_pixels,
                        long max_memory, int dc_shortcut, vp_gray_image *image, char *message,
                        size_t message_size);

/// A colour image: `width` x `height` pixels of 3 bytes (R, G, B), row after row, in `pixels`
/// (allocated with malloc; release it with `vp_free`).
typedef struct {
    int width;
    int height;
    /// The size the JPEG declares, before scaling.
    int source_width;
    int source_height;
    uint8_t *pixels;
    /// 1 when the DC-only shortcut decoded it (each 8x8 block's DC colour; see dc_decode.h).
    int dc_only;
} vp_rgb_image;

/// Decodes the JPEG in `data` in colour for a thumbnail: scaled down by libjpeg's DCT scaling
/// (the largest reduction, 1/2 to 1/8, whose longer side is still at least `max_side`), then by
/// area averaging until the longer side is at most `max_side`. Without printing anything.
/// Refuses, from the header and before allocating any image memory, a JPEG whose declared
/// width x height exceeds `max_pixels`; libjpeg's own memory is capped at `max_memory` bytes,
/// at most 1000 scans are read, and a file that ends inside the image data is refused. With
/// `dc_shortcut` a baseline JPEG scaled by 1/8 is decoded from its DC coefficients alone.
/// Returns 0 on success (`image->pixels` then holds the pixels); otherwise fills `message`
/// and returns -1 with `image->pixels` NULL.
int vp_jpeg_decode_thumbnail(const uint8_t *data, size_t size, int max_side, uint64_t max_pixels,
                             long max_memory, int dc_shortcut, vp_rgb_image *image, char *message,
                             size_t message_size);

/// Scales an RGB image (`width` x `height`, rows `stride` bytes apart) down by area averaging
/// so that its longer side is at most `max_side` (an image already that small is copied).
/// Returns 0 and fills `image` (release `image->pixels` with `vp_free`), or -1 when memory
/// runs out or the sizes make no sense.
int vp_rgb_scale_down(const uint8_t *pixels, int width, int height, size_t stride, int max_side,
                      vp_rgb_image *image);

/// Encodes an RGB image (rows of `width` x 3 bytes) as a baseline JPEG of `quality` (1-100)
/// into `out`, the caller's buffer of `capacity` bytes, without printing anything. Returns 0
/// and sets `*out_size`; otherwise (also when the JPEG would not fit in `capacity`) fills
/// `message` and returns -1.
int vp_jpeg_encode_rgb(const uint8_t *pixels, int width, int height, int quality,
                       uint8_t *out, size_t capacity, size_t *out_size, char *message, size_t message_size);
/// Decodes the JPEG in `data` as greyscale for reading text printed on it: scaled by libjpeg's
/// DCT scaling (M/8, the largest M from 1 to 8 whose longer side is at most `max_long_side`
/// pixels; 1/8 when even that is larger), without printing anything. Refuses, before
/// allocating any image memory, a JPEG whose declared width x height exceeds `max_pixels`;
/// libjpeg's own memory is capped at `max_memory` bytes, at most 1000 scans are read, and a
/// file that ends inside the image data is refused. Returns 0 on success (`image->pixels`,
/// released with `vp_free`); otherwise fills `message` and returns -1 with `image->pixels` NULL.
int vp_jpeg_decode_band(const uint8_t *data, size_t size, int max_long_side, uint64_t max_pixels,
                        long max_memory, vp_gray_image *image, char *message, size_t message_size);

/// Releases memory handed out by this shim.
void vp_free(void *pointer);

#endif
