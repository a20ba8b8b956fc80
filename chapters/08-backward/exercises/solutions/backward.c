/* Solution to ch08/backward: clear, seed, and walk the tape in reverse. */
#include "backward.h"

#include "tape.h"

void backward_pass(Tape *tape, Var loss)
{
    if (loss.id >= tape->count)
        return;
    TapeNode *nodes = tape->nodes;
    for (size_t k = 0; k <= loss.id; k++)
        if (nodes[k].arity > 0)
            nodes[k].grad = 0.0; /* computed nodes start afresh; leaves add up */
    nodes[loss.id].grad += 1.0;
    for (size_t k = loss.id + 1; k-- > 0;)
        for (size_t j = 0; j < nodes[k].arity; j++)
            nodes[nodes[k].input[j]].grad += nodes[k].grad * nodes[k].local[j];
}
