/* Solution to ch07/step-decay: lr · drop^⌊t / every⌋. */
#include "step-decay.h"

#include <math.h>

double step_decay_lr(double lr, double drop, size_t every, size_t t)
{
    size_t periods = t / every; /* whole periods passed: the fraction dropped */
    return lr * pow(drop, (double)periods);
}
