/*
 * Exercise ch07/step-decay — a rate that falls in steps.
 *
 * Chapter 07's decaying rate, lr / (1 + t/T), shrinks a little at every
 * iteration. Many training recipes shrink it in steps instead: keep lr for
 * a while, then cut it (to a half, or a tenth), keep that for as long, cut
 * it again. Like the smooth schedule, it lets SGD take big steps early and
 * small ones once the gradient's noise is all that is left.
 *
 * Task: return the rate at iteration t (the first iteration is t = 0):
 *     lr · drop^k,   where k = ⌊t / every⌋, the number of whole periods of
 *                    `every` iterations that have passed before t.
 *   So iterations 0 … every − 1 use lr, the next `every` use lr · drop, and
 *   so on. every ≥ 1; 0 < drop ≤ 1 (drop = 1: a constant rate).
 *   May call: pow() from <math.h>, or multiply in a loop.
 *
 * Hint: t / every with both size_t is already whole-number division: it
 * drops the fraction, which is what ⌊ ⌋ asks for. Dividing as doubles
 * would give a rate that falls at every iteration.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "step-decay.h"

#include <math.h>

double step_decay_lr(double lr, double drop, size_t every, size_t t)
{
    /* TODO: your code here */
    (void)lr;
    (void)drop;
    (void)every;
    (void)t;
    return 0.0;
}
