#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *format_decimals(double v, int decimals, char text[NUMBER_TEXT])
{
    if (!isfinite(v)) {
        snprintf(text, NUMBER_TEXT, "overflow");
        return text;
    }
    snprintf(text, NUMBER_TEXT, fabs(v) < 1e6 ? "%.*f" : "%.*e", decimals, v);
    /* -0.00001 rounds to "-0.0000": a sign on a zero says nothing true. */
    if (text[0] == '-' && strspn(text + 1, "0.") == strlen(text + 1))
        memmove(text, text + 1, strlen(text));
    return text;
}

const char *format_number(double v, char text[NUMBER_TEXT])
{
    return format_decimals(v, 4, text);
}

const char *format_exact(double v, char text[NUMBER_TEXT])
{
    for (int digits = 6; digits <= 17; digits++) {
        snprintf(text, NUMBER_TEXT, "%.*g", digits, v);
        if (strtod(text, NULL) == v)
            break;
    }
    return text;
}

const char *final_line(char text[LAST_LINE_SIZE], const double a[2], double loss)
{
    char a1[NUMBER_TEXT], a2[NUMBER_TEXT], l[NUMBER_TEXT];
    snprintf(text, LAST_LINE_SIZE, "final: a = [%s, %s], loss = %s\n",
             format_number(a[0], a1), format_number(a[1], a2), format_number(loss, l));
    return text;
}

const char *network_final_line(char text[LAST_LINE_SIZE], size_t hidden, double loss)
{
    char l[NUMBER_TEXT];
    snprintf(text, LAST_LINE_SIZE, "final: hidden = %zu, loss = %s\n", hidden,
             format_number(loss, l));
    return text;
}

const char *classifier_final_line(char text[LAST_LINE_SIZE], double error_rate, double loss)
{
    char e[NUMBER_TEXT], l[NUMBER_TEXT];
    snprintf(text, LAST_LINE_SIZE, "final: error_rate = %s, loss = %s\n",
             format_number(error_rate, e), format_number(loss, l));
    return text;
}
