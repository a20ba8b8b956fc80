/* min-max.h — exercise ch06/min-max (the task is in min-max.c). */
#ifndef EXERCISE_MIN_MAX_H
#define EXERCISE_MIN_MAX_H

/* The line y = a_scaled[0]·x' + a_scaled[1], fitted on
 * x' = (2x − (high + low)) / (high − low), as a line in x: a[0]·x + a[1].
 * a_scaled: 2, a: 2; low < high */
void min_max_to_data_units(double low, double high, const double a_scaled[2], double a[2]);

#endif
