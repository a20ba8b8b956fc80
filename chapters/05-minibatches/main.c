/*
 * Chapter 05 — minibatches: many cheap, noisy steps.
 *
 * Chapter 04 looked at every point before each step. Stochastic gradient
 * descent looks at a small random batch instead: shuffle the points, cut them
 * into batches, take one step per batch. One pass over all the points is an
 * epoch; one step is an iteration, so an epoch of batches of 10 out of 100
 * points is 10 iterations. This program trains with --batch (10 by default),
 * then runs batch sizes 1, 10 and the full batch side by side and plots their
 * loss against epochs and against iterations (show.c).
 *
 *     build/ch05            build/ch05 --batch 1            build/ch05 --data my.csv --epochs 200
 */
#include "show.h"

static const Chapter CHAPTER = {
    "ch05", "Chapter 05: minibatch SGD over shuffled epochs; batch sizes compared.",
    FLAGS_TRAINING | FLAG_BATCH | FLAG_TRACE | FLAGS_STANDARDIZED, 10, 0, 0, 0.0};

//> ch05_loop
/* Minibatch SGD: each epoch shuffles the row numbers and cuts them into
 * batches; each batch takes chapter 04's step on its rows, read where they
 * lie. The watcher keeps the loss of all the data after each epoch (a batch's
 * loss is too noisy to watch) and prints a row every 10; a batch whose loss
 * already proves a blow-up stops the run at once, mid-epoch.
 * a: 2, moved from the starting guess; trace: NULL, or the loss by iteration */
static void descend_in_batches(const Dataset *d, EpochSampler *batches, double a[2],
                               double lr, size_t epochs, uint64_t seed, Watch *watch,
                               IterationTrace *trace)
{
    Rng rng = rng_seeded(seed); /* the same shuffles for the same seed, whatever the batch */
    watch_row(watch, 0, a, loss_of(d->x, d->y, d->n, a));
    for (size_t epoch = 1; epoch <= epochs; epoch++) { /* for epoch in range(epochs): */
        sampler_start_epoch(batches, &rng);            /* DataLoader(..., shuffle=True) */
        const size_t *rows;
        size_t m;
        bool fine = true;
        while (fine && (m = sampler_next_batch(batches, &rows)) > 0) { /* for xb, yb in dl: */
            /* loss = mse(yb, xb@a); loss.backward(); a.sub_(lr * a.grad) */
            double batch_loss = sgd_update_rows(d, rows, m, a, lr);
            fine = watch_batch(watch, batch_loss, m, d->n, a);
            show_step(watch, batches, trace, a); /* the trace; a long epoch's progress */
        }
        /* if epoch % 10 == 0: print(mse(y, x@a)) */
        if (!watch_row(watch, epoch, a, loss_of(d->x, d->y, d->n, a)))
            return; /* a compared run that blew up: the table says so */
    }
}
//< ch05_loop

//> ch05_compare
/* The same epochs, rate and seed with batch sizes 1, 10 and all the points,
 * each from the starting guess over the rows in their first order. A rate
 * fine for big batches can be too much for small ones: a compared run that
 * blows up ends by itself, and the table says so. */
static void compare_batch_sizes(Run *run, EpochSampler *batches)
{
    const Options *o = run->options;
    const Dataset *d = run->data;
    size_t sizes[RUNS] = {1, d->n < 10 ? d->n : 10, d->n}; /* none larger than the data */
    Watch watches[RUNS];
    IterationTrace *traces = traces_for(run, RUNS);
    say_comparison_head(run);
    for (size_t r = 0; r < RUNS; r++) {
        double a[2] = {A_START[0], A_START[1]};
        sampler_init_in(batches, d, sizes[r], batches->order); /* DataLoader(ds, sizes[r]) */
        watches[r] = watch_batches(run, batches, true);
        descend_in_batches(d, batches, a, o->lr, o->epochs, o->seed, &watches[r], &traces[r]);
        say_comparison_row(run, sizes[r], &watches[r]);
    }
    draw_comparison(run, sizes, watches, traces);
}
//< ch05_compare

//> ch05_run
static void lesson(Run *run)
{
    const Options *o = run->options;
    const Dataset *d = run->data;
    EpochSampler *batches = sampler_for(run, o->batch); /* at most all the points */
    Watch watch = watch_batches(run, batches, false);
    double a[2] = {A_START[0], A_START[1]};
    say_plan(run, batches);
    descend_in_batches(d, batches, a, o->lr, o->epochs, o->seed, &watch, NULL);
    compare_batch_sizes(run, batches);
    run_final_line(run, a, watch.loss[o->epochs]); /* with --standardize, in your units */
}
//< ch05_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
