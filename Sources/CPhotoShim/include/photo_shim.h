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

#endif
