#include "photo_shim.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <jpeglib.h>

enum { SOURCE_BUFFER_SIZE = 4096 };

/* Most bytes libjpeg may read before the first scan. Skipped segments do not count; a real
   header is far smaller, and a hostile file (gigabytes of tables or garbage) stops here. */
static const off_t READ_BUDGET = 16 * 1024 * 1024;

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

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
} longjmp_error;

static void init_source(j_decompress_ptr cinfo) { (void)cinfo; }
static void term_source(j_decompress_ptr cinfo) { (void)cinfo; }

static boolean fill_input_buffer(j_decompress_ptr cinfo) {
    fd_source *src = (fd_source *)cinfo->src;
    ssize_t n = 0;
    if (src->offset >= 0 && (size_t)src->offset < src->head_size) {
        /* Served from the bytes the caller already read: no copy, no system call. */
        size_t available = src->head_size - (size_t)src->offset;
        src->pub.next_input_byte = src->head + src->offset;
        src->pub.bytes_in_buffer = available;
        src->offset += (off_t)available;
        return TRUE;
    }
    if (src->bytes_read >= READ_BUDGET) {
        src->over_budget = 1;
    } else {
        do {
            n = pread(src->fd, src->buffer, SOURCE_BUFFER_SIZE, src->offset);
        } while (n < 0 && errno == EINTR);
    }
    if (n <= 0) {
        /* End of file or read error: hand libjpeg an end-of-image marker so that it stops. */
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

static void skip_input_data(j_decompress_ptr cinfo, long num_bytes) {
    fd_source *src = (fd_source *)cinfo->src;
    if (num_bytes <= 0) return;
    if ((size_t)num_bytes <= src->pub.bytes_in_buffer) {
        src->pub.next_input_byte += num_bytes;
        src->pub.bytes_in_buffer -= (size_t)num_bytes;
    } else {
        src->offset += (off_t)(num_bytes - (long)src->pub.bytes_in_buffer);
        src->pub.bytes_in_buffer = 0;
        src->pub.next_input_byte = NULL;
    }
}

static void error_exit(j_common_ptr cinfo) {
    longjmp(((longjmp_error *)cinfo->err)->jump, 1);
}

/* Warnings are not printed: the caller decides what a person sees. */
static void output_message(j_common_ptr cinfo) { (void)cinfo; }

int vp_jpeg_read_header(int fd, const uint8_t *head, size_t head_size, vp_jpeg_header *header,
                        char *message, size_t message_size) {
    struct jpeg_decompress_struct cinfo;
    longjmp_error err;
    fd_source src;

    memset(&cinfo, 0, sizeof cinfo);
    memset(&src, 0, sizeof src);
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = error_exit;
    err.pub.output_message = output_message;
    if (setjmp(err.jump)) {
        char text[JMSG_LENGTH_MAX];
        if (src.over_budget) {
            snprintf(text, sizeof text, "no image found in the first %d MiB", (int)(READ_BUDGET >> 20));
        } else {
            (*cinfo.err->format_message)((j_common_ptr)&cinfo, text);
        }
        if (message && message_size > 0) snprintf(message, message_size, "%s", text);
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_create_decompress(&cinfo);

    src.fd = fd;
    src.head = head;
    src.head_size = head ? head_size : 0;
    src.offset = 0;
    src.pub.init_source = init_source;
    src.pub.fill_input_buffer = fill_input_buffer;
    src.pub.skip_input_data = skip_input_data;
    src.pub.resync_to_restart = jpeg_resync_to_restart;
    src.pub.term_source = term_source;
    src.pub.bytes_in_buffer = 0;
    src.pub.next_input_byte = NULL;
    cinfo.src = &src.pub;

    jpeg_read_header(&cinfo, TRUE);
    header->width = (int)cinfo.image_width;
    header->height = (int)cinfo.image_height;
    header->components = cinfo.num_components;
    header->progressive = cinfo.progressive_mode ? 1 : 0;
    jpeg_destroy_decompress(&cinfo);
    return 0;
}
