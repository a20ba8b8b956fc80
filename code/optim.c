#include "optim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "heavy_ball.h"

//> plain_step
void plain_step(double *a, const double *grad, size_t count, double lr)
{
    for (size_t j = 0; j < count; j++)
        a[j] -= lr * grad[j];
}
//< plain_step

//> adam_step
void adam_step(double *a, double *m, double *v, const double *grad, size_t count, size_t t,
               double lr, double beta1, double beta2, double eps)
{
    double correction1 = 1.0 - pow(beta1, (double)t); /* what m and v lack, from starting at 0 */
    double correction2 = 1.0 - pow(beta2, (double)t);
    for (size_t j = 0; j < count; j++) {
        m[j] = beta1 * m[j] + (1.0 - beta1) * grad[j];
        v[j] = beta2 * v[j] + (1.0 - beta2) * grad[j] * grad[j];
        double m_hat = m[j] / correction1, v_hat = v[j] / correction2;
        a[j] -= lr * m_hat / (sqrt(v_hat) + eps); /* the gradient over its typical size */
    }
}
//< adam_step

static const char *const NAMES[] = {"sgd", "momentum", "adam"};

const char *optimizer_name(OptimizerKind kind)
{
    return NAMES[kind];
}

bool optimizer_from_name(const char *name, OptimizerKind *kind)
{
    for (size_t k = 0; k < sizeof NAMES / sizeof NAMES[0]; k++)
        if (strcmp(name, NAMES[k]) == 0) {
            *kind = (OptimizerKind)k;
            return true;
        }
    return false;
}

Status optimizer_init(Optimizer *opt, OptimizerKind kind, double lr, size_t count,
                      Error *err)
{
    /* One block for the three state arrays: momentum uses the first,
     * Adam the other two. */
    double *state = calloc(3 * count, sizeof *state);
    if (state == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for an optimizer of %zu parameters",
                    count);
    *opt = (Optimizer){.kind = kind,
                       .lr = lr,
                       .beta = 0.9,
                       .beta1 = 0.9,
                       .beta2 = 0.999,
                       .eps = 1e-8,
                       .count = count,
                       .velocity = state,
                       .m = state + count,
                       .v = state + 2 * count};
    return STATUS_OK;
}

void optimizer_free(Optimizer *opt)
{
    free(opt->velocity);
    *opt = (Optimizer){0};
}

//> optimizer_step
void optimizer_step(Optimizer *opt, double *a, const double *grad)
{
    opt->t++;
    switch (opt->kind) {
    case OPTIMIZER_SGD:
        plain_step(a, grad, opt->count, opt->lr);
        break;
    case OPTIMIZER_MOMENTUM:
        heavy_ball_step(a, opt->velocity, grad, opt->count, opt->lr, opt->beta);
        break;
    case OPTIMIZER_ADAM:
        adam_step(a, opt->m, opt->v, grad, opt->count, opt->t, opt->lr, opt->beta1,
                  opt->beta2, opt->eps);
        break;
    }
}
//< optimizer_step
