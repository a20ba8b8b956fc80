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
 */
#ifndef EXERCISE_TEST_H
#define EXERCISE_TEST_H

#include <check.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>

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

/* Fails, saying what was computed and what was expected, when actual is
 * further than tolerance from expected (a tolerance of 0 asks for exactly
 * expected). NaN is never near anything, so an output the learner's code
 * never wrote (the tests fill outputs with NaN first) fails here too.
 * what: a string naming the quantity. */
#define assert_near(actual, expected, tolerance, what)                                 \
    do {                                                                               \
        double actual_ = (actual), expected_ = (expected), tolerance_ = (tolerance);   \
        if (tolerance_ == 0.0)                                                         \
            ck_assert_msg(actual_ == expected_, "%s is %.17g, expected exactly %.17g", \
                          (what), actual_, expected_);                                 \
        else                                                                           \
            ck_assert_msg(fabs(actual_ - expected_) <= tolerance_,                     \
                          "%s is %.10g, expected %.10g (within %g)", (what), actual_,  \
                          expected_, tolerance_);                                      \
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
