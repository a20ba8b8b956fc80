/*
 * tests/test_weave.c: tests for tools/weave.c, the book weaver.
 *
 * Each test writes a tiny book and source into a fresh temporary directory,
 * runs the real weave binary there, and checks its exit status, what it
 * printed, and what the book holds afterwards. Running the binary, rather
 * than linking its functions, tests exactly what `make book` runs.
 *
 * WEAVE_BIN is the path of the built weaver, relative to the directory the
 * tests run from (the repository root), e.g. -DWEAVE_BIN='"build/weave"'.
 * Tests do not chdir (it would affect the whole process); they run
 * `cd DIR && weave ...` through the shell instead.
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* POSIX 2008 with XSI: mkdtemp, popen, realpath */
#endif

#include <check.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#ifndef WEAVE_BIN
#error "compile with -DWEAVE_BIN='\"path/to/weave\"'"
#endif

Suite *weave_suite(void);

/* ---------------------------------------------------------------------- */
/* Fixture: a fresh directory per test, holding book.md and code/.        */
/* Check fixtures take no arguments, hence the file-level state.          */
/* ---------------------------------------------------------------------- */

static char fixture_dir[] = "/tmp/weave-test-XXXXXX";
static char *weave_path;   /* absolute, because the tests cd elsewhere */
static char *weave_output; /* stdout and stderr of the last run */

/* sprintf into a string of just the right size; the caller frees it. */
static char *format_string(const char *format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int length = vsnprintf(NULL, 0, format, arguments);
    va_end(arguments);
    ck_assert_int_ge(length, 0);

    char *string = malloc((size_t)length + 1);
    ck_assert_ptr_nonnull(string);
    va_start(arguments, format);
    vsnprintf(string, (size_t)length + 1, format, arguments);
    va_end(arguments);
    return string;
}

static char *fixture_path(const char *name)
{
    return format_string("%s/%s", fixture_dir, name);
}

static void make_fixture(void)
{
    weave_path = realpath(WEAVE_BIN, NULL);
    ck_assert_msg(weave_path != NULL, "no weave binary at %s; build it first", WEAVE_BIN);
    strcpy(fixture_dir, "/tmp/weave-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(fixture_dir));
    char *code = fixture_path("code");
    ck_assert_int_eq(mkdir(code, 0755), 0);
    free(code);
    weave_output = NULL;
}

static void remove_fixture(void)
{
    char *command = format_string("rm -rf '%s'", fixture_dir);
    ck_assert_int_eq(system(command), 0);
    free(command);
    free(weave_path);
    free(weave_output);
    weave_path = NULL;
    weave_output = NULL;
}

static void write_fixture(const char *name, const char *contents)
{
    char *path = fixture_path(name);
    FILE *file = fopen(path, "w");
    ck_assert_msg(file != NULL, "cannot write %s", path);
    fputs(contents, file);
    ck_assert_int_eq(fclose(file), 0);
    free(path);
}

static char *read_stream(FILE *stream)
{
    size_t length = 0;
    size_t capacity = 4096;
    char *contents = malloc(capacity);
    ck_assert_ptr_nonnull(contents);
    size_t count;
    while ((count = fread(contents + length, 1, capacity - length - 1, stream)) > 0) {
        length += count;
        if (capacity - length - 1 == 0) {
            capacity *= 2;
            contents = realloc(contents, capacity);
            ck_assert_ptr_nonnull(contents);
        }
    }
    contents[length] = '\0';
    return contents;
}

static char *read_fixture(const char *name)
{
    char *path = fixture_path(name);
    FILE *file = fopen(path, "r");
    ck_assert_msg(file != NULL, "cannot read %s", path);
    char *contents = read_stream(file);
    fclose(file);
    free(path);
    return contents;
}

/* Run weave with ARGUMENTS inside the fixture directory; keep what it
 * printed in weave_output and return its exit status. */
static int run_weave(const char *arguments)
{
    char *command = format_string("cd '%s' && '%s' %s 2>&1", fixture_dir, weave_path, arguments);
    FILE *output = popen(command, "r");
    ck_assert_ptr_nonnull(output);
    free(weave_output);
    weave_output = read_stream(output);
    int status = pclose(output);
    free(command);
    ck_assert_msg(WIFEXITED(status), "weave crashed; it printed:\n%s", weave_output);
    return WEXITSTATUS(status);
}

static void assert_book_is(const char *expected)
{
    char *book = read_fixture("book.md");
    ck_assert_str_eq(book, expected);
    free(book);
}

static void assert_printed(const char *expected)
{
    ck_assert_msg(strstr(weave_output, expected) != NULL, "expected \"%s\" in weave's output:\n%s",
                  expected, weave_output);
}

/* A failed weave must leave no temporary file behind: the directory should
 * hold only what the test put there. */
static void assert_fixture_holds(size_t expected_entries)
{
    DIR *dir = opendir(fixture_dir);
    ck_assert_ptr_nonnull(dir);
    size_t entries = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL)
        entries += strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0;
    closedir(dir);
    ck_assert_uint_eq(entries, expected_entries);
}

/* ---------------------------------------------------------------------- */
/* Shared fixture texts                                                    */
/* ---------------------------------------------------------------------- */

static const char step_source[] = "#include <stdio.h>\n"
                                  "\n"
                                  "//> step\n"
                                  "double step(double a, double grad, double lr)\n"
                                  "{\n"
                                  "    return a - lr * grad;\n"
                                  "}\n"
                                  "//< step\n";

static const char step_listing[] = "double step(double a, double grad, double lr)\n"
                                   "{\n"
                                   "    return a - lr * grad;\n"
                                   "}\n";

static const char step_book[] = "# Steps\n"
                                "\n"
                                "<!-- listing: code/sgd.c step -->\n"
                                "```C title\n"
                                "stale text\n"
                                "```\n"
                                "After.\n";

static const char step_book_woven[] = "# Steps\n"
                                      "\n"
                                      "<!-- listing: code/sgd.c step -->\n"
                                      "```c\n"
                                      "double step(double a, double grad, double lr)\n"
                                      "{\n"
                                      "    return a - lr * grad;\n"
                                      "}\n"
                                      "```\n"
                                      "After.\n";

/* Weave a one-listing book of REGION from SOURCE and check the listing. */
static void assert_listing(const char *source, const char *region, const char *expected)
{
    char *directive = format_string("<!-- listing: code/sgd.c %s -->\n", region);
    char *book = format_string("%s```c\n```\n", directive);
    char *woven = format_string("%s```c\n%s```\n", directive, expected);
    write_fixture("code/sgd.c", source);
    write_fixture("book.md", book);
    ck_assert_int_eq(run_weave("book.md"), 0);
    assert_book_is(woven);
    free(woven);
    free(book);
    free(directive);
}

/* ---------------------------------------------------------------------- */
/* Listings                                                                 */
/* ---------------------------------------------------------------------- */

START_TEST(test_listing_is_filled_in)
{
    write_fixture("code/sgd.c", step_source);
    write_fixture("book.md", step_book);
    ck_assert_int_eq(run_weave("book.md"), 0);
    assert_book_is(step_book_woven);
    ck_assert_str_eq(weave_output, "weave: book.md: 1 listings, 0 outputs, 0 figures (1 updated)\n");
}
END_TEST

START_TEST(test_missing_block_is_inserted)
{
    write_fixture("code/sgd.c", step_source);
    write_fixture("book.md", "<!-- listing: code/sgd.c step -->\nAfter.\n");
    ck_assert_int_eq(run_weave("book.md"), 0);
    char *expected = format_string("<!-- listing: code/sgd.c step -->\n```c\n%s```\nAfter.\n",
                                   step_listing);
    assert_book_is(expected);
    free(expected);
}
END_TEST

START_TEST(test_indented_region_is_dedented)
{
    assert_listing("int f(void)\n"
                   "{\n"
                   "    int x = 1;\n"
                   "    //> body\n"
                   "    if (x > 0)\n"
                   "        x++;\n"
                   "  \n"
                   "    return x;\n"
                   "    //< body\n"
                   "}\n",
                   "body",
                   "if (x > 0)\n"
                   "    x++;\n"
                   "\n"
                   "return x;\n");
}
END_TEST

START_TEST(test_nested_marker_lines_are_dropped)
{
    const char *source = "//> outer\n"
                         "int a;\n"
                         "//> inner\n"
                         "int b;\n"
                         "//< inner\n"
                         "  //> overlap\n"
                         "int c;\n"
                         "//< outer\n"
                         "int d;\n"
                         "//< overlap\n";
    assert_listing(source, "outer", "int a;\nint b;\nint c;\n");
    assert_listing(source, "inner", "int b;\n");
    assert_listing(source, "overlap", "int c;\nint d;\n");
}
END_TEST

START_TEST(test_long_lines_are_kept_whole)
{
    size_t length = 100000; /* far beyond any fixed-size line buffer */
    char *long_line = malloc(length + 1);
    ck_assert_ptr_nonnull(long_line);
    memset(long_line, 'x', length);
    long_line[length] = '\0';
    char *source = format_string("//> long\nint %s;\n//< long\n", long_line);
    char *expected = format_string("int %s;\n", long_line);
    assert_listing(source, "long", expected);
    free(expected);
    free(source);
    free(long_line);
}
END_TEST

START_TEST(test_directives_in_code_blocks_are_left_alone)
{
    const char *book = "How to show a listing:\n"
                       "\n"
                       "```markdown\n"
                       "<!-- listing: code/missing.c nothing -->\n"
                       "![a figure](figures/missing.png)\n"
                       "```\n";
    write_fixture("book.md", book);
    ck_assert_int_eq(run_weave("book.md"), 0);
    assert_book_is(book);
    assert_printed("0 listings, 0 outputs, 0 figures (0 updated)");
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Errors: file:line messages, exit 1, and the book left as it was          */
/* ---------------------------------------------------------------------- */

/* Weave BOOK against SOURCE, expect failure with MESSAGE, and check that
 * nothing was changed or left behind. */
static void assert_weave_fails(const char *source, const char *book, const char *message)
{
    write_fixture("code/sgd.c", source);
    write_fixture("book.md", book);
    ck_assert_int_eq(run_weave("book.md"), 1);
    assert_printed(message);
    assert_book_is(book);
    assert_fixture_holds(2); /* book.md and code/ */
}

START_TEST(test_missing_region_is_an_error)
{
    assert_weave_fails(step_source, "Intro.\n<!-- listing: code/sgd.c nope -->\n```c\nkeep\n```\n",
                       "book.md:2: no region 'nope' in code/sgd.c");
}
END_TEST

START_TEST(test_missing_file_is_an_error)
{
    assert_weave_fails(step_source, "Intro.\n<!-- listing: code/none.c step -->\n```c\nkeep\n```\n",
                       "book.md:2: cannot read code/none.c");
}
END_TEST

START_TEST(test_unclosed_region_is_an_error)
{
    assert_weave_fails("int a;\n//> step\nint b;\n", "<!-- listing: code/sgd.c step -->\n",
                       "code/sgd.c:2: region 'step' is opened but never closed");
}
END_TEST

START_TEST(test_duplicate_region_is_an_error)
{
    assert_weave_fails("//> step\n//< step\n//> step\n//< step\n",
                       "<!-- listing: code/sgd.c step -->\n",
                       "code/sgd.c:3: region 'step' is opened twice");
}
END_TEST

START_TEST(test_failing_command_is_an_error)
{
    assert_weave_fails(step_source, "Run:\n\n<!-- output: exit 3 -->\n```text\nkeep\n```\n",
                       "book.md:3: command 'exit 3' failed with exit status 3");
}
END_TEST

START_TEST(test_missing_figure_is_an_error)
{
    assert_weave_fails(step_source, "A plot:\n\n![the loss](figures/loss.png)\n",
                       "book.md:3: figure path does not exist");
}
END_TEST

START_TEST(test_error_after_a_good_listing_changes_nothing)
{
    assert_weave_fails(step_source,
                       "<!-- listing: code/sgd.c step -->\n```c\n```\n"
                       "<!-- listing: code/sgd.c nope -->\n```c\n```\n",
                       "book.md:4: no region 'nope' in code/sgd.c");
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Outputs and figures                                                     */
/* ---------------------------------------------------------------------- */

START_TEST(test_output_captures_stdout)
{
    write_fixture("book.md", "<!-- output: printf 'loss %d\\n' 42; echo oops >&2 -->\n"
                             "```\nold\n```\n");
    ck_assert_int_eq(run_weave("book.md"), 0);
    assert_book_is("<!-- output: printf 'loss %d\\n' 42; echo oops >&2 -->\n"
                   "```text\nloss 42\n```\n");
    assert_printed("0 listings, 1 outputs, 0 figures (1 updated)");
}
END_TEST

START_TEST(test_output_with_a_fence_gets_a_longer_one)
{
    write_fixture("book.md", "<!-- output: printf '```\\nx' -->\n");
    ck_assert_int_eq(run_weave("book.md"), 0);
    assert_book_is("<!-- output: printf '```\\nx' -->\n````text\n```\nx\n````\n");
}
END_TEST

START_TEST(test_existing_figure_is_counted)
{
    char *figures = fixture_path("figures");
    ck_assert_int_eq(mkdir(figures, 0755), 0);
    free(figures);
    write_fixture("figures/loss.png", "not really a png");
    write_fixture("book.md", "![the loss](figures/loss.png \"Loss by epoch\")\n");
    ck_assert_int_eq(run_weave("book.md"), 0);
    ck_assert_str_eq(weave_output, "weave: book.md: 0 listings, 0 outputs, 1 figures (0 updated)\n");
}
END_TEST

/* ---------------------------------------------------------------------- */
/* --check and rewriting                                                    */
/* ---------------------------------------------------------------------- */

START_TEST(test_check_passes_then_fails_after_the_source_changes)
{
    write_fixture("code/sgd.c", step_source);
    write_fixture("book.md", step_book);
    ck_assert_int_eq(run_weave("book.md"), 0);
    ck_assert_int_eq(run_weave("--check book.md"), 0);
    ck_assert_str_eq(weave_output, "");

    write_fixture("code/sgd.c", "//> step\nint changed;\n//< step\n");
    ck_assert_int_eq(run_weave("--check book.md"), 1);
    assert_printed("book.md:3: listing code/sgd.c step differs from the source\n");
    assert_printed("run 'make book' to rewrite the listings\n");
    assert_book_is(step_book_woven); /* --check changes nothing */
}
END_TEST

START_TEST(test_check_reports_a_stale_output)
{
    write_fixture("book.md", "<!-- output: echo fresh -->\n```text\nstale\n```\n");
    ck_assert_int_eq(run_weave("--check book.md"), 1);
    assert_printed("book.md:1: output of 'echo fresh' differs from a fresh run\n");
    assert_fixture_holds(2);
}
END_TEST

START_TEST(test_weave_is_idempotent)
{
    write_fixture("code/sgd.c", step_source);
    write_fixture("book.md", step_book);
    ck_assert_int_eq(run_weave("book.md"), 0);
    assert_printed("(1 updated)");

    char *path = fixture_path("book.md");
    struct stat before, after;
    ck_assert_int_eq(stat(path, &before), 0);
    ck_assert_int_eq(run_weave("book.md"), 0);
    ck_assert_str_eq(weave_output, "weave: book.md: 1 listings, 0 outputs, 0 figures (0 updated)\n");
    ck_assert_int_eq(stat(path, &after), 0);
    free(path);
    assert_book_is(step_book_woven);
    ck_assert_uint_eq(before.st_ino, after.st_ino); /* not even rewritten */
}
END_TEST

START_TEST(test_rewrite_keeps_the_book_mode)
{
    write_fixture("code/sgd.c", step_source);
    write_fixture("book.md", step_book);
    char *path = fixture_path("book.md");
    ck_assert_int_eq(chmod(path, 0640), 0);
    ck_assert_int_eq(run_weave("book.md"), 0);
    struct stat status;
    ck_assert_int_eq(stat(path, &status), 0);
    free(path);
    ck_assert_uint_eq(status.st_mode & 0777, 0640);
    assert_fixture_holds(2);
}
END_TEST

/* ---------------------------------------------------------------------- */
/* Command line                                                             */
/* ---------------------------------------------------------------------- */

START_TEST(test_bad_usage_exits_2)
{
    ck_assert_int_eq(run_weave(""), 2);
    assert_printed("usage: weave");
    ck_assert_int_eq(run_weave("--frobnicate book.md"), 2);
    ck_assert_int_eq(run_weave("one.md two.md"), 2);
}
END_TEST

START_TEST(test_help_exits_0)
{
    ck_assert_int_eq(run_weave("--help"), 0);
    assert_printed("usage: weave [--check] BOOK");
}
END_TEST

static TCase *weave_case(const char *name)
{
    TCase *tcase = tcase_create(name);
    tcase_add_checked_fixture(tcase, make_fixture, remove_fixture);
    return tcase;
}

Suite *weave_suite(void)
{
    Suite *suite = suite_create("weave");

    TCase *listings = weave_case("listings");
    tcase_add_test(listings, test_listing_is_filled_in);
    tcase_add_test(listings, test_missing_block_is_inserted);
    tcase_add_test(listings, test_indented_region_is_dedented);
    tcase_add_test(listings, test_nested_marker_lines_are_dropped);
    tcase_add_test(listings, test_long_lines_are_kept_whole);
    tcase_add_test(listings, test_directives_in_code_blocks_are_left_alone);
    suite_add_tcase(suite, listings);

    TCase *errors = weave_case("errors");
    tcase_add_test(errors, test_missing_region_is_an_error);
    tcase_add_test(errors, test_missing_file_is_an_error);
    tcase_add_test(errors, test_unclosed_region_is_an_error);
    tcase_add_test(errors, test_duplicate_region_is_an_error);
    tcase_add_test(errors, test_failing_command_is_an_error);
    tcase_add_test(errors, test_missing_figure_is_an_error);
    tcase_add_test(errors, test_error_after_a_good_listing_changes_nothing);
    suite_add_tcase(suite, errors);

    TCase *outputs = weave_case("outputs and figures");
    tcase_add_test(outputs, test_output_captures_stdout);
    tcase_add_test(outputs, test_output_with_a_fence_gets_a_longer_one);
    tcase_add_test(outputs, test_existing_figure_is_counted);
    suite_add_tcase(suite, outputs);

    TCase *check = weave_case("check and rewrite");
    tcase_add_test(check, test_check_passes_then_fails_after_the_source_changes);
    tcase_add_test(check, test_check_reports_a_stale_output);
    tcase_add_test(check, test_weave_is_idempotent);
    tcase_add_test(check, test_rewrite_keeps_the_book_mode);
    suite_add_tcase(suite, check);

    TCase *command_line = weave_case("command line");
    tcase_add_test(command_line, test_bad_usage_exits_2);
    tcase_add_test(command_line, test_help_exits_0);
    suite_add_tcase(suite, command_line);

    return suite;
}
