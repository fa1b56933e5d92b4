/* The shim's one libjpeg error manager, shared by its header reader, decoders and encoder: an
 * error jumps back to the caller's setjmp instead of exiting, nothing is printed, a premature end
 * of the data (which libjpeg only warns about) is remembered, and a progress monitor stops a file
 * of more than VP_MAX_SCANS scans. */
#ifndef VP_JPEG_GUARD_H
#define VP_JPEG_GUARD_H

#include <setjmp.h>
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

#endif
