/*
 * Exercise ch11/label-smoothing — a target that is never quite certain.
 *
 * Cross-entropy asks for p_y = 1, which softmax reaches only as the right
 * logit runs away to infinity: on the training digits the network keeps
 * growing its weights long after every digit is right. Label smoothing
 * aims a little lower. Its target q puts 1 − eps on the label and shares
 * eps out over all k classes:
 *     q_c = (1 − eps) · [c = y] + eps / k,
 * and the loss is the cross-entropy against q, −Σ_c q_c log p_c. Since
 * log p_c = z_c − log Σ_j e^(z_j), that is log_sum_exp(z) − Σ_c q_c z_c
 * (the q_c add up to 1), and its gradient with respect to the logits is
 * p − q, as plain cross-entropy's is p − Y. With eps = 0 it is plain
 * cross-entropy.
 *
 * Task: write both halves of the layer.
 *   forward: for each of the b rows of logits (k each), write its softmax
 *     into the same row of probs, and return the mean over the rows of
 *     log_sum_exp(z) − Σ_c q_c z_c.
 *   backward: add (p_c − q_c) / b into dlogits[i * k + c], for every row
 *     i and class c (add, +=, as every backward in layers.h does).
 *   May call: softmax() and log_sum_exp() from softmax.h.
 *
 * Hint: softmax_cross_entropy_forward() and _backward() in code/layers.c
 * are the case eps = 0; only q is new.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "label-smoothing.h"

#include <stddef.h>

#include "softmax.h"

double smoothed_cross_entropy_forward(double *probs, const double *logits, const size_t *label,
                                      size_t b, size_t k, double eps)
{
    /* TODO: your code here */
    (void)probs;
    (void)logits;
    (void)label;
    (void)b;
    (void)k;
    (void)eps;
    return 0.0;
}

void smoothed_cross_entropy_backward(double *dlogits, const double *probs, const size_t *label,
                                     size_t b, size_t k, double eps)
{
    /* TODO: your code here */
    (void)dlogits;
    (void)probs;
    (void)label;
    (void)b;
    (void)k;
    (void)eps;
}
