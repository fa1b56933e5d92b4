/* The shim's one libjpeg error manager, shared by its header reader, decoders and encoder: an
 * error jumps back to the caller's setjmp instead of exiting, nothing is printed, a premature end
 * of the data (which libjpeg only warns about) is remembered, and a progress monitor stops a file
 * of more than VP_MAX_SCANS scans. */
#ifndef VP_JPEG_GUARD_H
#define VP_JPEG_GUARD_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <jpeglib.h>

/* A hostile progressive JPEG can hold thousands of tiny scans, each a pass over the image. */
enum { VP_MAX_SCANS = 1000 };

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    int ended_early;
    int too_many_scans;
} vp_jpeg_error;

/* Sets `err` up as described above; returns the manager to put in `cinfo->err`. */
struct jpeg_error_mgr *vp_jpeg_error_install(vp_jpeg_error *err);

/* A progress monitor (`progress_monitor`) that errs, with `too_many_scans` set, past VP_MAX_SCANS. */
void vp_jpeg_limit_scans(j_common_ptr cinfo);

/* Writes the error that jumped back into `message` (when there is room): "more than N scans",
 * or libjpeg's own words. */
void vp_jpeg_error_message(j_decompress_ptr cinfo, char *message, size_t message_size);

/* The start every decoder of the shim shares, after its setjmp (libjpeg's errors jump there):
 * creates `cinfo`, caps libjpeg's memory at `max_memory` (when positive), stops it past
 * VP_MAX_SCANS scans through `progress`, and reads the header of the JPEG in `data`. Returns 0,
 * or -1 with `message` filled when the declared width x height is 0 or above `max_pixels`,
 * before any image memory is taken (the caller then destroys `cinfo`). */
int vp_jpeg_begin(j_decompress_ptr cinfo, struct jpeg_progress_mgr *progress, const uint8_t *data,
                  size_t size, long max_memory, uint64_t max_pixels, char *message, size_t message_size);

/* Starts the decompression `cinfo` is set up for and reads every row, `components` bytes a pixel,
 * into `*pixels` (allocated here with malloc and left to the caller, so that its longjmp path can
 * free it). Returns 0, or -1 with `message` filled when the data ends early (truncated file). */
int vp_jpeg_read_rows(j_decompress_ptr cinfo, int components, uint8_t **pixels, char *message,
                      size_t message_size);

#endif
