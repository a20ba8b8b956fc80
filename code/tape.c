#include "tape.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

void tape_free(Tape *tape)
{
    free(tape->nodes);
    *tape = (Tape){0};
}

Status tape_check(const Tape *tape, Error *err)
{
    if (tape->out_of_memory)
        return fail(err, STATUS_NO_MEMORY, "out of memory for a tape of more than %zu nodes",
                    tape->count);
    return STATUS_OK;
}

void tape_reset(Tape *tape, size_t keep)
{
    if (keep < tape->count)
        tape->count = keep;
}

size_t tape_size(const Tape *tape)
{
    return tape->count;
}

/* Doubles the room (64 nodes at first). False, with nothing changed, when
 * the size would overflow or realloc fails. */
static bool grow(Tape *tape)
{
    size_t capacity = tape->capacity == 0 ? 64 : 2 * tape->capacity;
    if (capacity < tape->capacity || capacity > SIZE_MAX / sizeof *tape->nodes)
        return false;
    TapeNode *nodes = realloc(tape->nodes, capacity * sizeof *nodes);
    if (nodes == NULL)
        return false;
    tape->nodes = nodes;
    tape->capacity = capacity;
    return true;
}

//> tape_push
/* Appends a node; TAPE_NONE once the tape cannot grow. inputs, local: arity */
static Var push(Tape *tape, const char *op, double value, size_t arity,
                const Var inputs[2], const double local[2])
{
    if (tape->out_of_memory || (tape->count == tape->capacity && !grow(tape))) {
        tape->out_of_memory = true;
        return TAPE_NONE;
    }
    TapeNode *node = &tape->nodes[tape->count];
    *node = (TapeNode){.op = op, .value = value, .grad = 0.0, .arity = arity};
    for (size_t k = 0; k < arity; k++) {
        node->input[k] = inputs[k].id;
        node->local[k] = local[k];
    }
    return (Var){tape->count++};
}
//< tape_push

static bool on_tape(const Tape *tape, Var v)
{
    return v.id < tape->count;
}

double tape_value(const Tape *tape, Var v)
{
    return on_tape(tape, v) ? tape->nodes[v.id].value : NAN;
}

double tape_grad(const Tape *tape, Var v)
{
    return on_tape(tape, v) ? tape->nodes[v.id].grad : NAN;
}

void tape_set_value(Tape *tape, Var v, double value)
{
    if (on_tape(tape, v) && tape->nodes[v.id].arity == 0)
        tape->nodes[v.id].value = value;
}

void tape_zero_grad(Tape *tape, Var v)
{
    if (on_tape(tape, v))
        tape->nodes[v.id].grad = 0.0;
}

Var tape_leaf(Tape *tape, double value)
{
    return push(tape, "leaf", value, 0, NULL, NULL);
}

/* An input that is not on the tape (TAPE_NONE, after a failed growth) makes
 * a node that is not on the tape either. */
Var tape_unary(Tape *tape, const char *op, double value, Var u, double d_u)
{
    if (!on_tape(tape, u))
        return TAPE_NONE;
    return push(tape, op, value, 1, (Var[2]){u, u}, (double[2]){d_u, 0.0});
}

Var tape_binary(Tape *tape, const char *op, double value, Var u, double d_u, Var v,
                double d_v)
{
    if (!on_tape(tape, u) || !on_tape(tape, v))
        return TAPE_NONE;
    return push(tape, op, value, 2, (Var[2]){u, v}, (double[2]){d_u, d_v});
}

Var tape_add(Tape *tape, Var u, Var v)
{
    /* ∂(u + v)/∂u = 1, ∂(u + v)/∂v = 1 */
    return tape_binary(tape, "add", tape_value(tape, u) + tape_value(tape, v), u, 1.0, v,
                       1.0);
}

Var tape_sub(Tape *tape, Var u, Var v)
{
    /* ∂(u − v)/∂u = 1, ∂(u − v)/∂v = −1 */
    return tape_binary(tape, "sub", tape_value(tape, u) - tape_value(tape, v), u, 1.0, v,
                       -1.0);
}

//> tape_ops
Var tape_mul(Tape *tape, Var u, Var v)
{
    /* ∂(u v)/∂u = v, ∂(u v)/∂v = u: each input's derivative is the other */
    double u_value = tape_value(tape, u), v_value = tape_value(tape, v);
    return tape_binary(tape, "mul", u_value * v_value, u, v_value, v, u_value);
}

Var tape_square(Tape *tape, Var u)
{
    /* ∂(u²)/∂u = 2u */
    double u_value = tape_value(tape, u);
    return tape_unary(tape, "square", u_value * u_value, u, 2.0 * u_value);
}
//< tape_ops

Var tape_relu(Tape *tape, Var u)
{
    /* Slope 1 where u > 0, 0 elsewhere (at the kink itself, 0 too, as in
     * PyTorch: any value between 0 and 1 would do). */
    double u_value = tape_value(tape, u);
    return tape_unary(tape, "relu", u_value > 0.0 ? u_value : 0.0, u,
                      u_value > 0.0 ? 1.0 : 0.0);
}

Var tape_tanh(Tape *tape, Var u)
{
    /* ∂tanh(u)/∂u = 1 − tanh²(u): the derivative comes from the value. */
    double t = tanh(tape_value(tape, u));
    return tape_unary(tape, "tanh", t, u, 1.0 - t * t);
}

Var tape_exp(Tape *tape, Var u)
{
    /* ∂e^u/∂u = e^u: the derivative is the value itself. */
    double e = exp(tape_value(tape, u));
    return tape_unary(tape, "exp", e, u, e);
}

Var tape_log(Tape *tape, Var u)
{
    /* ∂ln(u)/∂u = 1/u */
    double u_value = tape_value(tape, u);
    return tape_unary(tape, "log", log(u_value), u, 1.0 / u_value);
}

Var tape_sum(Tape *tape, const Var *terms, size_t count)
{
    if (count == 0)
        return tape_leaf(tape, 0.0);
    Var sum = terms[0];
    for (size_t i = 1; i < count; i++)
        sum = tape_add(tape, sum, terms[i]);
    return sum;
}

//> tape_mean
Var tape_mean(Tape *tape, const Var *terms, size_t count)
{
    /* ∂(s / count)/∂s = 1 / count */
    Var sum = tape_sum(tape, terms, count);
    return tape_unary(tape, "mean", tape_value(tape, sum) / (double)count, sum,
                      1.0 / (double)count);
}
//< tape_mean

//> tape_backward
void tape_backward(Tape *tape, Var loss)
{
    if (!on_tape(tape, loss))
        return;
    TapeNode *nodes = tape->nodes;
    /* A computed node's grad is scratch for this walk; a leaf's is the answer,
     * and is left to add up. */
    for (size_t k = 0; k <= loss.id; k++)
        if (nodes[k].arity > 0)
            nodes[k].grad = 0.0;
    nodes[loss.id].grad += 1.0; /* ∂loss/∂loss */

    /* Backwards, so that a node's grad is complete before it is passed on:
     * every node that used it comes later on the tape. */
    for (size_t k = loss.id + 1; k-- > 0;) {
        const TapeNode *node = &nodes[k];
        for (size_t j = 0; j < node->arity; j++)
            nodes[node->input[j]].grad += node->grad * node->local[j]; /* chain rule */
    }
}
//< tape_backward
