/*
 * Chapter 06 — the learning rate, and fitting your own data.
 *
 * Chapter 04 found that full-batch descent is stable only for
 *     lr < 2 / λmax,
 * λmax the largest curvature (eigenvalue of the Hessian (2/n) XᵀX) of the
 * loss. This program measures it. It prints the bound for the data, runs four
 * rates either side of it, counts how many steps rates from tiny to too large
 * take to reach the answer next to the count the algebra predicts, and shows
 * why x far from 0 (years, prices) makes every stable rate crawl. Then it
 * trains at --lr; with --standardize it trains on x rescaled to mean 0 and
 * standard deviation 1, where the bowl is round, and reports the line in the
 * data's own units.
 *
 *     build/ch06            build/ch06 --data data/mauna-loa-co2.csv --standardize
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "gradient.h"
#include "loss.h"
#include "plot.h"
#include "scale.h"
#include "sgd.h"

static const Chapter CHAPTER = {
    "ch06", "Chapter 06: the stable learning rate 2/lambda_max, why badly scaled x crawls, "
            "and --standardize.",
    FLAGS_TRAINING | FLAG_STANDARDIZE, 0};

/* "Reached the answer": a is this fraction of its starting distance from the
 * least-squares a, 1000 times closer than it began. */
static const double TOLERANCE = 1e-3;

/* The step counts are measured up to this many steps, or fewer for large n,
 * so that all the measurements together take about a second. */
enum { MAX_MEASURED_STEPS = 50000, MEASURED_POINT_STEPS = 20000000 };

/* The two curvatures of the bowl and their ratio, one line. lambda: 2 */
static void describe_curvature(const Options *options, const double lambda[2])
{
    say(options, "lambda_max = %.6g, lambda_min = %.6g: condition number %.4g.\n",
        lambda[0], lambda[1], lambda[0] / lambda[1]);
}

/* ---- 1. Four rates --------------------------------------------------- */

/* How many entries of history a run filled: all of them, or, when it blew
 * up, those up to the first loss past loss_diverged()'s limit (a run that
 * diverged only by ending above its start, full_batch_rose(), has them all). */
static size_t recorded(const History *history, Status status)
{
    if (status != STATUS_DIVERGED)
        return history->epochs + 1;
    size_t k = 0;
    while (k < history->epochs && !loss_diverged(history->loss[k], history->loss[0]))
        k++;
    return k + 1;
}

enum { SWEEP_RATES = 4 };

/* The sweep's rates as fractions of the bound; one colour for each, in the
 * figure and wherever the same rate is drawn. */
static const struct {
    double of_bound;
    const char *name;
    Role role;
} SWEEP[SWEEP_RATES] = {
    {0.01, "too small", ROLE_CRAWL},
    {0.5, "good", ROLE_FULL_BATCH},
    {0.98, "borderline", ROLE_BORDERLINE},
    {1.05, "too large", ROLE_MISTAKE},
};

/* The loss curves of the sweep, the diverged one drawn up to its blow-up,
 * and the least-squares loss as a floor. runs, count: SWEEP_RATES */
static Status draw_sweep(const Options *options, const char *dir, const History *runs,
                         const size_t *count,
                         const double *rates, double floor_loss, Error *err)
{
    size_t steps = options->epochs;
    double *step = malloc((steps + 1) * sizeof *step);
    if (step == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for the sweep figure");
    for (size_t t = 0; t <= steps; t++)
        step[t] = (double)t;
    Curve curves[SWEEP_RATES + 1];
    char labels[SWEEP_RATES][80];
    for (size_t r = 0; r < SWEEP_RATES; r++) {
        snprintf(labels[r], sizeof labels[r], "lr = %.3g (%g x bound): %s%s", rates[r],
                 SWEEP[r].of_bound, SWEEP[r].name,
                 count[r] <= steps ? ", diverged" : "");
        curves[r] = (Curve){labels[r], SWEEP[r].role, false, step, runs[r].loss, count[r]};
    }
    double floor_x[2] = {0.0, (double)steps}, floor_y[2] = {floor_loss, floor_loss};
    curves[SWEEP_RATES] =
        (Curve){"the least-squares loss", ROLE_LEAST_SQUARES, false, floor_x, floor_y, 2};
    Axes axes = {.title = "Four learning rates: too small crawls, too large blows up",
                 .x_label = "step",
                 .y_label = "loss of all the data (log scale)",
                 .log_y = true};
    /* A floor of 0 (points exactly on a line) has no place on a log axis. */
    size_t drawn = floor_loss > 0.0 ? SWEEP_RATES + 1 : SWEEP_RATES;
    Status status = plot_curves(dir, "ch06-sweep", &axes, curves, drawn, err);
    free(step);
    if (status == STATUS_OK)
        say_wrote(options, "ch06-sweep");
    return status;
}

//> ch06_sweep
/* Trains from start at four rates, fractions of the stable bound, with the
 * library's trainer, and says how each ended. start: 2 */
static Status sweep(const Options *options, const char *dir, const Dataset *data,
                    const double start[2], double bound, double floor_loss, Error *err)
{
    History runs[SWEEP_RATES] = {{0}};
    size_t count[SWEEP_RATES];
    double rates[SWEEP_RATES];
    Status status = STATUS_OK;
    say(options, "\n1. Four rates, %zu steps each (least-squares loss %.4g):\n",
        options->epochs, floor_loss);
    for (size_t r = 0; r < SWEEP_RATES && status == STATUS_OK; r++) {
        status = history_allocate(&runs[r], options->epochs, err);
        if (status != STATUS_OK)
            break;
        double a[2] = {start[0], start[1]};
        rates[r] = SWEEP[r].of_bound * bound;
        Error diverged;
        status = train_full_batch(data, a, rates[r], options->epochs, &runs[r], &diverged);
        count[r] = recorded(&runs[r], status);
        say(options, "  lr = %-10.4g (%4g x bound)  %-10s  ", rates[r], SWEEP[r].of_bound,
            SWEEP[r].name);
        if (status == STATUS_DIVERGED)
            say(options, "diverged at step %zu\n", count[r] - 1);
        else
            say(options, "loss %.4g\n", runs[r].loss[options->epochs]);
        status = STATUS_OK; /* a rate that blows up is part of the lesson */
    }
    if (status == STATUS_OK)
        status = draw_sweep(options, dir, runs, count, rates, floor_loss, err);
    for (size_t r = 0; r < SWEEP_RATES; r++)
        history_free(&runs[r]);
    return status;
}
//< ch06_sweep

/* ---- 2. The bound against the experiment ----------------------------- */

//> ch06_predict
/* Along each principal direction of the bowl a step multiplies the distance
 * to the best a by (1 − lr·λ); rho is the larger of the two |1 − lr·λ|, the
 * slowest shrinking. lambda: 2 */
static double convergence_factor(const double lambda[2], double lr)
{
    return fmax(fabs(1.0 - lr * lambda[0]), fabs(1.0 - lr * lambda[1]));
}

/* ln |1 − u|. For a tiny u (a condition number past 1e16) 1 − u rounds to
 * 1 and its log to 0; log1p(−u) keeps it, about −u. */
static double log_of_factor(double u)
{
    return u < 1.0 ? log1p(-u) : log(u - 1.0);
}

/* The algebra's count: after t steps the distance is at most rho^t times
 * the start, so TOLERANCE is reached after ln(TOLERANCE) / ln(rho) steps,
 * and never when rho ≥ 1 (returns INFINITY). lambda: 2 */
static double predicted_steps(const double lambda[2], double lr)
{
    double log_rho = fmax(log_of_factor(lr * lambda[0]), log_of_factor(lr * lambda[1]));
    if (log_rho >= 0.0)
        return INFINITY;
    return fmax(1.0, ceil(log(TOLERANCE) / log_rho));
}
//< ch06_predict

typedef struct {
    size_t steps;
    enum { REACHED, DIVERGED, NOT_REACHED } outcome;
} Measured;

//> ch06_measure
/* The experiment's count: full-batch steps from start until a is within
 * TOLERANCE of its starting distance from best, or the loss blows up (then
 * steps is the step whose loss did), or max_steps pass.
 * start: 2, best: 2 (the least-squares a) */
static Measured measure_steps(const Dataset *data, const double start[2],
                              const double best[2], double lr, size_t max_steps)
{
    double a[2] = {start[0], start[1]};
    double start_distance = hypot(a[0] - best[0], a[1] - best[1]);
    double start_loss = loss_of(data->x, data->y, data->n, a);
    for (size_t t = 1; t <= max_steps; t++) {
        double loss = sgd_update(data->x, data->y, data->n, a, lr); /* loss at step t − 1 */
        if (loss_diverged(loss, start_loss))
            return (Measured){t - 1, DIVERGED};
        if (hypot(a[0] - best[0], a[1] - best[1]) <= TOLERANCE * start_distance)
            return (Measured){t, REACHED};
    }
    return (Measured){max_steps, NOT_REACHED};
}
//< ch06_measure

static size_t max_measured_steps(size_t n)
{
    size_t budget = MEASURED_POINT_STEPS / n;
    return budget < MAX_MEASURED_STEPS ? (budget > 0 ? budget : 1) : MAX_MEASURED_STEPS;
}

/* A predicted count as the tables show it: "123", "4.1e+11" or "never". */
static const char *count_text(double predicted, char text[NUMBER_TEXT])
{
    if (isinf(predicted))
        snprintf(text, NUMBER_TEXT, "never");
    else
        snprintf(text, NUMBER_TEXT, predicted < 1e7 ? "%.0f" : "%.2g", predicted);
    return text;
}

/* A factor per step: within 1e-4 of 1 as "1 - 1.3e-11", so that its digits
 * are not all nines, and 0 when rounding is all that is left of it. */
static const char *factor_text(double factor, char text[NUMBER_TEXT])
{
    if (factor > 1.0 - 1e-4 && factor < 1.0)
        snprintf(text, NUMBER_TEXT, "1 - %.2g", 1.0 - factor);
    else if (factor < 1e-12)
        snprintf(text, NUMBER_TEXT, "0");
    else
        snprintf(text, NUMBER_TEXT, "%.6g", factor);
    return text;
}

static const char *measured_text(Measured m, char text[NUMBER_TEXT])
{
    if (m.outcome == DIVERGED)
        snprintf(text, NUMBER_TEXT, "diverged at step %zu", m.steps);
    else if (m.outcome == NOT_REACHED)
        snprintf(text, NUMBER_TEXT, "not in %zu", m.steps);
    else
        snprintf(text, NUMBER_TEXT, "%zu", m.steps);
    return text;
}

enum { GRID_RATES = 13, PREDICTED_POINTS = 120 };
static const double GRID[GRID_RATES] = {0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.65,
                                        0.8,  0.9,  0.95, 0.98, 1.02, 1.1};

/* The rates of one outcome (REACHED, DIVERGED or NOT_REACHED) and their
 * counts, as points of the figure. */
typedef struct {
    double lr[GRID_RATES], steps[GRID_RATES];
    size_t count;
} Points;

/* The measured counts against lr, each outcome its own marker, over the
 * predicted curve (drawn up to just below the bound, where it is finite)
 * and the bound as an upright line. points: one per outcome */
static Status draw_bound(const Options *options, const char *dir, const double lambda[2],
                         double bound,
                         const Points points[3], Error *err)
{
    double curve_lr[PREDICTED_POINTS], curve_steps[PREDICTED_POINTS], top = 1.0;
    for (size_t k = 0; k < PREDICTED_POINTS; k++) {
        /* From GRID[0] to 0.995 of the bound, evenly on a log axis. */
        double f = (double)k / (PREDICTED_POINTS - 1);
        curve_lr[k] = bound * GRID[0] * pow(0.995 / GRID[0], f);
        curve_steps[k] = predicted_steps(lambda, curve_lr[k]);
        top = fmax(top, curve_steps[k]);
    }
    for (size_t p = 0; p < 3; p++)
        for (size_t k = 0; k < points[p].count; k++)
            top = fmax(top, points[p].steps[k]);
    double bound_x[2] = {bound, bound}, bound_y[2] = {1.0, top};
    /* Each marker's label says what its height is. */
    Curve all[5] = {
        {"predicted", ROLE_PREDICTED, false, curve_lr, curve_steps, PREDICTED_POINTS},
        {"measured: the steps it took", ROLE_FULL_BATCH, true, points[REACHED].lr,
         points[REACHED].steps, points[REACHED].count},
        {"not there after this many steps", ROLE_CRAWL, true, points[NOT_REACHED].lr,
         points[NOT_REACHED].steps, points[NOT_REACHED].count},
        {"blew up: the step it blew up at", ROLE_MISTAKE, true, points[DIVERGED].lr,
         points[DIVERGED].steps, points[DIVERGED].count},
        {"2/lambda_max", ROLE_BOUND, false, bound_x, bound_y, 2},
    };
    Curve curves[5];
    size_t count = 0;
    for (size_t k = 0; k < 5; k++)
        if (all[k].count > 0) /* gnuplot warns of an empty curve */
            curves[count++] = all[k];
    Axes axes = {.title = "Steps to the answer: fewer as lr grows, until the bound",
                 .x_label = "learning rate lr (log scale)",
                 .y_label = "steps to 1/1000 of the start distance (log scale)",
                 .log_x = true,
                 .log_y = true};
    Status status = plot_curves(dir, "ch06-bound", &axes, curves, count, err);
    if (status == STATUS_OK)
        say_wrote(options, "ch06-bound");
    return status;
}

//> ch06_bound
/* Rates from 2% to 110% of the bound: the count the algebra predicts beside
 * the count measured. start, best: 2; lambda: 2 */
static Status bound_against_experiment(const Options *options, const char *dir,
                                       const Dataset *data,
                                       const double start[2], const double best[2],
                                       const double lambda[2], Error *err)
{
    double bound = 2.0 / lambda[0];
    size_t max_steps = max_measured_steps(data->n);
    Points points[3] = {{.count = 0}, {.count = 0}, {.count = 0}};
    say(options, "\n2. Steps until a is 1000 times closer to least squares than at the start\n"
                 "   (rho = max |1 - lr*lambda|; predicted = ln(1e-3) / ln(rho)):\n"
                 "  lr           lr/bound   rho          predicted   measured\n");
    for (size_t k = 0; k < GRID_RATES; k++) {
        double lr = GRID[k] * bound;
        Measured m = measure_steps(data, start, best, lr, max_steps);
        char factor[NUMBER_TEXT], predicted[NUMBER_TEXT], measured[NUMBER_TEXT];
        say(options, "  %-11.6g  %-8g   %-11s  %-10s  %s\n", lr, GRID[k],
            factor_text(convergence_factor(lambda, lr), factor),
            count_text(predicted_steps(lambda, lr), predicted), measured_text(m, measured));
        Points *same = &points[m.outcome];
        same->lr[same->count] = lr;
        same->steps[same->count++] = (double)(m.steps > 0 ? m.steps : 1); /* log axis */
    }
    return draw_bound(options, dir, lambda, bound, points, err);
}
//< ch06_bound

/* ---- 3. Why it crawls ------------------------------------------------ */

enum { SHIFTS = 5 };
static const double SHIFT[SHIFTS] = {0, 1, 2, 4, 8};

/* One row of the crawl table: the condition number of data, the factor
 * 1 − lambda_min/lambda_max by which the flat direction shrinks at
 * lr = 1/lambda_max, and the predicted and measured counts from start.
 * start, best: 2 */
static void crawl_row(const Options *options, const char *name, const Dataset *data,
                      const double start[2], const double best[2])
{
    double lambda[2];
    hessian_eigenvalues(data->x, data->n, lambda);
    Measured m = measure_steps(data, start, best, 1.0 / lambda[0],
                               max_measured_steps(data->n));
    char factor[NUMBER_TEXT], predicted[NUMBER_TEXT], measured[NUMBER_TEXT];
    say(options, "  %-12s %-10.4g  %-14s  %-11s %s\n", name, lambda[0] / lambda[1],
        factor_text(1.0 - lambda[1] / lambda[0], factor),
        count_text(predicted_steps(lambda, 1.0 / lambda[0]), predicted),
        measured_text(m, measured));
}

//> ch06_crawl
/* The points standardized, then slid k standard deviations along x: the same
 * points and the same slope, only the mean of x moves away from 0. Last, x
 * as it is, from the starting guess. At lr = 1/lambda_max the flat direction
 * shrinks by 1 − lambda_min/lambda_max a step, so the count grows like the
 * condition number. best: 2, of data; shifted: room for n points */
static void crawl(const Options *options, const Dataset *data, const double best[2],
                  const Dataset *standardized, Dataset *shifted)
{
    say(options, "\n3. Why it crawls, at lr = 1/lambda_max: the points standardized and slid\n"
                 "   k standard deviations along x (from a = [0, 0]), then x as it is:\n"
                 "  x            condition   per step        predicted   measured\n");
    for (size_t s = 0; s < SHIFTS; s++) {
        for (size_t i = 0; i < data->n; i++) {
            shifted->x[2 * i] = standardized->x[2 * i] + SHIFT[s];
            shifted->y[i] = standardized->y[i];
        }
        double shifted_best[2];
        Error never; /* standardized x has a spread, so the line is unique */
        least_squares(shifted->x, shifted->y, shifted->n, shifted_best, &never);
        char name[NUMBER_TEXT];
        snprintf(name, sizeof name, "k = %.0f", SHIFT[s]);
        crawl_row(options, name, shifted, (const double[2]){0.0, 0.0}, shifted_best);
    }
    crawl_row(options, "as it is", data, A_START, best);
}
//< ch06_crawl

/* ---- 4. Your run ----------------------------------------------------- */

/* The progress rows of a run: every progress_every() steps and the last;
 * when it blew up, every step after the last such row, so the reader sees
 * the loss explode. last: the step of the last recorded entry. */
static void show_rows(const Options *options, const History *history, size_t last,
                      bool blew_up)
{
    size_t every = progress_every(history->epochs);
    say(options, " step   loss      a%s\n", options->standardize ? "'" : "");
    for (size_t t = 0; t <= last; t++)
        if (t % every == 0 || t == last || (blew_up && t > last - last % every))
            say_progress_row(options, 5, t, history->loss[t], &history->a[2 * t]);
}

/* Trains at --lr for --epochs steps from start, printing the rows; a ends
 * where training did. start, a: 2 (in the units of data) */
static Status train_at_your_rate(const Options *options, const Dataset *data,
                                 const double start[2], double a[2], Error *err)
{
    History history;
    Status status = history_allocate(&history, options->epochs, err);
    if (status != STATUS_OK)
        return status;
    a[0] = start[0];
    a[1] = start[1];
    say(options, "\n4. Your run: lr = %g, %zu steps%s.\n", options->lr, options->epochs,
        options->standardize ? " on the standardized data (a' in its units)" : "");
    status = train_full_batch(data, a, options->lr, options->epochs, &history, err);
    size_t last = recorded(&history, status) - 1;
    show_rows(options, &history, last, status == STATUS_DIVERGED);
    history_free(&history);
    return status;
}

/* How far a is from best, coefficient by coefficient: relative to the
 * coefficient, or absolute when it is near 0. a, best: 2 */
static double miss(double a, double best)
{
    return fabs(a - best) / fmax(fabs(best), 1e-3);
}

/* Why a run at --lr is still short of least squares, its loss loss against
 * best_loss: at the bound (rho = 1) it never gets there, past it it will
 * blow up, and below it every step shrinks the excess loss by rho² or more,
 * so the count of the steps still needed is known. lambda: 2 of the data
 * trained on */
static void explain_gap(const Options *options, double loss, double best_loss,
                        const double lambda[2])
{
    char factor[NUMBER_TEXT], steps[NUMBER_TEXT];
    double rho = convergence_factor(lambda, options->lr);
    factor_text(rho, factor);
    if (rho >= 1.0) {
        say(options, "lr = %g is not below the stable bound 2/lambda_max = %.6g: along the "
                     "steepest\ndirection each step lands %s (rho = %s),\n%s Take a smaller "
                     "rate.\n",
            options->lr, 2.0 / lambda[0],
            rho > 1.0 ? "further past the bottom than it started"
                      : "as far past the bottom as it started",
            factor,
            rho > 1.0 ? "so the loss, whatever it does now, will grow without end."
                      : "so the run swings back and forth for ever and gets no closer.");
        return;
    }
    double log_rho = fmax(log_of_factor(options->lr * lambda[0]),
                          log_of_factor(options->lr * lambda[1]));
    double more = ceil(log(0.01 * best_loss / (loss - best_loss)) / (2.0 * log_rho));
    say(options, "At this rate the distance to it shrinks by rho = max |1 - lr*lambda| = %s a "
                 "step,\nthe loss above it by rho^2: at most %s more steps bring the loss "
                 "within 1%% of it",
        factor, count_text(more, steps));
    if (more + (double)options->epochs <= MAX_EPOCHS)
        say(options, " (--epochs %.0f)", more + (double)options->epochs);
    say(options, ".\n");
}

/* Where the run ended, in the data's units, beside least squares; when it
 * is far, why. a, best: 2 (data units); lambda: 2 of the data trained on */
static void compare(const Options *options, const Dataset *data, const double a[2],
                    const double best[2], const double lambda[2])
{
    say(options, "Least squares (chapter 03) says a = [%.6g, %.6g]; the run is off by\n"
                 "%.1e in the slope and %.1e in the intercept (relative).\n",
        best[0], best[1], miss(a[0], best[0]), miss(a[1], best[1]));
    double best_loss = loss_of(data->x, data->y, data->n, best);
    double loss = loss_of(data->x, data->y, data->n, a);
    if (!(best_loss > 0.0) || loss < 1.01 * best_loss)
        return;
    say(options, "The loss is still %.3g times the least-squares loss.\n", loss / best_loss);
    explain_gap(options, loss, best_loss, lambda);
    if (!options->standardize && lambda[0] / lambda[1] > BADLY_SCALED)
        say(options, "x is badly scaled (condition number %.3g): run again with "
                     "--standardize.\n",
            lambda[0] / lambda[1]);
}

/* What the same steps do on x as it is, at its best safe rate 1/lambda_max:
 * the line that standardizing saves us from. a_raw: 2, out (data units) */
static Status train_unscaled(const Options *options, const Dataset *data, double best_loss,
                             double a_raw[2], Error *err)
{
    History history;
    Status status = history_allocate(&history, options->epochs, err);
    if (status != STATUS_OK)
        return status;
    double lr = largest_stable_lr(data->x, data->n) / 2.0;
    a_raw[0] = A_START[0];
    a_raw[1] = A_START[1];
    status = train_full_batch(data, a_raw, lr, options->epochs, &history, err);
    if (status == STATUS_OK)
        say(options, "Without --standardize, x as it is at its best safe rate, lr = "
                     "1/lambda_max = %.4g,\nmakes the same %zu steps to a = [%.6g, %.6g], "
                     "loss %.4g times the least-squares loss.\n",
            lr, options->epochs, a_raw[0], a_raw[1], history.loss[options->epochs] / best_loss);
    history_free(&history);
    return status;
}

/* The data in its own units with the least-squares line, the run's line and,
 * with --standardize, the line x as it is reaches in as many steps.
 * a, best, a_raw: 2 (data units); a_raw NULL without --standardize */
static Status draw_fit(const Options *options, const char *dir, const Dataset *data,
                       const double a[2],
                       const double best[2], const double *a_raw, bool reached, Error *err)
{
    char run_label[96], raw_label[96];
    snprintf(run_label, sizeof run_label, "%s, %zu steps: y = %.4g*x1 %c %.4g",
             options->standardize ? "standardized" : "gradient descent", options->epochs,
             a[0], a[1] < 0.0 ? '-' : '+', fabs(a[1]));
    Line lines[3] = {{run_label, {a[0], a[1]}, ROLE_FULL_BATCH}};
    size_t count = 1;
    if (a_raw != NULL) {
        snprintf(raw_label, sizeof raw_label, "x as it is, %zu steps: y = %.4g*x1 %c %.4g",
                 options->epochs, a_raw[0], a_raw[1] < 0.0 ? '-' : '+', fabs(a_raw[1]));
        lines[count++] = (Line){raw_label, {a_raw[0], a_raw[1]}, ROLE_CRAWL};
    }
    /* Last, so that its dashes lie on top of a run that landed on it. */
    lines[count++] = (Line){"least squares (chapter 03)", {best[0], best[1]}, ROLE_LEAST_SQUARES};
    const char *title = reached ? "Gradient descent lands on the least-squares line"
                                : "After training, still away from the least-squares line";
    Status status = plot_fit(dir, "ch06-fit", title, data, lines, count, err);
    if (status == STATUS_OK)
        say_wrote(options, "ch06-fit");
    return status;
}

/* Section 4: trains at --lr on fitted (the data, or the data standardized
 * by scaling), maps a back to the data's units, compares it with least
 * squares (best) and draws it. lambda, best: 2; a: 2, where the run ended
 * (data units), with its loss */
static Status your_run(const Options *options, const char *dir, const Dataset *data,
                       const Dataset *fitted,
                       const Scaling *scaling, const double lambda[2], const double best[2],
                       double a[2], double *loss, Error *err)
{
    double start[2], a_fitted[2], a_raw[2];
    to_standard_units(scaling, A_START, start);
    Status status = train_at_your_rate(options, fitted, start, a_fitted, err);
    if (status != STATUS_OK)
        return status;
    to_data_units(scaling, a_fitted, a);
    if (options->standardize)
        say(options, "In the data's units: a1 = a1'/sd = %.6g, a2 = y_mean + a2' - "
                     "a1'*x_mean/sd = %.6g.\n",
            a[0], a[1]);
    compare(options, data, a, best, lambda);
    double best_loss = loss_of(data->x, data->y, data->n, best);
    *loss = loss_of(data->x, data->y, data->n, a);
    /* With --standardize, the line x as it is reaches in as many steps; none
     * to show when it blows up, or when the points lie exactly on a line. */
    bool show_raw = false;
    if (options->standardize && best_loss > 0.0) {
        status = train_unscaled(options, data, best_loss, a_raw, err);
        show_raw = status == STATUS_OK;
        if (status == STATUS_DIVERGED)
            status = STATUS_OK;
    }
    if (status == STATUS_OK)
        status = draw_fit(options, dir, data, a, best, show_raw ? a_raw : NULL,
                          *loss <= 1.01 * best_loss, err);
    return status;
}

/* The curvature of the data, and with --standardize of the data
 * standardized, which is the one trained on. lambda: 2, of the data trained on */
static void show_curvature(const Options *options, const Dataset *data,
                           const Dataset *standardized, const Scaling *scaling,
                           double lambda[2])
{
    hessian_eigenvalues(data->x, data->n, lambda);
    say(options, "The Hessian (2/n) X^T X of these %zu points:\n", data->n);
    describe_curvature(options, lambda);
    if (options->standardize) {
        hessian_eigenvalues(standardized->x, standardized->n, lambda);
        say(options, "Standardized, x' = (x - %.6g) / %.6g and y' = y - %.6g:\n",
            scaling->x_mean, scaling->x_sd, scaling->y_mean);
        describe_curvature(options, lambda);
    }
    say(options, "stable lr bound: %.6g\n", 2.0 / lambda[0]);
}

/* The lessons, on the data trained on: the sweep, the bound against the
 * experiment. lambda: 2 */
static Status lessons(const Options *options, const char *dir, const Dataset *fitted,
                      const Scaling *scaling, const double lambda[2], Error *err)
{
    double start[2], best[2];
    to_standard_units(scaling, A_START, start);
    least_squares(fitted->x, fitted->y, fitted->n, best, err); /* unique: see run() */
    double floor_loss = loss_of(fitted->x, fitted->y, fitted->n, best);
    Status status = sweep(options, dir, fitted, start, 2.0 / lambda[0], floor_loss, err);
    if (status == STATUS_OK)
        status = bound_against_experiment(options, dir, fitted, start, best, lambda, err);
    return status;
}

//> ch06_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    double best[2], lambda[2];
    Dataset standardized = {0}, shifted = {0};
    Scaling scaling;
    /* Every measurement here is a distance to the least-squares line. */
    Status status = least_squares(data->x, data->y, data->n, best, err);
    if (status == STATUS_OK)
        status = standardized_copy(data, &standardized, &scaling, err);
    if (status == STATUS_OK)
        status = data_allocate(&shifted, data->n, err);
    if (status == STATUS_OK) {
        /* Train on the standardized data, or on x as it is. Without
         * --standardize the scaling becomes the identity (mean 0, sd 1), so
         * that mapping a to the data's units and back changes nothing. */
        const Dataset *fitted = options->standardize ? &standardized : data;
        if (!options->standardize)
            scaling = (Scaling){.x_mean = 0.0, .x_sd = 1.0, .y_mean = 0.0};
        /* lambda: the curvatures of the bowl trained on. show_curvature()
         * prints the data's, and with --standardize puts the standardized
         * bowl's in their place. */
        show_curvature(options, data, &standardized, &scaling, lambda);
        /* The figures and the last line land together, or none of them. */
        FigureSet *figures = NULL;
        status = figures_begin(&figures, options->out_dir, err);
        const char *dir = status == STATUS_OK ? figures_dir(figures) : NULL;
        double a[2], loss;
        if (status == STATUS_OK)
            status = lessons(options, dir, fitted, &scaling, lambda, err);
        if (status == STATUS_OK) {
            crawl(options, data, best, &standardized, &shifted);
            status = your_run(options, dir, data, fitted, &scaling, lambda, best, a, &loss,
                              err);
        }
        char last[LAST_LINE_SIZE] = "";
        if (status == STATUS_OK)
            final_line(last, a, loss);
        status = finish_run(figures, status, last, err);
    }
    data_free(&standardized);
    data_free(&shifted);
    return status;
}
//< ch06_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
