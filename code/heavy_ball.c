#include "heavy_ball.h"

#include <math.h>

#include "gradient.h"
#include "loss.h"

//> heavy_ball_step
void heavy_ball_step(double *a, double *velocity, const double *grad, size_t count,
                     double lr, double beta)
{
    for (size_t j = 0; j < count; j++) {
        velocity[j] = beta * velocity[j] + grad[j]; /* old gradients fade by beta a step */
        a[j] -= lr * velocity[j];
    }
}
//< heavy_ball_step

double momentum_update(const double *x, const double *y, size_t n, double a[2],
                       double velocity[2], double lr, double beta)
{
    double loss = loss_of(x, y, n, a);
    double grad[2];
    gradient(x, y, n, a, grad);
    heavy_ball_step(a, velocity, grad, 2, lr, beta);
    return loss;
}

//> decayed_lr
double decayed_lr(double lr, double decay, size_t t)
{
    if (decay == 0.0)
        return lr; /* a constant rate */
    return lr / (1.0 + (double)t / decay);
}
//< decayed_lr

double best_plain_lr(const double lambda[2])
{
    /* The error along an eigenvector with curvature λ shrinks by |1 − lr λ|
     * a step; this lr makes the two extremes equal, 1 − lr λmin = −(1 − lr λmax),
     * which is the smallest the larger of the two can be. */
    return 2.0 / (lambda[0] + lambda[1]);
}

void best_momentum(const double lambda[2], double *lr, double *beta)
{
    /* The same balancing for the heavy ball: each direction's error follows
     * e' = (1 + beta − lr λ) e − beta e_before, whose two roots have product
     * beta; these settings give both extreme curvatures a double root of
     * size √beta, and every curvature between them roots of that size too. */
    double root_max = sqrt(lambda[0]), root_min = sqrt(lambda[1]);
    double shrink = (root_max - root_min) / (root_max + root_min); /* (√κ−1)/(√κ+1) */
    *lr = 4.0 / ((root_max + root_min) * (root_max + root_min));
    *beta = shrink * shrink;
}
