#include "rate.h"

#include <math.h>

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

//> ch06_predict
/* Along each principal direction of the bowl a step multiplies the distance
 * to the best a by (1 − lr·λ); rho is the larger of the two in size. */
double convergence_factor(const double lambda[2], double lr)
{
    return fmax(fabs(1.0 - lr * lambda[0]), fabs(1.0 - lr * lambda[1]));
}

/* After t steps the distance is at most rho^t times the start: 1/1000 of it
 * after ln(1e-3) / ln(rho) steps, never when rho ≥ 1. */
double predicted_steps(const double lambda[2], double lr)
{
    double log_rho = log_convergence_factor(lambda, lr); /* kept when rho is near 1 */
    if (log_rho >= 0.0)
        return INFINITY;
    return fmax(1.0, ceil(log(1e-3) / log_rho));
}
//< ch06_predict
