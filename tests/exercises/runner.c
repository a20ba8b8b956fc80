/*
 * runner.c — runs one exercise's tests and prints one line about them:
 *
 *       solved   ch03/grad-a2
 *       not yet  ch03/grad-a2 — tests/exercises/grad-a2_test.c:31: grad_a2 is 0, …
 *
 * Linked into every exercise's test program; the test file supplies
 * exercise_suite() and EXERCISE_NAME. Exits 0 when solved, 1 when not.
 *
 * A failed check brings its own sentence. A crash or a test that never
 * ends does not: Check only knows the signal. So each test names the case
 * it is about to try (exercise_case()), in memory shared with the forked
 * test process, and the report says which case crashed and the likely
 * cause of that signal.
 */
#define _DEFAULT_SOURCE  /* glibc: setenv, mmap's MAP_ANONYMOUS */
#define _DARWIN_C_SOURCE /* macOS: the same */

#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "exercise_test.h"

/* A learner's loop that never ends must not hang `make exercises`: each test
 * runs in its own process (Check's fork mode) and is killed after this long.
 * Check reads the default timeout when a test case is created, so it is set
 * before the suite is built. Every test here takes well under a second, but
 * the clock is the wall's: on a machine busy with other work a correct answer
 * must never be taken for a loop that never ends, so the limit is generous. */
#define TIMEOUT_SECONDS "10"

enum { MAX_TESTS = 32, CASE_SIZE = 256, MAX_ADVICE = 4 };

/* What the test processes tell the runner: test number t (in the order
 * Check runs them) last began the case case_of[t]. Lives in memory that
 * the forked test processes share with the runner. */
typedef struct {
    size_t started;                  /* tests begun so far */
    char case_of[MAX_TESTS][CASE_SIZE];
} CaseLog;

static CaseLog *case_log;

/* The exercise's own advice for a crash by a signal (advise_on_signal()). */
static struct {
    int signal_number;
    const char *advice;
} advice[MAX_ADVICE];
static size_t advice_count;

/* A checked fixture: runs in the test's own process just before the test. */
static void begin_test(void)
{
    if (case_log != NULL && case_log->started < MAX_TESTS)
        case_log->case_of[case_log->started][0] = '\0';
    if (case_log != NULL)
        case_log->started++;
}

TCase *exercise_tcase(const char *name)
{
    TCase *tests = tcase_create(name);
    tcase_add_checked_fixture(tests, begin_test, NULL);
    return tests;
}

void describe_case(const char *format, ...)
{
    if (case_log == NULL || case_log->started == 0 || case_log->started > MAX_TESTS)
        return;
    va_list args;
    va_start(args, format);
    vsnprintf(case_log->case_of[case_log->started - 1], CASE_SIZE, format, args);
    va_end(args);
}

void advise_on_signal(int signal_number, const char *text)
{
    if (advice_count == MAX_ADVICE)
        return;
    advice[advice_count].signal_number = signal_number;
    advice[advice_count].advice = text;
    advice_count++;
}

/* The signal's name and its usual cause here, as a question. */
static void usual_cause(int signal_number, const char **name, const char **cause)
{
    *name = "a signal";
    *cause = "";
    switch (signal_number) {
    case SIGFPE:
        *name = "SIGFPE";
        *cause = ": an integer division by zero? (a whole number such as a size_t divided "
                 "by 0, or % 0; a double divided by 0 gives inf and does not crash)";
        break;
    case SIGSEGV:
        *name = "SIGSEGV";
        *cause = ": an index past the end of an array, or before its start? (i - 1 when "
                 "the size_t i is 0 is not -1 but SIZE_MAX, far past any end)";
        break;
    case SIGBUS:
        *name = "SIGBUS";
        *cause = ": an index far past the end of an array?";
        break;
    case SIGABRT:
        *name = "SIGABRT";
        *cause = ": an assert() that failed, or memory written past the end of an "
                 "allocation, which the C library noticed?";
        break;
    }
}

/* The exercise's advice for this signal, or "". */
static const char *exercise_advice(int signal_number)
{
    for (size_t k = 0; k < advice_count; k++)
        if (advice[k].signal_number == signal_number)
            return advice[k].advice;
    return "";
}

/* The first result that is not a pass, and its number in the run. */
static TestResult *first_failure(SRunner *runner, size_t *number)
{
    TestResult **results = srunner_results(runner);
    TestResult *first = NULL;
    int run = srunner_ntests_run(runner);
    for (int k = 0; k < run && first == NULL; k++)
        if (tr_rtype(results[k]) != CK_PASS) {
            first = results[k];
            *number = (size_t)k;
        }
    free(results);
    return first;
}

/* How Check stopped the test, as the end of a sentence about the case. */
static void describe_stop(const char *check_message, const char *program, char *out,
                          size_t size)
{
    const char *signal_text = strstr(check_message, "signal ");
    if (signal_text != NULL) {
        /* Check says "Received signal 11 (Segmentation fault)". */
        int signal_number = atoi(signal_text + strlen("signal "));
        const char *name, *cause, *says = strchr(signal_text, '(');
        usual_cause(signal_number, &name, &cause);
        const char *advice_text = exercise_advice(signal_number);
        snprintf(out, size, "crashed with %s (signal %d%s%.*s)%s%s%s", name, signal_number,
                 says != NULL ? ", " : "", says != NULL ? (int)strcspn(says + 1, ")") : 0,
                 says != NULL ? says + 1 : "", cause, *advice_text != '\0' ? "; " : "",
                 advice_text);
    } else if (strstr(check_message, "timeout") != NULL) {
        snprintf(out, size, "did not finish in " TIMEOUT_SECONDS " s: does a loop never end? "
                 "(one way: a size_t is never below 0, so `i >= 0` is always true)");
    } else if (strstr(check_message, "Early exit") != NULL) {
        snprintf(out, size, "ended the test program (%s): a call to exit(), or a "
                 "sanitizer's report? Run %s alone to see it", check_message, program);
    } else {
        snprintf(out, size, "stopped: %s", check_message);
    }
}

/* The first failure as "file:line: message", the way a compiler reports. */
static void print_first_failure(SRunner *runner, const char *program)
{
    size_t number = 0;
    TestResult *first = first_failure(runner, &number);
    if (first == NULL) { /* cannot happen when a test failed; say so rather than crash */
        printf("  not yet  %s — a test failed, but Check did not say which\n", EXERCISE_NAME);
        return;
    }
    if (tr_rtype(first) == CK_FAILURE) { /* a check that failed: its own sentence */
        printf("  not yet  %s — %s:%d: %s\n", EXERCISE_NAME, tr_lfile(first), tr_lno(first),
               tr_msg(first));
        return;
    }
    char stop[CASE_SIZE * 4];
    describe_stop(tr_msg(first), program, stop, sizeof stop);
    const char *what = number < MAX_TESTS ? case_log->case_of[number] : "";
    printf("  not yet  %s — %s:%d: %s %s\n", EXERCISE_NAME, tr_lfile(first), tr_lno(first),
           *what != '\0' ? what : "a test", stop);
}

int main(int argc, char **argv)
{
    (void)argc;
    if (setenv("CK_DEFAULT_TIMEOUT", TIMEOUT_SECONDS, 1) != 0) {
        perror("setenv");
        return EXIT_FAILURE;
    }
    case_log = mmap(NULL, sizeof *case_log, PROT_READ | PROT_WRITE,
                    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (case_log == MAP_FAILED) {
        perror("mmap");
        return EXIT_FAILURE;
    }
    SRunner *runner = srunner_create(exercise_suite());
    srunner_set_fork_status(runner, CK_FORK); /* a crash fails one test, not the runner */
    srunner_run_all(runner, CK_SILENT);
    bool solved = srunner_ntests_failed(runner) == 0;
    if (solved)
        printf("  solved   %s\n", EXERCISE_NAME);
    else
        print_first_failure(runner, argv[0]);
    srunner_free(runner);
    munmap(case_log, sizeof *case_log);
    return solved ? EXIT_SUCCESS : EXIT_FAILURE;
}
