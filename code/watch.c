#include "watch.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "format.h"

size_t progress_every(size_t count)
{
    return count <= 10 ? 1 : count <= 100 ? 10 : count / 10;
}

static void line_row(const Watch *watch, size_t row)
{
    const double *a = &watch->a[watch->size * row];
    char l[NUMBER_TEXT], a1[NUMBER_TEXT], a2[NUMBER_TEXT];
    say(watch->run, "%*zu   %-9s [%s, %s]\n", watch->width, row,
        format_number(watch->loss[row], l), format_number(a[0], a1), format_number(a[1], a2));
}

static void line_advice(const Watch *watch, char *text, size_t size)
{
    line_divergence_advice(text, size, watch->run->data);
}

Watch watch_line(Run *run, const char *unit, size_t last, double lr)
{
    Watch watch = {.run = run,
                   .unit = unit,
                   .last = last,
                   .every = progress_every(last),
                   .width = (int)strlen(unit),
                   .size = 2,
                   .lr = lr,
                   .full_batch = true,
                   .row = line_row,
                   .advice = line_advice};
    watch.loss = run_alloc(run, last + 1, sizeof *watch.loss);
    watch.a = run_alloc(run, last + 1, 2 * sizeof *watch.a);
    return watch;
}

static void show_row(const Watch *watch, size_t row)
{
    if (!watch->quiet)
        (watch->row != NULL ? watch->row : line_row)(watch, row);
}

/* The first row a blow-up at t must print so that no row is hidden: the one
 * right after the last row printed before t (1 after row 0), or 0 at the
 * start. */
static size_t first_unshown_row(size_t t, size_t every)
{
    return t == 0 ? 0 : t - (t - 1) % every;
}

/* Where and why, in the one message: row t, after update iteration; then
 * the program ends, unless this run survives its blow-up. Returns false. */
static bool blow_up(Watch *watch, size_t t, size_t iteration)
{
    watch->blew_up = true;
    char where[64], advice[400] = "";
    if (iteration > t || watch->name_iteration) /* minibatches: several updates an epoch */
        snprintf(where, sizeof where, "iteration %zu (%s %zu)", iteration, watch->unit, t);
    else
        snprintf(where, sizeof where, "%s %zu", watch->unit, t);
    if (watch->advice != NULL)
        watch->advice(watch, advice, sizeof advice);
    snprintf(watch->message, sizeof watch->message,
             "the loss diverged at %s with learning rate %g%s", where, watch->lr, advice);
    if (!watch->survive)
        run_failf(watch->run, STATUS_DIVERGED, "%s", watch->message);
    return false;
}

bool watch_row(Watch *watch, size_t t, const double *a, double loss)
{
    memcpy(&watch->a[watch->size * t], a, watch->size * sizeof *a);
    watch->loss[t] = loss;
    watch->rows = t + 1;
    if (watch->blew_up || loss_diverged(loss, watch->loss[0])) {
        for (size_t row = first_unshown_row(t, watch->every); row <= t; row++)
            show_row(watch, row);
        return blow_up(watch, t, watch->iterations);
    }
    if (t % watch->every == 0 || t == watch->last)
        show_row(watch, t);
    return true;
}

bool watch_batch(Watch *watch, double batch_loss, size_t m, size_t n, const double *a)
{
    watch->iterations++;
    bool finite = true;
    for (size_t k = 0; k < watch->size; k++)
        finite = finite && isfinite(a[k]);
    /* The loss of all n points is at least the batch's share m/n of it. */
    if (!finite || loss_diverged(batch_loss * (double)m / (double)n, watch->loss[0]))
        watch->blew_up = true;
    return !watch->blew_up;
}

bool watch_end(Watch *watch)
{
    if (!watch->full_batch || watch->blew_up)
        return !watch->blew_up;
    const double *loss = watch->loss;
    size_t last = watch->rows - 1;
    double limit = loss[0] * (1.0 + 1e-6); /* rounding moves a loss far less */
    if (!(loss[last] > limit))
        return true;
    size_t t = 1;
    while (!(loss[t] > limit))
        t++;
    return blow_up(watch, t, t); /* one update a row: the rise began at update t */
}
