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

/// Reads the JPEG header (markers up to the first scan) from an open file descriptor with
/// libjpeg, without moving the descriptor's offset and without printing anything.
/// Returns 0 on success; otherwise fills `message` with libjpeg's explanation and returns -1.
int vp_jpeg_read_header(int fd, vp_jpeg_header *header, char *message, size_t message_size);

#endif
