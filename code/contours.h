/*
 * contours.h — a picture of the bowl: its contour lines with the paths
 * descent takes on them, as a gnuplot script.
 * Introduced in chapter 07.
 *
 * Most of the work is placement: a box that holds every path and the
 * bottom, levels spaced so the eye reads the bowl's shape, and a key put in
 * the corner the paths leave empty.
 */
#ifndef SGD_CONTOURS_H
#define SGD_CONTOURS_H

#include <stddef.h>

#include "landscape.h"
#include "plot.h"
#include "status.h"

/* A trail left by descent, drawn as a line through the points it visited,
 * in the colour of its role (plot.h). */
typedef struct {
    const char *label; /* legend: "gradient descent, lr 0.1" (no ' in it) */
    Role role;
    const double *a;   /* count×2 row-major: the starting guess, then a after each step */
    size_t count;
} Trail;

/* Contour lines of the bowl's loss over a box that holds every path and a*
 * (a fixed 60×60 grid, so the script stays small whatever n is), a* marked,
 * the two eigenvector directions drawn through it, and the paths on top, on
 * axes of equal scale so an ellipse is not squashed into another shape.
 * Each path is drawn up to its first PLOT_MAX_CURVE_POINTS points.
 * paths: path_count */
Status plot_landscape(const char *dir, const char *name, const char *title,
                      const Bowl *bowl, const Trail *paths, size_t path_count, Error *err);

#endif
