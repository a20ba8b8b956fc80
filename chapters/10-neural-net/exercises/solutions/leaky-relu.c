/* Solution to ch10/leaky-relu: slope 1 where u > 0, slope elsewhere. */
#include "leaky-relu.h"

#include "tape.h"

Var tape_leaky_relu(Tape *tape, Var u, double slope)
{
    double u_value = tape_value(tape, u);
    double local = u_value > 0.0 ? 1.0 : slope; /* ∂leaky/∂u */
    return tape_unary(tape, "leaky_relu", local * u_value, u, local);
}
