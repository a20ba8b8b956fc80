/* What the book claims about noise floors and curvature, checked against
 * mathematics worked out here, from the points alone: chapter 07's floors
 * against the steady states of the noisy step, and chapter 10's curvature
 * against the Hessian of the network written out by hand. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "data.h"
#include "gradient.h"
#include "rng.h"
#include "run_program.h"
#include "suites.h"

#ifndef BUILD_DIR
#error "compile with -DBUILD_DIR='\"build\"'"
#endif

/* Runs BUILD_DIR/chapter --out DIR with up to eight more words; expects success. */
static void run_chapter(const char *chapter, const char *const *words, ProgramRun *run)
{
    ck_assert(run_chapter_program(BUILD_DIR, chapter, scratch_dir, words, run));
    ck_assert_msg(run->exit_code == 0, "%s failed (%d): %s", chapter, run->exit_code,
                  run->err);
}

/* The number after the first "L* + " that follows the line starting with
 * label, and the text after it. */
static double gap_after(const char *text, const char *label, const char **rest)
{
    const char *line = strstr(text, label);
    ck_assert_msg(line != NULL, "no '%s' in:\n%s", label, text);
    const char *gap = strstr(line, "L* + ");
    ck_assert_ptr_nonnull(gap);
    double value;
    ck_assert_int_eq(sscanf(gap, "L* + %lf", &value), 1);
    if (rest != NULL)
        *rest = gap + 5;
    return value;
}

/* ---- Chapter 07: the bowl of the notebook's points, worked out here ---- */

/* What the steady states need of the points: a*, H, its eigenvalues and
 * eigenvectors, and S, the covariance of one point's gradient 2 r_i x_i at
 * a*, where the mean gradient is 0. */
typedef struct {
    Dataset data;
    double a[2], h[2][2], lambda[2], u[2][2], s[2][2];
} Bowl7;

static Bowl7 notebook_bowl(void)
{
    Bowl7 b;
    Rng rng = rng_seeded(42);
    ck_assert_int_eq(data_synthetic(&b.data, 100, (const double[2]){3.0, 2.0}, &rng, NULL),
                     STATUS_OK);
    size_t n = b.data.n;
    ck_assert_int_eq(least_squares(b.data.x, b.data.y, n, b.a, NULL), STATUS_OK);
    memset(b.h, 0, sizeof b.h);
    memset(b.s, 0, sizeof b.s);
    for (size_t i = 0; i < n; i++) {
        const double *x = &b.data.x[2 * i];
        double r = x[0] * b.a[0] + x[1] * b.a[1] - b.data.y[i];
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++) {
                b.h[j][k] += 2.0 * x[j] * x[k] / (double)n;
                b.s[j][k] += 4.0 * r * r * x[j] * x[k] / (double)n;
            }
    }
    /* The symmetric 2×2 eigenproblem by its rotation angle. */
    double theta = 0.5 * atan2(2.0 * b.h[0][1], b.h[0][0] - b.h[1][1]);
    double c = cos(theta), s = sin(theta);
    b.u[0][0] = c, b.u[0][1] = s, b.u[1][0] = -s, b.u[1][1] = c;
    for (int k = 0; k < 2; k++) {
        const double *u = b.u[k];
        b.lambda[k] = u[0] * (b.h[0][0] * u[0] + b.h[0][1] * u[1]) +
                      u[1] * (b.h[1][0] * u[0] + b.h[1][1] * u[1]);
    }
    ck_assert_double_gt(b.lambda[0], b.lambda[1]);
    return b;
}

/* uᵀ S u: the variance of one point's gradient along u. */
static double along(const Bowl7 *b, const double u[2])
{
    return u[0] * (b->s[0][0] * u[0] + b->s[0][1] * u[1]) +
           u[1] * (b->s[1][0] * u[0] + b->s[1][1] * u[1]);
}

/* The stationary variance of the AR(2) error e' = (1 + β − η λ) e − β e_before
 * − η ξ along each eigenvector, ξ of variance S_ii / batch, summed into the
 * gap ½ Σ λ_i Var(e_i). Box–Jenkins: for x = φ1 x_1 + φ2 x_2 + w,
 * Var x = (1 − φ2) σ² / ((1 + φ2)((1 − φ2)² − φ1²)). */
static double ar2_gap(const Bowl7 *b, double eta, double beta, double batch)
{
    double gap = 0.0;
    for (int i = 0; i < 2; i++) {
        double phi1 = 1.0 + beta - eta * b->lambda[i], phi2 = -beta;
        double sigma2 = eta * eta * along(b, b->u[i]) / batch;
        double var = (1.0 - phi2) * sigma2 / ((1.0 + phi2) * ((1.0 - phi2) * (1.0 - phi2) - phi1 * phi1));
        gap += 0.5 * b->lambda[i] * var;
    }
    return gap;
}

/* Solves the 4×4 system m x = v in place, by elimination with pivoting. */
static void solve4(double m[4][4], double v[4])
{
    for (int c = 0; c < 4; c++) {
        int p = c;
        for (int r = c + 1; r < 4; r++)
            if (fabs(m[r][c]) > fabs(m[p][c]))
                p = r;
        for (int k = 0; k < 4; k++) {
            double t = m[c][k];
            m[c][k] = m[p][k];
            m[p][k] = t;
        }
        double t = v[c];
        v[c] = v[p];
        v[p] = t;
        for (int r = 0; r < 4; r++)
            if (r != c) {
                double f = m[r][c] / m[c][c];
                for (int k = 0; k < 4; k++)
                    m[r][k] -= f * m[c][k];
                v[r] -= f * v[c];
            }
    }
    for (int c = 0; c < 4; c++)
        v[c] /= m[c][c];
}

/* The exact steady state of plain SGD with batches of one point drawn with
 * replacement: the error e' = (I − η A_i) e − η g_i, A_i = 2 x_i x_iᵀ and
 * g_i the point's gradient at a*, with i independent of e. The second
 * moment M = E[e eᵀ] then solves M = E[(I − η A) M (I − η A)] + η² S (E[e]
 * is 0 at the steady state, so the cross terms vanish), kicks that depend
 * on where the path is included. Returns ½ tr(H M). */
static double exact_batch_1_gap(const Bowl7 *b, double eta)
{
    double m[4][4] = {{0}}, v[4];
    size_t n = b->data.n;
    for (size_t p = 0; p < n; p++) {
        const double *x = &b->data.x[2 * p];
        double g[2][2]; /* I − η A */
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++)
                g[j][k] = (j == k ? 1.0 : 0.0) - eta * 2.0 * x[j] * x[k];
        /* vec(G M G) = (G ⊗ G) vec(M), rows j*2 + k */
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++)
                for (int l = 0; l < 2; l++)
                    for (int q = 0; q < 2; q++)
                        m[2 * j + k][2 * l + q] -= g[j][l] * g[k][q] / (double)n;
    }
    for (int r = 0; r < 4; r++) {
        m[r][r] += 1.0;
        v[r] = eta * eta * b->s[r / 2][r % 2];
    }
    solve4(m, v);
    double gap = 0.0;
    for (int j = 0; j < 2; j++)
        for (int k = 0; k < 2; k++)
            gap += 0.5 * b->h[j][k] * v[2 * k + j];
    return gap;
}

START_TEST(chapter_07_floors_are_the_steady_states_of_the_noisy_step)
{
    /* The table's steady state is the AR(2) variance of each direction, to
     * its three printed digits; batch 1 drawn with replacement lands within
     * 10% of the exact steady state of that sampling (over 10 seeds, whose
     * scatter is about 2%). Momentum at lr(1 − β) settles within 20% of
     * plain SGD at lr; at lr itself at least 9 times higher, as the steady
     * states say (0.0104, 0.0114, 0.109). */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch07", none, &run);
    Bowl7 b = notebook_bowl();
    const char *rest;
    double plain = gap_after(run.out, "  plain SGD, lr 0.1 ", &rest);
    double plain_steady = gap_after(rest, "L* + ", NULL);
    double slow = gap_after(run.out, "  heavy ball 0.9, lr 0.01 ", &rest);
    double slow_steady = gap_after(rest, "L* + ", NULL);
    double fast = gap_after(run.out, "  heavy ball 0.9, lr 0.1 ", &rest);
    double fast_steady = gap_after(rest, "L* + ", NULL);
    ck_assert_double_eq_tol(plain_steady, ar2_gap(&b, 0.1, 0.0, 1.0), 0.005 * plain_steady);
    ck_assert_double_eq_tol(slow_steady, ar2_gap(&b, 0.01, 0.9, 1.0), 0.005 * slow_steady);
    ck_assert_double_eq_tol(fast_steady, ar2_gap(&b, 0.1, 0.9, 1.0), 0.005 * fast_steady);
    ck_assert_double_eq_tol(slow, plain, 0.2 * plain);
    ck_assert_double_gt(fast, 9.0 * plain);

    const char *table = strstr(run.out, "The floor against the batch size");
    ck_assert_ptr_nonnull(table);
    const char *row = strstr(table, "\n  1 ");
    ck_assert_ptr_nonnull(row);
    double steady = gap_after(row, "L* + ", &rest);
    double drawn = gap_after(rest, "L* + ", &rest);
    double shuffled = gap_after(rest, "L* + ", NULL);
    double exact = exact_batch_1_gap(&b, 0.1);
    ck_assert_double_eq_tol(drawn, exact, 0.1 * exact);
    ck_assert_double_eq(shuffled, plain); /* the same runs */
    ck_assert_double_eq_tol(steady, plain_steady, 1e-12);
    /* Each larger batch drawn with replacement: its steady state S/B. */
    static const double SIZES[] = {2, 5, 10, 20, 50};
    for (size_t k = 0; k < sizeof SIZES / sizeof SIZES[0]; k++) {
        char label[16];
        snprintf(label, sizeof label, "\n  %.0f ", SIZES[k]);
        row = strstr(table, label);
        ck_assert_ptr_nonnull(row);
        steady = gap_after(row, "L* + ", &rest);
        drawn = gap_after(rest, "L* + ", NULL);
        double want = ar2_gap(&b, 0.1, 0.0, SIZES[k]);
        ck_assert_double_eq_tol(steady, want, 0.005 * want);
        ck_assert_double_eq_tol(drawn, want, 0.15 * want);
    }
    program_run_free(&run);
    data_free(&b.data);
}
END_TEST

START_TEST(chapter_07_averaging_and_a_decay_that_keeps_up_get_below_the_floor)
{
    /* Averaging the constant rate's a (Polyak–Ruppert) over its last 19 001
     * iterates: at most ½ tr(S H⁻¹) / K above L*, what independent kicks
     * would leave (shuffled epochs leave less). The decay's product
     * lr·T·λmin is the one worked out here, and T = 1 is said to be short
     * of 1, with the exponent of its crawl. */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch07", none, &run);
    Bowl7 b = notebook_bowl();
    double constant = gap_after(run.out, "  constant rate 0.1 ", NULL);
    double averaged = gap_after(run.out, "  constant rate, a averaged from 1000 on", NULL);
    double iid = 0.0;
    for (int i = 0; i < 2; i++)
        iid += 0.5 * along(&b, b.u[i]) / b.lambda[i] / (20000.0 - 1000.0 + 1.0);
    ck_assert_double_lt(averaged, iid);
    ck_assert_double_lt(averaged, 1e-3 * constant);
    double product;
    const char *decay = strstr(run.out, "the decay: lr * T * lambda_min = 0.1 * 100 * ");
    ck_assert_ptr_nonnull(decay);
    ck_assert_int_eq(sscanf(strchr(decay + 40, '=') + 1, "%lf", &product), 1);
    ck_assert_double_eq_tol(product, 0.1 * 100 * b.lambda[1], 0.005 * product);
    ck_assert_ptr_nonnull(strstr(decay, "above 1:"));
    program_run_free(&run);

    const char *crawl[] = {"--batch", "1", "--epochs", "2", "--decay", "1", NULL};
    run_chapter("ch07", crawl, &run);
    char want[64];
    snprintf(want, sizeof want, "= %.3g, not above 1", 0.1 * b.lambda[1]);
    ck_assert_msg(strstr(run.out, want) != NULL, "no '%s' in:\n%s", want, run.out);
    snprintf(want, sizeof want, "(1 + t/T)^-%.3g", 0.1 * b.lambda[1]);
    ck_assert_ptr_nonnull(strstr(run.out, want));
    program_run_free(&run);
    data_free(&b.data);
}
END_TEST

Suite *claims_suite(void)
{
    Suite *suite = suite_create("claims");
    TCase *ch07 = tcase_create("chapter 07's floors");
    tcase_set_timeout(ch07, 60);
    tcase_add_checked_fixture(ch07, scratch_make, scratch_remove);
    tcase_add_test(ch07, chapter_07_floors_are_the_steady_states_of_the_noisy_step);
    tcase_add_test(ch07, chapter_07_averaging_and_a_decay_that_keeps_up_get_below_the_floor);
    suite_add_tcase(suite, ch07);
    return suite;
}
