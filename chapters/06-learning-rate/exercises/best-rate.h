/* best-rate.h — exercise ch06/best-rate (the task is in best-rate.c). */
#ifndef EXERCISE_BEST_RATE_H
#define EXERCISE_BEST_RATE_H

/* The learning rate that makes rho(lr) = max(|1 − lr·λmax|, |1 − lr·λmin|)
 * smallest; that smallest rho goes to *rho.
 * lambda: 2, lambda[0] = λmax ≥ lambda[1] = λmin > 0 */
double best_rate(const double lambda[2], double *rho);

#endif
