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
 * was computed, on what, what it should be, and (for an output the code
 * never wrote) that it was never written.
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
 * exactly value: 0.3 prints as 0.3, and 0.1 + 0.2 as 0.30000000000000004. */
static inline void format_exactly(char out[32], double value)
{
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(out, 32, "%.*g", digits, value);
        if (strtod(out, NULL) == value)
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
        /* The last digit shown should be no coarser than the tolerance. */
        int digits = (int)ceil(log10(fabs(expected) / tolerance)) + 1;
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
