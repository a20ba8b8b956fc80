/*
 * Chapter 05 — minibatches: many cheap, noisy steps.
 *
 * Chapter 04 looked at every point before each step. Stochastic gradient
 * descent looks at a small random batch instead: shuffle the points, cut them
 * into batches, take one step per batch. One pass over all the points is an
 * epoch; one step is an iteration, so an epoch of batches of 10 out of 100
 * points is 10 iterations. This program trains with --batch (10 by default),
 * then runs batch sizes 1, 10 and the full batch side by side and plots their
 * loss against epochs and against iterations.
 *
 *     build/ch05            build/ch05 --batch 1            build/ch05 --data my.csv --epochs 200
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "gradient.h"
#include "loss.h"
#include "minibatch.h"
#include "plot.h"
#include "loss.h"
#include "rng.h"
#include "sgd.h"

static const Chapter CHAPTER = {
    "ch05", "Chapter 05: minibatch SGD over shuffled epochs; batch sizes compared.",
    FLAGS_TRAINING | FLAG_BATCH, 10};

enum { RUNS = 3 };

static size_t iterations_per_epoch(size_t n, size_t batch)
{
    return (n + batch - 1) / batch; /* ceil(n / batch): the last batch may be short */
}

//> ch05_explain
static void explain_epochs(const Options *options, size_t n, size_t batch)
{
    size_t per_epoch = iterations_per_epoch(n, batch);
    say(options, "Minibatch SGD on %zu points, batch %zu: each epoch shuffles the points and\n"
                 "takes one step per batch, so an epoch is %zu iteration%s",
        n, batch, per_epoch, per_epoch == 1 ? "" : "s");
    if (n % batch != 0)
        say(options, " (the last batch has %zu points)", n % batch);
    say(options, ";\n%zu epochs are %zu iterations.\n\n", options->epochs,
        per_epoch * options->epochs);
}
//< ch05_explain

static void show_epoch(const Options *options, const History *history, size_t epoch)
{
    say_progress_row(options, 5, epoch, history->loss[epoch], &history->a[2 * epoch]);
}

/* A row every `every` epochs, like the notebook's every 10, and the last; when
 * the loss blows up, every epoch since the last row, so the reader sees it. */
static void show_progress(const Options *options, const History *history, size_t epoch,
                          bool blew_up)
{
    size_t every = progress_every(options->epochs);
    if (blew_up) {
        for (size_t e = first_unshown_row(epoch, every); e <= epoch; e++)
            show_epoch(options, history, e);
    } else if (epoch % every == 0 || epoch == options->epochs) {
        show_epoch(options, history, epoch);
    }
}

/* An epoch of this many points or more takes seconds: say how far it is,
 * every tenth of it, so a long run is never silent. */
enum { LONG_EPOCH = 20000000 };

static void show_progress_in_epoch(const Options *options, const EpochSampler *sampler,
                                   size_t epoch)
{
    size_t n = sampler->n, tenth = n / 10, done = sampler->next;
    if (n >= LONG_EPOCH && done < n && done / tenth > (done - sampler->batch_size) / tenth)
        say(options, "        ... epoch %zu: %zu%% of the points seen\n", epoch,
            done / tenth * 10);
}

//> ch05_loop
/* Minibatch SGD written out: each epoch shuffles the row numbers, cuts them
 * into batches, and takes chapter 04's step on each batch, reading its rows
 * where they lie. a: 2, moved from the starting guess; history: allocated
 * for options->epochs. */
static Status descend_in_batches(const Options *options, const Dataset *data,
                                 size_t batch_size, double a[2], History *history,
                                 EpochSampler *sampler, Error *err)
{
    Rng rng = rng_seeded(options->seed);
    history_record(history, 0, a, loss_of(data->x, data->y, data->n, a));
    say(options, "epoch   loss      a\n");
    show_epoch(options, history, 0);
    for (size_t epoch = 1; epoch <= options->epochs; epoch++) {
        sampler_start_epoch(sampler, &rng); /* shuffle the rows */
        const size_t *rows;
        size_t m;
        bool blew_up = false;
        while (!blew_up && (m = sampler_next_batch(sampler, &rows)) > 0) {
            double batch_loss = sgd_update_rows(data, rows, m, a, options->lr);
            history->iterations++;
            blew_up = batch_blew_up(batch_loss, m, data->n, history->loss[0], a);
            show_progress_in_epoch(options, sampler, epoch);
        }
        double loss = loss_of(data->x, data->y, data->n, a); /* all the data, once an epoch */
        history_record(history, epoch, a, loss);
        blew_up = blew_up || loss_diverged(loss, history->loss[0]);
        show_progress(options, history, epoch, blew_up);
        if (blew_up)
            return minibatch_diverged_error(err, history->iterations, epoch, options->lr,
                                            data, batch_size);
    }
    return STATUS_OK;
}
//< ch05_loop

/* descend_in_batches() with its row numbers. */
static Status train_in_batches(const Options *options, const Dataset *data,
                               size_t batch_size, History *history, double a[2],
                               Error *err)
{
    EpochSampler sampler;
    Status status = sampler_init(&sampler, data, batch_size, err);
    if (status == STATUS_OK)
        status = descend_in_batches(options, data, sampler.batch_size, a, history,
                                    &sampler, err);
    sampler_free(&sampler);
    return status;
}

/* Trains from the notebook's starting guess with a fresh, seeded RNG, so every
 * run sees the same shuffles for the same seed. */
static Status train(const Options *options, const Dataset *data, size_t batch,
                    History *history, Error *err)
{
    Status status = history_allocate(history, options->epochs, err);
    if (status != STATUS_OK)
        return status;
    double a[2] = {A_START[0], A_START[1]};
    Rng rng = rng_seeded(options->seed);
    return train_minibatch(data, a, options->lr, options->epochs, batch, &rng, history, err);
}

/* "batch 1 diverged" or "batches 1 and 10 diverged" into text (size bytes),
 * or "" when no run diverged. batches, diverged: RUNS */
static void name_diverged(char *text, size_t size, const size_t *batches,
                          const bool *diverged)
{
    size_t count = 0, named = 0;
    for (size_t r = 0; r < RUNS; r++)
        count += diverged[r];
    text[0] = '\0';
    if (count == 0)
        return;
    size_t used = (size_t)snprintf(text, size, count == 1 ? "batch" : "batches");
    for (size_t r = 0; r < RUNS && used < size; r++)
        if (diverged[r]) {
            named++;
            used += (size_t)snprintf(text + used, size - used, "%s%zu",
                                     named == 1 ? " " : named == count ? " and " : ", ",
                                     batches[r]);
        }
    if (used < size)
        snprintf(text + used, size - used, " diverged");
}

/* Writes both figures into dir. curves: count each */
static Status write_comparison(const Options *options, const char *dir,
                               const char *diverged_runs, const Curve *by_epoch, const Curve *by_iteration,
                               size_t count, Error *err)
{
    char epoch_title[128], iteration_title[128];
    snprintf(epoch_title, sizeof epoch_title, "Loss per epoch, lr = %g: %s", options->lr,
             diverged_runs);
    snprintf(iteration_title, sizeof iteration_title, "Loss per update, lr = %g: %s",
             options->lr, diverged_runs);
    bool all_drawn = diverged_runs[0] == '\0';
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
    Status status = plot_curves(dir, "ch05-loss-by-epoch", &epoch_axes, by_epoch, count, err);
    if (status == STATUS_OK)
        status = plot_curves(dir, "ch05-loss-by-iteration", &iteration_axes, by_iteration,
                             count, err);
    return status;
}

/* Two views of the same runs: loss per epoch (equal work: every point seen
 * once per epoch) and loss per iteration (equal number of steps), each run in
 * its batch size's colour, over the least-squares floor as chapter 04 draws
 * it. A run that diverged keeps its place in the key, saying so, with no line. */
static Status draw_comparison(const Options *options, const char *dir, const History *runs,
                              const bool *diverged, const size_t *batches,
                              const Dataset *data, Error *err)
{
    size_t epochs = options->epochs;
    double *epoch_x = malloc((epochs + 1) * sizeof *epoch_x);
    if (epoch_x == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for the comparison plot");
    for (size_t e = 0; e <= epochs; e++)
        epoch_x[e] = (double)e;
    Curve by_epoch[RUNS + 1], by_iteration[RUNS + 1];
    char labels[RUNS][48];
    double last_iteration = 1.0;
    for (size_t r = 0; r < RUNS; r++) {
        snprintf(labels[r], sizeof labels[r],
                 batches[r] >= data->n ? "full batch (%zu)%s" : "batch %zu%s", batches[r],
                 diverged[r] ? " diverged: not drawn" : "");
        Role role = batch_role(batches[r], data->n);
        by_epoch[r] = (Curve){labels[r], role, false, epoch_x, runs[r].loss,
                              diverged[r] ? 0 : epochs + 1};
        /* The trace starts at iteration 1: iteration 0 has no place on a log axis. */
        by_iteration[r] = (Curve){labels[r], role, false, runs[r].trace_iteration,
                                  runs[r].trace_loss, diverged[r] ? 0 : runs[r].trace_count};
        if (!diverged[r])
            last_iteration = fmax(last_iteration, (double)runs[r].iterations);
    }

    /* The floor, unless the data have no unique least-squares line. */
    size_t count = RUNS;
    double best[2], floor_y[2], epoch_ends[2] = {0.0, (double)epochs},
                                iteration_ends[2] = {1.0, last_iteration};
    Error no_unique_line;
    if (least_squares(data->x, data->y, data->n, best, &no_unique_line) == STATUS_OK) {
        floor_y[0] = floor_y[1] = loss_of(data->x, data->y, data->n, best);
        const char *label = "the least-squares loss (chapter 03)";
        by_epoch[count] = (Curve){label, ROLE_LEAST_SQUARES, false, epoch_ends, floor_y, 2};
        by_iteration[count] = (Curve){label, ROLE_LEAST_SQUARES, false, iteration_ends,
                                      floor_y, 2};
        count++;
    }

    char diverged_runs[64];
    name_diverged(diverged_runs, sizeof diverged_runs, batches, diverged);
    Status status = write_comparison(options, dir, diverged_runs, by_epoch, by_iteration,
                                     count, err);
    free(epoch_x);
    if (status == STATUS_OK) {
        say_wrote(options, "ch05-loss-by-epoch");
        say_wrote(options, "ch05-loss-by-iteration");
    }
    return status;
}

//> ch05_compare
static Status compare_batch_sizes(const Options *options, const char *dir, const Dataset *data,
                                  Error *err)
{
    /* 10 is the chapter's default batch; no batch is larger than the data. */
    size_t batches[RUNS] = {1, data->n < 10 ? data->n : 10, data->n};
    History runs[RUNS] = {{0}};
    bool diverged[RUNS] = {false};
    Status status = STATUS_OK;
    say(options, "\nThe same %zu epochs with three batch sizes:\n", options->epochs);
    say(options, "  batch   iterations   final a               final loss\n");
    for (size_t r = 0; r < RUNS && status == STATUS_OK; r++) {
        status = train(options, data, batches[r], &runs[r], err);
        /* A rate fine for big batches can be too much for small ones: say so
         * in the table and carry on, since that is part of the comparison. */
        diverged[r] = status == STATUS_DIVERGED;
        if (diverged[r]) {
            say(options, "  %5zu   diverged: lr %g is too large for batches of %zu\n",
                batches[r], options->lr, batches[r]);
            status = STATUS_OK;
            continue;
        }
        if (status != STATUS_OK)
            break;
        const double *a = &runs[r].a[2 * options->epochs];
        say(options, "  %5zu   %10zu   [%.4f, %.4f]    %.4f\n", batches[r],
            runs[r].iterations, a[0], a[1], runs[r].loss[options->epochs]);
    }
    if (status == STATUS_OK)
        status = draw_comparison(options, dir, runs, diverged, batches, data, err);
    for (size_t r = 0; r < RUNS; r++)
        history_free(&runs[r]);
    return status;
}
//< ch05_compare

//> ch05_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    size_t batch = options->batch < data->n ? options->batch : data->n;
    explain_epochs(options, data->n, batch);

    History history;
    Status status = history_allocate(&history, options->epochs, err);
    double a[2] = {A_START[0], A_START[1]};
    if (status == STATUS_OK)
        status = train_in_batches(options, data, batch, &history, a, err);
    /* The figures and the last line land together, or none of them: see chapter.h. */
    FigureSet *figures = NULL;
    if (status == STATUS_OK)
        status = figures_begin(&figures, options->out_dir, err);
    if (status == STATUS_OK)
        status = compare_batch_sizes(options, figures_dir(figures), data, err);
    char last[LAST_LINE_SIZE] = "";
    if (status == STATUS_OK)
        final_line(last, a, history.loss[history.epochs]);
    status = finish_run(figures, status, last, err);
    history_free(&history);
    return status;
}
//< ch05_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
