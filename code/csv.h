/*
 * csv.h — load your own data: a text file of "x,y" rows.
 * Introduced in chapter 01 (every chapter takes --data FILE).
 *
 * Accepted: an optional header line whose two fields are not numbers ("x,y"),
 * blank lines, lines starting with '#', spaces around fields, a UTF-8 byte
 * order mark and Windows (CRLF) line endings. Anything else — a field that is
 * not a finite number or beyond ±CSV_MAX_MAGNITUDE, a wrong number of columns,
 * a binary file, a line over CSV_MAX_LINE characters, fewer than two rows — is
 * refused with a message naming the file and line, because a silently skipped
 * row would quietly change the fit.
 */
#ifndef SGD_CSV_H
#define SGD_CSV_H

#include <stdio.h>

#include "data.h"
#include "status.h"

/* A row longer than this cannot be an honest "x,y" pair. */
enum { CSV_MAX_LINE = 1024 };

/* The largest value accepted. The loss squares values and sums the squares;
 * within ±1e100 that stays far below the largest double (about 1.8e308) for
 * any number of rows, so the loss of a starting guess is always a number. */
#define CSV_MAX_MAGNITUDE 1e100

/* Reads path into data (x2 set to 1). On failure data is left empty. */
Status csv_load(Dataset *data, const char *path, Error *err);

/* The same from an open stream; name is used in messages ("file:line"). */
Status csv_read(Dataset *data, FILE *file, const char *name, Error *err);

#endif
