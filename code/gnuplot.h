/*
 * gnuplot.h — the words every gnuplot script of the book is written in.
 * Introduced in chapter 01.
 *
 * What a figure's script needs whatever it draws (plot.h draws the book's
 * figures with these): a file DIR/NAME.gp that names its terminal and its
 * image, and is deleted if any write to it fails; strings quoted the way
 * gnuplot reads them; numbers with as many digits as they need to be told
 * apart and no more; and axes gnuplot can draw whatever the data, a range
 * of zero width widened rather than refused.
 */
#ifndef SGD_GNUPLOT_H
#define SGD_GNUPLOT_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "status.h"

enum { GNUPLOT_PATH_MAX = 4096 };

/* A script being written to path, DIR/NAME.gp. */
typedef struct {
    FILE *file;
    char path[GNUPLOT_PATH_MAX];
} GnuplotScript;

/* Opens DIR/NAME.gp and writes its header: where the data comes from, a
 * reset (so that `gnuplot a.gp b.gp` draws b with none of a's settings),
 * the terminal ("pngcairo size 800,560 …") and the image it writes beside
 * the script, NAME.IMAGE_EXTENSION. */
Status gnuplot_open(GnuplotScript *script, const char *dir, const char *name,
                    const char *terminal, const char *image_extension, Error *err);

/* Closes the script; if any write to it failed (a full disk), deletes it. */
Status gnuplot_close(GnuplotScript *script, Error *err);

/* A gnuplot string literal: single quotes, with ' doubled. */
void gnuplot_quoted(FILE *file, const char *text);

/* v with the fewest significant digits (6 to 17) that read back as exactly
 * v: for the coefficients of a line and the ends of a range, where rounding
 * would move what is drawn (an intercept of -2999997.5 is not -3e+06). */
void gnuplot_exact(FILE *file, double v);

/* "set title 'TITLE'", the axes' labels and a grid. */
void gnuplot_labels(FILE *file, const char *title, const char *x_label, const char *y_label);

/* A datablock row "x y", each with the digits its column needs. */
void gnuplot_row(FILE *file, double x, int x_digits, double y, int y_digits);

/* The values an axis shows, low to high; low > high while it is empty. */
typedef struct {
    double low, high;
} Range;

static const Range EMPTY_RANGE = {INFINITY, -INFINITY};

/* Widens range to hold v, if v is a finite number. */
void range_include(Range *range, double v);
bool range_is_empty(Range range);

/* Zero width, or so narrow that gnuplot cannot tell its ends apart. */
bool range_is_flat(Range range);

/* Significant digits that write every value within a 20,000th of the
 * range's width of itself, well under a pixel: 6 (%g's own) for the
 * notebook's data, 12 for x in [1e6, 1e6 + 1], where %g would print every x
 * as 1e+06; 17 for a flat range. */
int range_digits(Range range);

/* The range gnuplot would refuse ("empty x range") widened: by a tenth of
 * its value each way (by 1 each way about 0), or on a log axis from half to
 * twice it. Any other range is returned as it is. */
Range range_widened(Range range, bool log_scale);

/* "set xrange [LOW:HIGH]" for axis "x" (or "y"), each end exact. */
void gnuplot_range(FILE *file, const char *axis, double low, double high);

/* Settles one axis for values spanning range: tic labels with the digits
 * the values need, and a fixed range where gnuplot's autoscale would fail
 * on a flat one. */
void gnuplot_axis(FILE *file, const char *axis, Range range, bool log_scale);

#endif
