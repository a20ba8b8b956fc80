/*
 * fuzz_harness.h — what the fuzzers do with one input.
 *
 * Shared by the libFuzzer targets (fuzz_csv.c, fuzz_cli.c) and by
 * tests/test_errors.c, which replays the seed corpus and every input that
 * ever crashed (fuzz/regressions/) through the very same code on each
 * `make test`, so a fixed crash stays fixed.
 *
 * A fuzzer only notices crashes, so each function also checks the promises
 * of the code under test and abort()s when one is broken: on success the
 * result is usable, on failure there is a message and nothing to free.
 *
 * The file that includes this one must define _POSIX_C_SOURCE 200809L (for
 * fmemopen) before its first #include.
 */
#ifndef SGD_FUZZ_HARNESS_H
#define SGD_FUZZ_HARNESS_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "labels.h"

/* abort() unless the promise holds: the fuzzer then saves the input. */
static inline void fuzz_require(int promise)
{
    if (!promise)
        abort();
}

/* The length of the well-formed UTF-8 character at text, or 0 if there is
 * none there (a stray byte, an overlong form, a surrogate, past U+10FFFF). */
static inline size_t fuzz_utf8_length(const unsigned char *text)
{
    unsigned char first = text[0];
    size_t length = first < 0x80 ? 1 : first >= 0xC2 && first <= 0xDF ? 2
                                     : first >= 0xE0 && first <= 0xEF ? 3
                                     : first >= 0xF0 && first <= 0xF4 ? 4 : 0;
    unsigned char low = first == 0xE0 ? 0xA0 : first == 0xF0 ? 0x90 : 0x80;
    unsigned char high = first == 0xED ? 0x9F : first == 0xF4 ? 0x8F : 0xBF;
    for (size_t k = 1; k < length; k++)
        if (text[k] < (k == 1 ? low : 0x80) || text[k] > (k == 1 ? high : 0xBF))
            return 0;
    return length;
}

/* A message is one non-empty line of plain text (a tab at most) that fits
 * the Error: whatever the input, no newline, carriage return or escape from it
 * can reach the reader's terminal, and no byte that is not UTF-8 (shown()
 * writes those as \xNN). */
static inline void fuzz_require_message(const Error *err)
{
    size_t length = strnlen(err->message, sizeof err->message);
    fuzz_require(length > 0 && length < sizeof err->message);
    const unsigned char *text = (const unsigned char *)err->message;
    for (size_t k = 0; k < length;) {
        fuzz_require((text[k] >= ' ' && text[k] != 0x7f) || text[k] == '\t');
        size_t character = fuzz_utf8_length(text + k);
        fuzz_require(character > 0);
        k += character;
    }
}

/* The bytes as the contents of a CSV file, read by csv_read(). */
/* The same bytes read as a table (chapter 11's --data): rows of one width,
 * every value finite and within the limits, or one message. */
static inline int fuzz_table_input(const uint8_t *bytes, size_t size)
{
    FILE *file = fmemopen((void *)(uintptr_t)bytes, size, "r");
    if (file == NULL)
        return 0;
    CsvTable table;
    Error err = {""};
    Status status = csv_read_table(&table, file, "fuzz.csv", NULL, &err);
    fclose(file);
    if (status == STATUS_OK) {
        fuzz_require(table.n >= 1 && table.columns >= 1);
        for (size_t k = 0; k < table.n * table.columns; k++)
            fuzz_require(fabs(table.values[k]) <= CSV_MAX_MAGNITUDE);
        /* Its last column as labels: whole classes below the limit, or one
         * message naming the file (and line). */
        LabelledSet set;
        if (labels_from_table(&set, &table, "fuzz.csv", &err) == STATUS_OK) {
            fuzz_require(set.n == table.n && set.d == table.columns - 1);
            for (size_t i = 0; i < set.n; i++)
                fuzz_require(set.label[i] < set.classes &&
                             set.classes <= LABELS_MAX_CLASSES);
            labels_free(&set);
        } else {
            fuzz_require(set.x == NULL && set.label == NULL);
            fuzz_require_message(&err);
            fuzz_require(strncmp(err.message, "fuzz.csv", 8) == 0);
        }
    } else {
        fuzz_require(table.n == 0 && table.values == NULL && table.lines == NULL);
        fuzz_require_message(&err);
        fuzz_require(strncmp(err.message, "fuzz.csv", 8) == 0);
    }
    csv_table_free(&table);
    return 0;
}

static inline int fuzz_csv_input(const uint8_t *bytes, size_t size)
{
    /* fmemopen reads but never writes a buffer opened with "r". */
    FILE *file = fmemopen((void *)(uintptr_t)bytes, size, "r");
    if (file == NULL)
        return 0;
    Dataset data;
    Error err = {""};
    CsvHeader header;
    Status status = csv_read(&data, file, "fuzz.csv", &header, &err);
    fclose(file);
    if (status == STATUS_OK) {
        fuzz_require(data.n >= 2);
        double low = data.x[0], high = data.x[0];
        for (size_t i = 0; i < data.n; i++) {
            fuzz_require(fabs(data.x[2 * i]) <= CSV_MAX_MAGNITUDE);
            fuzz_require(data.x[2 * i + 1] == 1.0);
            fuzz_require(fabs(data.y[i]) <= CSV_MAX_MAGNITUDE);
            low = fmin(low, data.x[2 * i]);
            high = fmax(high, data.x[2 * i]);
        }
        /* x values all the same, or far enough apart to tell apart */
        fuzz_require(high == low || high - low >= CSV_MIN_SPREAD);
    } else {
        fuzz_require(status == STATUS_BAD_DATA || status == STATUS_IO ||
                     status == STATUS_NO_MEMORY);
        fuzz_require(data.n == 0 && data.x == NULL && data.y == NULL);
        fuzz_require_message(&err);
        fuzz_require(strncmp(err.message, "fuzz.csv:", 9) == 0);
    }
    data_free(&data);
    return fuzz_table_input(bytes, size);
}

enum { FUZZ_MAX_ARGS = 64 };

/* The bytes as a command line: split at NUL bytes into words (at most
 * FUZZ_MAX_ARGS), after a program name, and parsed by cli_parse(). */
static inline int fuzz_cli_input(const uint8_t *bytes, size_t size)
{
    /* A chapter that takes every flag, so every flag's parser gets fuzzed. */
    static const Chapter every_flag = {"fuzz", "takes every flag",
                                       FLAGS_TRAINING | FLAG_BATCH | FLAG_HIDDEN | FLAG_INIT |
                                           FLAG_TEST,
                                       10, 0, 0, 0.0};
    char *text = malloc(size + 1); /* the words, each NUL-terminated */
    if (text == NULL)
        return 0;
    memcpy(text, bytes, size);
    text[size] = '\0';
    char program[] = "fuzz";
    char *argv[FUZZ_MAX_ARGS + 2] = {program};
    int argc = 1;
    for (size_t start = 0; start < size && argc <= FUZZ_MAX_ARGS; argc++) {
        argv[argc] = &text[start];
        start += strlen(&text[start]) + 1;
    }
    argv[argc] = NULL;

    Options options;
    Error err = {""};
    Status status = cli_parse(argc, argv, &every_flag, &options, &err);
    if (status == STATUS_OK) {
        fuzz_require(options.n >= 2 && options.n <= MAX_N);
        fuzz_require(isfinite(options.lr) && options.lr > 0.0);
        fuzz_require(options.epochs >= 1 && options.epochs <= MAX_EPOCHS);
        fuzz_require(options.batch >= 1 && options.batch <= MAX_N);
        fuzz_require(options.hidden >= 1 && options.hidden <= MAX_HIDDEN);
        fuzz_require(options.out_dir != NULL && options.out_dir[0] != '\0');
        fuzz_require(options.data_path == NULL || options.data_path[0] != '\0');
    } else {
        fuzz_require(status == STATUS_USAGE);
        fuzz_require_message(&err);
    }
    free(text);
    return 0;
}

#endif
