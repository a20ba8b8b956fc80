/* tanh-layer.h — exercise ch11/tanh-layer (the task is in tanh-layer.c). */
#ifndef EXERCISE_TANH_LAYER_H
#define EXERCISE_TANH_LAYER_H

#include <stddef.h>

/* out = tanh(inp), number by number. inp, out: (n) */
void tanh_forward(double *out, const double *inp, size_t n);

/* dinp += dout · (1 − out²), out the forward's output. dinp, out, dout: (n) */
void tanh_backward(double *dinp, const double *out, const double *dout, size_t n);

#endif
