/*
 * Exercise ch02/mae — another way to score a guess: the mean absolute error.
 *
 * The mean squared error squares each miss. The mean absolute error takes
 * its size instead, so a miss of 10 costs 10, not 100: big misses count for
 * less, and the loss has a corner wherever a miss is 0.
 *
 * Task: return (1/n) * (|y_hat[0] − y[0]| + … + |y_hat[n-1] − y[n-1]|).
 *   y_hat: n, y: n, n ≥ 1.
 *   May call: fabs() from <math.h>.
 *
 * Hint: fabs() is the absolute value of a double. abs() is the absolute
 * value of an int: given a double it would cut 0.5 down to 0, so the
 * course's flags refuse to compile it.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "mae.h"

#include <math.h>

double mean_absolute_error(const double *y_hat, const double *y, size_t n)
{
    /* TODO: your code here */
    (void)y_hat;
    (void)y;
    (void)n;
    return 0.0;
}
