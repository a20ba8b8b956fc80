/*
 * figures.h — chapter 09's three figures: both losses against the degree,
 * both against the epoch, and the data with the fits that under- and
 * overfit it.
 */
#ifndef CH09_FIGURES_H
#define CH09_FIGURES_H

#include "show.h"

/* The three fits the figures show: the best degree by validation loss, the
 * highest degree that could be fitted (overfit) and, below the best, a
 * degree too low (underfit: a straight line, the earlier chapters' model,
 * or a constant when a line is already the best). SIZE_MAX: none. */
typedef struct {
    size_t underfit, best, overfit;
} Picks;

/* fits: top + 1 */
Picks pick_fits(const Fit *fits, size_t top);

/* True when every fitted degree's losses, degree 0's too, on both sets,
 * are rounding error, under 1e-12 of the mean y²: the points lie on a
 * constant. Then no loss falls or climbs, whatever its last digits do.
 * fits: top + 1 */
bool fits_to_rounding(const Sets *sets, const Fit *fits, size_t top);

/* ch09-degree, ch09-epochs and ch09-fits, into the run's figures. fits: top
 * + 1, validation: the watch's epochs + 1 */
void draw_figures(Run *run, const Sets *sets, const Fit *fits, size_t top, Picks picks,
                  const Watch *watch, const double *validation, const EarlyStop *stop);

#endif
