/*
 * Exercise ch08/backward — loss.backward(), typed in yourself.
 *
 * The tape holds its nodes in the order they were recorded: tape->nodes[0]
 * to tape->nodes[tape->count − 1], each a TapeNode with its value, its grad,
 * its arity (0 for a leaf, else 1 or 2), the ids of its inputs in input[]
 * and its local derivatives in local[] (see code/tape.h). A node only uses
 * nodes recorded before it, so walking the tape from the loss down to node
 * 0 meets every node after all the nodes that use it: by then its grad is
 * complete, and it can pass its share on to its inputs (the chain rule).
 *
 * Task: write the three steps of tape_backward().
 *   1. Clear the grad of every computed node (arity > 0) from node 0 up to
 *      and including the loss. Leave the leaves' grads as they are: they
 *      add up from call to call, like a tensor's .grad, until zeroed.
 *   2. Add 1 to the loss's grad: ∂loss/∂loss = 1.
 *   3. For each node k from loss.id down to 0, and each of its inputs j:
 *          nodes[input[j]].grad += nodes[k].grad * local[j]
 *   loss: a node on the tape. If loss.id ≥ tape->count (TAPE_NONE, or a
 *   node forgotten by tape_reset()), change nothing.
 *   May call: no function (not tape_backward(), which this exercise is).
 *
 * Hint: k counts down and is a size_t, so "k >= 0" is always true. Loop
 * with for (size_t k = loss.id + 1; k-- > 0;), which runs k = loss.id … 0.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "backward.h"

#include "tape.h"

void backward_pass(Tape *tape, Var loss)
{
    /* TODO: your code here */
    (void)tape;
    (void)loss;
}
