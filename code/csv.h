/*
 * csv.h — load your own data: a text file of "x,y" rows.
 * Introduced in chapter 01 (every chapter takes --data FILE).
 *
 * Accepted: blank lines; lines starting with '#' (comments, of any length);
 * spaces around fields; a UTF-8 byte order mark and Windows (CRLF) line
 * endings; and a header: the first line that is not blank or a comment, if
 * neither of its two fields starts the way a number does ("x,y", "height,
 * weight"). A line that starts like a number but is not one ("0.5x,1.2y") is
 * an error, never a header.
 *
 * Anything else — a field that is not a finite number in decimal ("0x10" is
 * refused, as on the command line) or beyond ±CSV_MAX_MAGNITUDE, x values
 * closer together than CSV_MIN_SPREAD, a wrong number of columns, a binary
 * file, a data line over CSV_MAX_LINE characters, fewer than two rows — is
 * refused with a
 * message naming the file and line, because a silently skipped row would
 * quietly change the fit. Fields are quoted in messages with shown(), so
 * invisible characters (a non-breaking space: \xc2\xa0) can be seen.
 */
#ifndef SGD_CSV_H
#define SGD_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "data.h"
#include "shown.h" /* SHOWN_SIZE */
#include "status.h"

/* A row longer than this cannot be an honest "x,y" pair; a table's row (an
 * image's pixels) may be longer. */
enum { CSV_MAX_LINE = 1024, CSV_MAX_TABLE_LINE = 16384 };

/* The largest value accepted, and the least spread of x: the honest limits
 * of what the chapters compute in doubles (largest about 1.8e308, smallest
 * about 2.2e-308). The loss squares a miss (up to 1e100 here); chapter 07's
 * gradient noise multiplies four values, its contour map squares slopes up
 * to y's spread over x's (1e50 / 1e-50), and chapter 06's condition number
 * divides x's largest square by its smallest variance: within these limits
 * all of them stay numbers, below about 1e250 and above 1e-250. A file with
 * x values that differ, but by less than CSV_MIN_SPREAD, is refused (the
 * squares of their differences would round to 0, and the slope to nothing
 * or infinity); x values all exactly equal are data some chapters can use. */
#define CSV_MAX_MAGNITUDE 1e50
#define CSV_MIN_SPREAD 1e-50

/* The header line the loader skipped, so that the program can say so. */
typedef struct {
    size_t line;            /* its line number; 0 if the file had no header */
    char text[SHOWN_SIZE];  /* the line as a message quotes it (see shown()) */
} CsvHeader;

/* Reads path into data (x2 set to 1); header (may be NULL) tells of a skipped
 * header line. Only a regular file is read: a named pipe or a device could
 * block forever or never end. The path "-" reads standard input, once (unless
 * it is a terminal, where nobody would know the program is waiting).
 * On failure data is left empty. */
Status csv_load(Dataset *data, const char *path, CsvHeader *header, Error *err);

/* A table of numbers (chapter 11): n rows of the same number of columns,
 * such as an image's pixels and its label. Read with the strictness of
 * csv_load(), the same header, comments and messages; a field is named by
 * its column ("column 3 value 'x' is not a number"). */
typedef struct {
    size_t n, columns;
    double *values; /* n×columns row-major */
    size_t *lines;  /* n: the line of the file each row is on, for messages */
} CsvTable;

/* Reads path into table, at least one row; on failure table is empty. */
Status csv_load_table(CsvTable *table, const char *path, CsvHeader *header, Error *err);
Status csv_read_table(CsvTable *table, FILE *file, const char *name, CsvHeader *header,
                      Error *err);
void csv_table_free(CsvTable *table);

/* The name messages give the data at path: path itself, or "stdin" for "-". */
const char *csv_name(const char *path);

/* The same from an open stream; name is used in messages ("file:line"). */
Status csv_read(Dataset *data, FILE *file, const char *name, CsvHeader *header,
                Error *err);

#endif
