#include "rate.h"

#include <math.h>

//> ch06_predict
/* Along each principal direction of the bowl the loss is a parabola of
 * curvature λ, and a step multiplies the distance to its bottom by
 * 1 − lr·λ (chapter 04); rho is the larger of the two in size. */
double convergence_factor(const double lambda[2], double lr)
{
    return fmax(fabs(1.0 - lr * lambda[0]), fabs(1.0 - lr * lambda[1]));
}

/* ln |1 − u|. For a tiny u (a condition number past 1e16) 1 − u rounds to
 * 1 and its log to 0; log1p(−u) keeps it, about −u. */
static double log_of_factor(double u)
{
    return u < 1.0 ? log1p(-u) : log(u - 1.0);
}

double log_convergence_factor(const double lambda[2], double lr)
{
    return fmax(log_of_factor(lr * lambda[0]), log_of_factor(lr * lambda[1]));
}

/* The eigenvectors are at right angles, so after t steps the distance is at
 * most rho^t times the start: 1/1000 of it after ln(1e-3) / ln(rho) steps. */
double predicted_steps(const double lambda[2], double lr)
{
    double log_rho = log_convergence_factor(lambda, lr);
    if (log_rho >= 0.0)
        return INFINITY; /* rho ≥ 1: never */
    return fmax(1.0, ceil(log(1e-3) / log_rho));
}
//< ch06_predict
