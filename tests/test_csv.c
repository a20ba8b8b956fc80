/* Tests for code/csv.c: what it accepts, and a message naming file:line for
 * what it refuses. Reads from memory through csv_read. */
#define _POSIX_C_SOURCE 200809L /* fmemopen */

#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "suites.h"

static Status load(const char *text, size_t length, Dataset *data, Error *err)
{
    FILE *file = fmemopen((void *)text, length, "r");
    ck_assert_ptr_nonnull(file);
    Status status = csv_read(data, file, "t.csv", err);
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
    CHECK_REFUSES("1,2\n1e999,4\n", "t.csv:2: x value '1e999' is not a finite");
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
    ck_assert_int_eq(csv_load(&data, "/no/such/file.csv", &err), STATUS_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "/no/such/file.csv: cannot open"));
    ck_assert_int_eq(csv_load(&data, "/tmp", &err), STATUS_IO);
    ck_assert_ptr_nonnull(strstr(err.message, "is a directory"));
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
    suite_add_tcase(suite, tc);
    return suite;
}
