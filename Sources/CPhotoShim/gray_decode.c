/* Greyscale, DCT-scaled JPEG decoding for perceptual hashes (see vp_jpeg_decode_gray). */
#include "photo_shim.h"
#include "jpeg_guard.h"
#include "dc_decode.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

typedef struct {
    struct jpeg_decompress_struct cinfo;
    vp_jpeg_error err;
    struct jpeg_progress_mgr progress;
    uint8_t *pixels;
} gray_decoder;

__attribute__((noinline))
static int decode_gray(gray_decoder *const d, const uint8_t *data, size_t size, int min_short_side,
                       uint64_t max_pixels, long max_memory, int dc_shortcut, vp_gray_image *image,
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
    unsigned int short_side = cinfo->image_width < cinfo->image_height ? cinfo->image_width : cinfo->image_height;
    unsigned int denom = 8;
    while (denom > 1 && (short_side + denom - 1) / denom < (unsigned int)(min_short_side > 0 ? min_short_side : 1)) denom /= 2;
    cinfo->scale_num = 1;
    cinfo->scale_denom = denom;
    cinfo->out_color_space = JCS_GRAYSCALE;
    cinfo->dct_method = JDCT_ISLOW;
    cinfo->do_fancy_upsampling = FALSE;
    cinfo->do_block_smoothing = FALSE;
    jpeg_calc_output_dimensions(cinfo);

    size_t width = cinfo->output_width, height = cinfo->output_height;
    int dc_only = 0;
    if (dc_shortcut && denom == 8 && width > 0 && height > 0) {
        d->pixels = malloc(width * height);
        if (!d->pixels) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
        dc_only = vp_jpeg_dc_gray(cinfo, d->pixels, width, height);
        if (!dc_only) {
            free(d->pixels);
            d->pixels = NULL;
        }
    }
    if (!dc_only) {
        if (vp_jpeg_read_rows(cinfo, 1, &d->pixels, message, message_size) != 0) goto fail;
        /* jpeg_finish_decompress would read on to the end of the image: not needed for the pixels. */
        jpeg_abort_decompress(cinfo);
    }
    image->width = (int)cinfo->output_width;
    image->height = (int)cinfo->output_height;
    image->pixels = d->pixels;
    image->dc_only = dc_only;
    jpeg_destroy_decompress(cinfo);
    return 0;
fail:
    jpeg_destroy_decompress(cinfo);
    free(d->pixels);
    d->pixels = NULL;
    return -1;
}

int vp_jpeg_decode_gray(const uint8_t *data, size_t size, int min_short_side, uint64_t max_pixels,
                        long max_memory, int dc_shortcut, vp_gray_image *image, char *message, size_t message_size) {
    gray_decoder decoder;
    memset(&decoder, 0, sizeof decoder);
    memset(image, 0, sizeof *image);
    if (!data || size == 0) {
        if (message && message_size > 0) snprintf(message, message_size, "no data");
        return -1;
    }
    return decode_gray(&decoder, data, size, min_short_side, max_pixels, max_memory, dc_shortcut, image, message, message_size);
}

void vp_free(void *pointer) { free(pointer); }
