/* Greyscale JPEG decoding at a bounded size for reading printed stamps (see vp_jpeg_decode_band). */
#include "photo_shim.h"
#include "jpeg_guard.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

/* Everything libjpeg and the error path touch, in the caller's frame (valid after longjmp). */
typedef struct {
    struct jpeg_decompress_struct cinfo;
    vp_jpeg_error err;
    struct jpeg_progress_mgr progress;
    uint8_t *pixels;
} band_decoder;

/* The largest M in 1..8 for which a side of `long_side` pixels scaled by M/8 stays within
   `max_long_side` (1 when even 1/8 is larger). */
static unsigned int band_scale_num(unsigned int long_side, int max_long_side) {
    unsigned int limit = max_long_side > 0 ? (unsigned int)max_long_side : 1;
    for (unsigned int num = 8; num > 1; num--) {
        if (((uint64_t)long_side * num + 7) / 8 <= limit) return num;
    }
    return 1;
}

__attribute__((noinline))
static int decode_band(band_decoder *const d, const uint8_t *data, size_t size, int max_long_side,
                       uint64_t max_pixels, long max_memory, vp_gray_image *image,
                       char *message, size_t message_size) {
    struct jpeg_decompress_struct *const cinfo = &d->cinfo;
    cinfo->err = vp_jpeg_error_install(&d->err);
    if (setjmp(d->err.jump)) {
        vp_jpeg_error_message(cinfo, message, message_size);
        goto fail;
    }
    int status = vp_jpeg_begin(cinfo, &d->progress, data, size, max_memory, max_pixels, message, message_size);
    image->source_width = (int)cinfo->image_width;
    image->source_height = (int)cinfo->image_height;
    if (status != 0) goto fail;
    unsigned int long_side = cinfo->image_width > cinfo->image_height ? cinfo->image_width : cinfo->image_height;
    cinfo->scale_num = band_scale_num(long_side, max_long_side);
    cinfo->scale_denom = 8;
    cinfo->out_color_space = JCS_GRAYSCALE;
    cinfo->dct_method = JDCT_ISLOW;
    cinfo->do_fancy_upsampling = FALSE;
    cinfo->do_block_smoothing = FALSE;
    jpeg_calc_output_dimensions(cinfo);

    if (vp_jpeg_read_rows(cinfo, 1, &d->pixels, message, message_size) != 0) goto fail;
    jpeg_abort_decompress(cinfo);
    image->width = (int)cinfo->output_width;
    image->height = (int)cinfo->output_height;
    image->pixels = d->pixels;
    jpeg_destroy_decompress(cinfo);
    return 0;
fail:
    jpeg_destroy_decompress(cinfo);
    free(d->pixels);
    d->pixels = NULL;
    return -1;
}

int vp_jpeg_decode_band(const uint8_t *data, size_t size, int max_long_side, uint64_t max_pixels,
                        long max_memory, vp_gray_image *image, char *message, size_t message_size) {
    band_decoder decoder;
    memset(&decoder, 0, sizeof decoder);
    memset(image, 0, sizeof *image);
    if (!data || size == 0) {
        if (message && message_size > 0) snprintf(message, message_size, "no data");
        return -1;
    }
    return decode_band(&decoder, data, size, max_long_side, max_pixels, max_memory, image, message, message_size);
}
