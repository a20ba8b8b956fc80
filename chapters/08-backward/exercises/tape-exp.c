/*
 * Exercise ch08/tape-exp — a new operation for the tape: e^u.
 *
 * Every operation on the tape does two things: it computes its value, and
 * it records how that value changes with each input, its local derivative.
 * backward() never needs to know what the operation was; it multiplies by
 * the local derivative and moves on. So adding an operation is two lines of
 * calculus and one call. The exponential is the easiest there is: the
 * derivative of e^u is e^u itself.
 *
 * Task: record e^u as one node named "exp", with input u, value e^u and
 *   local derivative ∂e^u/∂u = e^u, and return it.
 *   u: a node on the tape. If u is TAPE_NONE (a tape that ran out of
 *   memory), return TAPE_NONE: tape_unary() already does that for you.
 *   May call: tape_value() and tape_unary() from tape.h, exp() from math.h.
 *
 * Hint: read u's number with tape_value() first; tape_unary(tape, "exp",
 * value, u, local) appends the node and returns it.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "tape-exp.h"

#include <math.h>

#include "tape.h"

Var tape_exp(Tape *tape, Var u)
{
    /* TODO: your code here */
    (void)tape;
    (void)u;
    return TAPE_NONE;
}
