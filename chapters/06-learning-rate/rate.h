/*
 * rate.h — what the algebra says of a fixed learning rate on a bowl whose
 * curvatures (the eigenvalues of the Hessian) are lambda[0] ≥ lambda[1]:
 * how fast each step closes the distance to the best a, and how many steps
 * it takes. Chapter 06's lessons measure it (main.c); the tables, figures
 * and advice print it (show.c).
 */
#ifndef CH06_RATE_H
#define CH06_RATE_H

/* rho = max |1 − lr·λ|: the factor a step at least shrinks the distance by. lambda: 2 */
double convergence_factor(const double lambda[2], double lr);

/* ln rho, exact to the last digits even when rho is within 1e-16 of 1. lambda: 2 */
double log_convergence_factor(const double lambda[2], double lr);

/* Steps until the distance is 1/1000 of the start's, at most: INFINITY when
 * rho ≥ 1. lambda: 2 */
double predicted_steps(const double lambda[2], double lr);

#endif
