/*
 * Chapter 09 — epochs and overfitting: more features, a validation set,
 * early stopping.
 *
 * The model becomes a polynomial, y_hat = a1*P1(x) + … + aD*PD(x) + a(D+1),
 * still a dot product of a row of features with a, so the loss, the gradient
 * and the closed form of the earlier chapters carry over unchanged. The data
 * are 15 noisy training points of a cubic and 100 validation points from
 * the same source, which training never sees. The program fits every degree
 * the training points allow by least squares and measures both losses: the
 * training loss falls with every degree, the validation loss falls and then
 * climbs (the U of model capacity). Then it trains a degree-14 polynomial by
 * SGD for many epochs: the training loss keeps falling while the validation
 * loss reaches a minimum and climbs, and early stopping keeps the a of that
 * minimum. Three figures: loss against degree, loss against epoch, and the
 * data with an underfit, a good and an overfit curve.
 *
 *     build/ch09            build/ch09 --degree 6            build/ch09 --train 30
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chapter.h"
#include "gradient.h"
#include "linalg.h"
#include "loss.h"
#include "minibatch.h"
#include "plot.h"
#include "polynomial.h"
#include "rng.h"
#include "sgd.h"

static const Chapter CHAPTER = {
    "ch09",
    "Chapter 09: polynomials of every degree fitted to a training set and scored on a "
    "validation set; SGD over many epochs, and early stopping.",
    FLAG_SEED | FLAG_LR | FLAG_EPOCHS | FLAG_BATCH | FLAG_DATA | FLAG_OUT | FLAG_QUIET |
        FLAG_DEGREE | FLAG_TRAIN | FLAG_VALIDATION,
    5};

/* Early stopping's patience: stop once this many epochs in a row have
 * brought no new lowest validation loss. */
enum { PATIENCE = 100 };

/* ---- Two sets of points from one source ------------------------------- */

/* The curve the chapter's points come from: 4x³ − 3x + 1, which rises,
 * falls and rises again on [-1, 1], so no line and no parabola can follow
 * it. Only + and *: the same bits on every machine. */
static double true_curve(double x)
{
    return 4.0 * x * x * x - 3.0 * x + 1.0;
}

/* The training set and the validation set, with x1 already on the scale the
 * features want: the training points span [-1, 1] (the chapter's own points
 * are made there). x1 = -1 is x_low in the data's units, x1 = 1 is x_high. */
typedef struct {
    Dataset train, validation;
    double x_low, x_high;
    bool synthetic;
} Sets;

static void sets_free(Sets *sets)
{
    data_free(&sets->train);
    data_free(&sets->validation);
}

/* n points of the true curve, x uniform on [-1, 1), plus noise uniform on
 * [-0.5, 0.5): the notebook's noise, centred, so that the true curve is the
 * best any model can do (its loss is the noise's variance, 1/12). */
static Status make_points(Dataset *points, size_t n, Rng *rng, Error *err)
{
    Status status = data_allocate(points, n, err);
    for (size_t i = 0; status == STATUS_OK && i < n; i++) {
        points->x[2 * i] = rng_uniform_between(rng, -1.0, 1.0);
        points->y[i] = true_curve(points->x[2 * i]) + rng_uniform_between(rng, -0.5, 0.5);
    }
    return status;
}

static Status make_sets(const Options *options, Sets *sets, Error *err)
{
    Rng rng = rng_seeded(options->seed);
    *sets = (Sets){.x_low = -1.0, .x_high = 1.0, .synthetic = true};
    Status status = make_points(&sets->train, options->train, &rng, err);
    if (status == STATUS_OK)
        status = make_points(&sets->validation, options->validation, &rng, err);
    return status;
}

/* The rows order[from … from + m − 1] of data into set, x1 mapped from
 * [low, high] to [-1, 1]. order: from + m */
static Status take_rows(const Dataset *data, const size_t *order, size_t from, size_t m,
                        double low, double high, Dataset *set, Error *err)
{
    Status status = data_allocate(set, m, err);
    for (size_t k = 0; status == STATUS_OK && k < m; k++) {
        size_t row = order[from + k];
        set->x[2 * k] = to_unit_interval(data->x[2 * row], low, high);
        set->y[k] = data->y[row];
    }
    return status;
}

/* The reader's points (--data), shuffled with the seed: the first --train
 * of them train, the next --validation (or all the rest) validate. x1 is
 * mapped so that the training points span [-1, 1]. order: data->n */
static Status split_points(const Options *options, const Dataset *data, size_t *order,
                           Sets *sets, Error *err)
{
    size_t n = data->n, n_train = options->train;
    if (n <= n_train)
        return fail(err, STATUS_BAD_DATA,
                    "%s has %zu points: --train %zu leaves none to validate with (try "
                    "--train %zu)",
                    options->data_path, n, n_train, n - n / 3);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    Rng rng = rng_seeded(options->seed);
    rng_shuffle(&rng, order, n);
    double low = INFINITY, high = -INFINITY;
    for (size_t k = 0; k < n_train; k++) {
        low = fmin(low, data->x[2 * order[k]]);
        high = fmax(high, data->x[2 * order[k]]);
    }
    if (!(low < high))
        return fail(err, STATUS_BAD_DATA,
                    "every training point of %s has the same x: no curve can be told "
                    "from another",
                    options->data_path);
    size_t n_validation =
        n - n_train < options->validation ? n - n_train : options->validation;
    *sets = (Sets){.x_low = low, .x_high = high, .synthetic = false};
    Status status = take_rows(data, order, 0, n_train, low, high, &sets->train, err);
    if (status == STATUS_OK)
        status = take_rows(data, order, n_train, n_validation, low, high, &sets->validation,
                           err);
    return status;
}

static Status prepare_sets(const Options *options, const Dataset *data, Sets *sets,
                           Error *err)
{
    if (options->data_path == NULL)
        return make_sets(options, sets, err);
    size_t *order = malloc(data->n * sizeof *order);
    if (order == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu row numbers", data->n);
    Status status = split_points(options, data, order, sets, err);
    free(order);
    return status;
}

/* x1 on the features' scale, [-1, 1] for the training points, back in the
 * data's units, for the figures. */
static double in_data_units(const Sets *sets, double t)
{
    return sets->synthetic ? t
                           : sets->x_low + (t + 1.0) * (sets->x_high - sets->x_low) / 2.0;
}

/* ---- The features of a polynomial of one degree ----------------------- */

//> ch09_features
/* X for a polynomial of the given degree: d = degree + 1 columns,
 * (P1(x1), …, Pdegree(x1), 1) for each point. x: set->n × d */
static void features_of(const Dataset *set, FeatureKind kind, size_t degree, double *x)
{
    size_t d = degree + 1;
    for (size_t i = 0; i < set->n; i++)
        feature_row(kind, set->x[2 * i], d, &x[d * i]);
}
//< ch09_features

/* The features of both sets for one degree, in memory the caller frees. */
typedef struct {
    size_t d;
    double *train;      /* train.n × d */
    double *validation; /* validation.n × d */
} Design;

static void design_free(Design *design)
{
    free(design->train);
    free(design->validation);
    design->train = design->validation = NULL;
}

static Status design_of(const Sets *sets, size_t degree, Design *design, Error *err)
{
    size_t d = degree + 1;
    design->d = d;
    design->train = malloc(sets->train.n * d * sizeof *design->train);
    design->validation = malloc(sets->validation.n * d * sizeof *design->validation);
    if (design->train == NULL || design->validation == NULL) {
        design_free(design);
        return fail(err, STATUS_NO_MEMORY, "out of memory for the features of degree %zu",
                    degree);
    }
    features_of(&sets->train, FEATURES_LEGENDRE, degree, design->train);
    features_of(&sets->validation, FEATURES_LEGENDRE, degree, design->validation);
    return STATUS_OK;
}

/* ---- Every degree by least squares ------------------------------------ */

/* One degree's closed-form fit: its coefficients and both losses. */
typedef struct {
    bool solved; /* false: these points have no unique fit of this degree */
    double a[MAX_DEGREE + 1];
    double train_loss, validation_loss;
} Fit;

/* How much more the loss curves one way than another, λmax / λmin, for the
 * features of this kind on the training points. x: n × d, scratch */
static Status condition_number(const Dataset *train, FeatureKind kind, size_t degree,
                               double *x, double *kappa, Error *err)
{
    size_t d = degree + 1;
    double lambda[MAX_DEGREE + 1];
    features_of(train, kind, degree, x);
    Status status = hessian_eigenvalues_d(x, train->n, d, lambda, err);
    *kappa = lambda[0] / lambda[d - 1];
    return status;
}

/* A condition number as the table prints it. Jacobi's eigenvalues are right
 * to about 1e-16 of the largest, so a ratio past 1e15 (or a smallest
 * eigenvalue that rounding made 0 or less) is known only to be huge.
 * text: 16 bytes */
static const char *condition_text(double kappa, char *text)
{
    if (kappa > 0.0 && kappa <= 1e15)
        snprintf(text, 16, "%.2g", kappa);
    else
        snprintf(text, 16, "over 1e15");
    return text;
}

/* Prints the row of one degree: its losses and the condition numbers of
 * both kinds of features. */
static Status show_degree(const Options *options, const Sets *sets, size_t degree,
                          const Fit *fit, Error *err)
{
    double *x = malloc(sets->train.n * (degree + 1) * sizeof *x);
    if (x == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for the features of degree %zu",
                    degree);
    double powers, legendre;
    Status status =
        condition_number(&sets->train, FEATURES_POWERS, degree, x, &powers, err);
    if (status == STATUS_OK)
        status =
            condition_number(&sets->train, FEATURES_LEGENDRE, degree, x, &legendre, err);
    free(x);
    if (status != STATUS_OK)
        return status;
    char train[NUMBER_TEXT], validation[NUMBER_TEXT];
    if (fit->solved)
        say(options, "%6zu %10s %12s", degree, format_number(fit->train_loss, train),
            format_number(fit->validation_loss, validation));
    else
        say(options, "%6zu %23s", degree, "no unique fit");
    char powers_text[16], legendre_text[16];
    say(options, " %12s %10s\n", condition_text(powers, powers_text),
        condition_text(legendre, legendre_text));
    return STATUS_OK;
}

//> ch09_sweep
/* The least-squares polynomial of each degree 0 … top on the training set,
 * scored on both sets. fits: top + 1 */
static Status fit_every_degree(const Options *options, const Sets *sets, size_t top,
                               Fit *fits, Error *err)
{
    Status status = STATUS_OK;
    for (size_t degree = 0; degree <= top && status == STATUS_OK; degree++) {
        Design design;
        status = design_of(sets, degree, &design, err);
        if (status != STATUS_OK)
            break;
        Fit *fit = &fits[degree];
        status = least_squares_d(design.train, sets->train.y, sets->train.n, design.d,
                                 fit->a, err);
        fit->solved = status == STATUS_OK;
        if (fit->solved) {
            fit->train_loss =
                loss_of_d(design.train, sets->train.y, sets->train.n, design.d, fit->a);
            fit->validation_loss = loss_of_d(design.validation, sets->validation.y,
                                             sets->validation.n, design.d, fit->a);
        }
        if (status == STATUS_BAD_DATA) /* say so in the table, and go on */
            status = STATUS_OK;
        design_free(&design);
        if (status == STATUS_OK)
            status = show_degree(options, sets, degree, fit, err);
    }
    return status;
}
//< ch09_sweep

/* The three fits the figure shows: the best degree by validation loss, the
 * highest degree that could be fitted (overfit) and, below the best, a
 * degree too low (underfit: a straight line, the earlier chapters' model,
 * or a constant when a line is already the best). SIZE_MAX: none. */
typedef struct {
    size_t underfit, best, overfit;
} Picks;

static Picks pick_fits(const Fit *fits, size_t top)
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

/* ---- One degree by SGD, with a validation set ------------------------- */

enum { LOG_SAMPLES = 700 };

/* What the validation loop saw and what early stopping kept: both losses
 * at epochs 1, 2, 3, …, then about 2% apart (enough for a log axis) and at
 * the last; the lowest validation loss of the whole run; and the epoch,
 * losses and a that early stopping keeps, the lowest before its patience
 * ran out (the same as the lowest of the run, unless the loss fell again
 * later). */
typedef struct {
    size_t count;
    double epoch[LOG_SAMPLES], train[LOG_SAMPLES], validation[LOG_SAMPLES];
    size_t lowest_epoch;      /* where the validation loss was lowest, over all epochs */
    double lowest_validation; /* and what it was there */
    size_t kept_epoch;        /* the epoch early stopping keeps */
    double kept_validation, kept_train;
    double kept_a[MAX_DEGREE + 1];
    size_t stopped_at; /* where its patience ran out: 0 if it never did */
} EpochLog;

static void log_losses(EpochLog *log, size_t epoch, size_t last, double train,
                       double validation)
{
    size_t k = log->count;
    double due =
        k == 0 ? 1.0 : fmax(log->epoch[k - 1] + 1.0, floor(log->epoch[k - 1] * 1.02));
    if (epoch == 0 || k == LOG_SAMPLES || ((double)epoch < due && epoch != last))
        return;
    log->epoch[k] = (double)epoch;
    log->train[k] = train;
    log->validation[k] = validation;
    log->count++;
}

/* Rows of the progress table: epochs 0, 1, 2, 5, 10, 20, 50, … and the last. */
static bool is_row(size_t epoch, size_t last)
{
    size_t decade = 1;
    while (decade <= epoch / 10)
        decade *= 10;
    size_t lead = epoch / decade;
    return epoch == 0 || epoch == last ||
           (epoch % decade == 0 && (lead == 1 || lead == 2 || lead == 5));
}

/* A row of the SGD table: the epoch, the training and the validation loss
 * (a number too large for a double as the word "overflow"). */
static void show_row(const Options *options, size_t epoch, double train, double validation)
{
    char t[NUMBER_TEXT], v[NUMBER_TEXT];
    say(options, "%6zu %10s %12s\n", epoch, format_number(train, t),
        format_number(validation, v));
}

/* The divergence message: where, and a rate to try, half the bound below
 * which every batch is stable or, for the full batch, half of 2/λmax. */
static Status diverged_at_epoch(Error *err, size_t epoch, double lr, const Design *design,
                                size_t n, size_t batch)
{
    double bound = stable_lr_for_any_batch(design->train, n, design->d);
    double lambda[MAX_DEGREE + 1];
    if (batch >= n &&
        hessian_eigenvalues_d(design->train, n, design->d, lambda, err) == STATUS_OK)
        bound = 2.0 / lambda[0];
    return fail(err, STATUS_DIVERGED,
                "the loss diverged at epoch %zu with learning rate %g; for these %zu "
                "features %s is stable when lr < %.4g, so try --lr %.2g",
                epoch, lr, design->d, batch >= n ? "full-batch descent" : "every batch",
                bound, bound / 2.0);
}

//> ch09_epochs
/* Chapter 05's minibatch SGD with d coefficients, on the training set;
 * after every epoch the loss on the validation set too, which training
 * never sees, and early stopping's bookkeeping: keep the a of the lowest
 * validation loss so far, and stop once PATIENCE epochs bring no lower one.
 * (To show what stopping avoids, the loop notes where it would stop and
 * trains on to the last epoch.)
 * a: d, from the starting guess; batch_x: batch × d, batch_y: batch */
static Status train_with_validation(const Options *options, const Sets *sets,
                                    const Design *design, EpochSampler *sampler,
                                    double *batch_x, double *batch_y, double *a,
                                    EpochLog *log, Error *err)
{
    size_t n = sets->train.n, d = design->d;
    double grad[MAX_DEGREE + 1];
    Rng rng = rng_seeded(options->seed);
    double start_loss = loss_of_d(design->train, sets->train.y, n, d, a);
    log->lowest_validation = INFINITY;
    for (size_t epoch = 0; epoch <= options->epochs; epoch++) {
        if (epoch > 0) { /* one pass over the training set, in shuffled batches */
            sampler_start_epoch(sampler, &rng);
            const size_t *rows;
            size_t m;
            while ((m = sampler_next_batch(sampler, &rows)) > 0) {
                gather_rows_d(design->train, sets->train.y, d, rows, m, batch_x, batch_y);
                gradient_d(batch_x, batch_y, m, d, a, grad);
                for (size_t j = 0; j < d; j++)
                    a[j] -= options->lr * grad[j];
            }
        }
        double train = loss_of_d(design->train, sets->train.y, n, d, a);
        double validation =
            loss_of_d(design->validation, sets->validation.y, sets->validation.n, d, a);
        if (loss_diverged(train, start_loss)) { /* the row where it blew up, then why */
            show_row(options, epoch, train, validation);
            return diverged_at_epoch(err, epoch, options->lr, design, n,
                                     sampler->batch_size);
        }
        if (validation < log->lowest_validation) { /* the lowest so far */
            log->lowest_epoch = epoch;
            log->lowest_validation = validation;
        }
        if (log->stopped_at == 0 && epoch == log->lowest_epoch) { /* keep this a */
            log->kept_epoch = epoch;
            log->kept_validation = validation;
            log->kept_train = train;
            memcpy(log->kept_a, a, d * sizeof *a);
        }
        if (log->stopped_at == 0 && epoch == log->kept_epoch + PATIENCE)
            log->stopped_at = epoch; /* PATIENCE epochs with no new lowest: stop here */
        log_losses(log, epoch, options->epochs, train, validation);
        if (is_row(epoch, options->epochs))
            show_row(options, epoch, train, validation);
    }
    return STATUS_OK;
}
//< ch09_epochs

/* train_with_validation() from a = 0, with its sampler and batch buffers. */
static Status train_degree(const Options *options, const Sets *sets, const Design *design,
                           EpochLog *log, Error *err)
{
    size_t d = design->d;
    EpochSampler sampler;
    Status status = sampler_init(&sampler, &sets->train, options->batch, err);
    if (status != STATUS_OK)
        return status;
    double *batch_x = malloc(sampler.batch_size * d * sizeof *batch_x);
    double *batch_y = malloc(sampler.batch_size * sizeof *batch_y);
    double a[MAX_DEGREE + 1] = {0.0}; /* the starting guess: y_hat = 0 everywhere */
    if (batch_x == NULL || batch_y == NULL)
        status = fail(err, STATUS_NO_MEMORY, "out of memory for a batch of %zu",
                      sampler.batch_size);
    if (status == STATUS_OK) {
        say(options,
            "\nSGD on the degree-%zu polynomial from a = 0: batches of %zu, lr = %g, "
            "%zu epochs.\n"
            " epoch   training   validation\n",
            d - 1, sampler.batch_size, options->lr, options->epochs);
        status = train_with_validation(options, sets, design, &sampler, batch_x, batch_y, a,
                                       log, err);
    }
    free(batch_x);
    free(batch_y);
    sampler_free(&sampler);
    return status;
}

/* ---- Figures ---------------------------------------------------------- */

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

/* A set's points, x in the data's units. x, y: set->n */
static void points_of(const Sets *sets, const Dataset *set, double *x, double *y)
{
    for (size_t i = 0; i < set->n; i++) {
        x[i] = in_data_units(sets, set->x[2 * i]);
        y[i] = set->y[i];
    }
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

/* What the fits figure draws, and the memory for it. */
enum { FIT_CURVES = 5 }; /* underfit, good, overfit, early stopping, the truth */
typedef struct {
    double *train_x, *train_y, *validation_x, *validation_y;
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

static Status draw_fits(const char *dir, const Sets *sets, const Fit *fits, Picks picks,
                        const EpochLog *log, size_t degree, FitsFigure *figure, Error *err)
{
    points_of(sets, &sets->train, figure->train_x, figure->train_y);
    points_of(sets, &sets->validation, figure->validation_x, figure->validation_y);
    figure->curves[0] = (Curve){"validation points (training never sees them)",
                                ROLE_VALIDATION,
                                true,
                                figure->validation_x,
                                figure->validation_y,
                                sets->validation.n};
    figure->curves[1] = (Curve){"training points", ROLE_DATA,       true,
                                figure->train_x,   figure->train_y, sets->train.n};
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
    snprintf(figure->labels[figure->count - 2], sizeof figure->labels[0],
             "degree %zu by SGD, stopped early, epoch %zu: validation loss %.3g", degree,
             log->kept_epoch, log->kept_validation);
    add_curve(figure, sets, log->kept_a, degree + 1, ROLE_EARLY_STOP);
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
    return plot_curves(dir, "ch09-fits", &axes, figure->curves, figure->count, err);
}

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

/* Both losses against the degree, the three picks marked on the validation
 * curve. */
static Status draw_degrees(const char *dir, const Sets *sets, const Fit *fits, size_t top,
                           Picks picks, Error *err)
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
    Axes axes = {.title = "Training loss falls with every degree; validation loss falls, "
                          "then climbs",
                 .x_label = "degree of the polynomial",
                 .y_label = "mean squared error (log scale)",
                 .log_y = true};
    /* A polynomial through every training point has a training loss of 0 up
     * to rounding, which a log axis would stretch down to 1e-30: the axis
     * stops at a third of the lowest other loss, and that curve leaves
     * through the bottom. */
    double lowest = INFINITY, highest = 0.0;
    for (size_t k = 0; k < count; k++) {
        if (train[k] > 1e-12 * validation[k])
            lowest = fmin(lowest, train[k]);
        lowest = fmin(lowest, validation[k]);
        highest = fmax(highest, fmax(train[k], validation[k]));
    }
    if (lowest < highest) {
        axes.y_low = lowest / 3.0;
        axes.y_high = highest * 3.0;
    }
    return plot_curves(dir, "ch09-degree", &axes, curves, curve_count, err);
}

/* Both losses against the epoch, where early stopping stopped marked. */
static Status draw_epochs(const char *dir, const Sets *sets, const EpochLog *log,
                          size_t degree, Error *err)
{
    char label[96], title[128];
    snprintf(label, sizeof label, "early stopping keeps epoch %zu: validation loss %.3g",
             log->kept_epoch, log->kept_validation);
    snprintf(
        title, sizeof title,
        "Degree %zu by SGD: the training loss keeps falling, the validation loss turns up",
        degree);
    double kept_x = (double)log->kept_epoch, kept_y = log->kept_validation;
    double floor_x[2], floor_y[2];
    /* Epoch 0 has no place on a log axis: no marker then. */
    Curve curves[4] = {
        {"training loss", ROLE_TRAINING, false, log->epoch, log->train, log->count},
        {"validation loss", ROLE_VALIDATION, false, log->epoch, log->validation,
         log->count},
        {label, ROLE_EARLY_STOP, true, &kept_x, &kept_y, log->kept_epoch > 0 ? 1 : 0},
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
    return plot_curves(dir, "ch09-epochs", &axes, curves, count, err);
}

static void fits_figure_free(FitsFigure *figure)
{
    if (figure == NULL)
        return;
    free(figure->train_x);
    free(figure->train_y);
    free(figure->validation_x);
    free(figure->validation_y);
    free(figure);
}

static Status fits_figure_allocate(const Sets *sets, FitsFigure **figure, Error *err)
{
    FitsFigure *room = calloc(1, sizeof *room);
    if (room != NULL) {
        room->train_x = malloc(sets->train.n * sizeof *room->train_x);
        room->train_y = malloc(sets->train.n * sizeof *room->train_y);
        room->validation_x = malloc(sets->validation.n * sizeof *room->validation_x);
        room->validation_y = malloc(sets->validation.n * sizeof *room->validation_y);
    }
    *figure = room;
    if (room == NULL || room->train_x == NULL || room->train_y == NULL ||
        room->validation_x == NULL || room->validation_y == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for the figures");
    return STATUS_OK;
}

/* The three figures, into dir. */
static Status draw_figures(const Options *options, const char *dir, const Sets *sets,
                           const Fit *fits, size_t top, Picks picks, const EpochLog *log,
                           Error *err)
{
    FitsFigure *figure = NULL;
    Status status = fits_figure_allocate(sets, &figure, err);
    if (status == STATUS_OK)
        status = draw_degrees(dir, sets, fits, top, picks, err);
    if (status == STATUS_OK)
        status = draw_epochs(dir, sets, log, options->degree, err);
    if (status == STATUS_OK)
        status = draw_fits(dir, sets, fits, picks, log, options->degree, figure, err);
    fits_figure_free(figure);
    if (status == STATUS_OK) {
        say_wrote(options, "ch09-degree");
        say_wrote(options, "ch09-epochs");
        say_wrote(options, "ch09-fits");
    }
    return status;
}

/* ---- The chapter ------------------------------------------------------ */

static void explain_sets(const Options *options, const Sets *sets)
{
    if (sets->synthetic)
        say(options,
            "%zu training points and %zu validation points from one source: x uniform "
            "on [-1, 1),\ny = 4x^3 - 3x + 1 + noise, the noise uniform on [-0.5, 0.5) "
            "(variance 1/12 = 0.0833).\n",
            sets->train.n, sets->validation.n);
    else
        say(options,
            "%zu training points and %zu validation points, drawn at random from "
            "%s;\nx mapped so that the training points span [-1, 1].\n",
            sets->train.n, sets->validation.n, options->data_path);
    say(options,
        "A polynomial of degree D is a dot product of D + 1 features: the Legendre\n"
        "polynomials P1(x) ... PD(x) and the constant 1.\n\n"
        "Least squares (by QR) for every degree the training points allow: the loss on\n"
        "both sets, and the condition number of (2/n) X^T X for two kinds of features.\n");
    say(options, "%6s %10s %12s %12s %10s\n", "degree", "training", "validation",
        "powers of x", "Legendre");
}

static void summarize_degrees(const Options *options, const Sets *sets, const Fit *fits,
                              Picks picks)
{
    say(options,
        "The training loss falls with every degree; the validation loss is lowest "
        "at degree %zu.\n",
        picks.best);
    if (sets->synthetic && picks.best == 3)
        say(options,
            "Its a = [%.4f, %.4f, %.4f, %.4f]; the true curve in these features is\n"
            "[-0.6, 0, 1.6, 1], since 4x^3 - 3x + 1 = -0.6 P1 + 0 P2 + 1.6 P3 + 1.\n",
            fits[3].a[0], fits[3].a[1], fits[3].a[2], fits[3].a[3]);
}

static void summarize_epochs(const Options *options, const EpochLog *log)
{
    say(options, "The validation loss was lowest after epoch %zu: %.4f.\n",
        log->lowest_epoch, log->lowest_validation);
    if (log->stopped_at > 0)
        say(options, "Early stopping with a patience of %d epochs stops at epoch %zu",
            PATIENCE, log->stopped_at);
    else
        say(options, "Early stopping with a patience of %d epochs never runs out of it",
            PATIENCE);
    say(options, ", keeping\nepoch %zu's a: validation loss %.4f, training loss %.4f.\n",
        log->kept_epoch, log->kept_validation, log->kept_train);
}

//> ch09_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    Sets sets = {0};
    Status status = prepare_sets(options, data, &sets, err);
    if (status != STATUS_OK) {
        sets_free(&sets);
        return status;
    }
    explain_sets(options, &sets);

    /* Every degree up to one coefficient per training point, by least squares. */
    size_t top = sets.train.n - 1 < MAX_DEGREE ? sets.train.n - 1 : MAX_DEGREE;
    Fit fits[MAX_DEGREE + 1];
    status = fit_every_degree(options, &sets, top, fits, err);
    Picks picks = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    if (status == STATUS_OK) {
        picks = pick_fits(fits, top);
        summarize_degrees(options, &sets, fits, picks);
    }

    /* One degree by SGD, watching the validation loss after every epoch. */
    Design design = {0};
    EpochLog *log = calloc(1, sizeof *log);
    if (status == STATUS_OK && log == NULL)
        status = fail(err, STATUS_NO_MEMORY, "out of memory for the epoch log");
    if (status == STATUS_OK)
        status = design_of(&sets, options->degree, &design, err);
    if (status == STATUS_OK)
        status = train_degree(options, &sets, &design, log, err);
    /* The figures and the last line land together, or none of them: see chapter.h. */
    FigureSet *figures = NULL;
    if (status == STATUS_OK) {
        summarize_epochs(options, log);
        status = figures_begin(&figures, options->out_dir, err);
    }
    if (status == STATUS_OK)
        status = draw_figures(options, figures_dir(figures), &sets, fits, top, picks, log, err);
    char last[LAST_LINE_SIZE] = "";
    if (status == STATUS_OK)
        snprintf(last, sizeof last,
                 "final: best degree %zu, validation loss %.4f; early stopping keeps epoch "
                 "%zu of degree %zu, validation loss %.4f\n",
                 picks.best, fits[picks.best].validation_loss, log->kept_epoch,
                 options->degree, log->kept_validation);
    status = finish_run(figures, status, last, err);
    design_free(&design);
    free(log);
    sets_free(&sets);
    return status;
}
//< ch09_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
