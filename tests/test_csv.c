/* Tests for code/csv.c: what it accepts, and a message naming file:line for
 * what it refuses. Reads from memory through csv_read. */
#define _GNU_SOURCE /* fmemopen, fopencookie */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "csv.h"
#include "suites.h"

static Status load(const char *text, size_t length, Dataset *data, Error *err)
{
    FILE *file = fmemopen((void *)text, length, "r");
    ck_assert_ptr_nonnull(file);
    Status status = csv_read(data, file, "t.csv", NULL, err);
    fclose(file);
    return status;
}

static void check_loads(const char *text, size_t length)
{
    Dataset data;
    Error err = {""};
    ck_assert_msg(load(text, length, &data, &err) == STATUS_OK, "%s", err.message);
    ck_assert_uint_eq(data.n, 3);
    const double x1[3] = {-1, 0, 2.5}, y[3] = {1, 2e3, -0.25};
    for (size_t i = 0; i < 3; i++) {
        ck_assert_double_eq(data.x[2 * i], x1[i]);
        ck_assert_double_eq(data.x[2 * i + 1], 1.0);
        ck_assert_double_eq(data.y[i], y[i]);
    }
    data_free(&data);
}

#define CHECK_LOADS(literal) check_loads(literal, sizeof literal - 1)

START_TEST(accepts_plain_header_bom_crlf_comments_and_blanks)
{
    CHECK_LOADS("-1,1\n0,2e3\n2.5,-0.25\n");
    CHECK_LOADS("-1,1\n0,2e3\n2.5,-0.25"); /* no final newline */
    CHECK_LOADS("x,y\n-1,1\n0,2e3\n2.5,-0.25\n");
    CHECK_LOADS("\xEF\xBB\xBFx,y\r\n-1,1\r\n0,2e3\r\n2.5,-0.25\r\n");
    CHECK_LOADS("# made by hand\n\n -1 , 1 \n\t0,2e3\n\n2.5,-0.25\n\n");
}
END_TEST

static void check_refuses(const char *text, size_t length, const char *expected)
{
    Dataset data;
    Error err = {""};
    ck_assert_int_eq(load(text, length, &data, &err), STATUS_BAD_DATA);
    ck_assert_msg(strstr(err.message, expected) != NULL, "message '%s' lacks '%s'",
                  err.message, expected);
    ck_assert_ptr_null(data.x);
}

#define CHECK_REFUSES(literal, expected) check_refuses(literal, sizeof literal - 1, expected)

START_TEST(refuses_bad_rows_naming_file_and_line)
{
    CHECK_REFUSES("", "t.csv: the file is empty");
    CHECK_REFUSES("1,2\n", "found 1 data row;");
    CHECK_REFUSES("x,y\n", "found 0 data rows");
    CHECK_REFUSES("1,2\n3,four\n", "t.csv:2: y value 'four' is not a number");
    CHECK_REFUSES("1,2\n3\n", "t.csv:2: expected 2 columns (x,y), found 1");
    CHECK_REFUSES("1,2\n3,4,5\n", "t.csv:2: expected 2 columns (x,y), found 3");
    CHECK_REFUSES("1,2\nnan,4\n", "t.csv:2: x value 'nan' is not a finite number");
    CHECK_REFUSES("1,2\n3,inf\n", "t.csv:2: y value 'inf' is not a finite number");
    CHECK_REFUSES("1,2\n1e999,4\n", "t.csv:2: x value '1e999' is too large");
    CHECK_REFUSES("1,2\n,4\n", "t.csv:2: x value '' is empty");
    CHECK_REFUSES("x,y\nx,y\n1,2\n", "t.csv:2: x value 'x' is not a number");
    CHECK_REFUSES("1,2\n3,\0\0\0\n", "t.csv:2: contains a NUL byte");
}
END_TEST

START_TEST(refuses_a_line_too_long_for_a_row)
{
    char text[3000];
    memset(text, '1', sizeof text);
    memcpy(text, "1,2\n", 4);
    text[sizeof text - 1] = '\n';
    check_refuses(text, sizeof text, "t.csv:2: line is");
}
END_TEST

START_TEST(a_missing_file_or_a_folder_is_an_io_error)
{
    Dataset data;
    Error err = {""};
    ck_assert_int_eq(csv_load(&data, "/no/such/file.csv", NULL, &err), STATUS_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "/no/such/file.csv: cannot open"));
    ck_assert_int_eq(csv_load(&data, "/tmp", NULL, &err), STATUS_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "is a directory"));
}
END_TEST

/* Loads text that must load; returns the header the loader reports. */
static CsvHeader check_header(const char *text, size_t length, size_t rows)
{
    Dataset data;
    CsvHeader header;
    Error err = {""};
    FILE *file = fmemopen((void *)text, length, "r");
    ck_assert_ptr_nonnull(file);
    Status status = csv_read(&data, file, "t.csv", &header, &err);
    fclose(file);
    ck_assert_msg(status == STATUS_OK, "'%s': %s", text, err.message);
    ck_assert_uint_eq(data.n, rows);
    data_free(&data);
    return header;
}

#define CHECK_HEADER(literal, rows) check_header(literal, sizeof literal - 1, rows)

START_TEST(a_header_is_skipped_only_if_no_field_starts_like_a_number)
{
    /* Used to be skipped as a header, leaving "all 3 points" of 4. */
    CHECK_REFUSES("0.5x,1.2y\n1,2\n2,3\n3,5\n", "t.csv:1: x value '0.5x' is not a number");
    CHECK_REFUSES("x,5\n1,2\n3,4\n", "t.csv:1: x value 'x' is not a number");
    CHECK_REFUSES("x,-.5y\n1,2\n3,4\n", "t.csv:1: x value 'x' is not a number");
    CHECK_REFUSES("nan,inf\n1,2\n3,4\n", "t.csv:1: x value 'nan' is not a finite number");
    CHECK_REFUSES("\xc2\xa0" "1,2\n1,2\n3,4\n", "t.csv:1: x value '\\xc2\\xa01' is not");
    CHECK_REFUSES("x,y\n1,2\n", "t.csv: found 1 data row after the header;");
    CHECK_REFUSES("x,y\nx,y\n1,2\n3,4\n", "t.csv:2: x value 'x' is not a number");

    CsvHeader header = CHECK_HEADER("x,y\n1,2\n3,4\n", 2);
    ck_assert_uint_eq(header.line, 1);
    ck_assert_str_eq(header.text, "x,y");
    /* The first line with fields, after comments and blank lines. */
    header = CHECK_HEADER("# measured 2019\n\n Height (m) , Weight\t\n1,2\n3,4\n", 2);
    ck_assert_uint_eq(header.line, 3);
    ck_assert_str_eq(header.text, "Height (m) , Weight");
    /* strtod reads "Inf" from "Infections", but the field is a name. */
    header = CHECK_HEADER("Infections,Deaths\n1,2\n3,4\n", 2);
    ck_assert_uint_eq(header.line, 1);
    header = CHECK_HEADER("1,2\n3,4\n", 2);
    ck_assert_uint_eq(header.line, 0);
}
END_TEST

START_TEST(invisible_characters_are_shown_escaped)
{
    /* A non-breaking space, pasted from a web page or a word processor. */
    CHECK_REFUSES("1,2\n3,4\xc2\xa0\n", "t.csv:2: y value '4\\xc2\\xa0' is not a number "
                                        "(each \\xNN is a byte of a character you "
                                        "cannot see");
    /* A byte order mark where only the first line may have one. */
    CHECK_REFUSES("1,2\n\xef\xbb\xbf" "3,4\n", "t.csv:2: x value '\\xef\\xbb\\xbf3' is not");
    /* Bytes that are not UTF-8 (Latin-1 'é'), and a zero-width space. */
    CHECK_REFUSES("1,2\n3,\xe9\n", "t.csv:2: y value '\\xe9' is not a number");
    CHECK_REFUSES("1,2\n3\xe2\x80\x8b,4\n", "t.csv:2: x value '3\\xe2\\x80\\x8b' is not");
    /* What a terminal shows plainly stays plain. */
    CHECK_REFUSES("1,2\n3,\xc3\xa9t\xc3\xa9\n", "t.csv:2: y value '\xc3\xa9t\xc3\xa9' is not a number");
}
END_TEST

START_TEST(other_separators_get_a_hint)
{
    CHECK_REFUSES("1\t2\n", "t.csv:1: expected 2 columns (x,y), found 1; separate x and y "
                            "with a comma, not a tab");
    CHECK_REFUSES("x y\n1 2\n", "t.csv:1: expected 2 columns (x,y), found 1; separate x "
                                "and y with a comma, not spaces");
    CHECK_REFUSES("1;2\n", "found 1; separate x and y with a comma, not ';'");
    /* A spreadsheet set to decimal commas. */
    CHECK_REFUSES("1,5;2,5\n", "t.csv:1: expected 2 columns (x,y), found 3; decimal "
                               "commas? write 1.5,2.5");
    CHECK_REFUSES("0,5,3,1\n", "found 4; decimal commas?");
}
END_TEST

START_TEST(a_number_too_large_is_called_too_large_at_any_size)
{
    /* 1e308 fits in a double and 1e309 does not; both are far past 1e50. */
    CHECK_REFUSES("1,2\n1e308,4\n", "t.csv:2: x value '1e308' is too large");
    CHECK_REFUSES("1,2\n1e309,4\n", "t.csv:2: x value '1e309' is too large");
    CHECK_REFUSES("1,2\n3,-1e400\n", "t.csv:2: y value '-1e400' is too large");
    CHECK_REFUSES("1,2\n3,inf\n", "t.csv:2: y value 'inf' is not a finite number");
}
END_TEST

/* Loads text that must load; returns how many rows it had. */
static size_t rows_loaded(const char *text)
{
    Dataset data;
    Error err = {""};
    ck_assert_msg(load(text, strlen(text), &data, &err) == STATUS_OK, "%s: %s", text,
                  err.message);
    size_t n = data.n;
    data_free(&data);
    return n;
}

START_TEST(values_past_the_honest_limits_are_refused)
{
    /* ±1e50 is the largest size: 1e50 itself loads, twice it does not. Four
     * such numbers multiplied (chapter 07's gradient noise) make 1e200, a
     * double; four of 1e99 (once accepted) make inf. */
    ck_assert_uint_eq(rows_loaded("1e50,-1e50\n-1e50,1e50\n"), 2);
    CHECK_REFUSES("1,2\n2e50,4\n", "t.csv:2: x value '2e50' is too large: the loss squares "
                                   "it, and the chapters square squares, so keep values "
                                   "between -1e50 and 1e50");
    CHECK_REFUSES("1,2\n3,-1e99\n", "t.csv:2: y value '-1e99' is too large");
    /* x values 1e-200 apart differ, but their squared differences (1e-400)
     * round to 0: not "all equal", and not a line anyone can fit. */
    CHECK_REFUSES("0,0\n1e-200,1\n2e-200,2\n",
                  "t.csv: the x values span only 2e-200 (from 0 to 2e-200), too little to "
                  "tell them apart; keep their spread at least 1e-50");
    CHECK_REFUSES("1e-60,0\n-1e-60,1\n", "t.csv: the x values span only 2e-60");
    /* The least spread loads, and so do x values all the same (some
     * chapters use them) and tiny x values far apart. */
    ck_assert_uint_eq(rows_loaded("0,0\n1e-50,1\n"), 2);
    ck_assert_uint_eq(rows_loaded("5,0\n5,1\n5,2\n"), 3);
    ck_assert_uint_eq(rows_loaded("1e-300,0\n1,1\n"), 2);
}
END_TEST

START_TEST(hexadecimal_is_refused_as_on_the_command_line)
{
    /* strtod reads "0x1" as 1: the row 0x1,2 was the point (1, 2). */
    CHECK_REFUSES("0x1,2\n3,4\n", "t.csv:1: x value '0x1' is hexadecimal: write numbers in "
                                  "decimal");
    CHECK_REFUSES("1,2\n3,-0X1p3\n", "t.csv:2: y value '-0X1p3' is hexadecimal");
    CHECK_REFUSES("1,2\n 0x10 ,4\n", "t.csv:2: x value '0x10' is hexadecimal");
    CHECK_REFUSES("1,2\n0x,4\n", "t.csv:2: x value '0x' is not a number");
    ck_assert_uint_eq(rows_loaded("0,1\n10,2\n"), 2); /* decimal zeros and tens are fine */
}
END_TEST

START_TEST(a_comment_line_may_be_any_length)
{
    enum { LONG = 3 * CSV_MAX_LINE };
    static char text[LONG + 64];
    memset(text, '=', LONG);
    memcpy(text, "# ", 2);
    strcpy(text + LONG, "\r\n1,2\n3,4\n");
    check_header(text, strlen(text), 2);
    text[0] = ' '; /* without the '#', the same line is no row */
    check_refuses(text, strlen(text), "t.csv:1: line is longer than 1024 characters");
    /* As the first line, after a byte order mark. */
    memcpy(text, "\xEF\xBB\xBF#", 4);
    check_header(text, strlen(text), 2);
}
END_TEST

/* A stream that gives its text, then fails as a disk might: EIO. */
static ssize_t read_then_fail(void *cookie, char *buffer, size_t size)
{
    const char **text = cookie;
    size_t length = strlen(*text);
    if (length == 0) {
        errno = EIO;
        return -1;
    }
    size_t count = length < size ? length : size;
    memcpy(buffer, *text, count);
    *text += count;
    return (ssize_t)count;
}

START_TEST(a_read_error_says_what_failed)
{
    const char *text = "1,2\n3,4\n5,"; /* then the disk fails mid-line */
    FILE *file = fopencookie(&text, "r", (cookie_io_functions_t){.read = read_then_fail});
    ck_assert_ptr_nonnull(file);
    Dataset data;
    Error err = {""};
    ck_assert_int_eq(csv_read(&data, file, "t.csv", NULL, &err), STATUS_IO);
    fclose(file);
    ck_assert_str_eq(err.message, "t.csv:3: cannot read this line: Input/output error");
    ck_assert_ptr_null(data.x);
}
END_TEST

START_TEST(only_a_regular_file_is_opened)
{
    Dataset data;
    Error err = {""};
    ck_assert_int_eq(csv_load(&data, "/dev/null", NULL, &err), STATUS_IO);
    ck_assert_str_eq(err.message, "/dev/null: is a device, not a CSV file; give a regular "
                                  "file, or pipe the rows in and use --data -");
}
END_TEST

/* A table read from text; err holds the message when it fails. */
static Status load_table(const char *text, CsvTable *table, Error *err)
{
    FILE *file = fmemopen((void *)text, strlen(text), "r");
    ck_assert_ptr_nonnull(file);
    Status status = csv_read_table(table, file, "t.csv", NULL, err);
    fclose(file);
    return status;
}

START_TEST(a_table_of_any_width_reads_row_by_row)
{
    /* Three rows of four columns, a header and a comment among them: the
     * values land row-major, each where the text puts it. */
    CsvTable table;
    Error err = {""};
    ck_assert_msg(load_table("p1,p2,p3,label\n# a comment\n0,16,3.5,7\n1, 2 ,3,0\n"
                             "-4,5e1,6,9\r\n",
                             &table, &err) == STATUS_OK,
                  "%s", err.message);
    ck_assert_uint_eq(table.n, 3);
    ck_assert_uint_eq(table.columns, 4);
    const double want[12] = {0, 16, 3.5, 7, 1, 2, 3, 0, -4, 50, 6, 9};
    for (size_t k = 0; k < 12; k++)
        ck_assert_double_eq(table.values[k], want[k]);
    /* The header is line 1 and the comment line 2: the rows are on 3, 4, 5,
     * the numbers a message about one of them names. */
    for (size_t i = 0; i < 3; i++)
        ck_assert_uint_eq(table.lines[i], i + 3);
    csv_table_free(&table);
}
END_TEST

START_TEST(a_table_refuses_ragged_rows_and_bad_fields_by_column)
{
    CsvTable table;
    Error err = {""};
    ck_assert_int_eq(load_table("1,2,3\n4,5\n", &table, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message,
                     "t.csv:2: expected 3 columns, as on the first data row, found 2");
    ck_assert_ptr_null(table.values);
    ck_assert_ptr_null(table.lines);
    ck_assert_int_eq(load_table("1,2,3\n4,x5,6\n", &table, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "t.csv:2: column 2 value 'x5' is not a number");
    ck_assert_int_eq(load_table("1,2,0x3\n", &table, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message,
                     "t.csv:1: column 3 value '0x3' is hexadecimal: write numbers in decimal");
    ck_assert_int_eq(load_table("a,b,c\n", &table, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "t.csv: found no data rows after the header");
    ck_assert_int_eq(load_table("", &table, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "t.csv: the file is empty");
}
END_TEST

START_TEST(a_table_row_may_be_longer_than_a_pair)
{
    /* 400 columns of "16," are 1,600 characters: past a pair's 1,024, as
     * long as an image's row can be. */
    char text[2048] = "";
    for (int k = 0; k < 400; k++)
        strcat(text, k + 1 < 400 ? "16," : "16\n");
    CsvTable table;
    Error err = {""};
    ck_assert_msg(load_table(text, &table, &err) == STATUS_OK, "%s", err.message);
    ck_assert_uint_eq(table.columns, 400);
    ck_assert_double_eq(table.values[399], 16.0);
    csv_table_free(&table);
}
END_TEST

Suite *csv_suite(void)
{
    Suite *suite = suite_create("csv");
    TCase *tc = tcase_create("csv");
    tcase_add_test(tc, accepts_plain_header_bom_crlf_comments_and_blanks);
    tcase_add_test(tc, refuses_bad_rows_naming_file_and_line);
    tcase_add_test(tc, refuses_a_line_too_long_for_a_row);
    tcase_add_test(tc, a_missing_file_or_a_folder_is_an_io_error);
    tcase_add_test(tc, a_header_is_skipped_only_if_no_field_starts_like_a_number);
    tcase_add_test(tc, invisible_characters_are_shown_escaped);
    tcase_add_test(tc, other_separators_get_a_hint);
    tcase_add_test(tc, a_number_too_large_is_called_too_large_at_any_size);
    tcase_add_test(tc, values_past_the_honest_limits_are_refused);
    tcase_add_test(tc, hexadecimal_is_refused_as_on_the_command_line);
    tcase_add_test(tc, a_comment_line_may_be_any_length);
    tcase_add_test(tc, a_read_error_says_what_failed);
    tcase_add_test(tc, only_a_regular_file_is_opened);
    tcase_add_test(tc, a_table_of_any_width_reads_row_by_row);
    tcase_add_test(tc, a_table_refuses_ragged_rows_and_bad_fields_by_column);
    tcase_add_test(tc, a_table_row_may_be_longer_than_a_pair);
    suite_add_tcase(suite, tc);
    return suite;
}
