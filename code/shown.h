/*
 * shown.h — the reader's text as a message quotes it.
 * Introduced in chapter 01.
 *
 * A message that quotes what the reader typed or wrote in a file must show
 * it as it is and must not let it harm the terminal: a newline would split
 * the message, an escape sequence would reach the terminal, and a
 * non-breaking space would look like a plain one.
 */
#ifndef SGD_SHOWN_H
#define SGD_SHOWN_H

#include <stdbool.h>

/* A piece of the reader's text (a flag's value, a CSV field) as a message
 * quotes it: at most SHOWN_MAX bytes of it, then "..." if there was more.
 * Whatever a terminal would not show plainly is written as \xNN escapes: a
 * control character (a newline would split the message), bytes that are not
 * UTF-8, and the characters that look like nothing or like a plain space — a
 * non-breaking space (\xc2\xa0), a byte order mark (\xef\xbb\xbf), zero-width
 * and other Unicode spaces. Returns buffer (SHOWN_SIZE bytes). */
enum { SHOWN_MAX = 60, SHOWN_SIZE = 4 * SHOWN_MAX + 4 };
const char *shown(const char *text, char buffer[SHOWN_SIZE]);

/* True when shown() would copy every character of text as it is, however
 * long: a path that shows plainly can be named whole (a message keeps its
 * end, the file's name, when it cuts: status.h), escaped only when it must. */
bool shows_plainly(const char *text);

#endif
