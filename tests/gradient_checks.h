/*
 * gradient_checks.h — the two independent checks of a gradient written by
 * hand, for the tests of softmax.c and layers.c: chapter 11's models
 * recorded on chapter 08's tape, node by node (an autograd that shares no
 * code with the formulas), and central finite differences of the loss.
 * Include it after the library's headers and before suites.h.
 */
#ifndef SGD_TESTS_GRADIENT_CHECKS_H
#define SGD_TESTS_GRADIENT_CHECKS_H

#include <math.h>
#include <stddef.h>

#include "softmax.h"
#include "tape.h"

#include <check.h> /* after the library's headers: Check #defines fail */

/* −log softmax(z)[y] on the tape (k ≤ 64): log Σ e^(z_j − m) + m − z_y, m the
 * largest logit as a constant leaf. Any constant shift gives the same
 * function of z, so its gradient is exact though m gets none. z: k */
static inline Var tape_cross_entropy(Tape *tape, const Var *z, size_t k, size_t y)
{
    double values[64], m;
    for (size_t j = 0; j < k; j++)
        values[j] = tape_value(tape, z[j]);
    m = max_of(values, k);
    Var shift = tape_leaf(tape, m), sum = TAPE_NONE;
    for (size_t j = 0; j < k; j++) {
        Var e = tape_exp(tape, tape_sub(tape, z[j], shift));
        sum = j == 0 ? e : tape_add(tape, sum, e);
    }
    return tape_sub(tape, tape_add(tape, tape_log(tape, sum), shift), z[y]);
}

/* out[o] = bias[o] + Σ_c weight[o][c] · inp[c] for one example, on the
 * tape. inp: c, weight: (k, c), bias: k, out: k */
static inline void tape_linear(Tape *tape, const Var *inp, const Var *weight, const Var *bias,
                               size_t c, size_t k, Var *out)
{
    for (size_t o = 0; o < k; o++) {
        Var sum = bias[o];
        for (size_t j = 0; j < c; j++)
            sum = tape_add(tape, sum, tape_mul(tape, weight[o * c + j], inp[j]));
        out[o] = sum;
    }
}

/* Walks the tape back from the mean of the recorded losses and checks its
 * value against loss (1e-14) and the grad of each of the p parameters
 * against grad (1e-12): they differ only in the order of the sums. */
static inline void check_against_tape(Tape *tape, Var mean, const Var *params,
                                      const double *grad, size_t p, double loss, int seed)
{
    tape_backward(tape, mean);
    ck_assert_int_eq(tape_check(tape, NULL), STATUS_OK);
    ck_assert_double_eq_tol(tape_value(tape, mean), loss, 1e-14);
    for (size_t j = 0; j < p; j++)
        ck_assert_msg(fabs(tape_grad(tape, params[j]) - grad[j]) <= 1e-12,
                      "seed %d, parameter %zu: tape %.17g, by hand %.17g", seed, j,
                      tape_grad(tape, params[j]), grad[j]);
}

/* The loss at parameters a of some fixed problem (context). */
typedef double (*LossAt)(const void *context, const double *a);

/* Each of the p numbers of grad against the central difference
 * (L(a + h e_j) − L(a − h e_j)) / 2h, to within tolerance. a: p, nudged
 * and put back */
static inline void check_against_differences(LossAt loss_at, const void *context, double *a,
                                             const double *grad, size_t p, double h,
                                             double tolerance, int seed)
{
    for (size_t j = 0; j < p; j++) {
        const double kept = a[j];
        a[j] = kept + h;
        double up = loss_at(context, a);
        a[j] = kept - h;
        double down = loss_at(context, a);
        a[j] = kept;
        ck_assert_msg(fabs(grad[j] - (up - down) / (2 * h)) < tolerance,
                      "seed %d, parameter %zu: by hand %.12g, differences %.12g", seed, j,
                      grad[j], (up - down) / (2 * h));
    }
}

#endif
