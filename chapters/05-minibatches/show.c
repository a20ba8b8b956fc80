#include "show.h"

#include <math.h>
#include <stdio.h>

#include "gradient.h"
#include "plot.h"
#include "sgd.h"

EpochSampler *sampler_for(Run *run, size_t batch)
{
    EpochSampler *sampler = run_alloc(run, 1, sizeof *sampler);
    size_t *order = run_alloc(run, run->data->n, sizeof *order);
    sampler_init_in(sampler, run->data, batch, order);
    return sampler;
}

/* The divergence message's advice: a rate below the bound for any batch of
 * this size (or, for a batch of all the points, chapter 04's). */
static void batch_advice(const Watch *watch, char *text, size_t size)
{
    const EpochSampler *batches = watch->context;
    minibatch_divergence_advice(text, size, batches->data, batches->batch_size);
}

Watch watch_batches(Run *run, const EpochSampler *batches, bool compared)
{
    const Options *o = run->options;
    Watch watch = watch_line(run, "epoch", o->epochs, o->lr);
    /* A minibatch run's loss jitters about a floor that can lie above a start
     * near the answer: only a loss past loss_diverged()'s limit is a blow-up. */
    watch.full_batch = false;
    watch.name_iteration = true;
    watch.advice = batch_advice;
    watch.context = batches;
    watch.quiet = compared;
    watch.survive = compared;
    return watch;
}

IterationTrace *traces_for(Run *run, size_t count)
{
    const Dataset *data = run->data;
    size_t points = trace_sample_size(data);
    Dataset *sample = run_alloc(run, 1, sizeof *sample);
    sample->x = run_alloc(run, points, 2 * sizeof *sample->x);
    sample->y = run_alloc(run, points, sizeof *sample->y);
    trace_sample(data, run_alloc(run, points, sizeof(size_t)), sample);
    IterationTrace *traces = run_alloc(run, count, sizeof *traces);
    for (size_t r = 0; r < count; r++)
        traces[r] = (IterationTrace){sample, 0, run_alloc(run, TRACE_MAX, sizeof(double)),
                                     run_alloc(run, TRACE_MAX, sizeof(double))};
    return traces;
}

/* An epoch of this many points or more takes seconds: say how far it is,
 * every tenth of it, so a long run is never silent. */
enum { LONG_EPOCH = 20000000 };

void show_step(const Watch *watch, const EpochSampler *batches, IterationTrace *trace,
               const double a[2])
{
    if (trace != NULL && !watch->blew_up)
        trace_update(trace, watch->iterations, a);
    size_t n = batches->n, tenth = n / 10, done = batches->next;
    if (watch->quiet || n < LONG_EPOCH || done >= n)
        return;
    if (done / tenth > (done - batches->batch_size) / tenth) /* a tenth passed */
        say(watch->run, "        ... epoch %zu: %zu%% of the points seen\n",
            watch->rows, /* the epoch under way follows the rows recorded */
            done / tenth * 10);
}

void say_plan(Run *run, const EpochSampler *batches)
{
    size_t n = batches->n, batch = batches->batch_size, epochs = run->options->epochs;
    size_t per_epoch = batches_per_epoch(n, batch);
    say(run, "Minibatch SGD on %zu points, batch %zu: each epoch shuffles the points and\n"
             "takes one step per batch, so an epoch is %zu iteration%s",
        n, batch, per_epoch, per_epoch == 1 ? "" : "s");
    if (n % batch != 0)
        say(run, " (the last batch has %zu points)", n % batch);
    say(run, ";\n%zu epochs are %zu iterations.\n\n", epochs, per_epoch * epochs);
    say(run, "epoch   loss      a\n");
}

void say_comparison_head(Run *run)
{
    /* The figures' folder first: one that cannot be written fails the run
     * before it spends the time of three more. */
    run_figures_dir(run);
    say(run, "\nThe same %zu epochs with three batch sizes:\n", run->options->epochs);
    say(run, "  batch   iterations   final a               final loss\n");
}

void say_comparison_row(const Run *run, size_t batch, const Watch *watch)
{
    if (watch->blew_up) {
        say(run, "  %5zu   diverged: lr %g is too large for batches of %zu\n", batch,
            watch->lr, batch);
        return;
    }
    const double *a = &watch->a[2 * watch->last];
    char a1[NUMBER_TEXT], a2[NUMBER_TEXT], loss[NUMBER_TEXT];
    say(run, "  %5zu   %10zu   [%s, %s]    %s\n", batch, watch->iterations,
        format_number(a[0], a1), format_number(a[1], a2),
        format_number(watch->loss[watch->last], loss));
}

/* "batch 1 diverged" or "batches 1 and 10 diverged" into text (size bytes),
 * or "" when no run diverged. batches, watches: RUNS */
static void name_diverged(char *text, size_t size, const size_t *batches,
                          const Watch *watches)
{
    size_t count = 0, named = 0;
    for (size_t r = 0; r < RUNS; r++)
        count += watches[r].blew_up;
    text[0] = '\0';
    if (count == 0)
        return;
    size_t used = (size_t)snprintf(text, size, count == 1 ? "batch" : "batches");
    for (size_t r = 0; r < RUNS && used < size; r++)
        if (watches[r].blew_up) {
            named++;
            used += (size_t)snprintf(text + used, size - used, "%s%zu",
                                     named == 1 ? " " : named == count ? " and " : ", ",
                                     batches[r]);
        }
    if (used < size)
        snprintf(text + used, size - used, " diverged");
}

/* The first epoch whose loss is within 10% of the floor (ignoring 1e-9 of
 * the start's, for a floor of 0), or SIZE_MAX if none is. */
static size_t epoch_reaching(const Watch *watch, double floor_loss)
{
    for (size_t e = 0; e <= watch->last; e++)
        if (watch->loss[e] <= 1.1 * floor_loss + 1e-9 * watch->loss[0])
            return e;
    return SIZE_MAX;
}

/* The per-epoch title, true of the runs: small batches learn fastest only
 * when the smallest batch is the first to reach the floor (NAN: none). A
 * title that says what diverged or what reached nothing ends in text (size
 * bytes). Returns whether the runs bear out the lesson. batches, watches: RUNS */
static bool small_batches_first(const Run *run, const size_t *batches, const Watch *watches,
                                double floor_loss, char *text, size_t size)
{
    size_t first = SIZE_MAX, first_run = 0;
    for (size_t r = 0; r < RUNS && !isnan(floor_loss); r++) {
        size_t e = watches[r].blew_up ? SIZE_MAX : epoch_reaching(&watches[r], floor_loss);
        if (e < first) {
            first = e;
            first_run = r;
        }
    }
    if (first == SIZE_MAX)
        snprintf(text, size, "none within 10%% of the floor in %zu epochs",
                 run->options->epochs);
    else
        snprintf(text, size, "batch %zu first within 10%% of the floor (epoch %zu)",
                 batches[first_run], first);
    return first != SIZE_MAX && first_run == 0;
}

/* Both figures. Their titles say what they show, which runs diverged, or
 * that none reached the floor (NAN: no floor). curves: count each */
static void write_comparison(Run *run, const char *diverged_runs, const Curve *by_epoch,
                             const Curve *by_iteration, size_t count, bool lesson_shown,
                             const char *outcome)
{
    double lr = run->options->lr;
    char epoch_title[160], iteration_title[160];
    bool all_drawn = diverged_runs[0] == '\0';
    snprintf(epoch_title, sizeof epoch_title, "Loss per epoch, lr = %g: %s", lr,
             all_drawn ? outcome : diverged_runs);
    snprintf(iteration_title, sizeof iteration_title, "Loss per update, lr = %g: %s", lr,
             all_drawn ? outcome : diverged_runs);
    all_drawn = all_drawn && lesson_shown;
    Axes epoch_axes = {.title = all_drawn ? "Per epoch, small batches learn fastest: "
                                            "many steps per pass"
                                          : epoch_title,
                       .x_label = "epoch (one pass over all the points)",
                       .y_label = "loss of all the data (log scale)",
                       .log_y = true};
    Axes iteration_axes = {.title = all_drawn ? "Per update, the batch sizes descend alike; "
                                                "small ones stay noisy"
                                              : iteration_title,
                           .x_label = "iteration (one update of a; log scale)",
                           .y_label = "loss of all the data (log scale)",
                           .log_x = true,
                           .log_y = true};
    const char *dir = run_figures_dir(run);
    Error err;
    run_check(run, plot_curves(dir, "ch05-loss-by-epoch", &epoch_axes, by_epoch, count, &err),
              &err);
    run_check(run,
              plot_curves(dir, "ch05-loss-by-iteration", &iteration_axes, by_iteration,
                          count, &err),
              &err);
}

/* Two views of the same runs: loss per epoch (equal work: every point seen
 * once per epoch) and loss per iteration (equal number of steps), each run in
 * its batch size's colour, over the least-squares floor as chapter 04 draws
 * it. A run that diverged keeps its place in the key, saying so, with no line. */
void draw_comparison(Run *run, const size_t *batches, const Watch *watches,
                     const IterationTrace *traces)
{
    const Dataset *data = run->data;
    size_t epochs = run->options->epochs;
    double *epoch_x = run_alloc(run, epochs + 1, sizeof *epoch_x);
    for (size_t e = 0; e <= epochs; e++)
        epoch_x[e] = (double)e;
    Curve by_epoch[RUNS + 1], by_iteration[RUNS + 1];
    char labels[RUNS][48];
    double last_iteration = 1.0;
    for (size_t r = 0; r < RUNS; r++) {
        bool diverged = watches[r].blew_up;
        snprintf(labels[r], sizeof labels[r],
                 batches[r] >= data->n ? "full batch (%zu)%s" : "batch %zu%s", batches[r],
                 diverged ? " diverged: not drawn" : "");
        Role role = batch_role(batches[r], data->n);
        by_epoch[r] = (Curve){labels[r], role, false, epoch_x, watches[r].loss,
                              diverged ? 0 : epochs + 1};
        /* The trace starts at iteration 1: iteration 0 has no place on a log axis. */
        by_iteration[r] = (Curve){labels[r], role, false, traces[r].iteration, traces[r].loss,
                                  diverged ? 0 : traces[r].count};
        if (!diverged)
            last_iteration = fmax(last_iteration, (double)watches[r].iterations);
    }

    /* The floor, unless the data have no unique least-squares line. */
    size_t count = RUNS;
    double best[2], floor_y[2] = {NAN, NAN}, epoch_ends[2] = {0.0, (double)epochs},
                    iteration_ends[2] = {1.0, last_iteration};
    if (least_squares_line(data->x, data->y, data->n, best)) {
        floor_y[0] = floor_y[1] = loss_of(data->x, data->y, data->n, best);
        const char *label = "the least-squares loss (chapter 03)";
        by_epoch[count] = (Curve){label, ROLE_LEAST_SQUARES, false, epoch_ends, floor_y, 2};
        by_iteration[count] = (Curve){label, ROLE_LEAST_SQUARES, false, iteration_ends,
                                      floor_y, 2};
        count++;
    }

    char diverged_runs[64], outcome[96];
    name_diverged(diverged_runs, sizeof diverged_runs, batches, watches);
    bool shown = small_batches_first(run, batches, watches, floor_y[0], outcome, sizeof outcome);
    write_comparison(run, diverged_runs, by_epoch, by_iteration, count, shown, outcome);
    say_wrote(run, "ch05-loss-by-epoch");
    say_wrote(run, "ch05-loss-by-iteration");
}
