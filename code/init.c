#include "init.h"

#include <math.h>

void init_uniform(double *a, size_t count, double bound, Rng *rng)
{
    for (size_t j = 0; j < count; j++)
        a[j] = rng_uniform_between(rng, -bound, bound);
}

//> init_schemes
void init_pytorch_default(double *weight, size_t n_weight, double *bias, size_t n_bias,
                          size_t fan_in, Rng *rng)
{
    double bound = 1.0 / sqrt((double)fan_in);
    init_uniform(weight, n_weight, bound, rng);
    init_uniform(bias, n_bias, bound, rng);
}

void init_he(double *weight, size_t n_weight, double *bias, size_t n_bias, size_t fan_in,
             Rng *rng)
{
    double sd = sqrt(2.0 / (double)fan_in);
    for (size_t j = 0; j < n_weight; j++)
        weight[j] = sd * rng_normal(rng);
    for (size_t k = 0; k < n_bias; k++)
        bias[k] = 0.0;
}
//< init_schemes
