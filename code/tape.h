/*
 * tape.h — what loss.backward() computes: reverse-mode automatic
 * differentiation on a tape of numbers.
 * Introduced in chapter 08.
 *
 * Every operation on a recorded number appends a node to the tape: the value
 * it computed, the nodes it was computed from (at most two), and its local
 * derivatives, ∂value/∂input, taken at the recorded values. A node can only
 * use nodes recorded before it, so the tape is already in an order where
 * every node comes after its inputs. tape_backward() walks it the other way,
 * from the loss down to the first node, and applies the chain rule at each:
 *     grad[input] += grad[node] * local
 * When the walk reaches a node, every node that used it has already passed
 * its share down, so its grad is complete: ∂loss/∂node.
 *
 * Values are named by Var, an index into the tape rather than a pointer, so
 * the tape can grow (and move in memory) without invalidating them.
 *
 * C leaves open the order in which a call's arguments are evaluated, so in
 * tape_add(t, tape_mul(t, a, x), tape_mul(t, b, z)) either product may be
 * recorded first. The value is the same either way; to fix the order of the
 * nodes (as a printed tape, or a gradient exact to the last bit, needs),
 * record each operation on a line of its own.
 *
 * Only growth can fail, and it fails softly. An operation returns a Var, so
 * that the model reads like its formula, tape_add(t, tape_mul(t, a, x), b),
 * not like a chain of status checks. When the tape cannot grow, the operation
 * sets the tape's out_of_memory flag and returns TAPE_NONE, whose value is
 * NaN; every later operation does the same, so the flag stays set (the way
 * ferror() stays set on a stream). The caller records a whole step and then
 * checks once, with tape_check(). We chose this over reserving room up front
 * because the caller would have to count, in advance, the nodes of every
 * formula it records: the bookkeeping the tape exists to do for it.
 *
 * A tape is reused from step to step: tape_reset() forgets the nodes recorded
 * after the parameters but keeps its memory, so after the first step a
 * training loop allocates nothing.
 */
#ifndef SGD_TAPE_H
#define SGD_TAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "status.h"

/* A value recorded on a tape: the index of its node. The tape owns the node;
 * a Var stays valid until tape_reset() forgets it or tape_free(). */
typedef struct {
    size_t id;
} Var;

/* What an operation returns when the tape could not grow. */
#define TAPE_NONE ((Var){SIZE_MAX})

//> tape_node
typedef struct {
    const char *op;  /* "leaf", "add", "mul", ...: a static string */
    double value;    /* what the operation computed */
    double grad;     /* ∂loss/∂value, after tape_backward() */
    size_t arity;    /* how many inputs: 0 for a leaf, else 1 or 2 */
    size_t input[2]; /* the ids of the inputs, the first arity of them */
    double local[2]; /* ∂value/∂input[k] at the recorded values */
} TapeNode;
//< tape_node

/* Tape tape = {0} is an empty tape, ready to record. */
typedef struct {
    TapeNode *nodes; /* count nodes in a block with room for capacity */
    size_t count;
    size_t capacity;
    bool out_of_memory; /* set by the first growth that failed; never cleared */
} Tape;

/* Frees the nodes; the tape is empty again, and may record again. */
void tape_free(Tape *tape);

/* STATUS_NO_MEMORY (with a message) if any operation since the tape was
 * made could not grow it; then none of the Vars it returned is usable. */
Status tape_check(const Tape *tape, Error *err);

/* Forgets every node after the first keep (the parameters, recorded first),
 * keeping their values and grads and the tape's memory. */
void tape_reset(Tape *tape, size_t keep);

/* How many nodes the tape holds. */
size_t tape_size(const Tape *tape);

/* --- Recording. Each appends one node and returns it. ------------------- */

/* A number that was not computed on this tape: a parameter, or an input. */
Var tape_leaf(Tape *tape, double value);

Var tape_add(Tape *tape, Var u, Var v);    /* u + v */
Var tape_sub(Tape *tape, Var u, Var v);    /* u − v */
Var tape_mul(Tape *tape, Var u, Var v);    /* u · v */
Var tape_square(Tape *tape, Var u);        /* u²    */
Var tape_relu(Tape *tape, Var u);          /* max(u, 0) */
Var tape_tanh(Tape *tape, Var u);          /* tanh u */
Var tape_exp(Tape *tape, Var u);           /* e^u (chapter 11: softmax) */
Var tape_log(Tape *tape, Var u);           /* ln u, u > 0 (chapter 11: cross-entropy) */

/* terms[0] + … + terms[count − 1], as a chain of count − 1 additions (none
 * for one term; a leaf 0 for none). terms: count */
Var tape_sum(Tape *tape, const Var *terms, size_t count);

/* The sum divided by count: one more node. terms: count, count ≥ 1 */
Var tape_mean(Tape *tape, const Var *terms, size_t count);

/* The building blocks of every operation above, for recording new ones:
 * a node named op (a static string) whose value the caller computed from u
 * (and v), with the local derivatives d_u = ∂value/∂u (and d_v = ∂value/∂v). */
Var tape_unary(Tape *tape, const char *op, double value, Var u, double d_u);
Var tape_binary(Tape *tape, const char *op, double value, Var u, double d_u, Var v,
                double d_v);

/* --- Reading and writing outside the recording (torch.no_grad()). ------- */

/* The number in v (NaN for TAPE_NONE). Copying it out is .detach(): what
 * you get is a plain double, which knows nothing of how it was computed. */
double tape_value(const Tape *tape, Var v);

/* ∂loss/∂v after tape_backward(loss) (NaN for TAPE_NONE). */
double tape_grad(const Tape *tape, Var v);

/* Changes the number in the leaf v without recording anything: the update
 * a -= lr * grad, done under torch.no_grad(). A computed node is left alone
 * (its value must stay what its inputs gave), and so is TAPE_NONE. */
void tape_set_value(Tape *tape, Var v, double value);

/* v.grad = 0: a.grad.zero_(). */
void tape_zero_grad(Tape *tape, Var v);

/* loss.backward(): the grad of every node up to loss becomes ∂loss/∂node.
 * The grads of computed nodes are cleared first, then the chain rule runs
 * from loss down to node 0, adding into each input's grad. Leaves are not
 * cleared: their grads ADD UP over calls until tape_zero_grad(), exactly like
 * a tensor's .grad in PyTorch. Does nothing for TAPE_NONE. */
void tape_backward(Tape *tape, Var loss);

#endif
