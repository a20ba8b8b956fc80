/*
 * Exercise ch06/best-rate — the one fixed rate that is best.
 *
 * In chapter 06, each step of gradient descent multiplies the distance to
 * the best a by (1 − lr·λmax) along the bowl's steep direction and by
 * (1 − lr·λmin) along its flat one. The slower of the two,
 *     rho(lr) = max(|1 − lr·λmax|, |1 − lr·λmin|),
 * sets how many steps it takes: about ln(1e-3) / ln(rho) to get 1000 times
 * closer. A small rate leaves 1 − lr·λmin close to 1 (the crawl); a large
 * one makes |1 − lr·λmax| large (the overshoot). The table in section 2 of
 * build/ch06 has its fewest steps in between.
 *
 * Task: return the learning rate lr that makes rho(lr) as small as it can
 *   be, and write that smallest rho into *rho.
 *   lambda: 2 with lambda[0] = λmax ≥ lambda[1] = λmin > 0.
 *   May call: nothing (plain arithmetic).
 *
 * Hint: as lr grows, 1 − lr·λmin falls and lr·λmax − 1 rises; the best rate
 * is where they are equal. (Not 1/λmax: that rate is best for the steep
 * direction alone.)
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "best-rate.h"

double best_rate(const double lambda[2], double *rho)
{
    /* TODO: your code here */
    (void)lambda;
    (void)rho;
    return 0.0;
}
