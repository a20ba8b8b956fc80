/*
 * Exercise ch10/leaky-relu — a ReLU that never quite switches off.
 *
 * relu(u) is 0 for every u ≤ 0, with slope 0 there, so a unit whose input
 * is negative at every point gets no gradient at all and never moves again
 * (exercise dead-units counts such units). The leaky ReLU keeps a small
 * slope on the negative side instead,
 *     leaky(u) = u          where u > 0,
 *     leaky(u) = slope·u    where u ≤ 0   (slope small, such as 0.01),
 * so a unit that has drifted off the data still gets a little gradient and
 * can find its way back.
 *
 * Task: record leaky(u) as one node named "leaky_relu", with input u, its
 *   value as above and its local derivative ∂leaky/∂u: 1 where u > 0, slope
 *   where u ≤ 0 (at u = 0 itself take slope, as tape_relu() takes 0 there).
 *   Return the node. If u is TAPE_NONE (a tape that ran out of memory),
 *   return TAPE_NONE: tape_unary() already does that for you.
 *   May call: tape_value() and tape_unary() from tape.h.
 *
 * Hint: tape_relu() in code/tape.c is the case slope = 0.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "leaky-relu.h"

#include "tape.h"

Var tape_leaky_relu(Tape *tape, Var u, double slope)
{
    /* TODO: your code here */
    (void)tape;
    (void)u;
    (void)slope;
    return TAPE_NONE;
}
