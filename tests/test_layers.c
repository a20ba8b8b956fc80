/* Tests for code/layers.c: a linear layer worked by hand; each layer's
 * backward against central finite differences of its forward; the whole
 * network of chapter 11 (linear, relu, linear, softmax cross-entropy)
 * against the tape of chapter 08 (to 1e-12) and finite differences; the
 * layers of softmax regression against softmax.c's formula; gradients that
 * add up until zeroed; and PyTorch's start. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layers.h"
#include "rng.h"
#include "softmax.h"
#include "tape.h"
#include "gradient_checks.h"
#include "suites.h"

START_TEST(a_linear_layer_worked_by_hand)
{
    /* inp (2, 2) = [[1, 2], [3, 4]], W (3, 2) = [[1, 0], [0, 1], [1, 1]],
     * b = (0.5, −1, 0): out = inp Wᵀ + b = [[1.5, 1, 3], [3.5, 3, 7]].
     * With dout all 1: dinp = dout W = [[2, 2], [2, 2]], dW = doutᵀ inp =
     * [[4, 6]] in every row, db = (2, 2, 2). */
    const double inp[4] = {1, 2, 3, 4}, w[6] = {1, 0, 0, 1, 1, 1}, b[3] = {0.5, -1, 0};
    const double want[6] = {1.5, 1, 3, 3.5, 3, 7}, dout[6] = {1, 1, 1, 1, 1, 1};
    double out[6], dinp[4] = {0}, dw[6] = {0}, db[3] = {0};
    linear_forward(out, inp, w, b, 2, 2, 3);
    for (int j = 0; j < 6; j++)
        ck_assert_double_eq(out[j], want[j]);
    linear_backward(dinp, dw, db, dout, inp, w, 2, 2, 3);
    for (int j = 0; j < 4; j++)
        ck_assert_double_eq(dinp[j], 2.0);
    for (int o = 0; o < 3; o++) {
        ck_assert_double_eq(dw[2 * o], 4.0);
        ck_assert_double_eq(dw[2 * o + 1], 6.0);
        ck_assert_double_eq(db[o], 2.0);
    }
}
END_TEST

/* The shapes of the test network: a batch of B examples of C inputs, H
 * hidden units, K classes; its P parameters a = [W1, b1, W2, b2]. */
enum { B = 5, C = 6, H = 4, K = 3, P = H * C + H + K * H + K };

typedef struct {
    double x[B * C];
    size_t label[B];
    double z1[B * H], h[B * H], z2[B * K], probs[B * K];
} Pass;

static void random_pass(uint64_t seed, Pass *pass, double *a)
{
    Rng rng = rng_seeded(seed);
    for (size_t i = 0; i < B * C; i++)
        pass->x[i] = rng_uniform_between(&rng, -2.0, 2.0);
    for (size_t i = 0; i < B; i++)
        pass->label[i] = rng_below(&rng, K);
    for (size_t j = 0; j < P; j++)
        a[j] = rng_uniform_between(&rng, -1.0, 1.0);
}

/* The network's forward and, if grad is not NULL, its backward, as chapter
 * 11's main.c composes the layers. Returns the loss. a, grad: P */
static double network(Pass *p, const double *a, double *grad)
{
    const double *w1 = a, *b1 = w1 + H * C, *w2 = b1 + H, *b2 = w2 + K * H;
    linear_forward(p->z1, p->x, w1, b1, B, C, H);
    relu_forward(p->h, p->z1, B * H);
    linear_forward(p->z2, p->h, w2, b2, B, H, K);
    double loss = softmax_cross_entropy_forward(p->probs, p->z2, p->label, B, K);
    if (grad == NULL)
        return loss;
    double dz2[B * K] = {0}, dh[B * H] = {0}, dz1[B * H] = {0};
    double *dw1 = grad, *db1 = dw1 + H * C, *dw2 = db1 + H, *db2 = dw2 + K * H;
    softmax_cross_entropy_backward(dz2, p->probs, p->label, B, K);
    linear_backward(dh, dw2, db2, dz2, p->h, w2, B, H, K);
    relu_backward(dz1, p->z1, dh, B * H);
    linear_backward(NULL, dw1, db1, dz1, p->x, w1, B, C, H);
    return loss;
}

/* A fresh pass of seed: its examples, the parameters a and the gradient
 * the layers give, into grad (P). Returns the loss. */
static double layers_gradient(uint64_t seed, Pass *pass, double *a, double *grad)
{
    random_pass(seed, pass, a);
    memset(grad, 0, P * sizeof *grad);
    return network(pass, a, grad);
}

START_TEST(the_network_agrees_with_the_tape)
{
    /* The same network recorded node by node: relu, exp and log on the tape,
     * and every addition in the layers' order, so only the order of the
     * gradient's sums differs (1e-12). */
    Pass pass;
    double a[P], grad[P];
    for (uint64_t seed = 1; seed <= 5; seed++) {
        double loss = layers_gradient(seed, &pass, a, grad);
        Tape tape = {0};
        Var params[P], x[C], z1[H], h[H], z2[K], losses[B];
        for (size_t j = 0; j < P; j++)
            params[j] = tape_leaf(&tape, a[j]);
        for (size_t i = 0; i < B; i++) {
            for (size_t j = 0; j < C; j++)
                x[j] = tape_leaf(&tape, pass.x[i * C + j]);
            tape_linear(&tape, x, params, params + H * C, C, H, z1);
            for (size_t j = 0; j < H; j++)
                h[j] = tape_relu(&tape, z1[j]);
            tape_linear(&tape, h, params + H * C + H, params + H * C + H + K * H, H, K, z2);
            losses[i] = tape_cross_entropy(&tape, z2, K, pass.label[i]);
        }
        check_against_tape(&tape, tape_mean(&tape, losses, B), params, grad, P, loss, (int)seed);
        tape_free(&tape);
    }
}
END_TEST

static double network_loss_at(const void *context, const double *a)
{
    Pass pass = *(const Pass *)context; /* network() writes its activations */
    return network(&pass, a, NULL);
}

START_TEST(the_network_agrees_with_finite_differences)
{
    /* Central differences, h = 1e-6, away from relu's kinks (a parameter
     * whose nudge moves a z1 across 0 would see the kink: none of these
     * seeds' z1 is within 1e-4 of 0). Error about h² L''' plus 1e-16 / h:
     * under 1e-9. */
    Pass pass;
    double a[P], grad[P];
    for (uint64_t seed = 1; seed <= 5; seed++) {
        layers_gradient(seed, &pass, a, grad);
        for (size_t i = 0; i < B * H; i++)
            ck_assert_double_gt(fabs(pass.z1[i]), 1e-4);
        check_against_differences(network_loss_at, &pass, a, grad, P, 1e-6, 1e-8, (int)seed);
    }
}
END_TEST

START_TEST(each_backward_agrees_with_finite_differences_of_its_forward)
{
    /* For L = Σ g ⊙ forward(inp), a fixed random g, backward(g) must be
     * ∂L/∂inp. relu away from 0; softmax cross-entropy's input the logits. */
    Rng rng = rng_seeded(3);
    double inp[B * K], g[B * K], out[B * K], dinp[B * K], probs[B * K];
    size_t label[B];
    for (size_t j = 0; j < B * K; j++) {
        inp[j] = rng_uniform_between(&rng, -2.0, 2.0);
        if (fabs(inp[j]) < 0.01)
            inp[j] = 0.5;
        g[j] = rng_uniform_between(&rng, -1.0, 1.0);
    }
    for (size_t i = 0; i < B; i++)
        label[i] = rng_below(&rng, K);
    memset(dinp, 0, sizeof dinp);
    relu_backward(dinp, inp, g, B * K);
    softmax_cross_entropy_forward(probs, inp, label, B, K);
    double dlogits[B * K] = {0};
    softmax_cross_entropy_backward(dlogits, probs, label, B, K);
    const double h = 1e-6;
    for (size_t j = 0; j < B * K; j++) {
        double kept = inp[j], sums[2];
        for (int side = 0; side < 2; side++) {
            inp[j] = kept + (side == 0 ? h : -h);
            relu_forward(out, inp, B * K);
            sums[side] = 0.0;
            for (size_t m = 0; m < B * K; m++)
                sums[side] += g[m] * out[m];
        }
        ck_assert_double_eq_tol(dinp[j], (sums[0] - sums[1]) / (2 * h), 1e-8);
        inp[j] = kept + h;
        double up = softmax_cross_entropy_forward(probs, inp, label, B, K);
        inp[j] = kept - h;
        double down = softmax_cross_entropy_forward(probs, inp, label, B, K);
        inp[j] = kept;
        ck_assert_double_eq_tol(dlogits[j], (up - down) / (2 * h), 1e-8);
    }
}
END_TEST

START_TEST(softmax_regression_is_one_linear_layer_and_the_loss)
{
    /* linear_forward then softmax cross-entropy, and back: the layers must
     * give softmax.c's loss and its formula's gradient, (P − Y)ᵀ X / n. */
    Pass pass;
    double a[P];
    random_pass(7, &pass, a);
    const double *w = a, *b = a + K * C;
    double logits[B * K], probs[B * K], dlogits[B * K] = {0};
    double dw[K * C] = {0}, db[K] = {0}, grad_w[K * C], grad_b[K], formula_probs[B * K];
    linear_forward(logits, pass.x, w, b, B, C, K);
    double loss = softmax_cross_entropy_forward(probs, logits, pass.label, B, K);
    softmax_cross_entropy_backward(dlogits, probs, pass.label, B, K);
    linear_backward(NULL, dw, db, dlogits, pass.x, w, B, C, K);
    double formula = softmax_regression(pass.x, pass.label, B, C, K, w, b, formula_probs,
                                        grad_w, grad_b);
    ck_assert_double_eq_tol(loss, formula, 1e-15);
    for (size_t j = 0; j < K * C; j++)
        ck_assert_double_eq_tol(dw[j], grad_w[j], 1e-15);
    for (size_t o = 0; o < K; o++)
        ck_assert_double_eq_tol(db[o], grad_b[o], 1e-15);
    for (size_t j = 0; j < B * K; j++)
        ck_assert_double_eq_tol(probs[j], formula_probs[j], 1e-15);
}
END_TEST

START_TEST(gradients_add_up_until_zeroed)
{
    /* Every backward adds (+=), as .grad does: two backward passes without
     * a zero_() in between give twice the gradient (to rounding: the second
     * adds each share onto the first's sum, in another order). */
    Pass pass;
    double a[P], once[P], twice[P];
    layers_gradient(2, &pass, a, once);
    memcpy(twice, once, sizeof once);
    network(&pass, a, twice);
    for (size_t j = 0; j < P; j++)
        ck_assert_double_eq_tol(twice[j], 2.0 * once[j], 1e-15 * (1.0 + fabs(once[j])));
}
END_TEST

START_TEST(linear_init_draws_as_pytorch_does)
{
    /* Uniform on [−1/√C, 1/√C): weights first, row by row, then biases,
     * each the next number of the stream mapped onto that range. */
    enum { IN = 16, OUT = 3 };
    double w[OUT * IN], b[OUT];
    Rng rng = rng_seeded(5), again = rng_seeded(5);
    linear_init(w, b, IN, OUT, &rng);
    for (size_t j = 0; j < OUT * IN; j++) {
        ck_assert_double_eq(w[j], rng_uniform_between(&again, -0.25, 0.25));
        ck_assert(w[j] >= -0.25 && w[j] < 0.25);
    }
    for (size_t o = 0; o < OUT; o++)
        ck_assert_double_eq(b[o], rng_uniform_between(&again, -0.25, 0.25));
}
END_TEST

Suite *layers_suite(void)
{
    Suite *suite = suite_create("layers");
    TCase *tc = tcase_create("layers");
    tcase_add_test(tc, a_linear_layer_worked_by_hand);
    tcase_add_test(tc, the_network_agrees_with_the_tape);
    tcase_add_test(tc, the_network_agrees_with_finite_differences);
    tcase_add_test(tc, each_backward_agrees_with_finite_differences_of_its_forward);
    tcase_add_test(tc, softmax_regression_is_one_linear_layer_and_the_loss);
    tcase_add_test(tc, gradients_add_up_until_zeroed);
    tcase_add_test(tc, linear_init_draws_as_pytorch_does);
    suite_add_tcase(suite, tc);
    return suite;
}
