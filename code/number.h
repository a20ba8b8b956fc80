/*
 * number.h — a number as the reader writes it, on the command line or in a CSV.
 * Introduced in chapter 01.
 *
 * The flags and the data files read numbers the same way: the spaces and
 * tabs around a number are ignored (' 5' and '5 ' both mean 5), and
 * hexadecimal, which C's strtod reads but a reader rarely means, is refused.
 */
#ifndef SGD_NUMBER_H
#define SGD_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

/* Where the number in text starts once the blanks before it are skipped;
 * *length is how many bytes it has before the blanks after it. */
const char *strip_blanks(const char *text, size_t *length);

/* "0x10", "-0X1p3": hexadecimal, which strtod reads (0x1 as 1). */
bool is_hexadecimal(const char *text);

#endif
