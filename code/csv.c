#define _POSIX_C_SOURCE 200809L /* fstat, fileno */

#include "csv.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Growing arrays for the points read so far. */
typedef struct {
    double *x1;
    double *y;
    size_t count, capacity;
} Points;

static bool points_push(Points *points, double x1, double y)
{
    if (points->count == points->capacity) {
        size_t capacity = points->capacity ? 2 * points->capacity : 256;
        double *x1s = realloc(points->x1, capacity * sizeof *x1s);
        if (x1s == NULL)
            return false;
        points->x1 = x1s;
        double *ys = realloc(points->y, capacity * sizeof *ys);
        if (ys == NULL)
            return false;
        points->y = ys;
        points->capacity = capacity;
    }
    points->x1[points->count] = x1;
    points->y[points->count] = y;
    points->count++;
    return true;
}

static void points_free(Points *points)
{
    free(points->x1);
    free(points->y);
}

/* Removes a trailing "\n" or "\r\n" and surrounding spaces; returns the text. */
static char *trim(char *text)
{
    while (*text == ' ' || *text == '\t')
        text++;
    size_t len = strlen(text);
    while (len > 0 && strchr(" \t\r\n", text[len - 1]) != NULL)
        text[--len] = '\0';
    return text;
}

typedef enum {
    FIELD_OK,
    FIELD_EMPTY,
    FIELD_NOT_A_NUMBER,
    FIELD_NOT_FINITE,
    FIELD_TOO_LARGE
} FieldResult;

static FieldResult parse_field(char *field, double *value)
{
    char *text = trim(field);
    if (*text == '\0')
        return FIELD_EMPTY;
    char *end;
    errno = 0;
    *value = strtod(text, &end);
    if (end == text || *end != '\0')
        return FIELD_NOT_A_NUMBER;
    /* strtod reads "nan" and "inf", and gives ±HUGE_VAL with ERANGE on overflow.
     * (ERANGE also flags underflow towards 0, which is harmless: keep it.) */
    if (!isfinite(*value) || (errno == ERANGE && fabs(*value) > 1.0))
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
    case FIELD_NOT_FINITE: return "is not a finite number (nan, inf or too large)";
    case FIELD_TOO_LARGE:
        return "is too large: the loss squares it, so keep values between -1e100 and 1e100";
    default: return "is fine";
    }
}

/* Parses one line into a point. Lines that hold no data (blank, a comment, the
 * header on line 1) add nothing. */
static Status parse_line(char *line, size_t line_number, const char *path,
                         Points *points, Error *err)
{
    char *text = trim(line);
    if (*text == '\0' || *text == '#')
        return STATUS_OK;

    char *comma = strchr(text, ',');
    if (comma == NULL || strchr(comma + 1, ',') != NULL) {
        size_t columns = 1;
        for (const char *c = text; *c; c++)
            columns += *c == ',';
        /* Spreadsheets set to a decimal comma export "x;y" rows. */
        const char *hint = columns == 1 && strchr(text, ';') != NULL
                               ? "; separate x and y with a comma, not ';'"
                               : "";
        return fail(err, STATUS_BAD_DATA,
                    "%s:%zu: expected 2 columns (x,y), found %zu%s", path, line_number,
                    columns, hint);
    }
    *comma = '\0';
    char *fields[2] = {text, comma + 1};
    double values[2];
    FieldResult results[2];
    for (int f = 0; f < 2; f++)
        results[f] = parse_field(fields[f], &values[f]);

    bool is_header = line_number == 1 && results[0] == FIELD_NOT_A_NUMBER &&
                     results[1] == FIELD_NOT_A_NUMBER;
    if (is_header)
        return STATUS_OK;
    for (int f = 0; f < 2; f++) {
        if (results[f] != FIELD_OK)
            return fail(err, STATUS_BAD_DATA, "%s:%zu: %s value '%.40s' %s", path,
                        line_number, f == 0 ? "x" : "y", trim(fields[f]),
                        describe(results[f]));
    }
    if (!points_push(points, values[0], values[1]))
        return fail(err, STATUS_NO_MEMORY, "%s:%zu: out of memory", path, line_number);
    return STATUS_OK;
}

typedef enum {
    LINE_READ,
    LINE_NONE_LEFT,
    LINE_TOO_LONG,
    LINE_BINARY,
    LINE_STRAY_CR
} LineResult;

/* Reads the next line into line (room for CSV_MAX_LINE + 1 characters) without
 * its "\n" or "\r\n". It stops at the first byte that shows the line cannot
 * be an x,y row — one too many characters, a control character (NUL, escape,
 * …) that no text file holds, a '\r' that does not end the line — without
 * reading the rest: a multi-gigabyte line or /dev/zero costs no memory, and
 * no binary junk reaches the terminal in a message.
 * bad_byte: the control character, for LINE_BINARY. */
static LineResult read_line(FILE *file, char *line, int *bad_byte)
{
    size_t count = 0;
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
        if (count == CSV_MAX_LINE)
            return LINE_TOO_LONG;
        line[count++] = (char)c;
    }
    line[count] = '\0';
    return c == EOF && count == 0 ? LINE_NONE_LEFT : LINE_READ;
}

static Status refuse_line(LineResult result, int bad_byte, size_t line_number,
                          const char *path, Error *err)
{
    if (result == LINE_TOO_LONG)
        return fail(err, STATUS_BAD_DATA,
                    "%s:%zu: line is longer than %d characters; an x,y row is much "
                    "shorter",
                    path, line_number, CSV_MAX_LINE);
    if (result == LINE_STRAY_CR)
        return fail(err, STATUS_BAD_DATA,
                    "%s:%zu: has a carriage return (\\r) inside the line; lines must "
                    "end in \\n or \\r\\n",
                    path, line_number);
    char byte[40] = "a NUL byte";
    if (bad_byte != '\0')
        snprintf(byte, sizeof byte, "the control character 0x%02x", (unsigned)bad_byte);
    return fail(err, STATUS_BAD_DATA,
                "%s:%zu: contains %s; this looks like a binary file, not a CSV of x,y "
                "rows",
                path, line_number, byte);
}

static Status read_points(FILE *file, const char *path, Points *points, Error *err)
{
    char line[CSV_MAX_LINE + 1];
    size_t line_number = 0;
    int bad_byte = 0;
    LineResult result;
    Status status = STATUS_OK;
    while (status == STATUS_OK &&
           (result = read_line(file, line, &bad_byte)) != LINE_NONE_LEFT) {
        line_number++;
        if (result != LINE_READ) { /* line holds an unfinished part: leave it */
            status = refuse_line(result, bad_byte, line_number, path, err);
            break;
        }
        /* Editors on Windows often start a UTF-8 file with a byte order mark. */
        bool has_bom = line_number == 1 && strncmp(line, "\xEF\xBB\xBF", 3) == 0;
        status = parse_line(has_bom ? line + 3 : line, line_number, path, points, err);
    }
    if (status == STATUS_OK && ferror(file))
        status = fail(err, STATUS_IO, "%s: read error after line %zu: %s", path,
                      line_number, strerror(errno));
    if (status == STATUS_OK && line_number == 0)
        status = fail(err, STATUS_BAD_DATA, "%s: the file is empty", path);
    return status;
}

static Status open_regular_file(const char *path, FILE **file, Error *err)
{
    *file = fopen(path, "r");
    if (*file == NULL)
        return fail(err, STATUS_IO, "%s: cannot open: %s", path, strerror(errno));
    struct stat info;
    if (fstat(fileno(*file), &info) == 0 && S_ISDIR(info.st_mode)) {
        fclose(*file);
        *file = NULL;
        return fail(err, STATUS_IO, "%s: is a directory, not a CSV file", path);
    }
    return STATUS_OK;
}

Status csv_read(Dataset *data, FILE *file, const char *name, Error *err)
{
    *data = (Dataset){0};
    Points points = {0};
    Status status = read_points(file, name, &points, err);
    if (status == STATUS_OK && points.count < 2)
        status = fail(err, STATUS_BAD_DATA,
                      "%s: found %zu data row%s; fitting a line needs at least 2", name,
                      points.count, points.count == 1 ? "" : "s");
    if (status == STATUS_OK)
        status = data_allocate(data, points.count, err);
    if (status == STATUS_OK) {
        for (size_t i = 0; i < points.count; i++) {
            data->x[2 * i] = points.x1[i];
            data->y[i] = points.y[i];
        }
    }
    points_free(&points);
    return status;
}

Status csv_load(Dataset *data, const char *path, Error *err)
{
    *data = (Dataset){0};
    FILE *file;
    Status status = open_regular_file(path, &file, err);
    if (status != STATUS_OK)
        return status;
    status = csv_read(data, file, path, err);
    fclose(file);
    return status;
}
