/*
 * A common wrong answer to ch08/backward: the tape walked from node 0 up.
 * expect: 0 is what walking the tape forwards gives
 * (tools/exercises.sh check: its test must fail, saying so.)
 */
#include "backward.h"

#include "tape.h"

void backward_pass(Tape *tape, Var loss)
{
    if (loss.id >= tape->count)
        return;
    TapeNode *nodes = tape->nodes;
    for (size_t k = 0; k <= loss.id; k++)
        if (nodes[k].arity > 0)
            nodes[k].grad = 0.0;
    nodes[loss.id].grad += 1.0;
    for (size_t k = 0; k <= loss.id; k++)
        for (size_t j = 0; j < nodes[k].arity; j++)
            nodes[nodes[k].input[j]].grad += nodes[k].grad * nodes[k].local[j];
}
