#include "photo_shim.h"
#include "jpeg_guard.h"

#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <jpeglib.h>

enum { SOURCE_BUFFER_SIZE = 4096 };

/* Most bytes libjpeg may read before the first scan. Skipped segments do not count; a real
   header is far smaller, and a hostile file (gigabytes of tables or garbage) stops here. */
static const off_t READ_BUDGET = 16 * 1024 * 1024;

/* Largest offset the source seeks to: far past any file, and no overflow when added to. */
static const off_t OFFSET_LIMIT = (off_t)1 << (sizeof(off_t) * 8 - 2);

/* A libjpeg data source that reads with pread, so that segments libjpeg skips are never read. */
typedef struct {
    struct jpeg_source_mgr pub;
    int fd;
    const uint8_t *head;
    size_t head_size;
    off_t offset;
    off_t bytes_read;
    int over_budget;
    JOCTET buffer[SOURCE_BUFFER_SIZE];
} fd_source;

/* Everything libjpeg and the error path touch. It lives in the caller's frame and is reached
   through a pointer that never changes after setjmp, so its contents are valid after longjmp
   (C11 7.13.2.1: only non-volatile locals of the function calling setjmp become indeterminate). */
typedef struct {
    struct jpeg_decompress_struct cinfo;
    vp_jpeg_error err;
    fd_source src;
} header_reader;

static void init_source(j_decompress_ptr cinfo) { (void)cinfo; }
static void term_source(j_decompress_ptr cinfo) { (void)cinfo; }

static boolean fill_input_buffer(j_decompress_ptr cinfo) {
    fd_source *src = (fd_source *)cinfo->src;
    ssize_t n = 0;
    if ((uint64_t)src->offset < (uint64_t)src->head_size) {
        /* Served from the bytes the caller already read: no copy, no system call. */
        size_t available = src->head_size - (size_t)src->offset;
        src->pub.next_input_byte = src->head + src->offset;
        src->pub.bytes_in_buffer = available;
        src->offset += (off_t)available;
        return TRUE;
    }
    if (src->bytes_read >= READ_BUDGET) {
        src->over_budget = 1;
    } else if (src->offset < OFFSET_LIMIT) {
        do {
            n = pread(src->fd, src->buffer, SOURCE_BUFFER_SIZE, src->offset);
        } while (n < 0 && errno == EINTR);
    }
    if (n <= 0) {
        /* End of file, read error or budget spent: an end-of-image marker makes libjpeg stop. */
        src->buffer[0] = (JOCTET)0xFF;
        src->buffer[1] = (JOCTET)JPEG_EOI;
        n = 2;
    } else {
        src->offset += n;
        src->bytes_read += n;
    }
    src->pub.next_input_byte = src->buffer;
    src->pub.bytes_in_buffer = (size_t)n;
    return TRUE;
}

/* Skips within the buffer, or moves the read offset (saturating) without reading. */
static void skip_input_data(j_decompress_ptr cinfo, long num_bytes) {
    fd_source *src = (fd_source *)cinfo->src;
    if (num_bytes <= 0) return;
    if ((unsigned long)num_bytes <= src->pub.bytes_in_buffer) {
        src->pub.next_input_byte += num_bytes;
        src->pub.bytes_in_buffer -= (size_t)num_bytes;
        return;
    }
    uint64_t beyond = (uint64_t)(unsigned long)num_bytes - (uint64_t)src->pub.bytes_in_buffer;
    uint64_t room = src->offset < OFFSET_LIMIT ? (uint64_t)(OFFSET_LIMIT - src->offset) : 0;
    src->offset = beyond < room ? src->offset + (off_t)beyond : OFFSET_LIMIT;
    src->pub.bytes_in_buffer = 0;
    src->pub.next_input_byte = NULL;
}

/* The setjmp frame. Never inlined into the caller, so that `reader` stays memory the compiler
   must reload after longjmp rather than a local whose last stores it may assume it knows. */
__attribute__((noinline))
static int read_header(header_reader *const reader, int fd, const uint8_t *head, size_t head_size,
                       vp_jpeg_header *header, char *message, size_t message_size) {
    struct jpeg_decompress_struct *const cinfo = &reader->cinfo;
    fd_source *const src = &reader->src;

    cinfo->err = vp_jpeg_error_install(&reader->err);
    if (setjmp(reader->err.jump)) {
        char text[JMSG_LENGTH_MAX];
        if (src->over_budget) {
            snprintf(text, sizeof text, "no image found in the first %d MiB", (int)(READ_BUDGET >> 20));
        } else {
            (*cinfo->err->format_message)((j_common_ptr)cinfo, text);
        }
        if (message && message_size > 0) snprintf(message, message_size, "%s", text);
        jpeg_destroy_decompress(cinfo);
        return -1;
    }
    jpeg_create_decompress(cinfo);

    src->fd = fd;
    src->head = head;
    src->head_size = head ? head_size : 0;
    src->offset = 0;
    src->pub.init_source = init_source;
    src->pub.fill_input_buffer = fill_input_buffer;
    src->pub.skip_input_data = skip_input_data;
    src->pub.resync_to_restart = jpeg_resync_to_restart;
    src->pub.term_source = term_source;
    src->pub.bytes_in_buffer = 0;
    src->pub.next_input_byte = NULL;
    cinfo->src = &src->pub;

    jpeg_read_header(cinfo, TRUE);
    header->width = (int)cinfo->image_width;
    header->height = (int)cinfo->image_height;
    header->components = cinfo->num_components;
    header->progressive = cinfo->progressive_mode ? 1 : 0;
    jpeg_destroy_decompress(cinfo);
    return 0;
}

int vp_jpeg_read_header(int fd, const uint8_t *head, size_t head_size, vp_jpeg_header *header,
                        char *message, size_t message_size) {
    header_reader reader;
    memset(&reader, 0, sizeof reader);
    return read_header(&reader, fd, head, head_size, header, message, message_size);
}
