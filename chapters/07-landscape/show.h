/*
 * show.h — what chapter 07 shows of its lessons: the bowl's numbers, the
 * paths drawn over its contours with a table of where each ended, the steps
 * momentum saves, the noise floor, and the head of your run's table.
 */
#ifndef CH07_SHOW_H
#define CH07_SHOW_H

#include <stddef.h>

#include "contours.h"
#include "descent.h"
#include "landscape.h"
#include "scale.h"
#include "watch.h"

enum {
    PATH_STEPS = 100,       /* the steps of each path on the contours */
    VALLEY_PATH_STEPS = 50, /* of the two in the valley at their best settings: by then
                               momentum has arrived, and the plain strokes can still be
                               told apart */
    PATHS = 4,              /* at most, in one figure */
    MAX_STEPS = 100000,     /* steps_to() gives up here */
    FLOOR_ITERATIONS = 20000, FLOOR_DECAY = 100 /* the noise floor's runs */
};

/* The bowl: its bottom, H, its curvatures and their directions, the bound. */
void say_bowl(const Run *run, const Bowl *bowl);

/* The valley's bowl, and the standardized one from the starting line start
 * (in its units). start: 2 */
void say_valley(const Run *run, const Bowl *bowl);
void say_standardized(const Run *run, const Scaling *scaling, const double start[2],
                      const Bowl *bowl);

/* Each recipe followed for steps from its start, drawn over the bowl's
 * contours as the figure of that name, with a table of where each ended and
 * how far from a* that is; a run that blew up is said, not drawn.
 * recipes: count, at most PATHS */
void walk_and_draw(Run *run, const Dataset *data, const Bowl *bowl, const char *figure,
                   const Recipe *recipes, size_t count, size_t steps);

/* The steps plain descent and momentum took to the target, beside what the
 * error's shrink factor per step predicts. best, steps: 2 */
void say_steps_to(const Run *run, const Bowl *bowl, const Recipe best[2],
                  const size_t steps[2]);

/* The two batch-1 runs of FLOOR_ITERATIONS, constant and decaying: their
 * loss above L* over their last quarter, the constant rate's a averaged
 * (Polyak–Ruppert), whether the decay keeps up, and the figure, with the
 * steady state the gradient's noise predicts. walks: 2 */
void show_noise_floor(Run *run, const Dataset *data, const Bowl *bowl, const Walk walks[2]);

/* The watcher of your run of recipe, after the head of its table: a row
 * every few epochs; a blow-up names its iteration and says what rate to
 * try for its batches; a plain full-batch run that ends uphill blew up too.
 * The watcher reads recipe's batch size: recipe must outlive it. */
Watch watch_your_run(Run *run, const Recipe *recipe);

/* The program's last line: where your run ended, a: 2, and its loss. */
void say_last_line(Run *run, const double a[2], double loss);

#endif
