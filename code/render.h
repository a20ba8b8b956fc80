/*
 * render.h — a run's figures drawn with gnuplot, so no image is ever stale.
 * Introduced in chapter 01.
 *
 * A run writes each figure as a script, NAME.gp (plot.h), into its set's
 * folder (figures.h). If the image beside a script were left to the reader
 * to redraw, `build/ch04 --epochs 5` would leave the old ch04-fit.png beside
 * the new ch04-fit.gp. So before the set moves into place, the frame draws
 * every script with gnuplot into the set's folder, and the images move in
 * with their scripts; a script with no image (no gnuplot here) takes the old
 * image away as it moves in (figures_finish()).
 *
 * The gnuplot run is `gnuplot` on the PATH, or the program the environment
 * variable SGD_GNUPLOT names; SGD_GNUPLOT set to the empty string draws
 * nothing (the tests run every chapter hundreds of times, and draw only
 * where they check the drawing).
 */
#ifndef SGD_RENDER_H
#define SGD_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* What render_figures() did. */
typedef struct {
    bool missing;         /* no gnuplot could be run: not installed, or not on the PATH */
    size_t drawn;         /* images drawn */
    char images[512];     /* their names, "ch04-animation.gif, ch04-fit.png", sorted */
    char refused[256];    /* "NAME.gp: gnuplot's first line of complaint", or "" */
} Rendering;

/* Draws every NAME.gp in dir with gnuplot, each into the image it names
 * beside it. A script gnuplot refuses, or draws with a warning, is named in
 * rendering->refused (the first such) and its image deleted, so that no
 * half-drawn image moves in; the others are drawn all the same. Fails only
 * when dir cannot be read. */
Status render_figures(const char *dir, Rendering *rendering, Error *err);

#endif
