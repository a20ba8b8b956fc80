/*
 * images.h — figures of pictures: small images in a grid, and a heat map.
 * Introduced in chapter 11.
 *
 * The digits are 8×8 images, and so is what softmax regression learns for
 * each class (a weight per pixel). A grid of them is one gnuplot matrix,
 * the images side by side with a blank margin between them, drawn `with
 * image`: each value a square of colour, each image boxed and captioned.
 * A confusion matrix is a table of counts drawn the same way, one square a
 * cell, with its count written in it.
 *
 * Colours come from plot.c's role table: ink (ROLE_INK) on white for
 * pixels, blue (ROLE_WEIGHT_NEGATIVE) through white at 0 to orange
 * (ROLE_WEIGHT_POSITIVE) for weights that count against or for a class,
 * and the mistakes' red (ROLE_MISTAKE) for the confusions. Like every
 * figure, each is one self-contained script (plot.h, gnuplot.h).
 */
#ifndef SGD_IMAGES_H
#define SGD_IMAGES_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* Whether values are ink, from white at low to ROLE_INK at high, or signed
 * weights, white at 0 and full blue or orange at ±high. */
typedef enum { SHADE_INK, SHADE_SIGNED } Shading;

/* One image of a grid. pixels: side×side, row by row from the top left */
typedef struct {
    const double *pixels;
    const char *caption; /* above it, short: "7", "3 → 8" */
} ImageTile;

typedef struct {
    const char *title;
    size_t side;       /* pixels along each edge of an image: 8 */
    size_t columns;    /* images in a row of the grid */
    Shading shading;
    double low, high;  /* SHADE_INK: the values of white and of full ink;
                          SHADE_SIGNED: high is the largest size, low unused */
    const char *scale; /* the colour scale's label, or NULL for none */
} ImageGrid;

/* The tiles in rows of grid->columns, each boxed and captioned, into
 * DIR/NAME.gp. At most IMAGES_MAX_TILES of them. tiles: count */
enum { IMAGES_MAX_TILES = 100 };
Status plot_image_grid(const char *dir, const char *name, const ImageGrid *grid,
                       const ImageTile *tiles, size_t count, Error *err);

/* A confusion matrix as a heat map: counts[t][p] in the cell of row t (true
 * class, top to bottom) and column p (predicted), every count written in
 * its cell. The diagonal holds the right answers and stays white, so that
 * the colour, from white to ROLE_MISTAKE at the largest mistake, shows the
 * mistakes alone. counts: (classes, classes) */
Status plot_confusion(const char *dir, const char *name, const char *title,
                      const size_t *counts, size_t classes, Error *err);

#endif
