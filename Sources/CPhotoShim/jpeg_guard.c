/* See jpeg_guard.h. */
#include "jpeg_guard.h"

#include <jerror.h>
#include <stdlib.h>
#include <string.h>

static void set_message(char *message, size_t message_size, const char *text) {
    if (message && message_size > 0) snprintf(message, message_size, "%s", text);
}

static void guard_error_exit(j_common_ptr cinfo) {
    longjmp(((vp_jpeg_error *)cinfo->err)->jump, 1);
}

static void guard_emit_message(j_common_ptr cinfo, int msg_level) {
    vp_jpeg_error *err = (vp_jpeg_error *)cinfo->err;
    if (msg_level < 0) {
        err->pub.num_warnings++;
        if (err->pub.msg_code == JWRN_JPEG_EOF) err->ended_early = 1;
    }
}

static void guard_output_message(j_common_ptr cinfo) { (void)cinfo; }

struct jpeg_error_mgr *vp_jpeg_error_install(vp_jpeg_error *err) {
    struct jpeg_error_mgr *manager = jpeg_std_error(&err->pub);
    manager->error_exit = guard_error_exit;
    manager->emit_message = guard_emit_message;
    manager->output_message = guard_output_message;
    return manager;
}

void vp_jpeg_limit_scans(j_common_ptr cinfo) {
    if (cinfo->is_decompressor && ((j_decompress_ptr)cinfo)->input_scan_number > VP_MAX_SCANS) {
        ((vp_jpeg_error *)cinfo->err)->too_many_scans = 1;
        ERREXIT(cinfo, JERR_NOT_COMPILED);  /* any error: the caller replaces the message */
    }
}

void vp_jpeg_error_message(j_decompress_ptr cinfo, char *message, size_t message_size) {
    char text[JMSG_LENGTH_MAX];
    if (((vp_jpeg_error *)cinfo->err)->too_many_scans) {
        snprintf(text, sizeof text, "more than %d scans", VP_MAX_SCANS);
    } else {
        (*cinfo->err->format_message)((j_common_ptr)cinfo, text);
    }
    set_message(message, message_size, text);
}

int vp_jpeg_begin(j_decompress_ptr cinfo, struct jpeg_progress_mgr *progress, const uint8_t *data,
                  size_t size, long max_memory, uint64_t max_pixels, char *message, size_t message_size) {
    jpeg_create_decompress(cinfo);
    if (max_memory > 0) cinfo->mem->max_memory_to_use = max_memory;
    progress->progress_monitor = vp_jpeg_limit_scans;
    cinfo->progress = progress;
    jpeg_mem_src(cinfo, data, (unsigned long)size);
    jpeg_read_header(cinfo, TRUE);
    uint64_t declared = (uint64_t)cinfo->image_width * (uint64_t)cinfo->image_height;
    if (declared == 0 || declared > max_pixels) {
        if (message && message_size > 0)
            snprintf(message, message_size, "image of %u x %u pixels is larger than the limit of %llu pixels",
                     cinfo->image_width, cinfo->image_height, (unsigned long long)max_pixels);
        return -1;
    }
    return 0;
}

int vp_jpeg_read_rows(j_decompress_ptr cinfo, int components, uint8_t **pixels, char *message,
                      size_t message_size) {
    vp_jpeg_error *err = (vp_jpeg_error *)cinfo->err;
    jpeg_start_decompress(cinfo);
    size_t width = cinfo->output_width, height = cinfo->output_height;
    if (cinfo->output_components != components || width == 0 || height == 0) {
        ERREXIT(cinfo, JERR_CONVERSION_NOTIMPL);
    }
    size_t row_bytes = width * (size_t)components;
    *pixels = malloc(row_bytes * height);
    if (!*pixels) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 0);
    while (cinfo->output_scanline < cinfo->output_height) {
        JSAMPROW row = *pixels + (size_t)cinfo->output_scanline * row_bytes;
        if (jpeg_read_scanlines(cinfo, &row, 1) != 1) break;
        if (err->ended_early) break;
    }
    if (err->ended_early || cinfo->output_scanline < cinfo->output_height) {
        set_message(message, message_size, "the image data ends early (truncated file)");
        return -1;
    }
    return 0;
}
