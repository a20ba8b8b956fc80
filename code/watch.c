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
    line_divergence_advice(text, size, watch->context);
}

/* A row with the loss alone, for a model whose parameters are too many. */
static void loss_row(const Watch *watch, size_t row)
{
    char l[NUMBER_TEXT];
    say(watch->run, "%*zu   %s\n", watch->width, row, format_number(watch->loss[row], l));
}

Watch watch_into(const char *unit, size_t last, double lr, size_t size, double *loss,
                 double *a)
{
    return (Watch){.unit = unit,
                   .last = last,
                   .every = progress_every(last),
                   .width = (int)strlen(unit),
                   .size = size,
                   .parameters = size,
                   .loss = loss,
                   .a = a,
                   .lr = lr,
                   .quiet = true,
                   .survive = true,
                   .row = size == 2 ? line_row : loss_row};
}

Watch watch_new(Run *run, const char *unit, size_t last, double lr, size_t size)
{
    Watch watch = watch_into(unit, last, lr, size, run_alloc(run, last + 1, sizeof(double)),
                             run_alloc(run, last + 1, size * sizeof(double)));
    watch.run = run;
    watch.quiet = watch.survive = false;
    watch.started = run_seconds(run);
    return watch;
}

Watch watch_line_into(const Dataset *data, const char *unit, size_t last, double lr,
                      double *loss, double *a)
{
    Watch watch = watch_into(unit, last, lr, 2, loss, a);
    watch.full_batch = true;
    watch.advice = line_advice;
    watch.context = data;
    return watch;
}

Watch watch_line(Run *run, const char *unit, size_t last, double lr)
{
    Watch watch = watch_new(run, unit, last, lr, 2);
    watch.full_batch = true;
    watch.advice = line_advice;
    watch.context = run->data;
    return watch;
}

static void show_row(const Watch *watch, size_t row)
{
    if (!watch->quiet && watch->run != NULL)
        watch->row(watch, row);
}

/* Whether row t is shown when nothing blew up: every `every` and the last,
 * unless the chapter says otherwise. */
static bool is_due(const Watch *watch, size_t t)
{
    if (watch->due != NULL)
        return watch->due(watch, t);
    return t % watch->every == 0 || t == watch->last;
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
    /* minibatches: updates counted by watch_batch(), or named so (name_iteration) */
    if (watch->iterations > 0 || watch->name_iteration)
        snprintf(where, sizeof where, "iteration %zu (%s %zu)", iteration, watch->unit, t);
    else
        snprintf(where, sizeof where, "%s %zu", watch->unit, t);
    if (watch->advice != NULL)
        watch->advice(watch, advice, sizeof advice);
    char lr[NUMBER_TEXT];
    snprintf(watch->message, sizeof watch->message,
             "the loss diverged at %s with learning rate %s%.380s", where,
             format_exact(watch->lr, lr), advice);
    if (!watch->survive && watch->run != NULL)
        run_failf(watch->run, STATUS_DIVERGED, "%s", watch->message);
    return false;
}

/* The first row whose loss is above the start's, if the last row recorded
 * is; else 0. Below the stable bound full-batch descent never raises the
 * loss, so a rise is a blow-up, however slow. */
//> first_rise
static size_t first_rise(const Watch *watch)
{
    const double *loss = watch->loss;
    double limit = loss[0] * (1.0 + 1e-6); /* rounding moves a loss far less */
    if (!(loss[watch->rows - 1] > limit))
        return 0;
    size_t t = 1;
    while (!(loss[t] > limit))
        t++;
    return t;
}
//< first_rise

/* The trace's next row, if this watcher keeps the trace: the run the
 * reader asked for, not one that survives to be compared with others. */
static void trace(const Watch *watch, double loss, const double *a)
{
    if (watch->run != NULL && watch->run->trace != NULL && !watch->survive)
        trace_row(watch->run->trace, loss, a, watch->parameters);
}

/* A long loop's progress, on stderr: done of total (in unit), since the
 * watcher was made. */
static void note_progress(const Watch *watch, const char *unit, double done, double total)
{
    if (watch->run != NULL)
        run_progress(watch->run, unit, done, total, watch->started);
}

bool watch_row(Watch *watch, size_t t, const double *a, double loss)
{
    if (t == 0 || !watch->by_update)
        trace(watch, loss, a);
    note_progress(watch, watch->unit, (double)t, (double)watch->last);
    memcpy(&watch->a[watch->size * t], a, watch->size * sizeof *a);
    watch->loss[t] = loss;
    watch->rows = t + 1;
    if (watch->rise_first && watch->full_batch && t == watch->last && !watch->blew_up) {
        size_t rose = first_rise(watch);
        if (rose > 0) { /* the last row, then where the loss first rose */
            show_row(watch, t);
            return blow_up(watch, rose, rose);
        }
    }
    if (watch->blew_up || loss_diverged(loss, watch->loss[0])) {
        for (size_t row = first_unshown_row(t, watch->every); row <= t; row++)
            show_row(watch, row);
        return blow_up(watch, t, watch->iterations);
    }
    if (is_due(watch, t))
        show_row(watch, t);
    return true;
}

void watch_update(Watch *watch, double batch_loss, const double *a)
{
    watch->by_update = true;
    trace(watch, batch_loss, a);
}

bool watch_batch(Watch *watch, double batch_loss, size_t m, size_t n, const double *a)
{
    watch->iterations++;
    watch_update(watch, batch_loss, a);
    /* An epoch of a hundred million points lasts minutes: look at the clock
     * inside it too, every 4096 batches (a few microseconds of work). */
    if (watch->iterations % 4096 == 0)
        note_progress(watch, "iteration", (double)watch->iterations,
                      (double)watch->last * ceil((double)n / (double)m));
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
    size_t t = first_rise(watch);
    return t == 0 || blow_up(watch, t, t); /* one update a row: the rise began at update t */
}
