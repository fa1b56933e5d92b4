/* Differential check of CPhotoShim/dc_decode.c: vp_jpeg_decode_gray with the DC-only shortcut
 * and without it must give the same status, message, size and pixels (scripts/fuzz-dc-decode.sh). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "photo_shim.h"

static int save_counter;

static void save(const uint8_t *d, size_t n, const char *why) {
    char name[1024];
    const char *folder = getenv("DCFUZZ_OUT");
    snprintf(name, sizeof name, "%s/diverge-%d-%d.jpg", folder ? folder : ".", (int)getpid(), save_counter++);
    FILE *f = fopen(name, "wb");
    if (f) { fwrite(d, 1, n, f); fclose(f); }
    fprintf(stderr, "DIVERGENCE (%s) saved %s\n", why, name);
    if (getenv("DCFUZZ_ABORT")) abort();
}

/* The colour preview path (vp_jpeg_dc_rgb): not libjpeg's exact colours, so only the outcome and
 * the size are compared; it runs under the sanitizers like the grey one. */
static const char *check_colour(const uint8_t *data, size_t size, uint64_t max_pixels) {
    vp_rgb_image a, b;
    char ma[256] = {0}, mb[256] = {0};
    int sa = vp_jpeg_decode_thumbnail(data, size, 8, max_pixels, 256 << 20, 1, &a, ma, sizeof ma);
    int sb = vp_jpeg_decode_thumbnail(data, size, 8, max_pixels, 256 << 20, 0, &b, mb, sizeof mb);
    const char *why = NULL;
    if (sa != sb) why = "colour status";
    else if (sa != 0 && strcmp(ma, mb)) why = "colour message";
    else if (sa == 0 && (a.width != b.width || a.height != b.height)) why = "colour size";
    if (why) fprintf(stderr, "colour: status %d/%d msg '%s'/'%s' dc_only %d\n", sa, sb, ma, mb, a.dc_only);
    vp_free(a.pixels);
    vp_free(b.pixels);
    return why;
}

/* Returns 1 if the shortcut took it, 0 if not, -1 on a divergence (saved; abort() with DCFUZZ_ABORT set). */
int check_one(const uint8_t *data, size_t size, int min_side, uint64_t max_pixels) {
    vp_gray_image a, b;
    char ma[256] = {0}, mb[256] = {0};
    int sa = vp_jpeg_decode_gray(data, size, min_side, max_pixels, 256 << 20, 1, &a, ma, sizeof ma);
    int sb = vp_jpeg_decode_gray(data, size, min_side, max_pixels, 256 << 20, 0, &b, mb, sizeof mb);
    const char *why = NULL;
    if (sa != sb) why = "status";
    else if (sa != 0 && strcmp(ma, mb)) why = "message";
    else if (sa == 0 && (a.width != b.width || a.height != b.height)) why = "size";
    else if (sa == 0 && memcmp(a.pixels, b.pixels, (size_t)a.width * a.height)) why = "pixels";
    if (why) fprintf(stderr, "status %d/%d msg '%s'/'%s' dc_only %d size %dx%d/%dx%d\n", sa, sb, ma, mb, a.dc_only, a.width, a.height, b.width, b.height);
    int taken = a.dc_only;
    vp_free(a.pixels);
    vp_free(b.pixels);
    if (!why) why = check_colour(data, size, max_pixels);
    if (why) save(data, size, why);
    return why ? -1 : taken;
}
