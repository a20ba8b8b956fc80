/*
 * show.h — what chapter 04 shows of its lesson: the plan, how close the run
 * came to least squares and why, and the three figures.
 */
#ifndef CH04_SHOW_H
#define CH04_SHOW_H

#include "frame.h"
#include "watch.h"

/* What the run is about to do, and the head of the progress table. a: 2 */
void say_plan(Run *run, const double a[2]);

/* Where the run landed beside chapter 03's answer, the figures, the last line. */
void show_result(Run *run, const Watch *watch);

#endif
