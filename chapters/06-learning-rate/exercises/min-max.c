/*
 * Exercise ch06/min-max — another way to rescale x, and the way back.
 *
 * Chapter 06 standardizes x, x' = (x − mean) / sd, so that gradient descent
 * sees a round bowl. Another common rescaling squeezes x into [−1, 1] by
 * its smallest and largest values, low and high:
 *     x' = (2x − (high + low)) / (high − low),
 * so that x = low becomes −1, x = high becomes 1 and the middle 0 (y is left
 * as it is). Descent on x' is fast too; but the line it finds,
 * y = a1'·x' + a2', is in the units of x', and your reader wants it in x.
 *
 * Task: given low < high and the line a_scaled = (a1', a2') fitted on x',
 *   write into a the same line in the data's units: a[0]·x + a[1] must be
 *   a1'·x' + a2' for every x.
 *   a_scaled: 2, a: 2. May call: nothing (plain arithmetic).
 *
 * Hint: put x' = (2x − (high + low)) / (high − low) into the line and
 * multiply out. Check: at x = low the line must give a2' − a1', at
 * x = high a2' + a1'.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "min-max.h"

void min_max_to_data_units(double low, double high, const double a_scaled[2], double a[2])
{
    /* TODO: your code here */
    (void)low;
    (void)high;
    (void)a_scaled;
    (void)a;
}
