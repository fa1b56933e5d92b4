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
        char text[JMSG_LENGTH_MAX];
        if (d->err.too_many_scans) {
            snprintf(text, sizeof text, "more than %d scans", VP_MAX_SCANS);
        } else {
            (*cinfo->err->format_message)((j_common_ptr)cinfo, text);
        }
        if (message && message_size > 0) snprintf(message, message_size, "%s", text);
        jpeg_destroy_decompress(cinfo);
        free(d->pixels);
        d->pixels = NULL;
        return -1;
    }
    jpeg_create_decompress(cinfo);
    if (max_memory > 0) cinfo->mem->max_memory_to_use = max_memory;
    d->progress.progress_monitor = vp_jpeg_limit_scans;
    cinfo->progress = &d->progress;
    jpeg_mem_src(cinfo, data, (unsigned long)size);
    jpeg_read_header(cinfo, TRUE);

    image->source_width = (int)cinfo->image_width;
    image->source_height = (int)cinfo->image_height;
    uint64_t declared = (uint64_t)cinfo->image_width * (uint64_t)cinfo->image_height;
    if (declared == 0 || declared > max_pixels) {
        if (message && message_size > 0)
            snprintf(message, message_size, "image of %u x %u pixels is larger than the limit of %llu pixels",
                     cinfo->image_width, cinfo->image_height, (unsigned long long)max_pixels);
        jpeg_destroy_decompress(cinfo);
        return -1;
    }
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

    if (dc_shortcut && denom == 8 && cinfo->output_width > 0 && cinfo->output_height > 0) {
        size_t width = cinfo->output_width, height = cinfo->output_height;
        d->pixels = malloc(width * height);
        if (!d->pixels) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
        if (vp_jpeg_dc_gray(cinfo, d->pixels, width, height)) {
            jpeg_destroy_decompress(cinfo);
            image->width = (int)width;
            image->height = (int)height;
            image->pixels = d->pixels;
            image->dc_only = 1;
            return 0;
        }
        free(d->pixels);
        d->pixels = NULL;
    }

    jpeg_start_decompress(cinfo);
    size_t width = cinfo->output_width, height = cinfo->output_height;
    if (cinfo->output_components != 1 || width == 0 || height == 0) {
        ERREXIT(cinfo, JERR_CONVERSION_NOTIMPL);
    }
    d->pixels = malloc(width * height);
    if (!d->pixels) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
    while (cinfo->output_scanline < cinfo->output_height) {
        JSAMPROW row = d->pixels + (size_t)cinfo->output_scanline * width;
        if (jpeg_read_scanlines(cinfo, &row, 1) != 1) break;
        if (d->err.ended_early) break;
    }
    if (d->err.ended_early || cinfo->output_scanline < cinfo->output_height) {
        if (message && message_size > 0) snprintf(message, message_size, "the image data ends early (truncated file)");
        jpeg_destroy_decompress(cinfo);
        free(d->pixels);
        d->pixels = NULL;
        return -1;
    }
    /* jpeg_finish_decompress would read on to the end of the image: not needed for the pixels. */
    jpeg_abort_decompress(cinfo);
    jpeg_destroy_decompress(cinfo);
    image->width = (int)width;
    image->height = (int)height;
    image->pixels = d->pixels;
    return 0;
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
