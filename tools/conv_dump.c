/*
 * conv_dump.c — the convolution and max-pooling layers of code/conv.h (and
 * code/conv_fast.h) on random inputs, written out at full precision for an
 * independent program to check: reference/conv_layers.py recomputes every
 * output and gradient with PyTorch.
 *
 *     build/conv-dump | /usr/bin/python3 reference/conv_layers.py
 *
 * For each case, a line "case NAME B C H W K", then one line per array,
 * "NAME COUNT v1 v2 …" at %.17g (enough digits to read back the same
 * double): the inputs x, weight, bias, dout and pool_dout, then what C
 * computed from them: out, dx, dweight, dbias (conv3x3_forward/backward),
 * the same from the fast versions (fast_out, fast_dx, …), and max-pooling
 * of out, pool_out and pool_dx (maxpool2x2_forward/backward). Exit status 1
 * if memory runs out.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "conv.h"
#include "conv_fast.h"
#include "rng.h"

typedef struct {
    const char *name;
    size_t B, C, H, W, K;
} Shape;

/* The chapter's two convolutions on 8×8 digits, and sizes nothing divides. */
static const Shape CASES[] = {
    {"first-layer", 4, 1, 8, 8, 8},
    {"second-layer", 4, 8, 4, 4, 16},
    {"odd", 3, 5, 7, 5, 7},
};

static void write_array(const char *name, const double *a, size_t count)
{
    printf("%s %zu", name, count);
    for (size_t i = 0; i < count; i++)
        printf(" %.17g", a[i]);
    printf("\n");
}

static void fill_uniform(double *a, size_t count, Rng *rng)
{
    for (size_t i = 0; i < count; i++)
        a[i] = rng_uniform_between(rng, -1.0, 1.0);
}

/* Every array one case needs, in one block. */
typedef struct {
    double *block;
    double *x, *weight, *bias, *dout, *out, *dx, *dweight, *dbias;
    double *fast_out, *fast_dx, *fast_dweight, *fast_dbias, *scratch;
    double *pool_dout, *pool_out, *pool_dx;
    size_t *argmax;
} Arrays;

static bool arrays_alloc(Arrays *a, const Shape *s)
{
    size_t nx = s->B * s->C * s->H * s->W, nw = s->K * s->C * 9, no = s->B * s->K * s->H * s->W;
    size_t np = s->B * s->K * (s->H / 2) * (s->W / 2);
    size_t ns = conv3x3_fast_scratch(s->C, s->H, s->W, s->K);
    size_t sizes[] = {nx, nw, s->K, no, no, nx, nw, s->K, no, nx, nw, s->K, ns, np, np, no};
    size_t total = 0;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
        total += sizes[k];
    a->block = calloc(total, sizeof *a->block);
    a->argmax = malloc((np > 0 ? np : 1) * sizeof *a->argmax);
    if (a->block == NULL || a->argmax == NULL) {
        free(a->block);
        free(a->argmax);
        return false;
    }
    double **slots[] = {&a->x,        &a->weight,       &a->bias,       &a->dout,
                        &a->out,      &a->dx,           &a->dweight,    &a->dbias,
                        &a->fast_out, &a->fast_dx,      &a->fast_dweight, &a->fast_dbias,
                        &a->scratch,  &a->pool_dout,    &a->pool_out,   &a->pool_dx};
    double *next = a->block;
    for (size_t k = 0; k < sizeof slots / sizeof slots[0]; k++) {
        *slots[k] = next;
        next += sizes[k];
    }
    return true;
}

static void arrays_free(Arrays *a)
{
    free(a->block);
    free(a->argmax);
}

static bool dump_case(const Shape *s, Rng *rng)
{
    Arrays a;
    if (!arrays_alloc(&a, s))
        return false;
    size_t B = s->B, C = s->C, H = s->H, W = s->W, K = s->K;
    size_t nx = B * C * H * W, nw = K * C * 9, no = B * K * H * W, np = B * K * (H / 2) * (W / 2);
    fill_uniform(a.x, nx, rng);
    fill_uniform(a.weight, nw, rng);
    fill_uniform(a.bias, K, rng);
    fill_uniform(a.dout, no, rng);
    fill_uniform(a.pool_dout, np, rng);

    conv3x3_forward(a.out, a.x, a.weight, a.bias, B, C, H, W, K);
    conv3x3_backward(a.dx, a.dweight, a.dbias, a.dout, a.x, a.weight, B, C, H, W, K);
    conv3x3_forward_fast(a.fast_out, a.x, a.weight, a.bias, B, C, H, W, K, a.scratch);
    conv3x3_backward_fast(a.fast_dx, a.fast_dweight, a.fast_dbias, a.dout, a.x, a.weight, B, C,
                          H, W, K, a.scratch);
    maxpool2x2_forward(a.pool_out, a.argmax, a.out, B, K, H, W);
    maxpool2x2_backward(a.pool_dx, a.pool_dout, a.argmax, B, K, H, W);

    printf("case %s %zu %zu %zu %zu %zu\n", s->name, B, C, H, W, K);
    write_array("x", a.x, nx);
    write_array("weight", a.weight, nw);
    write_array("bias", a.bias, K);
    write_array("dout", a.dout, no);
    write_array("pool_dout", a.pool_dout, np);
    write_array("out", a.out, no);
    write_array("dx", a.dx, nx);
    write_array("dweight", a.dweight, nw);
    write_array("dbias", a.dbias, K);
    write_array("fast_out", a.fast_out, no);
    write_array("fast_dx", a.fast_dx, nx);
    write_array("fast_dweight", a.fast_dweight, nw);
    write_array("fast_dbias", a.fast_dbias, K);
    write_array("pool_out", a.pool_out, np);
    write_array("pool_dx", a.pool_dx, no);
    arrays_free(&a);
    return true;
}

int main(void)
{
    Rng rng = rng_seeded(42);
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++)
        if (!dump_case(&CASES[k], &rng)) {
            fprintf(stderr, "conv-dump: out of memory\n");
            return 1;
        }
    return fflush(stdout) == 0 ? 0 : 1;
}
