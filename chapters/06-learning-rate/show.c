#include "show.h"

#include <math.h>
#include <stdio.h>

#include "format.h"
#include "rate.h"
#include "sgd.h"

/* ---- What the lessons start from ---- */

/* An empty data set of n points, x2 already 1, in the run's memory. */
static Dataset *run_dataset(Run *run, size_t n)
{
    Dataset *d = run_alloc(run, 1, sizeof *d);
    d->n = n;
    d->x = run_alloc(run, n, 2 * sizeof *d->x);
    d->y = run_alloc(run, n, sizeof *d->y);
    for (size_t i = 0; i < n; i++)
        d->x[2 * i + 1] = 1.0;
    return d;
}

/* The run's data standardized, and the scaling used. */
static const Dataset *standardized_data(Run *run, Scaling *scaling)
{
    const Dataset *data = run->data;
    Error err;
    run_check(run, standard_scaling(data, scaling, &err), &err);
    Dataset *out = run_dataset(run, data->n);
    standardize(data->x, data->y, data->n, scaling, out->x, out->y);
    return out;
}

/* The two curvatures of the bowl and their ratio, one line. lambda: 2 */
static void describe_curvature(const Run *run, const double lambda[2])
{
    say(run, "lambda_max = %.6g, lambda_min = %.6g: condition number %.4g.\n", lambda[0],
        lambda[1], lambda[0] / lambda[1]);
}

/* The curvature of the data, and with --standardize of the data
 * standardized, which is the one trained on. lambda: 2, of the data trained on */
static void show_curvature(const Run *run, const Setup *s, double lambda[2])
{
    const Dataset *data = run->data;
    hessian_eigenvalues(data->x, data->n, lambda);
    say(run, "The Hessian (2/n) X^T X of these %zu points:\n", data->n);
    describe_curvature(run, lambda);
    if (run->options->standardize) {
        hessian_eigenvalues(s->standardized->x, s->standardized->n, lambda);
        say(run, "Standardized, x' = (x - %.6g) / %.6g and y' = y - %.6g:\n",
            s->scaling.x_mean, s->scaling.x_sd, s->scaling.y_mean);
        describe_curvature(run, lambda);
    }
    say(run, "stable lr bound: %.6g\n", 2.0 / lambda[0]);
}

Setup set_up(Run *run)
{
    const Dataset *data = run->data;
    Setup s;
    Error err;
    /* Every measurement here is a distance to the least-squares line. */
    run_check(run, least_squares(data->x, data->y, data->n, s.best, &err), &err);
    s.best_loss = loss_of(data->x, data->y, data->n, s.best);
    s.standardized = standardized_data(run, &s.scaling);
    s.shifted = run_dataset(run, data->n);
    for (size_t i = 0; i < data->n; i++)
        s.shifted->y[i] = s.standardized->y[i];
    /* Train on the standardized data, or on x as it is. Without --standardize
     * the scaling becomes the identity (mean 0, sd 1), so that mapping a to
     * the data's units and back changes nothing. */
    bool standardize = run->options->standardize;
    s.fitted = standardize ? s.standardized : data;
    show_curvature(run, &s, s.lambda); /* before the identity: it says the scaling */
    if (!standardize)
        s.scaling = (Scaling){.x_mean = 0.0, .x_sd = 1.0, .y_mean = 0.0};
    run_figures_dir(run); /* the figures and the last line land together, or none */
    to_standard_units(&s.scaling, A_START, s.start);
    const Dataset *f = s.fitted;
    least_squares(f->x, f->y, f->n, s.fitted_best, NULL); /* unique, as the data's is */
    s.floor_loss = loss_of(f->x, f->y, f->n, s.fitted_best);
    /* With --standardize, the line x as it is reaches in as many steps at
     * 1/lambda_max, which clears the steep direction in one step; none to
     * show when the points lie exactly on a line. */
    s.shows_raw = standardize && s.best_loss > 0.0;
    s.raw_lr = largest_stable_lr(data->x, data->n) / 2.0;
    return s;
}

Watch watch_quietly(Run *run, double lr, size_t last)
{
    Watch watch = watch_line(run, "step", last, lr);
    watch.quiet = true;
    watch.survive = true;
    watch.advice = NULL; /* a run that survives says nothing of its own */
    return watch;
}

/* ---- 1. Four rates ---- */

const SweepRate SWEEP[SWEEP_RATES] = {
    {0.01, "too small", ROLE_CRAWL},
    {0.5, "good", ROLE_FULL_BATCH},
    {0.98, "borderline", ROLE_BORDERLINE},
    {1.05, "too large", ROLE_MISTAKE},
};

void say_sweep_head(Run *run, double floor_loss)
{
    say(run, "\n1. Four rates, %zu steps each (least-squares loss %.4g):\n",
        run->options->epochs, floor_loss);
}

void say_sweep_row(Run *run, size_t r, const Watch *watch)
{
    say(run, "  lr = %-10.4g (%4g x bound)  %-10s  ", watch->lr, SWEEP[r].of_bound,
        SWEEP[r].name);
    if (watch->blew_up)
        say(run, "diverged at step %zu\n", watch->rows - 1);
    else
        say(run, "loss %.4g\n", watch->loss[watch->last]);
}

/* The loss curves of the sweep, the diverged one drawn up to its blow-up,
 * and the least-squares loss as a floor. */
void draw_sweep(Run *run, const Watch runs[SWEEP_RATES], double floor_loss)
{
    size_t steps = run->options->epochs;
    double *step = run_alloc(run, steps + 1, sizeof *step);
    for (size_t t = 0; t <= steps; t++)
        step[t] = (double)t;
    Curve curves[SWEEP_RATES + 1];
    char labels[SWEEP_RATES][80];
    for (size_t r = 0; r < SWEEP_RATES; r++) {
        /* A run that rose slowly to its end is drawn whole, and not named so. */
        snprintf(labels[r], sizeof labels[r], "lr = %.3g (%g x bound): %s%s", runs[r].lr,
                 SWEEP[r].of_bound, SWEEP[r].name, runs[r].rows <= steps ? ", diverged" : "");
        curves[r] = (Curve){labels[r], SWEEP[r].role, false, step, runs[r].loss, runs[r].rows};
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
    Error err;
    run_check(run, plot_curves(run_figures_dir(run), "ch06-sweep", &axes, curves, drawn, &err),
              &err);
    say_wrote(run, "ch06-sweep");
}

/* ---- 2. The bound against the experiment ---- */

/* The step counts are measured up to this many steps, or fewer for large n. */
enum { MAX_MEASURED_STEPS = 50000, MEASURED_POINT_STEPS = 20000000 };

size_t max_measured_steps(size_t n)
{
    size_t budget = MEASURED_POINT_STEPS / n;
    return budget < MAX_MEASURED_STEPS ? (budget > 0 ? budget : 1) : MAX_MEASURED_STEPS;
}

const double GRID[GRID_RATES] = {0.02, 0.05, 0.1,  0.2,  0.35, 0.5, 0.65,
                                 0.8,  0.9,  0.95, 0.98, 1.02, 1.1};

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

void say_bound_head(Run *run)
{
    say(run, "\n2. Steps until a is 1000 times closer to least squares than at the start\n"
             "   (rho = max |1 - lr*lambda|; predicted = ln(1e-3) / ln(rho)):\n"
             "  lr           lr/bound   rho          predicted   measured\n");
}

void say_bound_row(Run *run, Points points[3], double lr, double of_bound, double rho,
                   double predicted, Measured m)
{
    char factor[NUMBER_TEXT], count[NUMBER_TEXT], measured[NUMBER_TEXT];
    say(run, "  %-11.6g  %-8g   %-11s  %-10s  %s\n", lr, of_bound, factor_text(rho, factor),
        count_text(predicted, count), measured_text(m, measured));
    Points *same = &points[m.outcome];
    same->lr[same->count] = lr;
    same->steps[same->count++] = (double)(m.steps > 0 ? m.steps : 1); /* log axis */
}

enum { PREDICTED_POINTS = 120 };

/* The measured counts against lr, each outcome its own marker, over the
 * predicted curve (drawn up to just below the bound, where it is finite)
 * and the bound as an upright line. */
void draw_bound(Run *run, const Points points[3], const double lambda[2])
{
    double bound = 2.0 / lambda[0];
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
    Error err;
    run_check(run, plot_curves(run_figures_dir(run), "ch06-bound", &axes, curves, count, &err),
              &err);
    say_wrote(run, "ch06-bound");
}

/* ---- 3. Why it crawls ---- */

void say_crawl_head(Run *run)
{
    say(run, "\n3. Why it crawls, at lr = 1/lambda_max: the points standardized and slid\n"
             "   k standard deviations along x (from a = [0, 0]), then x as it is:\n"
             "  x            condition   per step        predicted   measured\n");
}

void say_crawl_row(Run *run, const char *name, const double lambda[2], double predicted,
                   Measured m)
{
    char factor[NUMBER_TEXT], count[NUMBER_TEXT], measured[NUMBER_TEXT];
    say(run, "  %-12s %-10.4g  %-14s  %-11s %s\n", name, lambda[0] / lambda[1],
        factor_text(1.0 - lambda[1] / lambda[0], factor), count_text(predicted, count),
        measured_text(m, measured));
}

/* ---- 4. Your run ---- */

Watch watch_your_run(Run *run, const Dataset *fitted)
{
    const Options *o = run->options;
    say(run, "\n4. Your run: lr = %g, %zu steps%s.\n", o->lr, o->epochs,
        o->standardize ? " on the standardized data (a' in its units)" : "");
    say(run, " step   loss      a%s\n", o->standardize ? "'" : "");
    Watch watch = watch_line(run, "step", o->epochs, o->lr);
    watch.width = 5;
    watch.context = fitted; /* the data trained on, for the advice */
    return watch;
}

/* How far a is from best, coefficient by coefficient: relative to the
 * coefficient, or absolute when it is near 0. */
static double miss(double a, double best)
{
    return fabs(a - best) / fmax(fabs(best), 1e-3);
}

/* Why a run at --lr is still short of least squares, its loss loss against
 * best_loss: at the bound (rho = 1) it never gets there, past it it will
 * blow up, and below it every step shrinks the excess loss by rho² or more,
 * so the count of the steps still needed is known. lambda: 2 of the data
 * trained on */
static void explain_gap(const Run *run, double loss, double best_loss, const double lambda[2])
{
    const Options *o = run->options;
    char factor[NUMBER_TEXT], steps[NUMBER_TEXT];
    double rho = convergence_factor(lambda, o->lr);
    factor_text(rho, factor);
    if (rho >= 1.0) {
        say(run, "lr = %g is not below the stable bound 2/lambda_max = %.6g: along the "
                 "steepest\ndirection each step lands %s (rho = %s),\n%s Take a smaller "
                 "rate.\n",
            o->lr, 2.0 / lambda[0],
            rho > 1.0 ? "further past the bottom than it started"
                      : "as far past the bottom as it started",
            factor,
            rho > 1.0 ? "so the loss, whatever it does now, will grow without end."
                      : "so the run swings back and forth for ever and gets no closer.");
        return;
    }
    double log_rho = log_convergence_factor(lambda, o->lr);
    double more = ceil(log(0.01 * best_loss / (loss - best_loss)) / (2.0 * log_rho));
    say(run, "At this rate the distance to it shrinks by rho = max |1 - lr*lambda| = %s a "
             "step,\nthe loss above it by rho^2: at most %s more steps bring the loss "
             "within 1%% of it",
        factor, count_text(more, steps));
    if (more + (double)o->epochs <= MAX_EPOCHS)
        say(run, " (--epochs %.0f)", more + (double)o->epochs);
    say(run, ".\n");
}

void compare_with_least_squares(Run *run, const double a[2], const double best[2],
                                const double lambda[2])
{
    const Dataset *data = run->data;
    if (run->options->standardize)
        say(run, "In the data's units: a1 = a1'/sd = %.6g, a2 = y_mean + a2' - "
                 "a1'*x_mean/sd = %.6g.\n",
            a[0], a[1]);
    say(run, "Least squares (chapter 03) says a = [%.6g, %.6g]; the run is off by\n"
             "%.1e in the slope and %.1e in the intercept (relative).\n",
        best[0], best[1], miss(a[0], best[0]), miss(a[1], best[1]));
    double best_loss = loss_of(data->x, data->y, data->n, best);
    double loss = loss_of(data->x, data->y, data->n, a);
    if (!(best_loss > 0.0) || loss < 1.01 * best_loss)
        return;
    say(run, "The loss is still %.3g times the least-squares loss.\n", loss / best_loss);
    explain_gap(run, loss, best_loss, lambda);
    if (!run->options->standardize && lambda[0] / lambda[1] > BADLY_SCALED)
        say(run, "x is badly scaled (condition number %.3g): run again with "
                 "--standardize.\n",
            lambda[0] / lambda[1]);
}

/* The data in its own units with the least-squares line, the run's line and,
 * with --standardize, the line x as it is reaches in as many steps.
 * a, best, a_raw: 2 (data units); a_raw NULL without --standardize */
static void draw_fit(Run *run, const double a[2], const double best[2], const double *a_raw,
                     bool reached)
{
    const Options *o = run->options;
    char run_label[96], raw_label[96];
    snprintf(run_label, sizeof run_label, "%s, %zu steps: y = %.4g*x1 %c %.4g",
             o->standardize ? "standardized" : "gradient descent", o->epochs, a[0],
             a[1] < 0.0 ? '-' : '+', fabs(a[1]));
    Line lines[3] = {{run_label, {a[0], a[1]}, ROLE_FULL_BATCH}};
    size_t count = 1;
    if (a_raw != NULL) {
        snprintf(raw_label, sizeof raw_label, "x as it is, %zu steps: y = %.4g*x1 %c %.4g",
                 o->epochs, a_raw[0], a_raw[1] < 0.0 ? '-' : '+', fabs(a_raw[1]));
        lines[count++] = (Line){raw_label, {a_raw[0], a_raw[1]}, ROLE_CRAWL};
    }
    /* Last, so that its dashes lie on top of a run that landed on it. */
    lines[count++] = (Line){"least squares (chapter 03)", {best[0], best[1]}, ROLE_LEAST_SQUARES};
    const char *title = reached ? "Gradient descent lands on the least-squares line"
                                : "After training, still away from the least-squares line";
    Error err;
    run_check(run, plot_fit(run_figures_dir(run), "ch06-fit", title, run->data, lines, count,
                            &err),
              &err);
    say_wrote(run, "ch06-fit");
}

/* The best fixed rate for x as it is, 2/(λmax + λmin), and how little it
 * helps: the error shrinks by (κ − 1)/(κ + 1) = 1 − 2λmin/(λmax + λmin) a
 * step in every direction, the second form kept without cancelling. */
static void say_best_fixed_rate(const Run *run)
{
    double lambda[2];
    hessian_eigenvalues(run->data->x, run->data->n, lambda);
    double sum = lambda[0] + lambda[1], shrink = 2.0 * lambda[1] / sum; /* 1 − the factor */
    char factor[32];
    if (shrink < 1e-4)
        snprintf(factor, sizeof factor, "1 - %.2g", shrink);
    else
        snprintf(factor, sizeof factor, "%.4g", 1.0 - shrink);
    say(run, " Its best fixed rate, 2/(lambda_max + lambda_min)\n= %.4g (chapter 07), shrinks "
             "the error by (kappa - 1)/(kappa + 1) = %s a\nstep in every direction%s\n",
        2.0 / sum, factor,
        lambda[0] / lambda[1] > BADLY_SCALED ? ": no fixed rate makes this bowl fast." : ".");
}

void show_fit(Run *run, const Setup *s, const double a[2], const Watch *raw)
{
    const Dataset *data = run->data;
    const double *a_raw = NULL;
    if (raw != NULL && !raw->blew_up) { /* nothing to show of a blow-up */
        a_raw = &raw->a[2 * raw->last];
        say(run, "Without --standardize, x as it is, at lr = 1/lambda_max = %.4g (which clears "
                 "the\nsteep direction in one step), makes the same %zu steps to a = [%.6g, "
                 "%.6g],\nloss %.4g times the least-squares loss.",
            raw->lr, raw->last, a_raw[0], a_raw[1], raw->loss[raw->last] / s->best_loss);
        say_best_fixed_rate(run);
    }
    double loss = loss_of(data->x, data->y, data->n, a);
    draw_fit(run, a, s->best, a_raw, loss <= 1.01 * s->best_loss);
    char last[LAST_LINE_SIZE];
    run_last_line(run, "%s", final_line(last, a, loss));
}
