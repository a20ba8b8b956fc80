/*
 * figures.h — a run's figures, replacing the old ones all together or not at all.
 * Introduced in chapter 01.
 *
 * A chapter draws its figures (plot.h) into a set:
 *     FigureSet *figures = NULL;
 *     Status status = figures_begin(&figures, out_dir, err);
 *     if (status == STATUS_OK)
 *         status = plot_fit(figures_dir(figures), "ch04-fit", ...);
 *     ... more figures ...
 *     status = figures_finish(figures, status, err);
 * The figures are drawn in a folder of the run's own, OUT_DIR/.figures.XXXXXX,
 * and move into OUT_DIR only when the whole run has succeeded. So a reader's
 * folder holds one run's complete set of figures, never some from a run that
 * failed halfway or from two runs at once, and no temporary file.
 *
 * How, in three rules, each a lock the kernel lets go of however the run ends
 * (exit, crash, Ctrl-C, kill -9), so that no lock is ever left stale:
 *   - A set's folder is private (mode 0700) and locked (flock) by its run for
 *     as long as the set lives. A set folder whose lock another run can take
 *     belongs to a run that is gone, in whatever process namespace or
 *     container it ran, and the next figures_begin() in OUT_DIR removes it.
 *   - Whatever a run changes in OUT_DIR itself (making its set's folder,
 *     removing a gone run's, moving its figures in) it does holding the lock
 *     on OUT_DIR (flock on the folder: no lock file litters it), so two runs
 *     into one folder at once move their sets in one after the other.
 *   - Ctrl-C and kill stop a run at any moment, except while it moves its
 *     set into place, a few milliseconds in which they wait, so that no set
 *     is left half moved. A run stopped earlier leaves only its set's folder.
 */
#ifndef SGD_FIGURES_H
#define SGD_FIGURES_H

#include "status.h"

typedef struct FigureSet FigureSet;

/* Makes OUT_DIR (and any missing parents), first removes the folders of the
 * sets of runs that are gone, then makes this run's set. */
Status figures_begin(FigureSet **figures, const char *out_dir, Error *err);

/* The folder to draw the set's figures in: a plot_*() function's dir. */
const char *figures_dir(const FigureSet *figures);

/* Whether every figure drawn so far could be moved into OUT_DIR (none would
 * land on a folder), without moving any: a chapter checks before it prints
 * its last line (the frame's end of a run, frame.c). */
Status figures_check(const FigureSet *figures, Error *err);

/* If status is STATUS_OK, moves every figure into OUT_DIR, unless one would
 * land on a folder, when it moves none; a script NAME.gp that moves in
 * without its image (render.h) takes away the old NAME.png or NAME.gif,
 * which no longer shows it. Otherwise, or if they cannot be
 * moved, it deletes them, and the folders figures_begin() made for them if
 * they are empty, leaving the disk as it was. A message in err about a
 * figure names it where the reader would find it, OUT_DIR/NAME.gp. Either
 * way it frees the set (NULL: nothing to do), and returns status or why the
 * figures could not be moved. */
Status figures_finish(FigureSet *figures, Status status, Error *err);

/* Creates dir and any missing parents, like mkdir -p. */
Status make_directory(const char *dir, Error *err);

#endif
