/*
 * Exercise ch08/tape-sigmoid — a new operation for the tape, and a loss no
 * chapter derived.
 *
 * The sigmoid σ(u) = 1 / (1 + e^−u) squashes any number into (0, 1); it
 * is the logistic regression's output and an early neural network's unit.
 * Its derivative is neat: σ'(u) = σ(u) (1 − σ(u)). Once it is on the tape,
 * backward() differentiates any loss built with it, unchanged: the test
 * records the mean of σ(miss) over the notebook's points, which no chapter
 * worked out by hand, and checks backward()'s gradient of it against
 * finite differences.
 *
 * Task: record σ(u) as one node named "sigmoid", with input u, value σ(u)
 *   and local derivative σ(u) (1 − σ(u)), and return it.
 *   u: a node on the tape. If u is TAPE_NONE (a tape that ran out of
 *   memory), return TAPE_NONE: tape_unary() already does that for you.
 *   May call: tape_value() and tape_unary() from tape.h, exp() from math.h.
 *
 * Hint: read u's number with tape_value(), compute s = 1 / (1 + exp(-u))
 * once, then tape_unary(tape, "sigmoid", s, u, s * (1 - s)).
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
