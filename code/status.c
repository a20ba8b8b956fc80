#include "status.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How much of the start of a sentence too long for the message is kept; the
 * rest of the room goes to its end, where the reason is. */
enum { KEPT_HEAD = 100 };

/* True for a byte that continues a UTF-8 character (10xxxxxx): no cut there. */
static bool continues_character(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

/* Writes the first and the last bytes of full (length bytes, more than fit)
 * into message (size bytes), joined by "...". */
static void keep_both_ends(char *message, size_t size, const char *full, size_t length)
{
    size_t head = KEPT_HEAD;
    while (head > 0 && continues_character((unsigned char)full[head]))
        head--;
    size_t tail = length - (size - 1 - KEPT_HEAD - 3);
    while (tail < length && continues_character((unsigned char)full[tail]))
        tail++;
    snprintf(message, size, "%.*s...%s", (int)head, full, full + tail);
}

Status fail(Error *err, Status status, const char *format, ...)
{
    if (err == NULL)
        return status;
    va_list args, again;
    va_start(args, format);
    va_copy(again, args);
    int length = vsnprintf(err->message, sizeof err->message, format, args);
    if (length >= (int)sizeof err->message) {
        /* Without the memory for the whole sentence, its start has to do. */
        char *full = malloc((size_t)length + 1);
        if (full != NULL) {
            vsnprintf(full, (size_t)length + 1, format, again);
            keep_both_ends(err->message, sizeof err->message, full, (size_t)length);
            free(full);
        }
    }
    va_end(again);
    va_end(args);
    return status;
}

int exit_code_for(Status status)
{
    switch (status) {
    case STATUS_OK: return 0;
    case STATUS_USAGE: return 2;
    default: return 1;
    }
}
