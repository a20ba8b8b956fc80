/* Solution to ch07/momentum-limit: 2 (1 + β) / λmax. */
#include "momentum-limit.h"

#include "gradient.h"

double momentum_stable_lr(const double *x, size_t n, double beta)
{
    double lambda[2];
    hessian_eigenvalues(x, n, lambda);
    /* A root at −1 when 2 + 2β − lr λ = 0: momentum lets the steep direction
     * take up to (1 + β) times the plain limit before it overshoots. */
    return 2.0 * (1.0 + beta) / lambda[0];
}
