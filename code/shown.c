#include "shown.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The length of the well-formed UTF-8 character at text (1 to 4 bytes), with
 * its code point, or 0 if the bytes there are not one. */
static size_t decode_utf8(const unsigned char *text, uint32_t *code_point)
{
    unsigned char first = text[0];
    size_t length;
    uint32_t low = 0x80, high = 0xBF; /* the allowed range of the second byte */
    if (first >= 0xC2 && first <= 0xDF) {
        length = 2;
        *code_point = first & 0x1F;
    } else if (first >= 0xE0 && first <= 0xEF) {
        length = 3;
        *code_point = first & 0x0F;
        low = first == 0xE0 ? 0xA0 : 0x80;  /* no overlong forms */
        high = first == 0xED ? 0x9F : 0xBF; /* no UTF-16 surrogates */
    } else if (first >= 0xF0 && first <= 0xF4) {
        length = 4;
        *code_point = first & 0x07;
        low = first == 0xF0 ? 0x90 : 0x80;
        high = first == 0xF4 ? 0x8F : 0xBF; /* nothing above U+10FFFF */
    } else {
        return 0;
    }
    for (size_t k = 1; k < length; k++) {
        unsigned char byte = text[k];
        if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF))
            return 0;
        *code_point = (*code_point << 6) | (byte & 0x3F);
    }
    return length;
}

/* Characters a terminal shows as nothing, or as if they were a plain space. */
static bool invisible(uint32_t c)
{
    return (c >= 0x80 && c <= 0xA0) || c == 0xAD || c == 0x061C || c == 0x1680 ||
           c == 0x180E || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
           (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0x3164 || c == 0xFEFF ||
           (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE007F);
}

/* The length of the character at in (1 to 4 bytes; 1 for a byte that is
 * not UTF-8), and whether a message writes it as \xNN escapes. */
static size_t character_at(const unsigned char *in, bool *escape)
{
    uint32_t code_point = 0;
    size_t length = in[0] < 0x80 ? 1 : decode_utf8(in, &code_point);
    *escape = length == 0 || (length == 1 && (in[0] < ' ' || in[0] == 0x7f)) ||
              (length > 1 && invisible(code_point));
    return length == 0 ? 1 : length; /* not UTF-8: escape this byte, then look again */
}

const char *shown(const char *text, char buffer[SHOWN_SIZE])
{
    const unsigned char *in = (const unsigned char *)text;
    size_t read = 0, written = 0;
    while (in[read] != '\0') {
        bool escape;
        size_t length = character_at(in + read, &escape);
        if (read + length > SHOWN_MAX)
            break;
        for (size_t k = 0; k < length; k++, read++) {
            if (escape)
                written += (size_t)sprintf(buffer + written, "\\x%02x", in[read]);
            else
                buffer[written++] = (char)in[read];
        }
    }
    strcpy(buffer + written, in[read] != '\0' ? "..." : "");
    return buffer;
}

bool shows_plainly(const char *text)
{
    const unsigned char *in = (const unsigned char *)text;
    for (size_t read = 0; in[read] != '\0';) {
        bool escape;
        read += character_at(in + read, &escape);
        if (escape)
            return false;
    }
    return true;
}
