/* See jpeg_guard.h. */
#include "jpeg_guard.h"

#include <jerror.h>

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
