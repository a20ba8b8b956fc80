/*
 * init.h — the random numbers a network starts from.
 * Introduced in chapter 12.
 *
 * A unit of a layer adds up fan_in inputs, each times its weight. With
 * weights of size s, the sum is about √fan_in · s times an input's size, so
 * the scale of the start decides whether the numbers grow or shrink as they
 * pass through the layers: too large, and they blow up by a factor a layer
 * (the loss starts huge and the first steps fly off); too small, and they
 * fade to nothing (and so do the gradients, which pass back through the same
 * weights). Both schemes here choose s ∝ 1/√fan_in, to keep the size roughly
 * the same from layer to layer. fan_in is C·9 for a 3×3 convolution of C
 * channels and the number of inputs for a linear layer.
 *
 * Weights come first and then biases, each array in its order, from the
 * course's one portable RNG, so a seed gives the same start on any machine.
 */
#ifndef SGD_INIT_H
#define SGD_INIT_H

#include <stddef.h>

#include "rng.h"

/* PyTorch's default for nn.Linear and nn.Conv2d: kaiming_uniform_ with
 * a = √5, which works out to every weight uniform on [−1/√fan_in,
 * 1/√fan_in), and every bias the same. Its variance is 1/(3·fan_in), so a
 * sum of fan_in inputs keeps about 1/√3 of their size.
 * weight: n_weight, bias: n_bias (0 and NULL for none) */
void init_pytorch_default(double *weight, size_t n_weight, double *bias, size_t n_bias,
                          size_t fan_in, Rng *rng);

/* He, Zhang, Ren and Sun (2015), for layers followed by ReLU: weights normal
 * with mean 0 and standard deviation √(2/fan_in), biases 0. ReLU zeroes
 * about half of its inputs, which halves the mean square of what passes;
 * the 2 doubles it back, so the size holds through any number of layers.
 * weight: n_weight, bias: n_bias (0 and NULL for none) */
void init_he(double *weight, size_t n_weight, double *bias, size_t n_bias, size_t fan_in,
             Rng *rng);

/* The building block of the first, for starts of another scale (ten times
 * PyTorch's, say): a uniform on [−bound, bound). a: count */
void init_uniform(double *a, size_t count, double bound, Rng *rng);

#endif
