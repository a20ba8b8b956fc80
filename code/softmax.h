/*
 * softmax.h — many classes: scores into probabilities, and how wrong they are.
 * Introduced in chapter 11.
 *
 * A classifier of K classes gives each example K scores, its logits z.
 * Softmax turns them into probabilities that are positive and add up to 1,
 *     p_k = e^(z_k) / Σ_j e^(z_j),
 * and the cross-entropy of an example whose class is y is −log p_y: 0 when
 * the model puts all its probability on the right class, growing without
 * bound as p_y goes to 0. Written out,
 *     −log p_y = log Σ_j e^(z_j) − z_y,
 * the log-sum-exp of the logits less the right one.
 *
 * e^z overflows a double past z ≈ 709.78, so e^1000 is inf and inf / inf is
 * NaN. Subtracting the largest logit m from every logit first changes no
 * probability (the factor e^(−m) cancels above and below) and no
 * cross-entropy (log Σ e^(z_j) = m + log Σ e^(z_j − m)), but the largest
 * exponent is now e^0 = 1 and none can overflow: the log-sum-exp shift.
 *
 * Softmax regression (multinomial logistic regression) is the linear model
 * with these probabilities: logits z = W x + b for an input x of D numbers,
 * W of K rows (one template per class) and b of K biases, the loss the mean
 * cross-entropy over n examples. Its gradient, derived in the book,
 *     ∂L/∂W = (P − Y)ᵀ X / n        (K, D)
 *     ∂L/∂b = the column means of P − Y        (K)
 * with P (n, K) the probabilities and Y (n, K) the one-hot labels (Y[i][y_i]
 * = 1, the rest 0), is chapter 03's Xᵀ(X a − y) again: the inputs weighted
 * by how far each prediction is from the truth.
 */
#ifndef SGD_SOFTMAX_H
#define SGD_SOFTMAX_H

#include <stddef.h>

/* The largest of k numbers, k ≥ 1. z: k */
double max_of(const double *z, size_t k);

/* The index of the largest of k numbers (the first, for a tie): the class a
 * model predicts from its logits or probabilities. z: k, k ≥ 1 */
size_t argmax(const double *z, size_t k);

/* log Σ_j e^(z_j), as m + log Σ_j e^(z_j − m) with m the largest z_j, so
 * that no exponent overflows. z: k, k ≥ 1 */
double log_sum_exp(const double *z, size_t k);

/* p = softmax(z), shifted by the largest logit. z: k, p: k (may be z) */
void softmax(const double *z, size_t k, double *p);

/* −log p_y = log_sum_exp(z) − z_y: one example's cross-entropy, without
 * forming p (so that p_y = 1e-400, which a double rounds to 0, still gives
 * its loss, 921). z: k, y < k */
double cross_entropy(const double *z, size_t k, size_t y);

/* Softmax regression on n examples of D inputs and K classes: the mean
 * cross-entropy of the logits z_i = W x_i + b, returned, each example's
 * probabilities in probs, and the gradient by the formula above into
 * grad_w and grad_b, unless they are NULL (the loss alone, as under
 * torch.no_grad()). x is (n, D), label (n), w (K, D), b (K), probs (n, K),
 * grad_w (K, D), grad_b (K) */
double softmax_regression(const double *x, const size_t *label, size_t n, size_t d,
                          size_t k, const double *w, const double *b, double *probs,
                          double *grad_w, double *grad_b);

#endif
