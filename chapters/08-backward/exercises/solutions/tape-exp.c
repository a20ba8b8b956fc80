/* Solution to ch08/tape-exp: e^u, whose local derivative is e^u again. */
#include "tape-exp.h"

#include <math.h>

#include "tape.h"

Var tape_exp(Tape *tape, Var u)
{
    double value = exp(tape_value(tape, u));
    return tape_unary(tape, "exp", value, u, value); /* ∂e^u/∂u = e^u */
}
