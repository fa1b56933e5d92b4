/* Small colour thumbnails for the HTML report: a DCT-scaled libjpeg decode, area averaging down
 * to the thumbnail's size, and a JPEG encoder into memory (see vp_jpeg_decode_thumbnail). */
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

/* Everything the longjmp path reads lives here, outside the setjmp frame. */
typedef struct {
    struct jpeg_decompress_struct cinfo;
    vp_jpeg_error err;
    struct jpeg_progress_mgr progress;
    uint8_t *pixels;
} thumb_decoder;

/* Writes into the caller's buffer of `capacity` bytes; an image that does not fit is an error. */
typedef struct {
    struct jpeg_destination_mgr pub;
    uint8_t *buffer;
    size_t capacity;
} thumb_destination;

typedef struct {
    struct jpeg_compress_struct cinfo;
    vp_jpeg_error err;
    thumb_destination dest;
} thumb_encoder;

static void set_message(char *message, size_t message_size, const char *text) {
    if (message && message_size > 0) snprintf(message, message_size, "%s", text);
}

int vp_rgb_scale_down(const uint8_t *pixels, int width, int height, size_t stride, int max_side,
                      vp_rgb_image *image) {
    memset(image, 0, sizeof *image);
    if (!pixels || width <= 0 || height <= 0 || max_side <= 0 || stride < (size_t)width * 3) return -1;
    int longer = width > height ? width : height;
    int out_w = width, out_h = height;
    if (longer > max_side) {
        out_w = (int)(((int64_t)width * max_side + longer / 2) / longer);
        out_h = (int)(((int64_t)height * max_side + longer / 2) / longer);
        if (out_w < 1) out_w = 1;
        if (out_h < 1) out_h = 1;
    }
    uint8_t *out = malloc((size_t)out_w * (size_t)out_h * 3);
    if (!out) return -1;
    for (int oy = 0; oy < out_h; oy++) {
        int y0 = (int)((int64_t)oy * height / out_h), y1 = (int)((int64_t)(oy + 1) * height / out_h);
        if (y1 <= y0) y1 = y0 + 1;
        for (int ox = 0; ox < out_w; ox++) {
            int x0 = (int)((int64_t)ox * width / out_w), x1 = (int)((int64_t)(ox + 1) * width / out_w);
            if (x1 <= x0) x1 = x0 + 1;
            uint64_t sum[3] = {0, 0, 0};
            for (int y = y0; y < y1; y++) {
                const uint8_t *row = pixels + (size_t)y * stride;
                for (int x = x0; x < x1; x++) {
                    sum[0] += row[3 * x];
                    sum[1] += row[3 * x + 1];
                    sum[2] += row[3 * x + 2];
                }
            }
            uint64_t n = (uint64_t)(y1 - y0) * (uint64_t)(x1 - x0);
            uint8_t *dst = out + ((size_t)oy * out_w + ox) * 3;
            for (int c = 0; c < 3; c++) dst[c] = (uint8_t)((sum[c] + n / 2) / n);
        }
    }
    image->width = out_w;
    image->height = out_h;
    image->source_width = width;
    image->source_height = height;
    image->pixels = out;
    return 0;
}

__attribute__((noinline))
static int decode_thumbnail(thumb_decoder *const d, const uint8_t *data, size_t size, int max_side,
                            uint64_t max_pixels, long max_memory, int dc_shortcut, vp_rgb_image *image,
                            char *message, size_t message_size) {
    struct jpeg_decompress_struct *const cinfo = &d->cinfo;
    cinfo->err = vp_jpeg_error_install(&d->err);
    if (setjmp(d->err.jump)) {
        vp_jpeg_error_message(cinfo, message, message_size);
        goto fail;
    }
    if (vp_jpeg_begin(cinfo, &d->progress, data, size, max_memory, max_pixels, message, message_size) != 0) goto fail;
    unsigned int longer = cinfo->image_width > cinfo->image_height ? cinfo->image_width : cinfo->image_height;
    unsigned int wanted = max_side > 0 ? (unsigned int)max_side : 1;
    unsigned int denom = 8;
    while (denom > 1 && (longer + denom - 1) / denom < wanted) denom /= 2;
    cinfo->scale_num = 1;
    cinfo->scale_denom = denom;
    cinfo->out_color_space = JCS_RGB;
    cinfo->dct_method = JDCT_ISLOW;
    jpeg_calc_output_dimensions(cinfo);

    size_t width = cinfo->output_width, height = cinfo->output_height;
    int dc_only = 0;
    if (dc_shortcut && denom == 8 && width > 0 && height > 0) {
        /* A baseline phone photo: each block's DC colour, without decoding the rest. */
        d->pixels = malloc(width * height * 3);
        if (!d->pixels) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
        dc_only = vp_jpeg_dc_rgb(cinfo, d->pixels, width, height);
        if (!dc_only) {
            free(d->pixels);
            d->pixels = NULL;
        }
    }
    if (!dc_only) {
        if (vp_jpeg_read_rows(cinfo, 3, &d->pixels, message, message_size) != 0) goto fail;
        /* jpeg_finish_decompress would read on to the end of the image: not needed for the pixels. */
        jpeg_abort_decompress(cinfo);
    }
    if (vp_rgb_scale_down(d->pixels, (int)cinfo->output_width, (int)cinfo->output_height,
                          (size_t)cinfo->output_width * 3, max_side, image) != 0) {
        set_message(message, message_size, "out of memory");
        goto fail;
    }
    image->source_width = (int)cinfo->image_width;
    image->source_height = (int)cinfo->image_height;
    image->dc_only = dc_only;
    jpeg_destroy_decompress(cinfo);
    free(d->pixels);
    d->pixels = NULL;
    return 0;
fail:
    jpeg_destroy_decompress(cinfo);
    free(d->pixels);
    d->pixels = NULL;
    return -1;
}

int vp_jpeg_decode_thumbnail(const uint8_t *data, size_t size, int max_side, uint64_t max_pixels,
                             long max_memory, int dc_shortcut, vp_rgb_image *image, char *message,
                             size_t message_size) {
    thumb_decoder decoder;
    memset(&decoder, 0, sizeof decoder);
    memset(image, 0, sizeof *image);
    if (!data || size == 0) {
        set_message(message, message_size, "no data");
        return -1;
    }
    return decode_thumbnail(&decoder, data, size, max_side, max_pixels, max_memory, dc_shortcut, image, message, message_size);
}

static void dest_init(j_compress_ptr cinfo) {
    thumb_destination *dest = (thumb_destination *)cinfo->dest;
    dest->pub.next_output_byte = dest->buffer;
    dest->pub.free_in_buffer = dest->capacity;
}

static boolean dest_full(j_compress_ptr cinfo) {
    ERREXIT(cinfo, JERR_BUFFER_SIZE);
    return FALSE;
}

static void dest_term(j_compress_ptr cinfo) { (void)cinfo; }

__attribute__((noinline))
static int encode_rgb(thumb_encoder *const e, const uint8_t *pixels, int width, int height, int quality,
                      char *message, size_t message_size) {
    struct jpeg_compress_struct *const cinfo = &e->cinfo;
    cinfo->err = vp_jpeg_error_install(&e->err);
    if (setjmp(e->err.jump)) {
        char text[JMSG_LENGTH_MAX];
        if (cinfo->err->msg_code == JERR_BUFFER_SIZE) {
            snprintf(text, sizeof text, "larger than %zu bytes", e->dest.capacity);
        } else {
            (*cinfo->err->format_message)((j_common_ptr)cinfo, text);
        }
        set_message(message, message_size, text);
        jpeg_destroy_compress(cinfo);
        return -1;
    }
    jpeg_create_compress(cinfo);
    e->dest.pub.init_destination = dest_init;
    e->dest.pub.empty_output_buffer = dest_full;
    e->dest.pub.term_destination = dest_term;
    cinfo->dest = &e->dest.pub;
    cinfo->image_width = (JDIMENSION)width;
    cinfo->image_height = (JDIMENSION)height;
    cinfo->input_components = 3;
    cinfo->in_color_space = JCS_RGB;
    jpeg_set_defaults(cinfo);
    jpeg_set_quality(cinfo, quality < 1 ? 1 : quality > 100 ? 100 : quality, TRUE);
    cinfo->optimize_coding = TRUE;
    jpeg_start_compress(cinfo, TRUE);
    while (cinfo->next_scanline < cinfo->image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo->next_scanline * (size_t)width * 3);
        jpeg_write_scanlines(cinfo, &row, 1);
    }
    jpeg_finish_compress(cinfo);
    size_t written = e->dest.capacity - e->dest.pub.free_in_buffer;
    jpeg_destroy_compress(cinfo);
    return (int)written;
}

int vp_jpeg_encode_rgb(const uint8_t *pixels, int width, int height, int quality,
                       uint8_t *out, size_t capacity, size_t *out_size, char *message, size_t message_size) {
    *out_size = 0;
    if (!pixels || !out || capacity == 0 || capacity > INT32_MAX || width <= 0 || height <= 0 || width > 65500 || height > 65500) {
        set_message(message, message_size, "no image to encode");
        return -1;
    }
    thumb_encoder encoder;
    memset(&encoder, 0, sizeof encoder);
    encoder.dest.buffer = out;
    encoder.dest.capacity = capacity;
    int written = encode_rgb(&encoder, pixels, width, height, quality, message, message_size);
    if (written < 0) return -1;
    *out_size = (size_t)written;
    return 0;
}
