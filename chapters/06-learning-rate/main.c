/*
 * Chapter 06 — the learning rate: the bound 2/λmax of chapter 04, measured.
 * Four lessons: (1) four rates either side of it; (2) the steps rates take,
 * beside the count the algebra predicts; (3) why x far from 0 makes every
 * stable rate crawl; (4) your run, with --standardize on x rescaled to mean
 * 0 and sd 1, where the bowl is round. Tables, figures, advice: show.c.
 *
 *     build/ch06            build/ch06 --data data/mauna-loa-co2.csv --standardize
 */
#include <math.h>
#include <stdio.h>

#include "rate.h"
#include "show.h"

static const Chapter CHAPTER = {
    "ch06", "Chapter 06: the stable learning rate 2/lambda_max, why badly scaled x crawls, "
            "and --standardize.",
    FLAGS_TRAINING | FLAG_STANDARDIZE, 0, 0, 0, 0.0};

/* Chapter 04's loop: steps updates at rate lr, the watcher keeping (and
 * printing, and judging) every row. a: 2, moved in place */
static void descend(const Dataset *d, double a[2], double lr, size_t steps, Watch *watch)
{
    for (size_t t = 0;; t++) {
        double grad[2];
        double loss = loss_and_gradient(d->x, d->y, d->n, a, grad); /* loss.backward() */
        if (!watch_row(watch, t, a, loss) || t == steps) /* print(loss); blew up, or done */
            break;
        a[0] -= lr * grad[0]; /* a.sub_(lr * a.grad) */
        a[1] -= lr * grad[1];
    }
    watch_end(watch); /* uphill, if slowly: past the bound too */
}

//> ch06_sweep
/* 1. Four rates, fractions of the stable bound 2/lambda_max, from the same
 * start: a blow-up is part of the lesson, so each run's watcher survives it. */
static void sweep(Run *run, const Setup *s)
{
    Watch runs[SWEEP_RATES];
    say_sweep_head(run, s->floor_loss);
    for (size_t r = 0; r < SWEEP_RATES; r++) {
        double a[2] = {s->start[0], s->start[1]}, bound = 2.0 / s->lambda[0];
        runs[r] = watch_quietly(run, SWEEP[r].of_bound * bound, run->options->epochs);
        descend(s->fitted, a, runs[r].lr, run->options->epochs, &runs[r]);
        say_sweep_row(run, r, &runs[r]);
    }
    draw_sweep(run, runs, s->floor_loss);
}
//< ch06_sweep

//> ch06_measure
/* The experiment's count: steps at lr from start until a is 1000 times
 * closer to best (the least-squares a) than it began, or the loss blows up
 * (then: the step whose loss did), or the budget runs out. start, best: 2 */
static Measured measure_steps(Run *run, const Dataset *d, const double start[2],
                              const double best[2], double lr)
{
    size_t max_steps = max_measured_steps(d->n);
    Watch watch = watch_quietly(run, lr, max_steps);
    double a[2] = {start[0], start[1]}, grad[2];
    double start_distance = hypot(a[0] - best[0], a[1] - best[1]);
    for (size_t t = 0; t < max_steps; t++) {
        if (!watch_row(&watch, t, a, loss_and_gradient(d->x, d->y, d->n, a, grad)))
            return (Measured){t, DIVERGED};
        a[0] -= lr * grad[0]; /* a.sub_(lr * a.grad) */
        a[1] -= lr * grad[1];
        if (hypot(a[0] - best[0], a[1] - best[1]) <= 1e-3 * start_distance)
            return (Measured){t + 1, REACHED};
    }
    return (Measured){max_steps, NOT_REACHED};
}
//< ch06_measure

//> ch06_bound
/* 2. Rates from 2% to 110% of the bound (GRID): predicted beside measured. */
static void bound_against_experiment(Run *run, const Setup *s)
{
    double bound = 2.0 / s->lambda[0];
    Points points[3] = {{.count = 0}, {.count = 0}, {.count = 0}};
    say_bound_head(run);
    for (size_t k = 0; k < GRID_RATES; k++) {
        double lr = GRID[k] * bound;
        say_bound_row(run, points, lr, GRID[k], convergence_factor(s->lambda, lr),
                      predicted_steps(s->lambda, lr),
                      measure_steps(run, s->fitted, s->start, s->fitted_best, lr));
    }
    draw_bound(run, points, s->lambda);
}
//< ch06_bound

//> ch06_crawl
/* 3. One row, at lr = 1/lambda_max, which suits the steep direction exactly. */
static void crawl_row(Run *run, const char *name, const Dataset *d, const double start[2],
                      const double best[2])
{
    double lambda[2];
    hessian_eigenvalues(d->x, d->n, lambda);
    say_crawl_row(run, name, lambda, predicted_steps(lambda, 1.0 / lambda[0]),
                  measure_steps(run, d, start, best, 1.0 / lambda[0]));
}

/* The points standardized, then slid k standard deviations along x: the same
 * points and slope, only the mean of x moves away from 0. Then x as it is. */
static void crawl(Run *run, const Setup *s)
{
    static const double SHIFT[] = {0, 1, 2, 4, 8};
    say_crawl_head(run);
    for (size_t k = 0; k < sizeof SHIFT / sizeof *SHIFT; k++) {
        double best[2], *x = s->shifted->x;
        for (size_t i = 0; i < s->shifted->n; i++)
            x[2 * i] = s->standardized->x[2 * i] + SHIFT[k]; /* x' + k; y' as it was */
        least_squares(x, s->shifted->y, s->shifted->n, best, NULL); /* x' has a spread */
        char name[16];
        snprintf(name, sizeof name, "k = %.0f", SHIFT[k]);
        crawl_row(run, name, s->shifted, (const double[2]){0.0, 0.0}, best);
    }
    crawl_row(run, "as it is", run->data, A_START, s->best);
}
//< ch06_crawl

//> ch06_run
static void lesson(Run *run)
{
    const Options *o = run->options;
    Setup s = set_up(run); /* chapter 03's line, x standardized, the curvatures */
    sweep(run, &s);
    bound_against_experiment(run, &s);
    crawl(run, &s);
    /* 4. Your run, from the notebook's guess, and a back in the data's units. */
    double a_fitted[2] = {s.start[0], s.start[1]}, a[2], a_raw[2] = {A_START[0], A_START[1]};
    Watch watch = watch_your_run(run, s.fitted), raw = watch_quietly(run, s.raw_lr, o->epochs);
    descend(s.fitted, a_fitted, o->lr, o->epochs, &watch);
    to_data_units(&s.scaling, a_fitted, a); /* y = (a1'/sd) x + ȳ + a2' - a1' x̄/sd */
    compare_with_least_squares(run, a, s.best, s.lambda);
    if (s.shows_raw) /* with --standardize, x as it is too, at 1/lambda_max */
        descend(run->data, a_raw, s.raw_lr, o->epochs, &raw);
    show_fit(run, &s, a, s.shows_raw ? &raw : NULL);
}
//< ch06_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
