#include "sgd.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "format.h"
#include "gradient.h"
#include "loss.h"
#include "watch.h"

Status history_allocate(History *history, size_t epochs, Error *err)
{
    history->epochs = epochs;
    history->iterations = 0;
    history->trace_count = 0;
    history->loss = malloc((epochs + 1) * sizeof *history->loss);
    history->a = malloc((epochs + 1) * 2 * sizeof *history->a);
    if (history->loss == NULL || history->a == NULL) {
        history_free(history);
        return fail(err, STATUS_NO_MEMORY, "out of memory for a history of %zu epochs",
                    epochs);
    }
    return STATUS_OK;
}

void history_free(History *history)
{
    free(history->loss);
    free(history->a);
    history->loss = NULL;
    history->a = NULL;
}

double loss_and_gradient_from_sums(const double sums[3], size_t m, double grad[2])
{
    grad[0] = sums[1] * (2.0 / (double)m);
    grad[1] = sums[2] * (2.0 / (double)m);
    return sums[0] / (double)m;
}

//> loss_and_gradient
double loss_and_gradient(const double *x, const double *y, size_t n, const double a[2],
                         double grad[2])
{
    /* loss_of() and gradient() each walk all n points to compute the same
     * miss r = x_i·a − y_i; here one walk computes it once and uses it twice. */
    double sums[3] = {0.0, 0.0, 0.0}; /* Σ r², Σ r·x1, Σ r·x2 */
    for (size_t i = 0; i < n; i++)
        add_miss(&x[2 * i], y[i], a, sums);
    return loss_and_gradient_from_sums(sums, n, grad);
}
//< loss_and_gradient

//> sgd_update
double sgd_update(const double *x, const double *y, size_t n, double a[2], double lr)
{
    double grad[2];
    double loss = loss_and_gradient(x, y, n, a, grad); /* how wrong, and which way is uphill */
    a[0] -= lr * grad[0];                              /* so step the other way */
    a[1] -= lr * grad[1];
    return loss;
}
//< sgd_update

//> loss_diverged
bool loss_diverged(double loss, double start_loss)
{
    /* With a learning rate below the stable bound, full-batch descent on this
     * loss never goes uphill, so a loss ten times its start means the steps
     * are overshooting further each time. (Minibatch steps jitter, but around
     * a loss far below the start.) !isfinite catches inf and nan. */
    return !isfinite(loss) || loss > 10.0 * start_loss;
}
//< loss_diverged


/* True when every x1 of data is the same. */
static bool all_x_equal(const Dataset *data)
{
    for (size_t i = 1; i < data->n; i++)
        if (data->x[2 * i] != data->x[0])
            return false;
    return true;
}

void line_divergence_advice(char *text, size_t size, const Dataset *data)
{
    double lambda[2];
    hessian_eigenvalues(data->x, data->n, lambda);
    double bound = 2.0 / lambda[0], condition = lambda[0] / lambda[1];
    char why[240] = "";
    /* Every x the same is no scaling problem: there is no slope to find. */
    if (all_x_equal(data))
        snprintf(why, sizeof why,
                 "; every x is %g, so the slope is not determined (any line through the "
                 "points' middle fits as well) and no rescaling of x can change that",
                 data->x[0]);
    else if (condition > BADLY_SCALED)
        snprintf(why, sizeof why, "; but %s", SCALING_ADVICE);
    snprintf(text, size,
             "; on this data full-batch descent is stable only for lr < %.4g, so try "
             "--lr %.2g%s",
             bound, bound / 2.0, why);
}

bool past_stable_bound(const Dataset *data, double lr, double beta, char *text, size_t size)
{
    double lambda[2];
    hessian_eigenvalues(data->x, data->n, lambda);
    double bound = 2.0 * (1.0 + beta) / lambda[0];
    if (lr < bound)
        return false;
    /* Enough digits that the bound reads as below lr: 0.99966 is "0.9997"
     * to 4 digits, which would read as above a rate of 0.99968. */
    char rate[NUMBER_TEXT], limit[NUMBER_TEXT];
    format_exact(lr, rate);
    for (int digits = 4; digits <= 17; digits++) {
        snprintf(limit, sizeof limit, "%.*g", digits, bound);
        if (lr == bound || strtod(limit, NULL) < lr)
            break;
    }
    snprintf(text, size,
             "lr %s is not below the stable bound %s%s\nof full-batch descent on this data: "
             "along the steepest direction each step\nlands %s,\nso %s. Take a smaller "
             "rate.\n",
             rate, limit, beta > 0.0 ? " (with momentum, 2(1 + beta)/lambda_max)" : "",
             lr > bound ? "further past the bottom than it started"
                        : "as far past the bottom as it started",
             lr > bound ? "the loss grows without end, however slowly at first"
                        : "the run swings back and forth for ever and gets no closer");
    return true;
}

//> train_full_batch
Status train_full_batch(const Dataset *data, double a[2], double lr, size_t epochs,
                        History *history, Error *err)
{
    Watch watch = watch_line_into(data, "step", epochs, lr, history->loss, history->a);
    for (size_t t = 0;; t++) {
        double grad[2];
        double loss = loss_and_gradient(data->x, data->y, data->n, a, grad);
        if (!watch_row(&watch, t, a, loss) || t == epochs)
            break;
        a[0] -= lr * grad[0];
        a[1] -= lr * grad[1];
        history->iterations++;
    }
    if (!watch_end(&watch))
        return fail(err, STATUS_DIVERGED, "%s", watch.message);
    return STATUS_OK;
}
//< train_full_batch
