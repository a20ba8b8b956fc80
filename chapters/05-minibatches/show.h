/*
 * show.h — what chapter 05 shows of its lesson, and what each of its runs is
 * handed: the plan in epochs and iterations, the batches and the watcher of a
 * run, the loss by iteration, the comparison's table and its two figures.
 */
#ifndef CH05_SHOW_H
#define CH05_SHOW_H

#include <stdbool.h>
#include <stddef.h>

#include "format.h"
#include "frame.h"
#include "loss.h"
#include "minibatch.h"
#include "rng.h"
#include "watch.h"

/* The batch sizes the comparison runs: 1, 10 and all the points. */
enum { RUNS = 3 };

/* The run's data in shuffled batches of batch rows, or of all of them when
 * batch is larger, over row numbers the run holds. */
EpochSampler *sampler_for(Run *run, size_t batch);

/* A watcher of a run in batches from batches, over the --epochs: a row every
 * 10 epochs, and a blow-up named by its iteration, with a rate that no batch
 * overshoots. compared: a run of the comparison, whose rows are not printed
 * and whose blow-up ends only itself. */
Watch watch_batches(Run *run, const EpochSampler *batches, bool compared);

/* count traces of the loss by iteration, each over the same sample of the
 * run's data, empty. */
IterationTrace *traces_for(Run *run, size_t count);

/* After each step of a run: the loss by iteration when it is due (trace:
 * NULL for none), and, in an epoch of millions of points, how far the run
 * has got, every tenth of the epoch. a: 2 */
void show_step(const Watch *watch, const EpochSampler *batches, IterationTrace *trace,
               const double a[2]);

/* What the run does in epochs and iterations, and the head of its table. */
void say_plan(Run *run, const EpochSampler *batches);

/* The comparison's table: its head, then a row for each run after it ends. */
void say_comparison_head(Run *run);
void say_comparison_row(const Run *run, size_t batch, const Watch *watch);

/* The loss per epoch and per iteration of the compared runs, over the
 * least-squares floor. batches, watches, traces: RUNS */
void draw_comparison(Run *run, const size_t *batches, const Watch *watches,
                     const IterationTrace *traces);

#endif
