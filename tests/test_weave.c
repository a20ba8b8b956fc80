/*
 * tests/test_weave.c: tests for tools/weave.c, the book weaver. Each test
 * writes a tiny book.md and source a.c into a fresh temporary folder, runs
 * the built weaver there, just as `make book` does, and checks its exit
 * status, what it printed and what book.md holds afterwards.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp, open_memstream, popen, realpath */

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

Suite *weave_suite(void);

static char *read_all(FILE *in)
{
    char *text = NULL, chunk[4096];
    size_t length = 0, count;
    FILE *out = open_memstream(&text, &length);
    ck_assert_ptr_nonnull(out);
    while ((count = fread(chunk, 1, sizeof chunk, in)) > 0)
        fwrite(chunk, 1, count, out);
    ck_assert_int_eq(fclose(out), 0);
    return text;
}

static void write_file(const char *folder, const char *name, const char *contents)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    FILE *file = fopen(path, "w");
    ck_assert_msg(file != NULL, "cannot write %s", path);
    fputs(contents, file);
    ck_assert_int_eq(fclose(file), 0);
}

/* What FOLDER's book.md holds; and FOLDER is removed, before any test of
 * what a run did can fail and leave it behind. */
static char *take_book(const char *folder)
{
    char command[4096];
    snprintf(command, sizeof command, "%s/book.md", folder);
    FILE *file = fopen(command, "r");
    ck_assert_ptr_nonnull(file);
    char *book = read_all(file);
    fclose(file);
    snprintf(command, sizeof command, "rm -rf '%s'", folder);
    ck_assert_int_eq(system(command), 0);
    return book;
}

/* Run `weave ARGUMENTS` in a fresh folder holding BOOK as book.md and SOURCE
 * as a.c and a.py, and expect it to exit with STATUS, to print PRINTED among the rest
 * and to leave book.md as WOVEN (NULL: as BOOK was). */
static void expect(const char *arguments, const char *book, const char *source, int status,
                   const char *printed, const char *woven)
{
    char folder[] = "/tmp/weave-test-XXXXXX", command[8192];
    char *weave = realpath(WEAVE_BIN, NULL); /* absolute, as it runs in FOLDER */
    ck_assert_msg(weave != NULL, "no weaver at %s: build it first", WEAVE_BIN);
    ck_assert_ptr_nonnull(mkdtemp(folder));
    write_file(folder, "book.md", book);
    write_file(folder, "a.c", source);
    write_file(folder, "a.py", source);
    snprintf(command, sizeof command, "cd '%s' && '%s' %s 2>&1", folder, weave, arguments);
    FILE *run = popen(command, "r");
    ck_assert_ptr_nonnull(run);
    char *output = read_all(run);
    int wait_status = pclose(run);
    char *after = take_book(folder);
    ck_assert_msg(WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == status,
                  "weave %s: wait status %d, not exit %d:\n%s", arguments, wait_status, status,
                  output);
    ck_assert_msg(strstr(output, printed) != NULL, "expected \"%s\" in:\n%s", printed, output);
    ck_assert_str_eq(after, woven != NULL ? woven : book);
    free(after);
    free(output);
    free(weave);
}

static const char source[] = "int a;\n//> step\ndouble step(double a)\n{\n    return a - 1;\n}\n"
                             "//< step\nint b;\n";

/* The same region marked inside a body: the listing loses the body's indent. */
static const char indented[] = "void f(void)\n{\n    //> step\n    double step(double a)\n    {\n"
                               "        return a - 1;\n    }\n    //< step\n}\n";
#define LISTING "<!-- listing: a.c step -->\n```c\ndouble step(double a)\n{\n" \
                "    return a - 1;\n}\n```\n"

START_TEST(test_listing_replaces_a_stale_block_or_fills_a_missing_one)
{
    expect("book.md",
           "<!-- a comment -->\n<!-- listing: a.c step -->\n```C title\nstale\n```\nEnd.\n", source,
           0, "weave: book.md: 1 listings, 0 outputs, 0 figures (1 updated)\n",
           "<!-- a comment -->\n" LISTING "End.\n");
    expect("book.md", "<!-- listing: a.c step -->\nEnd.\n", indented, 0, "(1 updated)",
           LISTING "End.\n");
    expect("book.md", "<!-- listing: a.py step -->\n", "x = 1\n#> step\ndef step(a):\n#< step\n",
           0, "(1 updated)", "<!-- listing: a.py step -->\n```python\ndef step(a):\n```\n");
}
END_TEST

START_TEST(test_woven_book_is_left_alone)
{
    expect("book.md", LISTING, source, 0, "(0 updated)", NULL);
    expect("--check book.md", LISTING, source, 0, "", NULL);
}
END_TEST

START_TEST(test_output_is_stdout_with_a_last_newline)
{
    expect("book.md", "<!-- output: echo oops >&2; printf 'loss %d' 42 -->\n```\nold\n```\n",
           source, 0, "oops", "<!-- output: echo oops >&2; printf 'loss %d' 42 -->\n"
                              "```text\nloss 42\n```\n");
}
END_TEST

START_TEST(test_figures_must_exist)
{
    expect("book.md", "See ![the source](a.c \"title\").\n", source, 0, "1 figures (0 updated)",
           NULL);
    expect("book.md", "A plot:\n![the loss](figures/loss.png)\n", source, 1,
           "book.md:2: figure path does not exist: figures/loss.png\n", NULL);
}
END_TEST

START_TEST(test_check_names_each_stale_block)
{
    expect("--check book.md", "Intro.\n" LISTING, "//> step\nint changed;\n//< step\n", 1,
           "book.md:2: listing a.c step differs from the source\n"
           "run 'make book' to rewrite the listings and outputs\n",
           NULL);
    expect("--check book.md", "<!-- output: echo fresh -->\n```text\nstale\n```\n", source, 1,
           "book.md:1: output of 'echo fresh' differs from a fresh run\n", NULL);
}
END_TEST

/* An error leaves the book as it was, even after a listing woven fine. */
START_TEST(test_missing_region_or_source_is_an_error)
{
    expect("book.md", "<!-- listing: a.c step -->\n```c\n```\n<!-- listing: a.c nope -->\n",
           source, 1, "book.md:4: no region 'nope' in a.c\n", NULL);
    expect("book.md", "Intro.\n<!-- listing: none.c step -->\n", source, 1,
           "book.md:2: cannot read none.c: No such file", NULL);
}
END_TEST

START_TEST(test_unterminated_region_or_block_is_an_error)
{
    expect("book.md", LISTING, "int a;\n//> step\nint b;\n", 1,
           "a.c:2: region 'step' is never closed\n", NULL);
    expect("book.md", "<!-- listing: a.c step -->\n```c\nstale\n", source, 1,
           "book.md:2: the code block opened here is never closed\n", NULL);
}
END_TEST

START_TEST(test_unknown_or_malformed_marker_is_an_error)
{
    expect("book.md", "Intro.\n<!-- lsting: a.c step -->\n", source, 1,
           "book.md:2: unknown or malformed marker: expected "
           "'<!-- listing: FILE REGION -->' or '<!-- output: COMMAND -->'\n", NULL);
    expect("book.md", "<!-- listing: a.c -->\n", source, 1, "book.md:1: unknown", NULL);
    expect("book.md", "<!-- output: echo hi\n", source, 1, "book.md:1: unknown", NULL);
}
END_TEST

START_TEST(test_failing_command_is_an_error)
{
    expect("book.md", "Run:\n<!-- output: echo half; exit 3 -->\n```text\nkeep\n```\n", source,
           1, "book.md:2: command 'echo half; exit 3' failed with exit status 3\n", NULL);
}
END_TEST

START_TEST(test_bad_usage_exits_2)
{
    expect("", "", source, 2, "usage: weave [--check] BOOK\n", NULL);
    expect("--frobnicate book.md", "", source, 2, "usage", NULL);
    expect("book.md book.md", "", source, 2, "usage", NULL);
}
END_TEST

Suite *weave_suite(void)
{
    Suite *suite = suite_create("weave");
    TCase *weaving = tcase_create("weaving");
    tcase_add_test(weaving, test_listing_replaces_a_stale_block_or_fills_a_missing_one);
    tcase_add_test(weaving, test_woven_book_is_left_alone);
    tcase_add_test(weaving, test_output_is_stdout_with_a_last_newline);
    tcase_add_test(weaving, test_figures_must_exist);
    tcase_add_test(weaving, test_check_names_each_stale_block);
    tcase_add_test(weaving, test_missing_region_or_source_is_an_error);
    tcase_add_test(weaving, test_unterminated_region_or_block_is_an_error);
    tcase_add_test(weaving, test_unknown_or_malformed_marker_is_an_error);
    tcase_add_test(weaving, test_failing_command_is_an_error);
    tcase_add_test(weaving, test_bad_usage_exits_2);
    suite_add_tcase(suite, weaving);
    return suite;
}
