/* Tests for code/conv.c and code/conv_fast.c: the convolution on a case
 * worked by hand, forward and backward; every gradient of the convolution
 * and of max-pooling against central finite differences of its forward
 * pass; the convolution's gradients against the tape's; max-pooling's
 * gradient going only to the argmax, its ties, its NaNs and its odd edges;
 * the backward passes adding into their gradients; the fast convolution
 * equal to the plain one on sizes that its 4×4 blocks do not divide. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conv.h"
#include "conv_fast.h"
#include "linalg.h"
#include "rng.h"
#include "tape.h"
#include "suites.h"

/* n numbers uniform on [-1, 1). The caller frees. */
static double *random_array(size_t n, Rng *rng)
{
    double *a = malloc(n * sizeof *a);
    ck_assert_ptr_nonnull(a);
    for (size_t i = 0; i < n; i++)
        a[i] = rng_uniform_between(rng, -1.0, 1.0);
    return a;
}

static double *zeros(size_t n)
{
    double *a = calloc(n, sizeof *a);
    ck_assert_ptr_nonnull(a);
    return a;
}

static void assert_close(const double *got, const double *expected, size_t n, double tol,
                         const char *what)
{
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(fabs(got[i] - expected[i]) <= tol, "%s[%zu] = %.17g, expected %.17g",
                      what, i, got[i], expected[i]);
}

/* --- The convolution by hand ------------------------------------------- */

/* x = 1 2 3    kernel = 1  0  0    bias 0.5
 *     4 5 6             0 −1  0
 *     7 8 9             0  0  2
 * out[i,j] = x[i−1,j−1] − x[i,j] + 2·x[i+1,j+1] + 0.5, zeros outside x:
 *     (0,0): 0 − 1 + 2·5 =  9     (0,1): 0 − 2 + 2·6 = 10    (0,2): 0 − 3 + 0 = −3
 *     (1,0): 0 − 4 + 2·8 = 12     (1,1): 1 − 5 + 2·9 = 14    (1,2): 2 − 6 + 0 = −4
 *     (2,0): 0 − 7 + 0   = −7     (2,1): 4 − 8 + 0   = −4    (2,2): 5 − 9 + 0 = −4
 * each plus 0.5. The kernel is lopsided, so a flipped kernel (a convolution
 * in the textbook's sense) would give other numbers: x[i+1,j+1] − x + 2x[i−1,j−1]. */
static const double HAND_X[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
static const double HAND_KERNEL[9] = {1, 0, 0, 0, -1, 0, 0, 0, 2};
static const double HAND_BIAS[1] = {0.5};

START_TEST(a_convolution_worked_by_hand)
{
    double out[9];
    conv3x3_forward(out, HAND_X, HAND_KERNEL, HAND_BIAS, 1, 1, 3, 3, 1);
    const double expected[9] = {9.5, 10.5, -2.5, 12.5, 14.5, -3.5, -6.5, -3.5, -3.5};
    assert_close(out, expected, 9, 0.0, "out");
}
END_TEST

START_TEST(its_backward_worked_by_hand)
{
    /* With dout = 1 at every pixel (the loss Σ out):
     * dbias = 9, one for each pixel.
     * dweight[di,dj] = Σ_{i,j} x̃[i+di−1, j+dj−1], the sum of x over the 3×3
     *   window shifted by (di−1, dj−1): (0,0) sees rows 0–1, columns 0–1,
     *   1+2+4+5 = 12; (0,1) rows 0–1, all columns, 21; (1,1) all of x, 45;
     *   (2,2) rows 1–2, columns 1–2, 5+6+8+9 = 28; and so on.
     * dx[r,s] = Σ over the outputs (i,j) that pixel (r,s) feeds of the
     *   weight it is multiplied by there, w[r−i+1, s−j+1]. Only three
     *   weights are not 0: every pixel is the centre of its own output
     *   (w[1,1] = −1), the top left of the output down and right of it, if
     *   there is one (w[0,0] = 1), and the bottom right of the output up and
     *   left of it, if there is one (w[2,2] = 2). So the centre gets
     *   −1 + 1 + 2 = 2, the corner (0,0) −1 + 1 = 0, the corner (2,2)
     *   −1 + 2 = 1, and the corners (0,2) and (2,0) −1 alone. */
    double dx[9] = {0}, dweight[9] = {0}, dbias[1] = {0};
    const double ones[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    conv3x3_backward(dx, dweight, dbias, ones, HAND_X, HAND_KERNEL, 1, 1, 3, 3, 1);
    ck_assert_double_eq(dbias[0], 9.0);
    const double expected_dweight[9] = {12, 21, 16, 27, 45, 33, 24, 39, 28};
    assert_close(dweight, expected_dweight, 9, 0.0, "dweight");
    const double expected_dx[9] = {0, 0, -1, 0, 2, 1, -1, 1, 1};
    assert_close(dx, expected_dx, 9, 0.0, "dx");
}
END_TEST

/* --- Against finite differences ---------------------------------------- */

/* A convolution layer's numbers, and a fixed random g: the test's loss is
 * Σ out · g, so that dout = g. */
typedef struct {
    size_t B, C, H, W, K;
    double *x, *weight, *bias, *g, *out;
} ConvCase;

static ConvCase conv_case(size_t B, size_t C, size_t H, size_t W, size_t K, uint64_t seed)
{
    Rng rng = rng_seeded(seed);
    return (ConvCase){B,
                      C,
                      H,
                      W,
                      K,
                      random_array(B * C * H * W, &rng),
                      random_array(K * C * 9, &rng),
                      random_array(K, &rng),
                      random_array(B * K * H * W, &rng),
                      zeros(B * K * H * W)};
}

static void conv_case_free(ConvCase *cc)
{
    free(cc->x);
    free(cc->weight);
    free(cc->bias);
    free(cc->g);
    free(cc->out);
}

/* The three gradients of a case's layer, zeroed. */
typedef struct {
    double *dx, *dweight, *dbias;
} ConvGrads;

static ConvGrads conv_grads(const ConvCase *cc)
{
    return (ConvGrads){zeros(cc->B * cc->C * cc->H * cc->W), zeros(cc->K * cc->C * 9),
                       zeros(cc->K)};
}

static void conv_grads_free(ConvGrads *grads)
{
    free(grads->dx);
    free(grads->dweight);
    free(grads->dbias);
}

/* conv3x3_backward() with dout = g, adding into grads (dx too if with_dx). */
static void conv_backward(ConvGrads *grads, const ConvCase *cc, bool with_dx)
{
    conv3x3_backward(with_dx ? grads->dx : NULL, grads->dweight, grads->dbias, cc->g, cc->x,
                     cc->weight, cc->B, cc->C, cc->H, cc->W, cc->K);
}

/* The same with conv3x3_backward_fast(). scratch: conv3x3_fast_scratch() */
static void conv_backward_fast(ConvGrads *grads, const ConvCase *cc, bool with_dx,
                               double *scratch)
{
    conv3x3_backward_fast(with_dx ? grads->dx : NULL, grads->dweight, grads->dbias, cc->g,
                          cc->x, cc->weight, cc->B, cc->C, cc->H, cc->W, cc->K, scratch);
}

/* got's gradients against expected's, to tol (dx only if with_dx). */
static void assert_grads_close(const ConvGrads *got, const ConvGrads *expected,
                               const ConvCase *cc, bool with_dx, double tol, const char *what)
{
    char name[64];
    if (with_dx) {
        snprintf(name, sizeof name, "%s dx", what);
        assert_close(got->dx, expected->dx, cc->B * cc->C * cc->H * cc->W, tol, name);
    }
    snprintf(name, sizeof name, "%s dweight", what);
    assert_close(got->dweight, expected->dweight, cc->K * cc->C * 9, tol, name);
    snprintf(name, sizeof name, "%s dbias", what);
    assert_close(got->dbias, expected->dbias, cc->K, tol, name);
}

static double conv_loss(ConvCase *cc)
{
    conv3x3_forward(cc->out, cc->x, cc->weight, cc->bias, cc->B, cc->C, cc->H, cc->W, cc->K);
    return dot(cc->out, cc->g, cc->B * cc->K * cc->H * cc->W);
}

/* (loss(θ + h) − loss(θ − h)) / 2h for the one number *theta, put back after. */
static double conv_difference(ConvCase *cc, double *theta, double h)
{
    double saved = *theta;
    *theta = saved + h;
    double up = conv_loss(cc);
    *theta = saved - h;
    double down = conv_loss(cc);
    *theta = saved;
    return (up - down) / (2 * h);
}

/* Each of the n numbers of theta: its gradient against its difference. */
static void check_differences(ConvCase *cc, double *theta, const double *grad, size_t n,
                              const char *what)
{
    /* The loss is linear in each single number of x, weight and bias (the
     * others held fixed), so the central difference has no truncation error
     * at all, and h can be large: what remains is rounding. The loss adds
     * some 400 products of numbers of size about 1, so each evaluation is off
     * by about 1e-14, and the difference by 1e-14 / 2h = 5e-12 for h = 1e-3
     * (measured: 3e-12 at most; with h = 1e-6 it would be 3e-9). The
     * tolerance, 1e-10, is twenty times the estimate, while a wrong formula
     * is off by about the size of a gradient, 1. */
    const double h = 1e-3, tol = 1e-10;
    for (size_t i = 0; i < n; i++) {
        double expected = conv_difference(cc, &theta[i], h);
        ck_assert_msg(fabs(grad[i] - expected) <= tol, "d%s[%zu] = %.17g, differences %.17g",
                      what, i, grad[i], expected);
    }
}

static void check_conv_against_differences(size_t B, size_t C, size_t H, size_t W, size_t K)
{
    ConvCase cc = conv_case(B, C, H, W, K, 2024);
    ConvGrads grads = conv_grads(&cc);
    conv_backward(&grads, &cc, true);
    check_differences(&cc, cc.x, grads.dx, B * C * H * W, "x");
    check_differences(&cc, cc.weight, grads.dweight, K * C * 9, "weight");
    check_differences(&cc, cc.bias, grads.dbias, K, "bias");
    conv_grads_free(&grads);
    conv_case_free(&cc);
}

START_TEST(every_convolution_gradient_matches_finite_differences)
{
    check_conv_against_differences(2, 3, 5, 5, 4);
    check_conv_against_differences(1, 2, 4, 6, 3); /* not square */
    check_conv_against_differences(2, 1, 1, 3, 2); /* one row: padding above and below */
}
END_TEST

/* --- Against the tape -------------------------------------------------- */

/* The layer's numbers as leaves of a tape, in the order x, weight, bias. */
typedef struct {
    Tape tape;
    Var *x, *weight, *bias;
} ConvTape;

/* Records out[b,k,i,j] from the definition, with signed offsets and the
 * padding as terms left out: nothing shared with conv.c. */
static Var record_output(ConvTape *ct, const ConvCase *cc, size_t b, size_t k, long i, long j)
{
    long H = (long)cc->H, W = (long)cc->W;
    Var sum = ct->bias[k];
    for (size_t c = 0; c < cc->C; c++)
        for (long di = -1; di <= 1; di++)
            for (long dj = -1; dj <= 1; dj++) {
                long r = i + di, s = j + dj;
                if (r < 0 || r >= H || s < 0 || s >= W)
                    continue;
                Var w = ct->weight[(k * cc->C + c) * 9 + (size_t)((di + 1) * 3 + dj + 1)];
                Var pixel = ct->x[((b * cc->C + c) * cc->H + (size_t)r) * cc->W + (size_t)s];
                Var term = tape_mul(&ct->tape, w, pixel);
                sum = tape_add(&ct->tape, sum, term);
            }
    return sum;
}

/* Records the loss Σ out · g on a fresh tape; returns it. */
static Var record_conv_loss(ConvTape *ct, const ConvCase *cc)
{
    size_t nx = cc->B * cc->C * cc->H * cc->W, nw = cc->K * cc->C * 9;
    ct->x = malloc(nx * sizeof *ct->x);
    ct->weight = malloc(nw * sizeof *ct->weight);
    ct->bias = malloc(cc->K * sizeof *ct->bias);
    ck_assert(ct->x != NULL && ct->weight != NULL && ct->bias != NULL);
    for (size_t n = 0; n < nx; n++)
        ct->x[n] = tape_leaf(&ct->tape, cc->x[n]);
    for (size_t n = 0; n < nw; n++)
        ct->weight[n] = tape_leaf(&ct->tape, cc->weight[n]);
    for (size_t k = 0; k < cc->K; k++)
        ct->bias[k] = tape_leaf(&ct->tape, cc->bias[k]);
    Var loss = tape_leaf(&ct->tape, 0.0);
    for (size_t b = 0; b < cc->B; b++)
        for (size_t k = 0; k < cc->K; k++)
            for (size_t i = 0; i < cc->H; i++)
                for (size_t j = 0; j < cc->W; j++) {
                    Var out = record_output(ct, cc, b, k, (long)i, (long)j);
                    Var g = tape_leaf(&ct->tape, cc->g[((b * cc->K + k) * cc->H + i) * cc->W + j]);
                    Var term = tape_mul(&ct->tape, out, g);
                    loss = tape_add(&ct->tape, loss, term);
                }
    return loss;
}

static void assert_tape_grads(const Tape *tape, const Var *leaves, const double *grad,
                              size_t n, const char *what)
{
    /* The tape and conv.c multiply and add the same numbers, in other
     * orders: each gradient is a sum of at most a few dozen products of
     * numbers below 1, so they agree to a few units in the 16th digit. */
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(fabs(tape_grad(tape, leaves[i]) - grad[i]) <= 1e-12,
                      "d%s[%zu]: tape %.17g, conv3x3_backward %.17g", what, i,
                      tape_grad(tape, leaves[i]), grad[i]);
}

START_TEST(the_convolution_gradients_are_the_tapes)
{
    size_t B = 2, C = 2, H = 3, W = 4, K = 3;
    ConvCase cc = conv_case(B, C, H, W, K, 7);
    ConvTape ct = {0};
    Var loss = record_conv_loss(&ct, &cc);
    ck_assert_int_eq(tape_check(&ct.tape, NULL), STATUS_OK);
    tape_backward(&ct.tape, loss);
    ck_assert_double_eq_tol(tape_value(&ct.tape, loss), conv_loss(&cc), 1e-12);

    ConvGrads grads = conv_grads(&cc);
    conv_backward(&grads, &cc, true);
    assert_tape_grads(&ct.tape, ct.x, grads.dx, B * C * H * W, "x");
    assert_tape_grads(&ct.tape, ct.weight, grads.dweight, K * C * 9, "weight");
    assert_tape_grads(&ct.tape, ct.bias, grads.dbias, K, "bias");

    conv_grads_free(&grads);
    free(ct.x);
    free(ct.weight);
    free(ct.bias);
    tape_free(&ct.tape);
    conv_case_free(&cc);
}
END_TEST

START_TEST(backward_adds_into_the_gradients_and_may_skip_dx)
{
    /* Twice backward: every gradient twice what one call gives, as .grad
     * adds up until zero_grad() (to rounding: the second call adds each
     * image's share to a running total, not to its own copy). Without dx,
     * the same dweight and dbias as with it, to the last bit. */
    ConvCase cc = conv_case(2, 3, 4, 3, 2, 11);
    ConvGrads once = conv_grads(&cc), twice = conv_grads(&cc), alone = conv_grads(&cc);
    conv_backward(&once, &cc, true);
    conv_backward(&alone, &cc, false);
    assert_grads_close(&alone, &once, &cc, false, 0.0, "without dx:");
    conv_backward(&twice, &cc, true);
    conv_backward(&twice, &cc, true);
    double *all[3] = {once.dx, once.dweight, once.dbias};
    size_t count[3] = {2 * 3 * 4 * 3, 2 * 3 * 9, 2};
    for (size_t a = 0; a < 3; a++)
        for (size_t i = 0; i < count[a]; i++)
            all[a][i] *= 2;
    assert_grads_close(&twice, &once, &cc, true, 1e-14, "after two calls:");
    conv_grads_free(&once);
    conv_grads_free(&twice);
    conv_grads_free(&alone);
    conv_case_free(&cc);
}
END_TEST

/* --- Max-pooling ------------------------------------------------------- */

START_TEST(max_pooling_worked_by_hand)
{
    /* One 4×4 channel, four windows:
     *     1 5 | 2 0          maxima 5 (at index 1)   2 (index 2)
     *     3 4 | 1 1
     *     ----+----
     *     0 0 | 9 8                 7 (index 13)     9 (index 10)
     *     6 7 | 3 2
     * and dout = (10, 20, 30, 40): dx is dout at those four places and 0 at
     * the other twelve, whose small changes reach no output. */
    const double x[16] = {1, 5, 2, 0, 3, 4, 1, 1, 0, 0, 9, 8, 6, 7, 3, 2};
    double out[4];
    size_t argmax[4];
    maxpool2x2_forward(out, argmax, x, 1, 1, 4, 4);
    const double expected[4] = {5, 2, 7, 9};
    const size_t expected_argmax[4] = {1, 2, 13, 10};
    for (size_t p = 0; p < 4; p++) {
        ck_assert_double_eq(out[p], expected[p]);
        ck_assert_uint_eq(argmax[p], expected_argmax[p]);
    }
    const double dout[4] = {10, 20, 30, 40};
    double dx[16] = {0};
    maxpool2x2_backward(dx, dout, argmax, 1, 1, 4, 4);
    const double expected_dx[16] = {0, 10, 20, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0, 30, 0, 0};
    assert_close(dx, expected_dx, 16, 0.0, "dx");
}
END_TEST

START_TEST(max_pooling_ties_nans_and_odd_edges)
{
    /* A 3×5 channel keeps rows 0–1 and columns 0–3 (PyTorch's floor), so
     * the 9s in the last row and column win nothing. Window 0 is a tie of
     * 4s: the first wins. Window 1 holds a NaN after its largest number:
     * the NaN wins, so out shows it. */
    const double x[15] = {4, 4, 1, 2, 9,  /* row 0 */
                          4, 0, 3, NAN, 9, /* row 1 */
                          9, 9, 9, 9, 9};  /* row 2 */
    double out[2];
    size_t argmax[2];
    maxpool2x2_forward(out, argmax, x, 1, 1, 3, 5);
    ck_assert_double_eq(out[0], 4.0);
    ck_assert_uint_eq(argmax[0], 0);
    ck_assert(isnan(out[1]));
    ck_assert_uint_eq(argmax[1], 8);
    double dx[15] = {0};
    maxpool2x2_backward(dx, (const double[2]){1, 1}, argmax, 1, 1, 3, 5);
    for (size_t q = 0; q < 15; q++)
        ck_assert_double_eq(dx[q], q == 0 || q == 8 ? 1.0 : 0.0);
}
END_TEST

/* Σ maxpool(x) · g, for the differences below. */
static double pool_loss(const double *x, const double *g, size_t B, size_t C, size_t H,
                        size_t W, double *out, size_t *argmax)
{
    maxpool2x2_forward(out, argmax, x, B, C, H, W);
    return dot(out, g, B * C * (H / 2) * (W / 2));
}

START_TEST(max_pooling_gradient_matches_finite_differences)
{
    /* x holds the numbers k/8, k = 0 … n−1, in a random order: no two are
     * closer than 1/8, so a change of h = 1e-3 never moves an argmax and the
     * loss is linear in each x near the point: the differences are exact but
     * for rounding (1e-16 · |loss| / 2h, about 1e-12 here). */
    size_t B = 2, C = 3, H = 5, W = 4, n = B * C * H * W, m = B * C * (H / 2) * (W / 2);
    Rng rng = rng_seeded(5);
    size_t *order = malloc(n * sizeof *order);
    double *x = zeros(n), *g = random_array(m, &rng), *out = zeros(m), *dx = zeros(n);
    size_t *argmax = malloc(m * sizeof *argmax);
    ck_assert(order != NULL && argmax != NULL);
    for (size_t k = 0; k < n; k++)
        order[k] = k;
    rng_shuffle(&rng, order, n);
    for (size_t k = 0; k < n; k++)
        x[order[k]] = (double)k / 8.0;
    pool_loss(x, g, B, C, H, W, out, argmax);
    maxpool2x2_backward(dx, g, argmax, B, C, H, W);
    const double h = 1e-3;
    for (size_t q = 0; q < n; q++) {
        double saved = x[q];
        x[q] = saved + h;
        double up = pool_loss(x, g, B, C, H, W, out, argmax);
        x[q] = saved - h;
        double down = pool_loss(x, g, B, C, H, W, out, argmax);
        x[q] = saved;
        ck_assert_msg(fabs(dx[q] - (up - down) / (2 * h)) <= 1e-10, "dx[%zu] = %g, differences %g",
                      q, dx[q], (up - down) / (2 * h));
    }
    free(order);
    free(x);
    free(g);
    free(out);
    free(dx);
    free(argmax);
}
END_TEST

/* --- The fast convolution ---------------------------------------------- */

static void check_fast_is_plain(size_t B, size_t C, size_t H, size_t W, size_t K)
{
    ConvCase cc = conv_case(B, C, H, W, K, 99 + B * C * H * W * K);
    size_t no = B * K * H * W;
    double *out = zeros(no), *scratch = zeros(conv3x3_fast_scratch(C, H, W, K));
    ConvGrads plain = conv_grads(&cc), fast = conv_grads(&cc);
    conv3x3_forward(cc.out, cc.x, cc.weight, cc.bias, B, C, H, W, K);
    conv3x3_forward_fast(out, cc.x, cc.weight, cc.bias, B, C, H, W, K, scratch);
    conv_backward(&plain, &cc, true);
    conv_backward_fast(&fast, &cc, true, scratch);
    /* The same sums of at most B·H·W products of numbers below 1, added in
     * another order: a few units in the 15th digit at these sizes. */
    assert_close(out, cc.out, no, 1e-12, "fast out");
    assert_grads_close(&fast, &plain, &cc, true, 1e-12, "fast");
    free(out);
    free(scratch);
    conv_grads_free(&plain);
    conv_grads_free(&fast);
    conv_case_free(&cc);
}

START_TEST(the_fast_convolution_is_the_plain_one)
{
    /* Sizes the 4×4 blocks divide and sizes they do not: K = 5 and 7 leave
     * rows over, H·W = 35 and 3 columns, C·9 = 27 and 45 rows of cols. */
    check_fast_is_plain(3, 5, 7, 5, 7);
    check_fast_is_plain(2, 3, 1, 3, 5);
    check_fast_is_plain(1, 1, 2, 2, 1);
    check_fast_is_plain(4, 8, 4, 4, 16); /* the chapter's second layer */
    check_fast_is_plain(2, 1, 8, 8, 8);  /* and its first */
}
END_TEST

START_TEST(the_fast_backward_may_skip_dx_too)
{
    ConvCase cc = conv_case(2, 3, 5, 3, 6, 13);
    double *scratch = zeros(conv3x3_fast_scratch(3, 5, 3, 6));
    ConvGrads plain = conv_grads(&cc), fast = conv_grads(&cc);
    conv_backward(&plain, &cc, false);
    conv_backward_fast(&fast, &cc, false, scratch);
    assert_grads_close(&fast, &plain, &cc, false, 1e-12, "fast without dx:");
    for (size_t i = 0; i < 2 * 3 * 5 * 3; i++)
        ck_assert_double_eq(fast.dx[i], 0.0); /* untouched */
    free(scratch);
    conv_grads_free(&plain);
    conv_grads_free(&fast);
    conv_case_free(&cc);
}
END_TEST

Suite *conv_suite(void)
{
    Suite *suite = suite_create("conv");
    TCase *tc = tcase_create("conv");
    tcase_add_test(tc, a_convolution_worked_by_hand);
    tcase_add_test(tc, its_backward_worked_by_hand);
    tcase_add_test(tc, every_convolution_gradient_matches_finite_differences);
    tcase_add_test(tc, the_convolution_gradients_are_the_tapes);
    tcase_add_test(tc, backward_adds_into_the_gradients_and_may_skip_dx);
    tcase_add_test(tc, max_pooling_worked_by_hand);
    tcase_add_test(tc, max_pooling_ties_nans_and_odd_edges);
    tcase_add_test(tc, max_pooling_gradient_matches_finite_differences);
    tcase_add_test(tc, the_fast_convolution_is_the_plain_one);
    tcase_add_test(tc, the_fast_backward_may_skip_dx_too);
    suite_add_tcase(suite, tc);
    return suite;
}
