/*
 * exercise_test.h — what every exercise's test shares with the runner.
 *
 * Each tests/exercises/NAME_test.c checks one exercise from
 * chapters/NN-…/exercises/NAME.c and defines the two names below. runner.c,
 * linked into every exercise's test program, runs the suite and prints one
 * line: "solved", or "not yet" with the first failure.
 *
 * Expected values come from mathematics (worked by hand, or closed forms)
 * or from the library's own, separately tested functions — never from
 * running the reference solutions.
 *
 * A failure is read by a beginner, so each message is one sentence: what
 * was computed, on what case, what it should be, and (for an output the
 * code never wrote) that it was never written. Where a common mistake
 * gives a wrong answer the test can work out (integer division, a changed
 * before the whole gradient was taken, an index one past the end), the
 * sentence ends by naming that mistake. A crash or a loop that never ends
 * is reported with the case the test had begun (exercise_case()).
 */
#ifndef EXERCISE_TEST_H
#define EXERCISE_TEST_H

#include <check.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Check's old fail() macro would rewrite the library's fail() (status.h);
 * the tests use ck_assert_msg() instead. */
#undef fail

#include "data.h"
#include "rng.h"
#include "status.h"

/* "ch03/grad-a2": the chapter and the exercise, as make exercises prints them. */
extern const char *const EXERCISE_NAME;

/* The exercise's tests. */
Suite *exercise_suite(void);

/* The tests go in test cases made by exercise_tcase() (not tcase_create()),
 * which lets the runner tell which test a crash happened in. */
TCase *exercise_tcase(const char *name);

/* Names the case a test is about to try, just before it calls the learner's
 * code, printf-style:
 *     exercise_case("dot_product of [1,2,3] and [4,5,6] with k = 3");
 * A failed check says what failed in its own sentence, but a crash or a
 * loop that never ends cannot: then the report names the last case begun,
 * at this line ("… crashed with SIGSEGV (signal 11, …): an index past the end of
 * an array …?"). */
#define exercise_case(...) (mark_point(), describe_case(__VA_ARGS__))
void describe_case(const char *format, ...);

/* Advice, particular to this exercise, for a crash by signal_number
 * (SIGFPE, SIGSEGV from <signal.h>), added after the usual cause. Called
 * from exercise_suite(); text must live as long as the program. */
void advise_on_signal(int signal_number, const char *text);

/* The tests fill every output with this NaN before calling the learner's
 * code, so that an output left unwritten can never pass by luck. Its bits
 * (a quiet NaN with a payload of its own) tell it apart from a NaN that
 * arithmetic made, such as 0.0 / 0.0: a value that still has exactly these
 * bits was never written. (Adding to it, as in `y += …` without setting y
 * first, keeps the bits on common hardware, and is the same mistake.) */
#define UNWRITTEN_BITS UINT64_C(0x7ff800000badf00d)

static inline double unwritten(void)
{
    const uint64_t bits = UNWRITTEN_BITS;
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

static inline bool is_unwritten(double value)
{
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits == UNWRITTEN_BITS;
}

/* Fills count outputs with the unwritten NaN. out: count */
static inline void fill_unwritten(double *out, size_t count)
{
    for (size_t i = 0; i < count; i++)
        out[i] = unwritten();
}

/* value in the fewest significant digits (at most 17) that read back as
 * exactly value: 0.3 prints as 0.3, and 0.1 + 0.2 as 0.30000000000000004;
 * 10 as 10, not 1e+01 (an exponent only for the very large or small). */
static inline void format_exactly(char out[32], double value)
{
    bool exponent_needed = fabs(value) >= 1e16 || (value != 0.0 && fabs(value) < 1e-4);
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(out, 32, "%.*g", digits, value);
        if (strtod(out, NULL) == value && (exponent_needed || strchr(out, 'e') == NULL))
            return;
    }
}

/* Whether actual is within tolerance of expected (0: exactly expected).
 * If not, writes into message (of size size) the sentence
 *     "<what> is <actual>, expected <expected> (to within <tolerance>)",
 * with just enough digits to show a difference larger than tolerance, or
 * for the unwritten NaN
 *     "<what> was never written (it still holds the NaN …), expected …". */
static inline bool near_enough(double actual, double expected, double tolerance,
                               const char *what, char *message, size_t size)
{
    bool exact = tolerance == 0.0;
    if (exact ? actual == expected : fabs(actual - expected) <= tolerance)
        return true;

    char actual_text[32], expected_text[32], within[48] = "";
    if (exact) {
        format_exactly(actual_text, actual);
        format_exactly(expected_text, expected);
    } else {
        /* The last digit shown should be no coarser than the tolerance (and
         * log10(0) is −∞, which no int can hold: 6 digits when expecting 0). */
        int digits = expected == 0.0 ? 6 : (int)ceil(log10(fabs(expected) / tolerance)) + 1;
        digits = digits < 6 ? 6 : digits > 17 ? 17 : digits;
        snprintf(actual_text, sizeof actual_text, "%.*g", digits, actual);
        snprintf(expected_text, sizeof expected_text, "%.*g", digits, expected);
        snprintf(within, sizeof within, " (to within %g)", tolerance);
    }
    const char *how = exact ? "exactly " : "";

    if (is_unwritten(actual))
        snprintf(message, size,
                 "%s was never written (it still holds the NaN the test put there), "
                 "expected %s%s%s",
                 what, how, expected_text, within);
    else if (isnan(actual))
        snprintf(message, size, "%s is NaN (not a number), expected %s%s%s", what, how,
                 expected_text, within);
    else
        snprintf(message, size, "%s is %s, expected %s%s%s", what, actual_text, how,
                 expected_text, within);
    return false;
}

/* Fails the test, with the sentence near_enough() writes, unless actual is
 * within tolerance of expected (a tolerance of 0 asks for exactly expected).
 * NaN is never near anything, so an output the code never wrote fails here.
 * The rest, printf-style, names the quantity: "y_hat[%zu] for x1 = %g", i, x. */
#define assert_near(actual, expected, tolerance, ...)                                  \
    do {                                                                               \
        char what_[256], message_[512];                                                \
        snprintf(what_, sizeof what_, __VA_ARGS__);                                    \
        ck_assert_msg(near_enough((actual), (expected), (tolerance), what_, message_,  \
                                  sizeof message_),                                    \
                      "%s", message_);                                                 \
    } while (0)

/* If near_enough() refused actual and actual is instead (within tolerance)
 * the answer that a known mistake gives, adds why to the message:
 *     "… is -0, expected -2 (to within 1e-12): <why>". */
static inline void explain_mistake(double actual, double expected, double tolerance,
                                   double mistaken, const char *why, char *message,
                                   size_t size)
{
    bool mistake_differs = fabs(mistaken - expected) > tolerance;
    bool is_mistake = tolerance == 0.0 ? actual == mistaken
                                       : fabs(actual - mistaken) <= tolerance;
    size_t used = strlen(message);
    if (mistake_differs && is_mistake && used < size)
        snprintf(message + used, size - used, ": %s", why);
}

/* A common mistake the test can work out: the answer it gives, and the
 * sentence that names it. */
typedef struct {
    double answer;
    const char *why;
} Mistake;

/* assert_near(), and when actual is the answer one of the count known
 * mistakes gives, the message ends with the first such one's why. A
 * mistake whose answer is NAN is never named (it does not apply here). */
#define assert_near_or_mistakes(actual, expected, tolerance, mistakes, count, ...)         \
    do {                                                                               \
        char what_[256], message_[1024];                                               \
        double actual_ = (actual);                                                     \
        snprintf(what_, sizeof what_, __VA_ARGS__);                                    \
        bool near_ = near_enough(actual_, (expected), (tolerance), what_, message_,     \
                                 sizeof message_);                                     \
        size_t plain_ = strlen(message_);                                              \
        for (size_t k_ = 0; !near_ && k_ < (size_t)(count) && strlen(message_) == plain_; \
             k_++)                                                                     \
            explain_mistake(actual_, (expected), (tolerance), (mistakes)[k_].answer,   \
                            (mistakes)[k_].why, message_, sizeof message_);            \
        ck_assert_msg(near_, "%s", message_);                                          \
    } while (0)

/* assert_near(), and when actual is the answer a known mistake gives
 * (mistaken, worked out in the test), the message ends with why. */
#define assert_near_or_mistake(actual, expected, tolerance, mistaken, why, ...)          \
    do {                                                                               \
        const Mistake one_[] = {{(mistaken), (why)}};                                  \
        assert_near_or_mistakes((actual), (expected), (tolerance), one_, 1, __VA_ARGS__); \
    } while (0)

/* The answer a formula with the factor numerator / n gives when that is
 * written with whole numbers, as 2 / n with n a size_t: integer division
 * drops the fraction (2 / 3 is 0, 2 / 2 is 1), where answer is what the
 * right factor, numerator / (double)n, gives. */
static inline double with_integer_division(double answer, unsigned numerator, size_t n)
{
    return answer / ((double)numerator / (double)n) * (double)(numerator / n);
}

/* Five standard deviations of a count of trials that each hit with
 * probability p (the spread of a binomial count, sqrt(trials p (1 − p))). */
static inline double five_sigma(double trials, double p)
{
    return 5.0 * sqrt(trials * p * (1.0 - p));
}

/* Whether a count of trials that each hit with probability p is within five
 * standard deviations of trials * p, what a fair random process gives. One
 * fair count strays that far with probability about 6e-7; the tests use
 * fixed seeds, so they pass or fail the same way every run. */
static inline bool fair_count(size_t count, double trials, double p)
{
    return fabs((double)count - trials * p) <= five_sigma(trials, p);
}

/* The name a learner sees in status.h, for a message about a Status. */
static inline const char *status_name(Status status)
{
    switch (status) {
    case STATUS_OK: return "STATUS_OK";
    case STATUS_USAGE: return "STATUS_USAGE";
    case STATUS_BAD_DATA: return "STATUS_BAD_DATA";
    case STATUS_IO: return "STATUS_IO";
    case STATUS_NO_MEMORY: return "STATUS_NO_MEMORY";
    case STATUS_DIVERGED: return "STATUS_DIVERGED";
    }
    return "a status that is not in status.h";
}

/* The chapters' synthetic data (n points, true a = (3, 2)) for a fixed seed,
 * to compare the learner's code with the library's on realistic numbers.
 * The caller frees it with data_free(). */
static inline Dataset notebook_data(size_t n, uint64_t seed)
{
    static const double a_true[2] = {3.0, 2.0};
    Dataset data;
    Rng rng = rng_seeded(seed);
    Error err;
    ck_assert_msg(data_synthetic(&data, n, a_true, &rng, &err) == STATUS_OK, "%s",
                  err.message);
    return data;
}

#endif
