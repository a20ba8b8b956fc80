#include "show.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "floors.h"
#include "format.h"
#include "gradient.h"
#include "loss.h"
#include "minibatch.h"

/* ---- The bowl ---------------------------------------------------------- */

static double degrees(const double v[2])
{
    return atan2(v[1], v[0]) * 180.0 / acos(-1.0);
}

/* An entry of H as %.4g shows it: 0 when it is only rounding, a billionth
 * of the largest entry or less (the standardized bowl's off-diagonal). */
static double tidy_entry(double v, const Bowl *bowl)
{
    double largest = fmax(fabs(bowl->h[0]), fabs(bowl->h[2]));
    return fabs(v) <= 1e-9 * largest ? 0.0 : v;
}

void say_bowl(const Run *run, const Bowl *bowl)
{
    /* %.4g: the curvatures of data in years run from 1e-4 to 1e7. */
    char a1[NUMBER_TEXT], a2[NUMBER_TEXT], floor_text[NUMBER_TEXT];
    say(run, "The bowl: L(a) = L* + (1/2) (a - a*)^T H (a - a*), with\n"
             "  a* = [%s, %s] (least squares), L* = %s, H = [%.4g %.4g; %.4g %.4g].\n",
        format_number(bowl->a_best[0], a1), format_number(bowl->a_best[1], a2),
        format_number(bowl->loss_best, floor_text), tidy_entry(bowl->h[0], bowl),
        tidy_entry(bowl->h[1], bowl),
        tidy_entry(bowl->h[1], bowl), tidy_entry(bowl->h[2], bowl));
    if (bowl->lambda[0] <= bowl->lambda[1] * (1.0 + 1e-9))
        say(run, "  Round: curvature %.4g in every direction.\n", bowl->lambda[0]);
    else
        say(run, "  Steepest: curvature %.4g along (%.3f, %.3f), %.1f degrees from a1;\n"
                 "  flattest: curvature %.4g along (%.3f, %.3f).\n",
            bowl->lambda[0], bowl->axis[0][0], bowl->axis[0][1], degrees(bowl->axis[0]),
            bowl->lambda[1], bowl->axis[1][0], bowl->axis[1][1]);
    say(run, "  Condition number %.4g; full-batch descent is stable for lr < %.4g.\n\n",
        bowl->lambda[0] / bowl->lambda[1], 2.0 / bowl->lambda[0]);
}

void say_valley(const Run *run, const Bowl *bowl)
{
    say(run, "\nThe notebook's points moved right by 2, x1 in [1, 3): a long thin valley.\n");
    say_bowl(run, bowl);
}

void say_standardized(const Run *run, const Scaling *scaling, const double start[2],
                      const Bowl *bowl)
{
    char mean[NUMBER_TEXT], sd[NUMBER_TEXT], y_mean[NUMBER_TEXT], a1[NUMBER_TEXT],
        a2[NUMBER_TEXT];
    say(run, "\nThe same points standardized, x1' = (x1 - %s) / %s and y' = y - %s"
             "\n(chapter 06's --standardize), starting from the same line, a' = [%s, %s]:\n",
        format_number(scaling->x_mean, mean), format_number(scaling->x_sd, sd),
        format_number(scaling->y_mean, y_mean), format_number(start[0], a1),
        format_number(start[1], a2));
    say_bowl(run, bowl);
}

/* ---- The paths --------------------------------------------------------- */

/* What each figure of paths says before its table, and its title. */
typedef struct {
    const char *name, *intro, *title;
} PathFigure;

static const PathFigure PATH_FIGURES[] = {
    {"ch07-landscape",
     "Gradient descent from a = [-1, 1] at a small rate and at 95% of the limit:\n",
     "The loss bowl; near the limit, descent zig-zags across its steep direction"},
    {"ch07-paths", "\nThe same start with minibatches, and with momentum:\n",
     "SGD wanders, momentum overshoots and swings back"},
    {"ch07-badly-scaled", "", "x1 in [1, 3): a long thin valley, and descent crawls along it"},
    {"ch07-standardized", "",
     "The same points standardized: a round bowl, and descent goes straight in"},
    {"ch07-momentum", "",
     "The valley at the best settings: plain descent zig-zags, momentum gets there"},
};

/* The words of the figure named name: from the list above, or none. */
static PathFigure path_figure(const char *name)
{
    for (size_t f = 0; f < sizeof PATH_FIGURES / sizeof PATH_FIGURES[0]; f++)
        if (strcmp(PATH_FIGURES[f].name, name) == 0)
            return PATH_FIGURES[f];
    return (PathFigure){name, "", name};
}

/* The legend of a recipe: "GD, lr 0.1", "SGD batch 10, lr 0.1",
 * "momentum 0.9, lr 0.1". label: 64 */
static void recipe_label(const Recipe *recipe, size_t n, char label[64])
{
    if (recipe->beta > 0.0)
        snprintf(label, 64, "GD + momentum %.3g, lr %.3g", recipe->beta, recipe->lr);
    else if (recipe->batch < n)
        snprintf(label, 64, "SGD batch %zu, lr %.3g", recipe->batch, recipe->lr);
    else
        snprintf(label, 64, "GD, lr %.3g", recipe->lr);
}

/* True when recipe starts at a* up to rounding, a trillionth of the loss
 * of the line y = 0: the data lie on the starting line, and no path moves. */
static bool starts_at_the_bottom(const Bowl *bowl, const Recipe *recipe)
{
    const double zero[2] = {0.0, 0.0};
    const double *start = recipe->start != NULL ? recipe->start : A_START;
    return bowl_loss(bowl, start) - bowl->loss_best <= 1e-12 * bowl_loss(bowl, zero);
}

void walk_and_draw(Run *run, const Dataset *data, const Bowl *bowl, const char *figure,
                   const Recipe *recipes, size_t count, size_t steps)
{
    PathFigure words = path_figure(figure);
    if (count > 0 && starts_at_the_bottom(bowl, &recipes[0]))
        words.title = "Every path starts at a*, the bottom: the data lie on the starting line";
    Trail paths[PATHS];
    char labels[PATHS][64], loss_after[32];
    size_t drawn = 0;
    snprintf(loss_after, sizeof loss_after, "loss after %zu steps", steps);
    say(run, "%s  %-34s  %-20s  %-14s  a\n", words.intro, "path", loss_after,
        "distance to a*");
    for (size_t r = 0; r < count; r++) {
        Walk walk = follow(run, &recipes[r], data, steps);
        recipe_label(&recipes[r], data->n, labels[drawn]);
        if (walk.diverged) {
            say(run, "  %-34s  diverged, not drawn\n", labels[drawn]);
            continue;
        }
        const double *last = &walk.a[2 * (walk.count - 1)];
        double distance = hypot(last[0] - bowl->a_best[0], last[1] - bowl->a_best[1]);
        char loss[NUMBER_TEXT], a1[NUMBER_TEXT], a2[NUMBER_TEXT];
        say(run, "  %-34s  %-20s  %-14.2g  [%s, %s]\n", labels[drawn],
            format_number(bowl_loss(bowl, last), loss), distance, format_number(last[0], a1),
            format_number(last[1], a2));
        paths[drawn] = (Trail){labels[drawn], recipes[r].role, walk.a, walk.count};
        drawn++;
    }
    Error err;
    run_check(run,
              plot_landscape(run_figures_dir(run), figure, words.title, bowl, paths,
                             drawn, &err),
              &err);
    say_wrote(run, figure);
}

/* ---- Momentum, measured ------------------------------------------------ */

/* The steps the error analysis predicts to bring the excess loss down by the
 * factor ratio. Plain descent at its best rate shrinks the error by exactly
 * shrink in every direction, the excess loss by shrink². Momentum at its best
 * settings has a repeated root in the two extreme directions, where the error
 * goes as (1 + (1 + shrink) t) shrink^t: at most that many steps. */
static double predicted_steps(double shrink, bool momentum, double ratio)
{
    if (!momentum)
        return ceil(log(ratio) / (2.0 * -log(shrink)));
    size_t t = 0;
    while (t < MAX_STEPS &&
           pow((1.0 + (1.0 + shrink) * (double)t) * pow(shrink, (double)t), 2.0) > 1.0 / ratio)
        t++;
    return (double)t;
}

void say_steps_to(const Run *run, const Bowl *bowl, const Recipe best[2], const size_t steps[2])
{
    double kappa = bowl->lambda[0] / bowl->lambda[1], root = sqrt(kappa);
    double shrink[2] = {(kappa - 1.0) / (kappa + 1.0), (root - 1.0) / (root + 1.0)};
    double target = 1.001 * bowl->loss_best;
    double ratio = (bowl_loss(bowl, A_START) - bowl->loss_best) / (target - bowl->loss_best);
    say(run, "\nSteps until the loss is within 0.1%% of L*, each at its best settings:\n"
             "  %-14s %-8s %-8s %-16s %-7s %s\n",
        "", "lr", "beta", "shrink per step", "steps", "predicted");
    for (int k = 0; k < 2; k++)
        say(run, "  %-14s %-8.4f %-8.4f %-16.4f %-7zu %.0f\n",
            k == 0 ? "plain descent" : "momentum", best[k].lr, best[k].beta, shrink[k],
            steps[k], predicted_steps(shrink[k], k == 1, ratio));
    say(run, "Momentum takes %.1f times fewer steps; in the long run, ln(1/%.4f) / ln(1/%.4f)\n"
             "= %.1f times fewer, about sqrt(condition number) = %.1f.\n",
        (double)steps[0] / (double)steps[1], shrink[1], shrink[0],
        log(shrink[1]) / log(shrink[0]), root);
    say(run, "The first %d steps of each, drawn:\n", VALLEY_PATH_STEPS);
}

/* ---- The noise floor --------------------------------------------------- */

enum { FLOOR_SAMPLES = 400 };

/* The gap above L* along one run, at iterations 1, 2, … spaced ever wider,
 * for a log axis, and what the table says of it: the mean gap over the last
 * quarter of the run, or, for an averaged a, its gap at the end. */
typedef struct {
    size_t count;
    double iteration[FLOOR_SAMPLES], gap[FLOOR_SAMPLES];
    double settled;
} GapTrace;

static void keep_gap(GapTrace *trace, size_t t, double gap)
{
    if (trace->count < FLOOR_SAMPLES) {
        trace->iteration[trace->count] = (double)t;
        trace->gap[trace->count++] = gap;
    }
}

/* The trace of a walk of FLOOR_ITERATIONS steps that did not blow up. */
static void trace_walk(const Walk *walk, const Bowl *bowl, GapTrace *trace)
{
    size_t next = 1, settled_count = 0;
    *trace = (GapTrace){.count = 0};
    for (size_t t = 1; t <= FLOOR_ITERATIONS; t++) {
        double gap = gap_above_floor(bowl, &walk->a[2 * t]);
        if (t > FLOOR_ITERATIONS * 3 / 4) {
            trace->settled += gap;
            settled_count++;
        }
        if (t >= next) {
            keep_gap(trace, t, gap);
            next = t + 1 + t / 50; /* about 2% further on */
        }
    }
    trace->settled /= (double)settled_count;
}

/* Polyak–Ruppert: the mean of the walk's a over iterations AVERAGE_FROM … t,
 * its gap at the iterations the walk's trace keeps from there on, and at
 * the end. */
static void trace_average(const Walk *walk, const Bowl *bowl, const GapTrace *kept,
                          GapTrace *trace)
{
    double sum[2] = {0.0, 0.0}, mean[2] = {0.0, 0.0};
    size_t k = 0;
    *trace = (GapTrace){.count = 0};
    for (size_t t = AVERAGE_FROM; t <= FLOOR_ITERATIONS; t++) {
        sum[0] += walk->a[2 * t];
        sum[1] += walk->a[2 * t + 1];
        while (k < kept->count && kept->iteration[k] < (double)t)
            k++;
        if ((k < kept->count && kept->iteration[k] == (double)t) || t == FLOOR_ITERATIONS) {
            double averaged = (double)(t - AVERAGE_FROM + 1);
            mean[0] = sum[0] / averaged;
            mean[1] = sum[1] / averaged;
            keep_gap(trace, t, gap_above_floor(bowl, mean));
        }
    }
    trace->settled = gap_above_floor(bowl, mean);
}

/* The traces above L* beside the steady state; a run that diverged keeps
 * its place in the key, saying so, with no line (as chapter 05 draws it). */
static void draw_noise_floor(Run *run, const GapTrace traces[3], char labels[3][64],
                             const bool diverged[3], double steady)
{
    static const Role ROLES[3] = {ROLE_BATCH_1, ROLE_DECAYING, ROLE_AVERAGED};
    double ends[2] = {1.0, FLOOR_ITERATIONS}, steady_y[2] = {steady, steady};
    char keys[3][96], title[128];
    Curve curves[4];
    for (int k = 0; k < 3; k++) {
        snprintf(keys[k], sizeof keys[k], "%.63s%s", labels[k],
                 diverged[k] ? " diverged: not drawn" : "");
        curves[k] = (Curve){keys[k], ROLES[k], false, traces[k].iteration, traces[k].gap,
                            diverged[k] ? 0 : traces[k].count};
    }
    curves[3] = (Curve){"the steady state of the constant rate, kicks independent",
                        ROLE_PREDICTED, false, ends, steady_y, 2};
    snprintf(title, sizeof title, "SGD, batch 1, lr = %g: %s diverged", run->options->lr,
             diverged[0] && diverged[1] ? "both rates"
             : diverged[0]              ? "the constant rate"
                                        : "the decaying rate");
    Axes axes = {.title = !diverged[0] && !diverged[1]
                              ? "A constant rate stays at its floor; a decaying rate, or "
                                "averaging a, gets below it"
                              : title,
                 .x_label = "iteration (log scale)",
                 .y_label = "loss above L*, L(a) - L* (log scale)",
                 .log_x = true,
                 .log_y = true};
    Error err;
    run_check(run,
              plot_curves(run_figures_dir(run), "ch07-noise-floor", &axes, curves,
                          diverged[0] || isnan(steady) ? 3 : 4, &err),
              &err);
    say_wrote(run, "ch07-noise-floor");
}

/* Whether the decaying rate's sum keeps up with the curvature: the error
 * along λ shrinks like (1 + t/T)^(−lr·T·λ), and the loss above L* like 1/t
 * once lr·T·λmin > 1 (Bottou, Curtis and Nocedal 2018, Theorem 4.7). */
static void say_decay_condition(const Run *run, double lr, double decay, double lambda_min)
{
    double product = lr * decay * lambda_min;
    say(run, "  the decay: lr * T * lambda_min = %g * %g * %.4g = %.3g, ", lr, decay, lambda_min,
        product);
    if (product > 1.0)
        say(run, "above 1:\n  the loss above L* falls like 1/t\n");
    else
        say(run, "not above 1:\n  the error along the flattest direction shrinks only like "
                 "(1 + t/T)^-%.3g,\n  and the loss above L* more slowly than 1/t\n",
            product);
}

void show_noise_floor(Run *run, const Dataset *data, const Bowl *bowl, const Walk walks[2])
{
    double lr = run->options->lr;
    char labels[3][64];
    snprintf(labels[0], sizeof labels[0], "constant rate %g", lr);
    snprintf(labels[1], sizeof labels[1], "rate %g / (1 + t/%d)", lr, FLOOR_DECAY);
    snprintf(labels[2], sizeof labels[2], "constant rate, a averaged from %d on", AVERAGE_FROM);
    GapTrace *traces = run_alloc(run, 3, sizeof *traces); /* 19 kB: kept off the stack */
    bool diverged[3] = {walks[0].diverged, walks[1].diverged, walks[0].diverged};
    char floor_text[NUMBER_TEXT];
    say(run, "\nSGD with batch 1 for %d iterations, and its loss above the floor L* = %s:\n"
             "for a run, the mean over its last quarter; for the averaged a, at the end.\n",
        FLOOR_ITERATIONS, format_number(bowl->loss_best, floor_text));
    for (int k = 0; k < 3; k++) {
        if (diverged[k]) {
            say(run, "  %-40s diverged: lr %g is too large for batches of 1\n", labels[k], lr);
            continue;
        }
        if (k < 2)
            trace_walk(&walks[k], bowl, &traces[k]);
        else
            trace_average(&walks[0], bowl, &traces[0], &traces[2]);
        say(run, "  %-40s L* + %.3g\n", labels[k], traces[k].settled);
    }
    if (!diverged[1])
        say_decay_condition(run, lr, FLOOR_DECAY, bowl->lambda[1]);
    draw_noise_floor(run, traces, labels, diverged, steady_state_gap(data, bowl, lr, 0.0, 1));
}

/* ---- Your run ---------------------------------------------------------- */

/* What a run with these batches should try when it blows up. */
static void batches_advice(const Watch *watch, char *text, size_t size)
{
    const size_t *batch = watch->context;
    minibatch_divergence_advice(text, size, watch->run->data, *batch);
}

Watch watch_your_run(Run *run, const Recipe *recipe)
{
    const Options *o = run->options;
    size_t n = run->data->n, per_epoch = (n + recipe->batch - 1) / recipe->batch;
    say(run, "\nYour run: batch %zu, lr %g, momentum %g, decay %g, %zu epochs of %zu "
             "iteration%s.\n",
        recipe->batch, recipe->lr, recipe->beta, recipe->decay, o->epochs, per_epoch,
        per_epoch == 1 ? "" : "s");
    if (recipe->decay > 0.0) { /* does the decay keep up with the flattest curvature? */
        double lambda[2];
        hessian_eigenvalues(run->data->x, n, lambda);
        say_decay_condition(run, recipe->lr, recipe->decay, lambda[1]);
    }
    /* Full batch at a constant rate has a bound; batches jitter, and a
     * decaying rate falls below it in time. */
    char warning[512];
    if (recipe->batch == n && recipe->decay == 0.0 &&
        past_stable_bound(run->data, recipe->lr, recipe->beta, warning, sizeof warning))
        say(run, "%s", warning);
    say(run, "epoch   loss      a\n");
    Watch watch = watch_line(run, "epoch", o->epochs, recipe->lr);
    watch.name_iteration = true; /* as chapter 05 says it */
    /* A minibatch's loss jitters about a floor that can lie above a start
     * near the answer, and momentum's may rise before it falls: only plain
     * full-batch descent is judged by where it ends too. */
    watch.full_batch = recipe->batch == n && recipe->beta == 0.0;
    watch.advice = batches_advice;
    watch.context = &recipe->batch;
    return watch;
}

void say_last_line(Run *run, const double a[2], double loss)
{
    run_final_line(run, a, loss); /* with --standardize, in the data's units */
}
