/* label-smoothing.h — exercise ch11/label-smoothing (the task is in label-smoothing.c). */
#ifndef EXERCISE_LABEL_SMOOTHING_H
#define EXERCISE_LABEL_SMOOTHING_H

#include <stddef.h>

/* The mean over the batch of −Σ_c q_c log p_c, with p the softmax of each
 * row of logits and q the smoothed labels, (1 − eps) on the label plus
 * eps / k on every class; probs gets p. logits, probs: (b, k); label: b */
double smoothed_cross_entropy_forward(double *probs, const double *logits, const size_t *label,
                                      size_t b, size_t k, double eps);

/* dlogits += (p − q) / b: its gradient. probs: (b, k), from the forward;
 * label: b; dlogits: (b, k) */
void smoothed_cross_entropy_backward(double *dlogits, const double *probs, const size_t *label,
                                     size_t b, size_t k, double eps);

#endif
