/*
 * cost.h — what chapter 08's tape costs: its nodes, its memory and its time
 * for one step, beside the gradient derived by hand.
 */
#ifndef CH08_COST_H
#define CH08_COST_H

#include "model.h"

/* The table of costs for n = 100 and n = 100000. The times are this
 * machine's, and differ from run to run: the book masks them (the
 * ten-character fields ending in "us", "ms" or "s"), and no test reads them. */
void show_cost(Run *run);

#endif
