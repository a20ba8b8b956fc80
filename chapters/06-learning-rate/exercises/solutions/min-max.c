/* Solution to ch06/min-max: y = a1'·(2x − (high + low))/(high − low) + a2', multiplied out. */
#include "min-max.h"

void min_max_to_data_units(double low, double high, const double a_scaled[2], double a[2])
{
    double width = high - low;
    a[0] = 2.0 * a_scaled[0] / width;                         /* x' grows 2/width per unit of x */
    a[1] = a_scaled[1] - a_scaled[0] * (high + low) / width; /* the line's value at x = 0 */
}
