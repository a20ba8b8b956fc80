/*
 * plot.h — figures as self-contained gnuplot scripts.
 * Introduced in chapter 01.
 *
 * Each function writes one script DIR/NAME.gp that holds its own data as an
 * inline datablock ($points << EOD … EOD), so the .gp file alone redraws the
 * figure: `gnuplot NAME.gp` writes NAME.png (or NAME.gif) beside it. A script
 * holds at most PLOT_MAX_POINTS data points and PLOT_MAX_CURVE_POINTS points
 * per curve, whatever n is, so it stays small and readable.
 *
 * Scripts are written to a temporary file in DIR and renamed into place only
 * once complete, so a failed run never leaves a half-written figure behind;
 * Ctrl-C or kill during those few milliseconds takes effect just after them.
 */
#ifndef SGD_PLOT_H
#define SGD_PLOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "data.h"
#include "status.h"

enum { PLOT_MAX_POINTS = 200, PLOT_MAX_CURVE_POINTS = 500, PLOT_MAX_FRAMES = 60 };

/* A straight line y = a[0]*x1 + a[1] to draw over the data. */
typedef struct {
    const char *label;
    double a[2];
} Line;

/* Scatter of the data with lines over it. lines: line_count */
Status plot_fit(const char *dir, const char *name, const char *title,
                const Dataset *data, const Line *lines, size_t line_count,
                Error *err);

/* One curve of a line chart. x: count, y: count */
typedef struct {
    const char *label;
    const char *style; /* gnuplot style, e.g. "lines lw 2" or "points pt 7" */
    const double *x;
    const double *y;
    size_t count;
} Curve;

typedef struct {
    const char *title, *x_label, *y_label;
    bool log_x, log_y;
    bool y_from_zero; /* start the y axis at 0, so heights compare honestly */
} Axes;

/* Several curves on one pair of axes. curves: curve_count */
Status plot_curves(const char *dir, const char *name, const Axes *axes,
                   const Curve *curves, size_t curve_count, Error *err);

/* An animated GIF of the line y = a1*x1 + a2 moving over the data, one frame
 * per recorded step (at most PLOT_MAX_FRAMES, evenly spaced).
 * path: (steps + 1)×2 row-major, the coefficients a1, a2 after each step */
Status plot_animation(const char *dir, const char *name, const char *title,
                      const Dataset *data, const double *path, size_t steps,
                      Error *err);

/* A figure this module does not draw itself (chapter 07's contour maps):
 * write_body(file, context) writes everything after the header that sets the
 * PNG terminal (800×640) and the output file, and the script gets the same
 * write-to-a-temporary-then-rename as every other figure. */
typedef void (*ScriptBody)(FILE *file, const void *context);
Status plot_script(const char *dir, const char *name, ScriptBody write_body,
                   const void *context, Error *err);

/* Creates dir and any missing parents, like mkdir -p. */
Status make_directory(const char *dir, Error *err);

#endif
