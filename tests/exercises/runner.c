/*
 * runner.c — runs one exercise's tests and prints one line about them:
 *
 *       solved   ch03/grad-a2
 *       not yet  ch03/grad-a2 — tests/exercises/grad-a2_test.c:31: grad_a2 is 0, …
 *
 * Linked into every exercise's test program; the test file supplies
 * exercise_suite() and EXERCISE_NAME. Exits 0 when solved, 1 when not.
 */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exercise_test.h"

/* A learner's loop that never ends must not hang `make exercises`: each test
 * runs in its own process (Check's fork mode) and is killed after this long.
 * Check reads the default timeout when a test case is created, so it is set
 * before the suite is built. Every test here takes milliseconds. */
#define TIMEOUT_SECONDS "2"

/* When Check had to stop a test, its message says how; add the usual why. */
static const char *likely_cause(TestResult *result)
{
    if (tr_rtype(result) != CK_ERROR)
        return "";
    if (strstr(tr_msg(result), "timeout") != NULL)
        return " (after " TIMEOUT_SECONDS " s: does a loop never end?)";
    if (strstr(tr_msg(result), "signal") != NULL)
        return " (a crash: an index past the end of an array?)";
    if (strstr(tr_msg(result), "Early exit") != NULL)
        return " (a sanitizer's report? run the test program alone to see it)";
    return "";
}

/* The first failure as "file:line: message", the way a compiler reports. */
static void print_first_failure(SRunner *runner)
{
    TestResult **failures = srunner_failures(runner);
    TestResult *first = failures[0];
    printf("  not yet  %s — %s:%d: %s%s\n", EXERCISE_NAME, tr_lfile(first), tr_lno(first),
           tr_msg(first), likely_cause(first));
    free(failures);
}

int main(void)
{
    if (setenv("CK_DEFAULT_TIMEOUT", TIMEOUT_SECONDS, 1) != 0) {
        perror("setenv");
        return EXIT_FAILURE;
    }
    SRunner *runner = srunner_create(exercise_suite());
    srunner_set_fork_status(runner, CK_FORK); /* a crash fails one test, not the runner */
    srunner_run_all(runner, CK_SILENT);
    bool solved = srunner_ntests_failed(runner) == 0;
    if (solved)
        printf("  solved   %s\n", EXERCISE_NAME);
    else
        print_first_failure(runner);
    srunner_free(runner);
    return solved ? EXIT_SUCCESS : EXIT_FAILURE;
}
