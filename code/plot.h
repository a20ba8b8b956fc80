/*
 * plot.h — figures as self-contained gnuplot scripts.
 * Introduced in chapter 01.
 *
 * Each function writes one script DIR/NAME.gp that holds its own data as an
 * inline datablock ($points << EOD … EOD), so the .gp file alone redraws the
 * figure: `gnuplot NAME.gp` writes NAME.png (or NAME.gif) beside it. A script
 * holds at most PLOT_MAX_POINTS data points and PLOT_MAX_CURVE_POINTS points
 * per curve, whatever n is, so it stays small and readable. Numbers carry
 * enough digits to tell apart points a millionth of the data's spread apart,
 * and a range of zero width (every x the same, a constant loss) is widened, so
 * gnuplot draws whatever data the chapters accept, without a warning.
 *
 * A chapter draws its figures into a set's folder (figures.h), which moves
 * them into the reader's folder all together once the run has succeeded;
 * this module only writes the scripts, in the words gnuplot.h holds. A
 * script whose writing fails is deleted, so no half-written figure is ever
 * left, and the umask says who may read it, as for any file a reader's
 * program makes.
 */
#ifndef SGD_PLOT_H
#define SGD_PLOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "data.h"
#include "status.h"

enum { PLOT_MAX_POINTS = 200, PLOT_MAX_CURVE_POINTS = 500, PLOT_MAX_FRAMES = 60 };

/* What a line or curve stands for. Every role has one colour (and dash) in
 * every figure of the book, from the one table in plot.c: the least-squares
 * line is black and dashed in chapter 03 and in chapter 05 alike. A chapter
 * that draws something new adds a role here and a row to that table. */
typedef enum {
    ROLE_DATA,          /* the data points (x1, y) */
    ROLE_TRUE_LINE,     /* the line the notebook's data came from, y = 3*x1 + 2 */
    ROLE_START,         /* the starting guess a = (-1, 1) */
    ROLE_LEAST_SQUARES, /* the best line (chapter 03), and its loss: the floor */
    ROLE_LOSS,          /* the loss as a function of one coefficient (chapter 02) */
    ROLE_FULL_BATCH,    /* descent on all the points: chapter 04's run, and 05's full batch */
    ROLE_BATCH_1,       /* minibatches of 1 point */
    ROLE_BATCH_10,      /* minibatches of 10 points */
    ROLE_OTHER_BATCH,   /* minibatches of any other size */
    ROLE_MISTAKE,       /* a run gone wrong: it diverged, or has a deliberate mistake */
    ROLE_CRAWL,         /* a stable rate too small to get there in time: it crawls */
    ROLE_BORDERLINE,    /* a rate just below the stable bound */
    ROLE_PREDICTED,     /* what the algebra predicts (chapter 06: steps against lr) */
    ROLE_BOUND,         /* the stable bound 2/λmax, as a vertical line */
    ROLE_MOMENTUM,      /* descent with momentum (chapter 07) */
    ROLE_DECAYING,      /* SGD with a decaying rate (chapter 07) */
    ROLE_AVERAGED,      /* the mean of a run's iterates, Polyak–Ruppert (chapter 07) */
    ROLE_CONTOURS,      /* contour lines of the loss over (a1, a2) (chapter 07) */
    ROLE_EIGENVECTORS,  /* the eigenvector directions of the Hessian (chapter 07) */
    ROLE_PASS_TEXTBOOK, /* chapter 13's gradient passes: three passes, X a, r, Xᵀ r */
    ROLE_PASS_FUSED,    /*   one fused pass */
    ROLE_PASS_LANES,    /*   one pass, two lanes of sums */
    ROLE_PASS_NO_COLUMN, /*  one pass, no stored column of 1s */
    ROLE_PASS_THREADS,  /*   two threads */
    ROLE_TRAINING,      /* the loss on the training set (chapter 09); a network's, chapter 11 */
    ROLE_VALIDATION,    /* the validation set, and the loss on it (chapter 09), the held-out
                           set (chapter 11) */
    ROLE_UNDERFIT,      /* a model too simple for the data */
    ROLE_GOOD_FIT,      /* the degree the validation set picks */
    ROLE_EARLY_STOP,    /* the model early stopping keeps, and where it stopped */
    ROLE_OVERFIT,       /* a model that fits the training points' noise */
    ROLE_NETWORK,       /* a neural network: its curve and its loss (chapter 10) */
    ROLE_HIDDEN_UNIT,   /* one hidden unit's share of the network's curve, drawn faint */
    ROLE_LINEAR_TRAINING, /* chapter 11's softmax regression: training, held-out; */
    ROLE_LINEAR_HELD_OUT, /*   the sets' colours, dashed: a linear model, not the network */
    ROLE_INK,           /* an image's dark end: white paper, this ink (images.h) */
    ROLE_WEIGHT_NEGATIVE, /* a weight against (blue) and for (orange) a class, as an */
    ROLE_WEIGHT_POSITIVE, /*   image: white at 0 (images.h) */
    ROLE_COUNT
} Role;

/* The role of a run that takes batches of `batch` of the n points. */
Role batch_role(size_t batch, size_t n);

/* The colour of role as gnuplot reads it, "#rrggbb", and its gnuplot dash
 * type (1 solid, 2 dashed, …). No two roles share both. */
const char *role_colour(Role role);
int role_dash(Role role);

/* A straight line y = a[0]*x1 + a[1] to draw over the data. */
typedef struct {
    const char *label;
    double a[2];
    Role role;
} Line;

/* Writes "y = 1.52*x1 - 0.70" into text (size bytes): the one way every
 * legend and title spells a line. Whole numbers print without decimals
 * (y = -x1 + 1), a negative intercept as "- 0.70", never "+ -0.70". a: 2 */
void line_equation(char *text, size_t size, const double a[2]);

/* Scatter of the data with lines over it. lines: line_count */
Status plot_fit(const char *dir, const char *name, const char *title,
                const Dataset *data, const Line *lines, size_t line_count,
                Error *err);

/* One curve of a line chart. x: count, y: count. A curve with count 0 draws
 * nothing but its entry in the key: a run that has nothing to show. A curve
 * labelled "" has no entry in the key. */
typedef struct {
    const char *label;
    Role role;
    bool points; /* draw a marker at each point, not a line through them */
    const double *x;
    const double *y;
    size_t count;
} Curve;

/* What plot_fit_overlay() draws over the data: straight lines, curves (such
 * as a model that is not a line, through points with x ascending), and faint
 * curves, thin and first, behind the rest: the parts a curve is made of. */
typedef struct {
    const Line *lines;
    size_t line_count;
    const Curve *curves;
    size_t curve_count;
    const Curve *faint;
    size_t faint_count;
} Overlay;

/* Scatter of the data with lines and curves over it. */
Status plot_fit_overlay(const char *dir, const char *name, const char *title,
                        const Dataset *data, const Overlay *overlay, Error *err);

typedef struct {
    const char *title, *x_label, *y_label;
    bool log_x, log_y; /* a log y axis starts just below the lowest curve */
    bool y_from_zero;  /* start the y axis at 0, so heights compare honestly */
    /* When y_low < y_high, the y axis shows that band only, and a curve that
     * leaves it is cut at the edge (an overfit curve can swing a thousand
     * times wider than the data). Otherwise the axis fits the curves. */
    double y_low, y_high;
} Axes;

/* Several curves on one pair of axes. curves: curve_count */
Status plot_curves(const char *dir, const char *name, const Axes *axes,
                   const Curve *curves, size_t curve_count, Error *err);

/* The coefficients of a run after each of its steps, and what the run is.
 * a: (steps + 1)×2 row-major, a1 and a2 after step 0 (the start), 1, … */
typedef struct {
    const double *a;
    size_t steps;
    Role role;
} Path;

/* An animated GIF of the line y = a1*x1 + a2 moving over the data along path,
 * one frame per recorded step (at most PLOT_MAX_FRAMES, evenly spaced), with
 * target (NULL for none) drawn thinly behind it: where the line should go. */
Status plot_animation(const char *dir, const char *name, const char *title,
                      const Dataset *data, const Path *path, const Line *target,
                      Error *err);

/* An animated GIF of a curve changing over the data: frame f draws the
 * curve frames[f] (a line through its points; its label is the frame's key
 * entry), at most PLOT_MAX_FRAMES of them, evenly spaced, the first and the
 * last included, with target (NULL for none) drawn thinly behind. A frame's
 * points are its own, so a curve with corners can move them: a frame may
 * hold just its ends and its corners. frames: frame_count */
Status plot_curve_animation(const char *dir, const char *name, const char *title,
                            const Dataset *data, const Curve *frames, size_t frame_count,
                            const Line *target, Error *err);

/* A figure this module does not draw itself (chapter 07's contour maps):
 * write_body(file, context) writes everything after the header that sets the
 * PNG terminal (800×640) and the output file, and the script is written
 * (or deleted on a failure) as every other figure is. */
typedef void (*ScriptBody)(FILE *file, const void *context);
Status plot_script(const char *dir, const char *name, ScriptBody write_body,
                   const void *context, Error *err);

#endif
