/*
 * Exercise ch08/tape-sigmoid — a new operation for the tape: the sigmoid.
 *
 * Every operation on the tape does two things: it computes its value, and
 * it records how that value changes with each input, its local derivative.
 * backward() never needs to know what the operation was; it multiplies by
 * the local derivative and moves on. So adding an operation is two lines of
 * calculus and one call. The sigmoid squashes any number into (0, 1),
 *     σ(u) = 1 / (1 + e^(−u)),
 * the probability of logistic regression (chapter 11's softmax is its
 * many-class form), and its derivative comes from its value:
 *     ∂σ/∂u = σ(u) · (1 − σ(u)).
 *
 * Task: record σ(u) as one node named "sigmoid", with input u, value σ(u)
 *   and local derivative σ(u)(1 − σ(u)), and return it.
 *   u: a node on the tape. If u is TAPE_NONE (a tape that ran out of
 *   memory), return TAPE_NONE: tape_unary() already does that for you.
 *   May call: tape_value() and tape_unary() from tape.h, exp() from math.h.
 *
 * Hint: read u's number with tape_value() first; tape_unary(tape,
 * "sigmoid", value, u, local) appends the node and returns it. For u far
 * below 0, e^(−u) is inf and 1 / (1 + inf) is 0: that is the right answer,
 * and its slope 0 · (1 − 0) is too.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "tape-sigmoid.h"

#include <math.h>

#include "tape.h"

Var tape_sigmoid(Tape *tape, Var u)
{
    /* TODO: your code here */
    (void)tape;
    (void)u;
    return TAPE_NONE;
}
