/*
 * layers.h — a network as layers: a forward and a backward function each.
 * Introduced in chapter 11 (chapter 12 adds the convolution and the pooling).
 *
 * As llm.c writes a network: each layer is two plain functions over plain
 * arrays of a batch of B examples. forward computes the layer's output from
 * its input and its parameters; backward is handed dout, the gradient of
 * the loss with respect to that output, and computes the gradients with
 * respect to the input (dinp, for the layer below) and to the parameters,
 * by the chain rule. A network is its forwards in order and then its
 * backwards in reverse, each passing its dinp down as the next one's dout:
 * what the tape of chapter 08 does node by node, done here layer by layer,
 * with the derivative of each layer worked out once, by hand, as a matrix
 * product.
 *
 * Every backward ADDS into its gradients (+=), as PyTorch's .grad does and
 * as a parameter used twice needs: zero them before each batch, the
 * notebook's `a.grad.zero_()`. Every array is row-major; the shapes are in
 * the comments, B the batch, C an input's numbers, K an output's.
 */
#ifndef SGD_LAYERS_H
#define SGD_LAYERS_H

#include <stddef.h>

#include "rng.h"

/* PyTorch's nn.Linear start: every weight and bias uniform on
 * [−1/√C, 1/√C), C the layer's inputs (its fan-in), drawn weight first,
 * row by row, then bias. weight is (K, C), bias (K) */
void linear_init(double *weight, double *bias, size_t c, size_t k, Rng *rng);

/* out = inp Wᵀ + b: out[b][k] = bias[k] + Σ_c weight[k][c] · inp[b][c].
 * inp is (B, C), weight (K, C), bias (K), out (B, K) */
void linear_forward(double *out, const double *inp, const double *weight, const double *bias,
                    size_t b, size_t c, size_t k);

/* The gradients of out = inp Wᵀ + b, given dout = ∂loss/∂out:
 *     dinp += dout W          (B, C): skipped when dinp is NULL (the inputs)
 *     dweight += doutᵀ inp    (K, C)
 *     dbias += Σ_b dout[b]    (K)
 * dout is (B, K), inp (B, C), weight (K, C) */
void linear_backward(double *dinp, double *dweight, double *dbias, const double *dout,
                     const double *inp, const double *weight, size_t b, size_t c, size_t k);

/* out = max(inp, 0), number by number. inp, out are (n): any shape, n numbers */
void relu_forward(double *out, const double *inp, size_t n);

/* dinp += dout where inp > 0 (relu's slope is 1 there, 0 elsewhere, and 0
 * at the kink itself, as in PyTorch). inp is the forward's input.
 * dinp, inp, dout are (n) */
void relu_backward(double *dinp, const double *inp, const double *dout, size_t n);

/* F.cross_entropy(logits, label): probs = the softmax of each row of
 * logits, shifted by its largest (softmax.h); returns the mean over the
 * batch of −log probs[b][label[b]]. logits is (B, K), label (B), probs (B, K) */
double softmax_cross_entropy_forward(double *probs, const double *logits, const size_t *label,
                                     size_t b, size_t k);

/* dlogits += (probs − Y) / B, Y the one-hot labels: the gradient of the
 * mean cross-entropy with respect to the logits (softmax and −log together
 * have this simple derivative; the book derives it). probs is (B, K), from
 * the forward; label (B); dlogits (B, K) */
void softmax_cross_entropy_backward(double *dlogits, const double *probs, const size_t *label,
                                    size_t b, size_t k);

#endif
