/*
 * points.h — the points chapter 07's lessons walk on, and the bowl of each:
 * the data of the run, the notebook's points moved into a long thin valley,
 * and those standardized. Every data set here is in the run's memory, so
 * the frame frees it however the run ends.
 */
#ifndef CH07_POINTS_H
#define CH07_POINTS_H

#include "frame.h"
#include "landscape.h"
#include "scale.h"

/* The bowl of data's loss; the run fails, as least_squares() does, when
 * every x1 is the same and there is no single bottom. */
Bowl bowl_or_fail(Run *run, const Dataset *data);

/* The notebook's points (for --seed and --n, whatever --data says) moved
 * right by 2, x1 in [1, 3): the same cloud and the same best slope, but
 * every x1 now far from 0 compared with its spread. */
Dataset moved_right(Run *run);

/* The points standardized as chapter 06's --standardize does it, and the
 * scaling used. */
Dataset standardized(Run *run, const Dataset *data, Scaling *scaling);

#endif
