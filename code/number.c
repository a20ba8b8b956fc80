#include "number.h"

#include <string.h>

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

const char *strip_blanks(const char *text, size_t *length)
{
    while (is_blank(*text))
        text++;
    size_t end = strlen(text);
    while (end > 0 && is_blank(text[end - 1]))
        end--;
    *length = end;
    return text;
}

bool is_hexadecimal(const char *text)
{
    text += text[0] == '+' || text[0] == '-';
    return text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
}
