/* Solution to ch08/tape-sigmoid: σ(u), whose local derivative is σ(1 − σ). */
#include "tape-sigmoid.h"

#include <math.h>

#include "tape.h"

Var tape_sigmoid(Tape *tape, Var u)
{
    double s = 1.0 / (1.0 + exp(-tape_value(tape, u)));
    return tape_unary(tape, "sigmoid", s, u, s * (1.0 - s)); /* ∂σ/∂u = σ(1 − σ) */
}
