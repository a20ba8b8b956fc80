/* Tests for code/fast.c and chapter 13: every speed variant computes the loss
 * and gradient that chapters 02 and 03 define (loss_of(), gradient()), to
 * 1e-12 relative, on random data and at sizes that no unrolling or split
 * divides evenly; the row shuffle is rng_shuffle()'s; the plain read adds
 * what it reads. No test here times anything: speed is for `make bench`. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "fast.h"
#include "gradient.h"
#include "loss.h"
#include "minibatch.h"
#include "rng.h"
#include "run_program.h"
#include "sgd.h"
#include "suites.h"

#ifndef BUILD_DIR
#error "compile with -DBUILD_DIR='\"build\"'"
#endif

/* n random points: x1 uniform on [-3, 5), y uniform on [-10, 10), x2 = 1
 * (no line through them, so no gradient component is near zero by luck). */
static Dataset random_data(size_t n, uint64_t seed)
{
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, n, NULL), STATUS_OK);
    Rng rng = rng_seeded(seed);
    for (size_t i = 0; i < n; i++) {
        data.x[2 * i] = rng_uniform_between(&rng, -3.0, 5.0);
        data.y[i] = rng_uniform_between(&rng, -10.0, 10.0);
    }
    return data;
}

/* got agrees with want to 1e-12, relative to the larger component of want. */
static void check_agrees(const char *variant, size_t n, double got_loss,
                         const double got[2], double want_loss, const double want[2])
{
    double scale = fmax(fabs(want[0]), fabs(want[1]));
    ck_assert_msg(fabs(got_loss - want_loss) <= 1e-12 * want_loss,
                  "%s, n = %zu: loss %.17g, want %.17g", variant, n, got_loss, want_loss);
    for (int j = 0; j < 2; j++)
        ck_assert_msg(fabs(got[j] - want[j]) <= 1e-12 * scale,
                      "%s, n = %zu: grad[%d] = %.17g, want %.17g", variant, n, j, got[j],
                      want[j]);
}

/* Sizes of 1 to 7 points (less than any unrolled step), odd sizes, and one
 * large enough that the threaded pass really splits, by an odd count. */
static const size_t SIZES[] = {1, 2, 3, 5, 7, 1000, 1001, 2 * FAST_THREAD_MIN_POINTS + 3};

START_TEST(every_variant_gives_chapter_03s_gradient_and_loss)
{
    for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0]; s++) {
        size_t n = SIZES[s];
        Dataset data = random_data(n, 100 + s);
        const double a[2] = {0.37, -1.25};
        double want[2], got[2];
        gradient(data.x, data.y, n, a, want);
        double want_loss = loss_of(data.x, data.y, n, a);

        check_agrees("loss_and_gradient", n, loss_and_gradient(data.x, data.y, n, a, got),
                     got, want_loss, want);

        double *r = malloc(n * sizeof *r), *x1 = malloc(n * sizeof *x1);
        ck_assert(r != NULL && x1 != NULL);
        double loss = loss_and_gradient_three_passes(data.x, data.y, n, a, got, r);
        check_agrees("three passes", n, loss, got, want_loss, want);

        loss = loss_and_gradient_two_lanes(data.x, data.y, n, a, got);
        check_agrees("two lanes", n, loss, got, want_loss, want);

        copy_x1_column(data.x, n, x1);
        loss = loss_and_gradient_no_x2(x1, data.y, n, a, got);
        check_agrees("no x2", n, loss, got, want_loss, want);

        for (int threads = 1; threads <= FAST_MAX_THREADS; threads++) {
            loss = loss_and_gradient_threads(data.x, data.y, n, a, got, threads);
            check_agrees("threads", n, loss, got, want_loss, want);
        }
        free(r);
        free(x1);
        data_free(&data);
    }
}
END_TEST

START_TEST(the_three_passes_by_hand)
{
    /* X = [1 1; 2 1], y = (1, 1), a = 0: r = −y = (−1, −1), loss = 1,
     * grad = (2/2) Xᵀ r = (−1 − 2, −1 − 1) = (−3, −2); r is left in place. */
    const double x[4] = {1, 1, 2, 1}, y[2] = {1, 1}, a[2] = {0, 0};
    double grad[2], r[2];
    ck_assert_double_eq(loss_and_gradient_three_passes(x, y, 2, a, grad, r), 1.0);
    ck_assert_double_eq(grad[0], -3.0);
    ck_assert_double_eq(grad[1], -2.0);
    ck_assert_double_eq(r[0], -1.0);
    ck_assert_double_eq(r[1], -1.0);
}
END_TEST

START_TEST(a_thread_count_out_of_range_is_clamped)
{
    /* 0 threads means 1; more than FAST_MAX_THREADS means that many. */
    size_t n = 2 * FAST_THREAD_MIN_POINTS + 1;
    Dataset data = random_data(n, 9);
    const double a[2] = {1.5, 0.5};
    double want[2], got[2];
    double want_loss = loss_and_gradient(data.x, data.y, n, a, want);
    check_agrees("threads = 0", n, loss_and_gradient_threads(data.x, data.y, n, a, got, 0),
                 got, want_loss, want);
    check_agrees("threads = 1000", n,
                 loss_and_gradient_threads(data.x, data.y, n, a, got, 1000), got, want_loss,
                 want);
    data_free(&data);
}
END_TEST

START_TEST(the_plain_read_adds_every_word)
{
    /* The bits of 1.0 are 0x3ff0…0, of 2.0 0x4000…0, of −2.0 0xc000…0.
     * Integer addition wraps modulo 2^64, and 0x4000…0 + 0xc000…0 = 2^64,
     * which wraps to 0; so the five words add up to 3 × 0x3ff0…0. */
    const double v[5] = {1.0, 2.0, -2.0, 1.0, 1.0};
    ck_assert_uint_eq(plain_read(v, 5), 3 * (uint64_t)0x3ff0000000000000u);
    ck_assert_uint_eq(plain_read(v, 0), 0);
    ck_assert_uint_eq(plain_read(v, 1), (uint64_t)0x3ff0000000000000u);
}
END_TEST

START_TEST(the_row_shuffle_is_rng_shuffle_applied_to_rows)
{
    /* Tag row i with y = i and x1 = −i: after shuffle_rows, row k must be
     * row order[k] of rng_shuffle() with the same seed, whole. */
    enum { N = 1003 };
    Dataset data;
    ck_assert_int_eq(data_allocate(&data, N, NULL), STATUS_OK);
    size_t order[N];
    for (size_t i = 0; i < N; i++) {
        data.x[2 * i] = -(double)i;
        data.y[i] = (double)i;
        order[i] = i;
    }
    Rng a = rng_seeded(77), b = rng_seeded(77);
    shuffle_rows(&a, &data);
    rng_shuffle(&b, order, N);
    for (size_t k = 0; k < N; k++) {
        ck_assert_double_eq(data.y[k], (double)order[k]);
        ck_assert_double_eq(data.x[2 * k], -(double)order[k]);
        ck_assert_double_eq(data.x[2 * k + 1], 1.0);
    }
    ck_assert_uint_eq(rng_next(&a), rng_next(&b)); /* the same draws were used */
    data_free(&data);
}
END_TEST

/* Runs build/ch13 with words (NULL-terminated, at most 8) and expects success. */
static void run_ch13(const char *const *words, ProgramRun *run)
{
    const char *argv[10] = {BUILD_DIR "/ch13"};
    for (int k = 0; words[k] != NULL && k < 8; k++)
        argv[1 + k] = words[k];
    ck_assert(run_program(argv, run));
    ck_assert_msg(run->exit_code == 0, "ch13 failed (%d): %s", run->exit_code, run->err);
}

START_TEST(chapter_11_checks_its_variants_and_prints_the_roofline)
{
    char dir[64];
    ck_assert(make_temp_dir(dir, sizeof dir));
    const char *words[] = {"--n", "3000", "--epochs", "1", "--out", dir, NULL};
    ProgramRun run;
    run_ch13(words, &run);
    ck_assert_str_eq(run.err, "");
    ck_assert_ptr_nonnull(strstr(run.out, "to 1e-12: yes."));
    ck_assert_ptr_nonnull(strstr(run.out, "end at the same a: yes."));
    char line[256];
    double ratio = 0.0;
    size_t n = 0;
    last_line(run.out, line, sizeof line);
    ck_assert_msg(sscanf(line, "roofline: %lf (the fused pass at %zu points;", &ratio, &n) == 2,
                  "last line: '%s'", line);
    ck_assert_uint_eq(n, 3000);
    ck_assert_double_gt(ratio, 0.0);
    program_run_free(&run);

    char command[160];
    snprintf(command, sizeof command, "cd %s && gnuplot ch13-bandwidth.gp", dir);
    const char *gnuplot[] = {"sh", "-c", command, NULL};
    ck_assert(run_program(gnuplot, &run));
    ck_assert_msg(run.exit_code == 0 && gnuplot_was_silent(run.err), "gnuplot: %s", run.err);
    program_run_free(&run);
    remove_temp_dir(dir);

    const char *help[] = {"--help", NULL};
    run_ch13(help, &run);
    ck_assert_ptr_nonnull(strstr(run.out, "roofline"));
    ck_assert_ptr_null(strstr(run.out, "--lr"));
    program_run_free(&run);
}
END_TEST

Suite *fast_suite(void)
{
    Suite *suite = suite_create("fast");
    TCase *tc = tcase_create("variants");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, every_variant_gives_chapter_03s_gradient_and_loss);
    tcase_add_test(tc, the_three_passes_by_hand);
    tcase_add_test(tc, a_thread_count_out_of_range_is_clamped);
    tcase_add_test(tc, the_plain_read_adds_every_word);
    tcase_add_test(tc, the_row_shuffle_is_rng_shuffle_applied_to_rows);
    tcase_add_test(tc, chapter_11_checks_its_variants_and_prints_the_roofline);
    suite_add_tcase(suite, tc);
    return suite;
}
