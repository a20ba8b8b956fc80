/* The hostile run's finds (issue 19, section 5), each kept fixed: a run
 * that accepted what it should have refused, said less than what happened,
 * or printed a number no one can read. Each test names the command that
 * showed the find. Expected messages are the facts of the case: how many
 * points a file has, what a double rounds a number to. */
#define _POSIX_C_SOURCE 200809L /* symlink */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run_program.h"
#include "suites.h"

#ifndef BUILD_DIR
#error "compile with -DBUILD_DIR='\"build\"'"
#endif

enum { TEXT_SIZE = 512, MAX_WORDS = 16 };

static char scratch[64];

static void make_scratch(void)
{
    ck_assert(make_temp_dir(scratch, sizeof scratch));
}

static void remove_scratch(void)
{
    remove_temp_dir(scratch);
}

/* scratch/name into path (TEXT_SIZE bytes). */
static void in_scratch(char *path, const char *name)
{
    ck_assert_int_lt(snprintf(path, TEXT_SIZE, "%s/%s", scratch, name), TEXT_SIZE);
}

/* scratch/name holding text; its path into path. */
static void scratch_file(char *path, const char *name, const char *text)
{
    in_scratch(path, name);
    ck_assert(write_text_file(path, text));
}

/* BUILD_DIR/program with the words (NULL-terminated). */
static ProgramRun run_words(const char *program, const char *const *words)
{
    char path[TEXT_SIZE];
    snprintf(path, sizeof path, "%s/%s", BUILD_DIR, program);
    const char *argv[MAX_WORDS + 2] = {path};
    for (size_t k = 0; words[k] != NULL; k++) {
        ck_assert_uint_lt(k, MAX_WORDS);
        argv[k + 1] = words[k];
    }
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    return run;
}

#define RUN(program, ...) run_words(program, (const char *const[]){__VA_ARGS__, NULL})

/* The run exited with exit_code and its stderr holds expected. */
static void assert_says(ProgramRun *run, int exit_code, const char *expected)
{
    ck_assert_msg(run->exit_code == exit_code, "exit %d, expected %d; stderr: %s",
                  run->exit_code, exit_code, run->err);
    ck_assert_msg(strstr(run->err, expected) != NULL, "stderr '%s' lacks '%s'", run->err,
                  expected);
    program_run_free(run);
}

/* ---- Silent accepts ------------------------------------------------------ */

START_TEST(a_flag_where_the_out_folder_should_be_is_refused)
{
    /* build/ch04 --out --quiet made a folder named --quiet and ran loudly. */
    ProgramRun run = RUN("ch04", "--out", "--quiet");
    assert_says(&run, 2, "ch04: --out: '--quiet' is a flag, not a path");
    struct stat info;
    ck_assert_msg(stat("--quiet", &info) != 0, "a folder named --quiet was made");
}
END_TEST

START_TEST(chapter_09_says_when_the_sets_cannot_be_as_asked)
{
    char two[TEXT_SIZE], three[TEXT_SIZE], out[TEXT_SIZE], expected[2 * TEXT_SIZE];
    scratch_file(two, "two.csv", "1,2\n2,3\n");
    scratch_file(three, "three.csv", "1,2\n2,3\n3,5\n");
    in_scratch(out, "out");
    /* Two points: --train 2 was "leaves none to validate with (try --train 2)". */
    ProgramRun run = RUN("ch09", "--data", two, "--train", "2", "--out", out);
    snprintf(expected, sizeof expected,
             "%s has 2 points: it takes at least 3, 2 to train on and 1 to validate with", two);
    assert_says(&run, 1, expected);
    run = RUN("ch09", "--data", three, "--train", "3", "--out", out);
    snprintf(expected, sizeof expected,
             "%s has 3 points: --train 3 leaves none to validate with (try --train 2)", three);
    assert_says(&run, 1, expected);
    /* Three points, --train 2 --validation 5: it validated on 1, quietly. */
    run = RUN("ch09", "--data", three, "--train", "2", "--validation", "5", "--out", out);
    snprintf(expected, sizeof expected,
             "%s has 3 points: --train 2 leaves 1 for --validation 5 (give --validation 1, "
             "or leave it out to validate on all the rest)",
             three);
    assert_says(&run, 1, expected);
}
END_TEST

/* ---- Messages ------------------------------------------------------------ */

START_TEST(an_out_folder_that_is_a_loop_of_links_says_so)
{
    /* It said "loop is not a folder": it is a link that never ends. */
    char loop[TEXT_SIZE];
    in_scratch(loop, "loop");
    ck_assert_int_eq(symlink("loop", loop), 0);
    ProgramRun run = RUN("ch04", "--quiet", "--out", loop);
    assert_says(&run, 1, "Too many levels of symbolic links");
}
END_TEST

START_TEST(a_rate_just_past_the_bound_is_printed_as_given)
{
    /* build/ch06 --standardize --lr 1.0000001 said "learning rate 1 ...
     * stable only for lr < 1". Standardized, lambda_max is 2: the bound is 1. */
    char out[TEXT_SIZE];
    in_scratch(out, "out");
    ProgramRun run = RUN("ch06", "--standardize", "--lr", "1.0000001", "--quiet", "--out", out);
    assert_says(&run, 1, "with learning rate 1.0000001; on this data full-batch descent is "
                         "stable only for lr < 1,");
}
END_TEST

START_TEST(a_data_file_name_is_quoted_as_it_is)
{
    /* --data $'a\nb' split the message in two; an ESC reached the terminal. */
    char path[TEXT_SIZE], expected[2 * TEXT_SIZE];
    in_scratch(path, "a\nb\033[31m.csv");
    ck_assert(write_text_file(path, "x,y\n1,2\n2,4\n"));
    ProgramRun run = RUN("ch01", "--data", path, "--out", scratch);
    snprintf(expected, sizeof expected,
             "%s/a\\x0ab\\x1b[31m.csv:1: skipped a header line: 'x,y'", scratch);
    ck_assert_msg(run.exit_code == 0 && strstr(run.out, expected) != NULL,
                  "stdout lacks '%s':\n%s", expected, run.out);
    ck_assert(strchr(run.out, '\033') == NULL);
    program_run_free(&run);
    in_scratch(path, "no\nsuch.csv");
    run = RUN("ch04", "--data", path);
    snprintf(expected, sizeof expected, "ch04: %s/no\\x0asuch.csv: cannot open: No such file",
             scratch);
    assert_says(&run, 1, expected);
}
END_TEST

Suite *hostile_suite(void)
{
    Suite *suite = suite_create("hostile");
    TCase *accepts = tcase_create("silent accepts");
    tcase_set_timeout(accepts, 30);
    tcase_add_checked_fixture(accepts, make_scratch, remove_scratch);
    tcase_add_test(accepts, a_flag_where_the_out_folder_should_be_is_refused);
    tcase_add_test(accepts, chapter_09_says_when_the_sets_cannot_be_as_asked);
    suite_add_tcase(suite, accepts);

    TCase *messages = tcase_create("messages");
    tcase_set_timeout(messages, 30);
    tcase_add_checked_fixture(messages, make_scratch, remove_scratch);
    tcase_add_test(messages, an_out_folder_that_is_a_loop_of_links_says_so);
    tcase_add_test(messages, a_rate_just_past_the_bound_is_printed_as_given);
    tcase_add_test(messages, a_data_file_name_is_quoted_as_it_is);
    suite_add_tcase(suite, messages);
    return suite;
}
