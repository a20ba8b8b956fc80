#define _POSIX_C_SOURCE 200809L /* open flags, fstat, fdopen, fileno, isatty */

#include "csv.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "number.h"
#include "shown.h"

/* The rows read so far, row-major, growing as they come, and the line of
 * the file each came from. */
typedef struct {
    double *values; /* count×columns */
    size_t *lines;  /* count */
    size_t columns, count, capacity;
} Rows;

static bool rows_push(Rows *rows, const double *values, size_t line)
{
    if (rows->count == rows->capacity) {
        size_t capacity = rows->capacity ? 2 * rows->capacity : 256;
        double *grown = realloc(rows->values, capacity * rows->columns * sizeof *grown);
        if (grown == NULL)
            return false;
        rows->values = grown;
        size_t *lines = realloc(rows->lines, capacity * sizeof *lines);
        if (lines == NULL)
            return false;
        rows->lines = lines;
        rows->capacity = capacity;
    }
    memcpy(&rows->values[rows->count * rows->columns], values,
           rows->columns * sizeof *values);
    rows->lines[rows->count] = line;
    rows->count++;
    return true;
}

/* Where the file is: its name for messages, the line being read, and whether
 * a line with fields (the one place a header may be) has been seen yet. */
typedef struct {
    const char *name;
    size_t line_number;
    bool seen_fields;
    CsvHeader header;
    bool pairs;      /* x,y rows (chapters 01-10), or a table of any width */
    size_t columns;  /* of every data row: 2 for pairs; a table's first row sets it */
    size_t max_line; /* CSV_MAX_LINE, or CSV_MAX_TABLE_LINE */
} Reader;

/* Removes surrounding spaces and tabs, as the flags ignore them; returns
 * the text. */
static char *trim(char *text)
{
    size_t length;
    char *start = text + (strip_blanks(text, &length) - text);
    start[length] = '\0';
    return start;
}

typedef enum {
    FIELD_OK,
    FIELD_EMPTY,
    FIELD_NOT_A_NUMBER,
    FIELD_NOT_FINITE,
    FIELD_TOO_LARGE,
    FIELD_HEXADECIMAL
} FieldResult;

static FieldResult parse_field(const char *text, double *value)
{
    if (*text == '\0')
        return FIELD_EMPTY;
    char *end;
    errno = 0;
    *value = strtod(text, &end);
    if (end == text || *end != '\0')
        return FIELD_NOT_A_NUMBER;
    if (is_hexadecimal(text))
        return FIELD_HEXADECIMAL;
    /* strtod reads "nan" and "inf", and gives ±HUGE_VAL with ERANGE on
     * overflow ("1e309"), which is as much too large as 1e308 is. (ERANGE
     * also flags underflow towards 0, which is harmless: keep it.) */
    if (errno == ERANGE && fabs(*value) > 1.0)
        return FIELD_TOO_LARGE;
    if (!isfinite(*value))
        return FIELD_NOT_FINITE;
    if (fabs(*value) > CSV_MAX_MAGNITUDE)
        return FIELD_TOO_LARGE;
    return FIELD_OK;
}

static const char *describe(FieldResult result)
{
    switch (result) {
    case FIELD_EMPTY: return "is empty";
    case FIELD_NOT_A_NUMBER: return "is not a number";
    case FIELD_NOT_FINITE: return "is not a finite number";
    case FIELD_HEXADECIMAL: return "is hexadecimal: write numbers in decimal";
    case FIELD_TOO_LARGE:
        return "is too large: the loss squares it, and the chapters square squares, so "
               "keep values between -1e50 and 1e50";
    default: return "is fine";
    }
}

/* True if a field starts the way a number does ("-1.5", ".5", "nan"), after
 * any bytes outside ASCII (a non-breaking space, say): such a field is a
 * damaged number, to be reported, never a header's name to be skipped. */
static bool starts_like_a_number(const char *field)
{
    const unsigned char *c = (const unsigned char *)field;
    while (*c >= 0x80)
        c++;
    c += *c == '+' || *c == '-';
    c += *c == '.';
    if (*c >= '0' && *c <= '9')
        return true;
    char *end;
    strtod(field, &end); /* the words strtod reads as numbers: nan, inf */
    return end != field && *end == '\0';
}

static size_t count_columns(const char *text)
{
    size_t columns = 1;
    for (const char *c = text; *c; c++)
        columns += *c == ',';
    return columns;
}

/* True if text is n plain whole numbers separated by commas ("0,5,3,1"). */
static bool only_digits_and_commas(const char *text)
{
    return strspn(text, "0123456789,") == strlen(text);
}

/* What a line with the wrong number of columns probably meant. */
static const char *columns_hint(const char *text, size_t columns)
{
    /* Spreadsheets set to a decimal comma export "1,5;2,5" rows. */
    if (columns > 1 && (strchr(text, ';') != NULL ||
                        (columns == 4 && only_digits_and_commas(text))))
        return "; decimal commas? write 1.5,2.5 (points in numbers, a comma between x "
               "and y)";
    if (columns != 1)
        return "";
    if (strchr(text, ';') != NULL)
        return "; separate x and y with a comma, not ';'";
    if (strchr(text, '\t') != NULL)
        return "; separate x and y with a comma, not a tab";
    if (strchr(text, ' ') != NULL)
        return "; separate x and y with a comma, not spaces";
    return "";
}

/* "x" and "y" for a pair; "column 3" in a table. */
static const char *column_name(const Reader *reader, size_t f, char text[32])
{
    if (reader->pairs)
        return f == 0 ? "x" : "y";
    snprintf(text, 32, "column %zu", f + 1);
    return text;
}

static Status refuse_field(const Reader *reader, size_t f, const char *field,
                           FieldResult result, Error *err)
{
    char quoted[SHOWN_SIZE], column[32];
    shown(field, quoted);
    bool escaped = strstr(quoted, "\\x") != NULL && strchr(field, '\\') == NULL;
    return fail(err, STATUS_BAD_DATA, "%s:%zu: %s value '%s' %s%s", reader->name,
                reader->line_number, column_name(reader, f, column), quoted,
                describe(result),
                escaped && result == FIELD_NOT_A_NUMBER
                    ? " (each \\xNN is a byte of a character you cannot see, such as "
                      "a non-breaking space)"
                    : "");
}

/* The first row of fields is a header when every field is there and none
 * starts the way a number does. fields: count */
static bool is_header(char **fields, size_t count)
{
    for (size_t f = 0; f < count; f++)
        if (*fields[f] == '\0' || starts_like_a_number(fields[f]))
            return false;
    return true;
}

static Status wrong_columns(const Reader *reader, const char *text, size_t columns,
                            Error *err)
{
    if (reader->pairs)
        return fail(err, STATUS_BAD_DATA, "%s:%zu: expected 2 columns (x,y), found %zu%s",
                    reader->name, reader->line_number, columns,
                    columns_hint(text, columns));
    return fail(err, STATUS_BAD_DATA,
                "%s:%zu: expected %zu columns, as on the first data row, found %zu",
                reader->name, reader->line_number, reader->columns, columns);
}

/* Cuts text at its commas into fields, each trimmed. fields: count */
static void split_fields(char *text, char **fields, size_t count)
{
    for (size_t f = 0; f < count; f++) {
        char *comma = strchr(text, ','); /* NULL only in the last field */
        if (comma != NULL)
            *comma = '\0';
        fields[f] = trim(text);
        if (comma == NULL) /* the last field: NULL + 1 would be undefined */
            break;
        text = comma + 1;
    }
}

/* The numbers of one data row, added to rows. fields, values: columns */
static Status parse_fields(const Reader *reader, char **fields, double *values, Rows *rows,
                           Error *err)
{
    for (size_t f = 0; f < reader->columns; f++) {
        FieldResult result = parse_field(fields[f], &values[f]);
        if (result != FIELD_OK)
            return refuse_field(reader, f, fields[f], result, err);
    }
    if (!rows_push(rows, values, reader->line_number))
        return fail(err, STATUS_NO_MEMORY, "%s:%zu: out of memory", reader->name,
                    reader->line_number);
    return STATUS_OK;
}

/* Parses one line into a row. Lines that hold no data (blank, a comment, a
 * header) add nothing. */
static Status parse_line(char *line, Reader *reader, Rows *rows, Error *err)
{
    char *text = trim(line);
    if (*text == '\0' || *text == '#')
        return STATUS_OK;
    bool first_fields = !reader->seen_fields;
    reader->seen_fields = true;

    size_t columns = count_columns(text);
    if (reader->columns == 0)
        reader->columns = rows->columns = columns;
    if (columns != reader->columns)
        return wrong_columns(reader, text, columns, err);
    char whole[CSV_MAX_TABLE_LINE + 1];
    strcpy(whole, text); /* as it was, in case it is a header */
    char **fields = malloc(columns * sizeof *fields);
    double *values = malloc(columns * sizeof *values);
    Status status = STATUS_OK;
    if (fields == NULL || values == NULL) {
        status = fail(err, STATUS_NO_MEMORY, "%s:%zu: out of memory", reader->name,
                      reader->line_number);
    } else {
        split_fields(text, fields, columns);
        if (first_fields && is_header(fields, columns)) {
            reader->header.line = reader->line_number;
            shown(whole, reader->header.text);
        } else {
            status = parse_fields(reader, fields, values, rows, err);
        }
    }
    free(fields);
    free(values);
    return status;
}

typedef enum {
    LINE_READ,
    LINE_NONE_LEFT,
    LINE_TOO_LONG,
    LINE_BINARY,
    LINE_STRAY_CR,
    LINE_READ_ERROR
} LineResult;

/* True if the first count bytes of line begin a comment: '#' after any
 * spaces or tabs. */
static bool begins_comment(const char *line, size_t count)
{
    size_t k = 0;
    while (k < count && (line[k] == ' ' || line[k] == '\t'))
        k++;
    return k < count && line[k] == '#';
}

/* Reads the next line into line (room for max_line + 1 characters) without
 * its "\n" or "\r\n", and without the byte order mark that may start the
 * first line. It stops at the first byte that shows the line cannot be an x,y
 * row — one too many characters, a control character (NUL, escape, …) that no
 * text file holds, a '\r' that does not end the line — without reading the
 * rest: a multi-gigabyte line or a binary file costs no memory, and no binary
 * junk reaches the terminal in a message. A comment may be longer: past
 * max_line its rest is read and dropped.
 * bad_byte: the control character, for LINE_BINARY; read_errno: the reason,
 * for LINE_READ_ERROR. */
static LineResult read_line(FILE *file, bool first_line, size_t max_line, char *line,
                            int *bad_byte, int *read_errno)
{
    size_t count = 0;
    bool dropping = false; /* the rest of a long comment */
    int c;
    while ((c = getc(file)) != EOF && c != '\n') {
        if (c == '\r') { /* Windows ends a line with "\r\n" */
            c = getc(file);
            if (c == '\n' || c == EOF)
                break;
            return LINE_STRAY_CR;
        }
        if ((c < ' ' && c != '\t') || c == 0x7f) {
            *bad_byte = c;
            return LINE_BINARY;
        }
        if (count == max_line && !dropping) {
            if (!begins_comment(line, count))
                return LINE_TOO_LONG;
            dropping = true;
        }
        if (!dropping)
            line[count++] = (char)c;
        /* Editors on Windows often start a UTF-8 file with a byte order mark. */
        if (first_line && count == 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
            count = 0, first_line = false;
    }
    if (c == EOF && ferror(file)) {
        *read_errno = errno;
        return LINE_READ_ERROR;
    }
    line[count] = '\0';
    return c == EOF && count == 0 && !dropping ? LINE_NONE_LEFT : LINE_READ;
}

static Status refuse_line(LineResult result, int bad_byte, int read_errno,
                          const Reader *reader, Error *err)
{
    const char *name = reader->name;
    size_t line_number = reader->line_number;
    if (result == LINE_READ_ERROR)
        return fail(err, STATUS_IO, "%s:%zu: cannot read this line: %s", name, line_number,
                    strerror(read_errno));
    if (result == LINE_TOO_LONG)
        return fail(err, STATUS_BAD_DATA,
                    "%s:%zu: line is longer than %zu characters%s", name, line_number,
                    reader->max_line, reader->pairs ? "; an x,y row is much shorter" : "");
    if (result == LINE_STRAY_CR)
        return fail(err, STATUS_BAD_DATA,
                    "%s:%zu: has a carriage return (\\r) inside the line; lines must "
                    "end in \\n or \\r\\n",
                    name, line_number);
    char byte[40] = "a NUL byte";
    if (bad_byte != '\0')
        snprintf(byte, sizeof byte, "the control character 0x%02x", (unsigned)bad_byte);
    return fail(err, STATUS_BAD_DATA,
                "%s:%zu: contains %s; this looks like a binary file, not a CSV of x,y "
                "rows",
                name, line_number, byte);
}

static Status read_rows(FILE *file, Reader *reader, Rows *rows, Error *err)
{
    char line[CSV_MAX_TABLE_LINE + 1];
    int bad_byte = 0, read_errno = 0;
    LineResult result;
    Status status = STATUS_OK;
    while (status == STATUS_OK &&
           (result = read_line(file, reader->line_number == 0, reader->max_line, line,
                               &bad_byte, &read_errno)) != LINE_NONE_LEFT) {
        reader->line_number++;
        if (result != LINE_READ) /* line holds an unfinished part: leave it */
            return refuse_line(result, bad_byte, read_errno, reader, err);
        status = parse_line(line, reader, rows, err);
    }
    if (status == STATUS_OK && reader->line_number == 0)
        status = fail(err, STATUS_BAD_DATA, "%s: the file is empty", reader->name);
    return status;
}

/* Opens path for reading if it is a regular file. O_NONBLOCK: opening a named
 * pipe would otherwise wait for a writer, forever if none comes; it changes
 * nothing for a regular file. */
static Status open_regular_file(const char *path, const char *name, FILE **file, Error *err)
{
    *file = NULL;
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return fail(err, STATUS_IO, "%s: cannot open: %s", name, strerror(errno));
    struct stat info;
    const char *kind = NULL;
    if (fstat(fd, &info) != 0)
        kind = "a file that cannot be examined";
    else if (S_ISDIR(info.st_mode))
        kind = "a directory";
    else if (S_ISFIFO(info.st_mode))
        kind = "a named pipe";
    else if (S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode))
        kind = "a device";
    else if (!S_ISREG(info.st_mode))
        kind = "a socket or other special file";
    if (kind != NULL) {
        close(fd);
        return fail(err, STATUS_IO,
                    "%s: is %s, not a CSV file; give a regular file, or pipe the rows "
                    "in and use --data -",
                    name, kind);
    }
    *file = fdopen(fd, "r");
    if (*file == NULL) {
        int saved = errno;
        close(fd);
        return fail(err, STATUS_NO_MEMORY, "%s: cannot open: %s", name, strerror(saved));
    }
    return STATUS_OK;
}

/* x values that differ, but by less than CSV_MIN_SPREAD, are too close to
 * tell apart in the sums a fit takes (see csv.h). rows: pairs, at least 1 */
static Status check_x_spread(const Rows *rows, const char *name, Error *err)
{
    double low = rows->values[0], high = rows->values[0];
    for (size_t i = 1; i < rows->count; i++) {
        low = fmin(low, rows->values[2 * i]);
        high = fmax(high, rows->values[2 * i]);
    }
    if (high > low && high - low < CSV_MIN_SPREAD)
        return fail(err, STATUS_BAD_DATA,
                    "%s: the x values span only %.3g (from %.6g to %.6g), too little to "
                    "tell them apart; keep their spread at least 1e-50 (multiply x by a "
                    "power of ten)",
                    name, high - low, low, high);
    return STATUS_OK;
}

/* x,y pairs into data, with x2 = 1. */
static Status pairs_to_data(const Rows *rows, const Reader *reader, Dataset *data,
                            Error *err)
{
    const char *name = reader->name;
    if (rows->count < 2)
        return fail(err, STATUS_BAD_DATA,
                    "%s: found %zu data row%s%s; fitting a line needs at least 2", name,
                    rows->count, rows->count == 1 ? "" : "s",
                    reader->header.line != 0 ? " after the header" : "");
    Status status = check_x_spread(rows, name, err);
    if (status == STATUS_OK)
        status = data_allocate(data, rows->count, err);
    for (size_t i = 0; status == STATUS_OK && i < rows->count; i++) {
        data->x[2 * i] = rows->values[2 * i];
        data->y[i] = rows->values[2 * i + 1];
    }
    return status;
}

/* The rows of a table, the array itself handed over. */
static Status rows_to_table(Rows *rows, const Reader *reader, CsvTable *table, Error *err)
{
    if (rows->count == 0)
        return fail(err, STATUS_BAD_DATA, "%s: found no data rows%s", reader->name,
                    reader->header.line != 0 ? " after the header" : "");
    *table = (CsvTable){rows->count, rows->columns, rows->values, rows->lines};
    rows->values = NULL;
    rows->lines = NULL;
    return STATUS_OK;
}

/* Reads file as pairs (into data) or as a table (into table). */
static Status read_file(FILE *file, const char *name, bool pairs, Dataset *data,
                        CsvTable *table, CsvHeader *header, Error *err)
{
    Rows rows = {.columns = pairs ? 2 : 0};
    Reader reader = {.name = name,
                     .pairs = pairs,
                     .columns = rows.columns,
                     .max_line = pairs ? CSV_MAX_LINE : CSV_MAX_TABLE_LINE};
    Status status = read_rows(file, &reader, &rows, err);
    if (header != NULL)
        *header = reader.header;
    if (status == STATUS_OK)
        status = pairs ? pairs_to_data(&rows, &reader, data, err)
                       : rows_to_table(&rows, &reader, table, err);
    free(rows.values);
    free(rows.lines);
    return status;
}

Status csv_read(Dataset *data, FILE *file, const char *name, CsvHeader *header,
                Error *err)
{
    *data = (Dataset){0};
    return read_file(file, name, true, data, NULL, header, err);
}

Status csv_read_table(CsvTable *table, FILE *file, const char *name, CsvHeader *header,
                      Error *err)
{
    *table = (CsvTable){0};
    return read_file(file, name, false, NULL, table, header, err);
}

const char *csv_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "stdin" : path;
}

/* Opens path ("-": standard input), reads it and closes it. */
static Status load_file(const char *path, bool pairs, Dataset *data, CsvTable *table,
                        CsvHeader *header, Error *err)
{
    if (strcmp(path, "-") == 0) {
        if (isatty(fileno(stdin)))
            return fail(err, STATUS_IO,
                        "--data -: standard input is a terminal; pipe the rows in "
                        "(... | program --data -) or redirect a file (< my.csv)");
        return read_file(stdin, csv_name(path), pairs, data, table, header, err);
    }
    /* The name as messages quote it: a newline in it would split the
     * message, an escape sequence would reach the terminal (shown.h). */
    char quoted[SHOWN_SIZE];
    const char *name = shows_plainly(path) ? path : shown(path, quoted);
    FILE *file;
    Status status = open_regular_file(path, name, &file, err);
    if (status != STATUS_OK)
        return status;
    status = read_file(file, name, pairs, data, table, header, err);
    fclose(file);
    return status;
}

Status csv_load(Dataset *data, const char *path, CsvHeader *header, Error *err)
{
    *data = (Dataset){0};
    return load_file(path, true, data, NULL, header, err);
}

Status csv_load_table(CsvTable *table, const char *path, CsvHeader *header, Error *err)
{
    *table = (CsvTable){0};
    return load_file(path, false, NULL, table, header, err);
}

void csv_table_free(CsvTable *table)
{
    free(table->values);
    free(table->lines);
    *table = (CsvTable){0};
}
