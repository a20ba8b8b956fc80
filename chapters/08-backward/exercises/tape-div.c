/*
 * Exercise ch08/tape-div — division on the tape: two inputs, two slopes.
 *
 * An operation of two inputs records one local derivative for each: how
 * much its value moves when that input alone moves. For q = u / v:
 *     ∂q/∂u = 1 / v          (u moves q in proportion)
 *     ∂q/∂v = −u / v²        (a larger v makes q smaller)
 * With it, a mean can be recorded as a sum divided by a count, and a loss
 * can hold ratios, which the library's operations cannot record.
 *
 * Task: record q = u / v as one node named "div", with inputs u then v,
 *   value u / v and the two local derivatives above, and return it.
 *   u, v: nodes on the tape, v ≠ 0. If either is TAPE_NONE, return
 *   TAPE_NONE: tape_binary() already does that for you.
 *   May call: tape_value() and tape_binary() from tape.h.
 *
 * Hint: tape_binary(tape, "div", value, u, d_u, v, d_v). Compute both local
 * derivatives from the numbers in u and v before recording: the node keeps
 * the numbers, not a formula.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "tape-div.h"

#include "tape.h"

Var tape_div(Tape *tape, Var u, Var v)
{
    /* TODO: your code here */
    (void)tape;
    (void)u;
    (void)v;
    return TAPE_NONE;
}
