#include "model.h"

/* For run_defer(), which passes the tape as a void pointer. */
static void free_tape(void *tape)
{
    tape_free(tape);
}

Model *model_new(Run *run, size_t n)
{
    Model *model = run_alloc(run, 1, sizeof *model);
    model->run = run;
    run_defer(run, free_tape, &model->tape); /* before the tape holds anything */
    model->a[0] = tape_leaf(&model->tape, A_START[0]);
    model->a[1] = tape_leaf(&model->tape, A_START[1]);
    model_check(model);
    model->y_hat = run_alloc(run, n, sizeof *model->y_hat);
    model->squared = run_alloc(run, n, sizeof *model->squared);
    return model;
}

void model_free(Model *model)
{
    tape_free(&model->tape);
}

void model_check(const Model *model)
{
    Error err;
    run_check(model->run, tape_check(&model->tape, &err), &err);
}

double *model_a(const Model *model, double a[2])
{
    a[0] = tape_value(&model->tape, model->a[0]);
    a[1] = tape_value(&model->tape, model->a[1]);
    return a;
}

double *model_grad(const Model *model, double grad[2])
{
    grad[0] = tape_grad(&model->tape, model->a[0]);
    grad[1] = tape_grad(&model->tape, model->a[1]);
    return grad;
}
