/*
 * Exercise ch11/tanh-layer — another activation, as a layer.
 *
 * Chapter 10's network could use tanh instead of relu (code/network.h has
 * ACTIVATION_TANH), and the tape knows tanh (tape_tanh()). As a layer in
 * the style of code/layers.h it is two functions: the forward, number by
 * number, out = tanh(inp); and the backward, handed dout = ∂loss/∂out, adds
 * ∂loss/∂inp into dinp by the chain rule. The derivative of tanh comes from
 * its value: ∂tanh(u)/∂u = 1 − tanh²(u). So the backward needs only the
 * forward's output, not its input.
 *
 * Task: write tanh_forward() (out[j] = tanh(inp[j]) for j < n) and
 *   tanh_backward() (dinp[j] += dout[j] · (1 − out[j]²): add, +=, as every
 *   backward in layers.h does, so that a gradient from two uses adds up).
 *   May call: tanh() from math.h.
 *
 * Hint: relu_forward() and relu_backward() in code/layers.c have the same
 * shape; try the network in chapters/11-digits/main.c with your layer in
 * place of relu (keep z1 for the forward's input and h for its output).
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "tanh-layer.h"

#include <math.h>
#include <stddef.h>

void tanh_forward(double *out, const double *inp, size_t n)
{
    /* TODO: your code here */
    (void)out;
    (void)inp;
    (void)n;
}

void tanh_backward(double *dinp, const double *out, const double *dout, size_t n)
{
    /* TODO: your code here */
    (void)dinp;
    (void)out;
    (void)dout;
    (void)n;
}
