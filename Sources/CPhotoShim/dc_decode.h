/* DC-only decoding of a baseline JPEG at 1/8 scale: the greyscale picture of perceptual hashes,
 * exactly as libjpeg gives it, and a colour one for previews (see dc_decode.c). */
#ifndef VP_DC_DECODE_H
#define VP_DC_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <jpeglib.h>

/* Fills `pixels` (`width` x `height` bytes, the output size libjpeg computed for a 1/8 scale)
 * with the picture libjpeg's 1/8-scaled greyscale decode gives, reading only each block's DC
 * coefficient and skipping the others. `cinfo` has read the header up to the first SOS (its
 * memory source then points at the scan's entropy-coded data) and is not changed.
 * Returns 1 when done; 0 when this file is not one the shortcut decodes exactly as libjpeg
 * would (progressive, arithmetic, 12-bit, a colour space other than YCbCr or grey, several
 * scans, missing tables, or data that libjpeg would have to mend: a bad code, data that ends
 * early, an unexpected marker). The caller then decodes it with libjpeg. */
int vp_jpeg_dc_gray(j_decompress_ptr cinfo, uint8_t *pixels, size_t width, size_t height);

/* The same shortcut in colour, for the HTML report's previews: `pixels` (`width` x `height` x 3
 * bytes, R G B) gets each block's DC colour, chroma taken from the chroma block over it. Close
 * to, not byte for byte, libjpeg's 1/8-scaled RGB decode (libjpeg scales chroma with a larger
 * IDCT and upsamples it); a preview needs the picture, not its exact bytes. Returns 1 when done;
 * 0, leaving the file to libjpeg, for every file `vp_jpeg_dc_gray` refuses, for chroma sampled
 * at a fraction of luma's that is not a whole one (libjpeg refuses those in colour), and for a
 * chroma DC value outside 16 bits. */
int vp_jpeg_dc_rgb(j_decompress_ptr cinfo, uint8_t *pixels, size_t width, size_t height);

#endif
