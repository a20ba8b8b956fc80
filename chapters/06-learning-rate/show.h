/*
 * show.h — what chapter 06 shows of its lessons: the curvature of the data,
 * the tables of the four sections, their figures and the last line; and
 * what the lessons start from, in the run's memory.
 */
#ifndef CH06_SHOW_H
#define CH06_SHOW_H

#include <stdbool.h>
#include <stddef.h>

#include "frame.h"
#include "gradient.h"
#include "loss.h"
#include "plot.h"
#include "scale.h"
#include "watch.h"

/* What every lesson starts from. */
typedef struct {
    double best[2];             /* chapter 03's least-squares a of the data */
    double best_loss;           /* and its loss */
    const Dataset *standardized; /* x' = (x - mean(x)) / sd(x), y' = y - mean(y) */
    const Dataset *fitted;      /* the data trained on: standardized with --standardize */
    Scaling scaling;            /* of fitted: the identity (mean 0, sd 1) without */
    double lambda[2];           /* the curvatures of fitted's bowl, largest first */
    double start[2];            /* the notebook's guess a = (-1, 1), in fitted's units */
    double fitted_best[2];      /* the least-squares a of fitted */
    double floor_loss;          /* and its loss, which no run can beat */
    Dataset *shifted;           /* room for the slid points of lesson 3: y' already */
    bool shows_raw;             /* --standardize, on points not all on one line: */
    double raw_lr;              /* x as it is is trained too, at 1/lambda_max */
} Setup;

/* Least squares on the data (the run fails when there is no unique line),
 * the standardized copy (fails when every x is the same), the curvatures,
 * said; then the figure set begins, so an --out that cannot take figures
 * fails before the lessons run. */
Setup set_up(Run *run);

/* A watcher for a run the chapter compares or measures: it keeps the history
 * of `last` steps at rate lr, prints no rows, and its blow-up ends this run
 * only (watch->blew_up says so). */
Watch watch_quietly(Run *run, double lr, size_t last);

/* ---- 1. Four rates ---- */

enum { SWEEP_RATES = 4 };

/* A rate of the sweep, as a fraction of the bound, its name, its colour. */
typedef struct {
    double of_bound;
    const char *name;
    Role role;
} SweepRate;

extern const SweepRate SWEEP[SWEEP_RATES];

void say_sweep_head(Run *run, double floor_loss);
/* How sweep rate r ended: its loss, or the step it blew up at. */
void say_sweep_row(Run *run, size_t r, const Watch *watch);
/* The four loss curves over the least-squares loss floor_loss. */
void draw_sweep(Run *run, const Watch runs[SWEEP_RATES], double floor_loss);

/* ---- 2. The bound against the experiment ---- */

/* How a measurement ended, and after how many steps. */
typedef enum { REACHED, DIVERGED, NOT_REACHED } Outcome;
typedef struct {
    size_t steps;
    Outcome outcome;
} Measured;

/* The steps a measurement may take on n points: at most 50 000, fewer for a
 * large n, so that all the measurements together take about a second. */
size_t max_measured_steps(size_t n);

/* The rates measured, as fractions of the bound: 2% to 110%. */
enum { GRID_RATES = 13 };
extern const double GRID[GRID_RATES];

/* The measured counts of one outcome against lr, points of the figure. */
typedef struct {
    double lr[GRID_RATES], steps[GRID_RATES];
    size_t count;
} Points;

void say_bound_head(Run *run);
/* One row: lr, lr/bound, rho, the predicted count, the measured one, which
 * also joins points[m.outcome]. points: 3, one per Outcome */
void say_bound_row(Run *run, Points points[3], double lr, double of_bound, double rho,
                   double predicted, Measured m);
/* The points over the predicted curve (rate.h) and the bound. points: 3;
 * lambda: 2 */
void draw_bound(Run *run, const Points points[3], const double lambda[2]);

/* ---- 3. Why it crawls ---- */

void say_crawl_head(Run *run);
/* One row: the condition number, the flat direction's factor per step at
 * lr = 1/lambda_max, the predicted count and the measured one. lambda: 2 */
void say_crawl_row(Run *run, const char *name, const double lambda[2], double predicted,
                   Measured m);

/* ---- 4. Your run ---- */

/* Says what the run does and returns its watcher: rows every 10 as chapter
 * 06 has always printed them, and, if it blows up, the advice for the data
 * trained on, fitted. */
Watch watch_your_run(Run *run, const Dataset *fitted);

/* Where the run ended, a (data units), beside least squares, best; when it
 * is far, why. lambda: 2, of the data trained on */
void compare_with_least_squares(Run *run, const double a[2], const double best[2],
                                const double lambda[2]);

/* What x as it is reached (raw, or NULL when it was not trained or blew up),
 * the fit and the last line. a: 2, data units */
void show_fit(Run *run, const Setup *s, const double a[2], const Watch *raw);

#endif
