#include "figures.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "linalg.h"
#include "plot.h"
#include "polynomial.h"

Picks pick_fits(const Fit *fits, size_t top)
{
    Picks picks = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    for (size_t degree = 0; degree <= top; degree++) {
        if (!fits[degree].solved)
            continue;
        if (picks.best == SIZE_MAX ||
            fits[degree].validation_loss < fits[picks.best].validation_loss)
            picks.best = degree;
        picks.overfit = degree;
    }
    if (picks.best != SIZE_MAX && picks.best > 0)
        picks.underfit = picks.best == 1 || !fits[1].solved ? 0 : 1;
    if (picks.overfit == picks.best)
        picks.overfit = SIZE_MAX;
    return picks;
}

bool fits_to_rounding(const Sets *sets, const Fit *fits, size_t top)
{
    double scale = 0.0;
    for (size_t i = 0; i < sets->train.n; i++)
        scale += sets->train.y[i] * sets->train.y[i] / (double)sets->train.n;
    for (size_t degree = 0; degree <= top; degree++)
        if (fits[degree].solved && !(fmax(fits[degree].train_loss,
                                          fits[degree].validation_loss) < 1e-12 * scale))
            return false;
    return scale > 0.0;
}

/* ---- The fits --------------------------------------------------------- */

enum { GRID = 201 };

/* A curve across the training points' span at GRID points, x in the data's
 * units: the polynomial with coefficients a (d of them), or, for a = NULL,
 * the true curve. */
static void curve_of(const Sets *sets, const double *a, size_t d, double *x, double *y)
{
    double row[MAX_DEGREE + 1];
    for (size_t k = 0; k < GRID; k++) {
        double t = -1.0 + 2.0 * (double)k / (GRID - 1);
        x[k] = in_data_units(sets, t);
        if (a == NULL) {
            y[k] = true_curve(t);
            continue;
        }
        feature_row(FEATURES_LEGENDRE, t, d, row);
        y[k] = dot(row, a, d); /* the model: the features of t, times a */
    }
}

/* A set's points as a curve of markers, x in the data's units. */
static Curve points_of(Run *run, const Sets *sets, const Dataset *set, const char *label,
                       Role role)
{
    double *x = run_alloc(run, set->n, sizeof *x), *y = run_alloc(run, set->n, sizeof *y);
    for (size_t i = 0; i < set->n; i++) {
        x[i] = in_data_units(sets, set->x[2 * i]);
        y[i] = set->y[i];
    }
    return (Curve){label, role, true, x, y, set->n};
}

/* The band of y the fits figure shows: both sets' y, with a margin, however
 * far an overfit curve swings outside it. */
static void y_band(const Sets *sets, Axes *axes)
{
    double low = INFINITY, high = -INFINITY;
    const Dataset *both[2] = {&sets->train, &sets->validation};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < both[s]->n; i++) {
            low = fmin(low, both[s]->y[i]);
            high = fmax(high, both[s]->y[i]);
        }
    double margin = high > low ? 0.15 * (high - low) : 1.0;
    axes->y_low = low - margin;
    axes->y_high = high + margin;
}

/* What the fits figure draws. */
enum { FIT_CURVES = 5 }; /* underfit, good, overfit, early stopping, the truth */
typedef struct {
    double grid_x[FIT_CURVES][GRID], grid_y[FIT_CURVES][GRID];
    char labels[FIT_CURVES][96];
    Curve curves[FIT_CURVES + 2];
    size_t count;
} FitsFigure;

/* Adds one curve of the figure: the polynomial a (d coefficients), or the
 * truth for a = NULL. */
static void add_curve(FitsFigure *figure, const Sets *sets, const double *a, size_t d,
                      Role role)
{
    size_t k = figure->count - 2; /* the two sets of points come first */
    curve_of(sets, a, d, figure->grid_x[k], figure->grid_y[k]);
    figure->curves[figure->count++] =
        (Curve){figure->labels[k], role, false, figure->grid_x[k], figure->grid_y[k], GRID};
}

/* The points, the three picked fits, the early-stopped one (d coefficients
 * kept_a, kept at epoch kept with validation loss kept_loss) and the truth. */
static void draw_fits(Run *run, const Sets *sets, const Fit *fits, Picks picks,
                      const double *kept_a, size_t d, size_t kept, double kept_loss)
{
    FitsFigure *figure = run_alloc(run, 1, sizeof *figure);
    figure->curves[0] = points_of(run, sets, &sets->validation,
                                  "validation points (training never sees them)",
                                  ROLE_VALIDATION);
    figure->curves[1] = points_of(run, sets, &sets->train, "training points", ROLE_DATA);
    figure->count = 2;
    const size_t degrees[3] = {picks.underfit, picks.best, picks.overfit};
    const Role roles[3] = {ROLE_UNDERFIT, ROLE_GOOD_FIT, ROLE_OVERFIT};
    const char *names[3] = {"underfit", "good", "overfit"};
    for (int k = 0; k < 3; k++)
        if (degrees[k] != SIZE_MAX) {
            snprintf(figure->labels[figure->count - 2], sizeof figure->labels[0],
                     "%s: degree %zu, validation loss %.3g", names[k], degrees[k],
                     fits[degrees[k]].validation_loss);
            add_curve(figure, sets, fits[degrees[k]].a, degrees[k] + 1, roles[k]);
        }
    if (kept > 0)
        snprintf(figure->labels[figure->count - 2], sizeof figure->labels[0],
                 "degree %zu by SGD, stopped early, epoch %zu: validation loss %.3g", d - 1,
                 kept, kept_loss);
    else /* no epoch did better than the start, the line y = 0 */
        snprintf(figure->labels[figure->count - 2], sizeof figure->labels[0],
                 "degree %zu by SGD: early stopping kept the untrained start (loss %.3g)",
                 d - 1, kept_loss);
    add_curve(figure, sets, kept_a, d, ROLE_EARLY_STOP);
    if (sets->synthetic) {
        snprintf(figure->labels[figure->count - 2], sizeof figure->labels[0],
                 "the true curve y = 4x^3 - 3x + 1");
        add_curve(figure, sets, NULL, 0, ROLE_TRUE_LINE);
    }
    Axes axes = {.title =
                     "Too simple, about right, too flexible: least-squares polynomials",
                 .x_label = "x",
                 .y_label = "y"};
    y_band(sets, &axes);
    Error err;
    run_check(run,
              plot_curves(run_figures_dir(run), "ch09-fits", &axes, figure->curves,
                          figure->count, &err),
              &err);
}

/* ---- The floor -------------------------------------------------------- */

/* The validation loss of the true curve itself: the floor no model can
 * beat but by luck, about the noise's variance, 1/12. */
static double truth_validation_loss(const Sets *sets)
{
    double sum = 0.0;
    for (size_t i = 0; i < sets->validation.n; i++) {
        double miss = true_curve(sets->validation.x[2 * i]) - sets->validation.y[i];
        sum += miss * miss;
    }
    return sum / (double)sets->validation.n;
}

/* The floor as a level line across x_from … x_to, when the data are the
 * chapter's own. Returns how many curves it added (0 or 1). x, y: 2 */
static size_t add_floor(const Sets *sets, double x_from, double x_to, double *x, double *y,
                        Curve *curve)
{
    if (!sets->synthetic)
        return 0;
    x[0] = x_from;
    x[1] = x_to;
    y[0] = y[1] = truth_validation_loss(sets);
    *curve = (Curve){
        "the true curve's validation loss: the floor", ROLE_TRUE_LINE, false, x, y, 2};
    return 1;
}

/* ---- Loss against the degree ------------------------------------------ */

/* The band of loss the degree figure shows, on its log axis. A polynomial
 * through every training point has a training loss of 0 up to rounding,
 * which a log axis would stretch down to 1e-30: the axis stops at a third
 * of the lowest other loss, and that curve leaves through the bottom. A
 * loss of exactly 0 has no place on a log axis, nor one past a double's
 * range (a validation x far outside the training points'). When no loss is
 * above 0 (the points lie on a constant) any band shows that: 1e-3 to 1.
 * train, validation: count */
static void loss_band(const double *train, const double *validation, size_t count,
                      Axes *axes)
{
    double lowest = INFINITY, highest = 0.0;
    for (size_t k = 0; k < count; k++) {
        if (isfinite(train[k]) && train[k] > 0.0 && train[k] > 1e-12 * validation[k])
            lowest = fmin(lowest, train[k]);
        if (isfinite(validation[k]) && validation[k] > 0.0)
            lowest = fmin(lowest, validation[k]);
        for (int set = 0; set < 2; set++) {
            double loss = set == 0 ? train[k] : validation[k];
            if (isfinite(loss))
                highest = fmax(highest, loss);
        }
    }
    if (lowest < highest) {
        axes->y_low = lowest / 3.0;
        axes->y_high = highest * 3.0;
    } else {
        axes->y_low = highest > 0.0 ? highest / 10.0 : 1e-3;
        axes->y_high = highest > 0.0 ? highest * 3.0 : 1.0;
    }
}

/* Both losses against the degree, the three picks marked on the validation
 * curve. */
static void draw_degrees(Run *run, const Sets *sets, const Fit *fits, size_t top, Picks picks)
{
    double degree[MAX_DEGREE + 1], train[MAX_DEGREE + 1], validation[MAX_DEGREE + 1];
    size_t count = 0;
    for (size_t k = 0; k <= top; k++)
        if (fits[k].solved) {
            degree[count] = (double)k;
            train[count] = fits[k].train_loss;
            validation[count] = fits[k].validation_loss;
            count++;
        }
    Curve curves[6] = {
        {"training loss", ROLE_TRAINING, false, degree, train, count},
        {"validation loss", ROLE_VALIDATION, false, degree, validation, count},
    };
    size_t curve_count = 2;
    const size_t picked[3] = {picks.underfit, picks.best, picks.overfit};
    const Role roles[3] = {ROLE_UNDERFIT, ROLE_GOOD_FIT, ROLE_OVERFIT};
    const char *names[3] = {"underfit", "lowest validation loss", "overfit"};
    double marker_x[3], marker_y[3], floor_x[2], floor_y[2];
    char labels[3][64];
    for (int k = 0; k < 3; k++)
        if (picked[k] != SIZE_MAX) {
            marker_x[k] = (double)picked[k];
            marker_y[k] = fits[picked[k]].validation_loss;
            snprintf(labels[k], sizeof labels[k], "%s: degree %zu", names[k], picked[k]);
            curves[curve_count++] =
                (Curve){labels[k], roles[k], true, &marker_x[k], &marker_y[k], 1};
        }
    curve_count +=
        add_floor(sets, 0.0, (double)top, floor_x, floor_y, &curves[curve_count]);
    /* It climbs only after a lowest point that is not the last degree. */
    char title[128];
    size_t last_fitted = count > 0 ? (size_t)degree[count - 1] : 0;
    snprintf(title, sizeof title, "Training loss falls with every degree; validation loss %s",
             picks.best == SIZE_MAX || picks.best == last_fitted
                 ? "is lowest at the highest degree fitted"
             : picks.best == 0 ? "is lowest at degree 0, then climbs"
                               : "falls, then climbs");
    if (fits_to_rounding(sets, fits, top))
        snprintf(title, sizeof title, "Every degree fits both sets up to rounding error");
    Axes axes = {.title = title,
                 .x_label = "degree of the polynomial",
                 .y_label = "mean squared error (log scale)",
                 .log_y = true};
    loss_band(train, validation, count, &axes);
    Error err;
    run_check(run,
              plot_curves(run_figures_dir(run), "ch09-degree", &axes, curves, curve_count,
                          &err),
              &err);
}

/* ---- Loss against the epoch ------------------------------------------- */

/* Both losses at epochs 1, 2, 3, …, then about 2% apart (enough for a log
 * axis; epoch 0 has no place on one) and at the last: a figure of a few
 * hundred points, however many epochs the run had. */
enum { LOG_SAMPLES = 700 };
typedef struct {
    size_t count;
    double epoch[LOG_SAMPLES], train[LOG_SAMPLES], validation[LOG_SAMPLES];
} EpochSamples;

static void sample_epochs(const Watch *watch, const double *validation, EpochSamples *log)
{
    log->count = 0;
    for (size_t epoch = 1; epoch <= watch->last && log->count < LOG_SAMPLES; epoch++) {
        size_t k = log->count;
        double due =
            k == 0 ? 1.0 : fmax(log->epoch[k - 1] + 1.0, floor(log->epoch[k - 1] * 1.02));
        if ((double)epoch < due && epoch != watch->last)
            continue;
        log->epoch[k] = (double)epoch;
        log->train[k] = watch->loss[epoch];
        log->validation[k] = validation[epoch];
        log->count++;
    }
}

/* Both losses against the epoch, where early stopping stopped marked.
 * The title says what the validation loss did: lowest at the start, at the
 * end, or in between, where it turns up. */
static void draw_epochs(Run *run, const Sets *sets, const Watch *watch,
                        const double *validation, size_t kept, size_t lowest_epoch)
{
    EpochSamples *log = run_alloc(run, 1, sizeof *log);
    sample_epochs(watch, validation, log);
    char label[96], title[128];
    snprintf(label, sizeof label, "early stopping keeps epoch %zu: validation loss %.3g",
             kept, validation[kept]);
    snprintf(title, sizeof title, "Degree %zu by SGD: %s", watch->size - 1,
             lowest_epoch == 0 ? "the validation loss never falls below its start"
             : lowest_epoch == watch->last
                 ? "the validation loss is lowest at the last epoch"
                 : "the training loss keeps falling, the validation loss turns up");
    double kept_x = (double)kept, kept_y = validation[kept];
    double floor_x[2], floor_y[2];
    /* Epoch 0 has no place on a log axis: no marker then. */
    Curve curves[4] = {
        {"training loss", ROLE_TRAINING, false, log->epoch, log->train, log->count},
        {"validation loss", ROLE_VALIDATION, false, log->epoch, log->validation,
         log->count},
        {label, ROLE_EARLY_STOP, true, &kept_x, &kept_y, kept > 0 ? 1 : 0},
    };
    size_t count = 3;
    if (log->count > 0)
        count += add_floor(sets, 1.0, log->epoch[log->count - 1], floor_x, floor_y,
                           &curves[count]);
    Axes axes = {.title = title,
                 .x_label = "epoch (log scale)",
                 .y_label = "mean squared error (log scale)",
                 .log_x = true,
                 .log_y = true};
    Error err;
    run_check(run, plot_curves(run_figures_dir(run), "ch09-epochs", &axes, curves, count, &err),
              &err);
}

void draw_figures(Run *run, const Sets *sets, const Fit *fits, size_t top, Picks picks,
                  const Watch *watch, const double *validation, const EarlyStop *stop)
{
    size_t kept = stop->kept_epoch, d = watch->size;
    draw_degrees(run, sets, fits, top, picks);
    draw_epochs(run, sets, watch, validation, kept, stop->lowest_epoch);
    draw_fits(run, sets, fits, picks, &watch->a[d * kept], d, kept, validation[kept]);
}
