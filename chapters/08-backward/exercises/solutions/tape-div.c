/* Solution to ch08/tape-div: q = u / v, with ∂q/∂u = 1/v and ∂q/∂v = −u/v². */
#include "tape-div.h"

#include "tape.h"

Var tape_div(Tape *tape, Var u, Var v)
{
    double u_value = tape_value(tape, u), v_value = tape_value(tape, v);
    return tape_binary(tape, "div", u_value / v_value, u, 1.0 / v_value, v,
                       -u_value / (v_value * v_value));
}
