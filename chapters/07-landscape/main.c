/*
 * Chapter 07 — the landscape: where descent walks, and how to walk better.
 *
 * The loss over (a1, a2) is a bowl whose contour lines are ellipses. This
 * program draws them, with the paths that gradient descent, SGD and momentum
 * take across them from the guess a = (-1, 1); moves the points so the bowl
 * becomes a long thin valley and measures how many steps plain descent and
 * momentum need to reach its bottom; shows that SGD with a constant rate
 * stops above the least-squares loss, and that a decaying rate gets there;
 * and last, trains the way you ask with --lr, --batch, --momentum and --decay.
 *
 *     build/ch07         build/ch07 --momentum 0.5         build/ch07 --batch 1 --decay 100
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "gradient.h"
#include "heavy_ball.h"
#include "landscape.h"
#include "loss.h"
#include "minibatch.h"
#include "plot.h"
#include "rng.h"
#include "scale.h"
#include "sgd.h"

static const Chapter CHAPTER = {
    "ch07",
    "Chapter 07: the loss landscape, the paths descent takes, momentum, a decaying rate.",
    FLAGS_TRAINING | FLAG_BATCH | FLAG_MOMENTUM | FLAG_DECAY, 0};

/* How one run descends: its rate, its momentum beta (0: plain), the T of its
 * decaying rate lr / (1 + t/T) (0: constant), its batch size (n or more:
 * full batch), and its role (its colour) in the figures. */
typedef struct {
    double lr, beta, decay;
    size_t batch;
    Role role;
    const double *start; /* 2: where it starts; NULL: the notebook's guess (-1, 1) */
} Recipe;


/* What a run carries from step to step. */
typedef struct {
    Recipe recipe;
    double a[2], velocity[2];
    size_t t; /* steps taken */
    Rng rng;
    EpochSampler sampler;
    Dataset batch;
    double start_loss;
} Descent;

/* A run from the recipe's start (the notebook's guess a = (-1, 1) unless it
 * says otherwise), velocity 0, with its own RNG seeded like chapter 05's, so
 * a batch size sees the same shuffles there and here. */
static Status descent_start(Descent *d, const Recipe *recipe, const Dataset *data,
                            uint64_t seed, Error *err)
{
    const double *start = recipe->start != NULL ? recipe->start : A_START;
    *d = (Descent){.recipe = *recipe, .a = {start[0], start[1]}, .rng = rng_seeded(seed)};
    d->start_loss = loss_of(data->x, data->y, data->n, d->a);
    Status status = sampler_init(&d->sampler, data, recipe->batch, err);
    if (status == STATUS_OK)
        status = data_allocate(&d->batch, d->sampler.batch_size, err);
    return status;
}

static void descent_free(Descent *d)
{
    sampler_free(&d->sampler);
    data_free(&d->batch);
}

//> ch07_step
/* One iteration: the next batch (a new shuffled epoch when the last is used
 * up; the full batch is never shuffled), this iteration's rate, and the
 * heavy-ball step. With beta 0 and no decay it is chapter 04's step on the
 * full batch and chapter 05's on a minibatch, to the last bit. Returns the
 * batch's loss before the step. */
static double take_step(Descent *d, const Dataset *data)
{
    const Dataset *on = data;
    if (d->sampler.batch_size < data->n) {
        const size_t *rows;
        size_t m = sampler_next_batch(&d->sampler, &rows);
        if (m == 0) {
            sampler_start_epoch(&d->sampler, &d->rng);
            m = sampler_next_batch(&d->sampler, &rows);
        }
        gather_rows(data, rows, m, &d->batch);
        on = &d->batch;
    }
    double lr = decayed_lr(d->recipe.lr, d->recipe.decay, d->t); /* lr / (1 + t/T) */
    d->t++;
    return momentum_update(on->x, on->y, on->n, d->a, d->velocity, lr, d->recipe.beta);
}
//< ch07_step

/* True when the step just taken, whose batch loss was batch_loss, shows the
 * run has blown up (chapter 05's test). */
static bool blew_up(const Descent *d, const Dataset *data, double batch_loss)
{
    size_t m = d->sampler.batch_size < data->n ? d->batch.n : data->n;
    return batch_blew_up(batch_loss, m, data->n, d->start_loss, d->a);
}

/* ---- 1. The bowl ------------------------------------------------------ */

static double degrees(const double v[2])
{
    return atan2(v[1], v[0]) * 180.0 / acos(-1.0);
}

/* v as %.4f shows it, without the "-0.0000" of a rounding error below 0. */
static double tidy(double v)
{
    return fabs(v) < 5e-5 ? 0.0 : v;
}

/* An entry of H as %.4g shows it: 0 when it is only rounding, a billionth
 * of the largest entry or less (the standardized bowl's off-diagonal). */
static double tidy_entry(double v, const Bowl *bowl)
{
    double largest = fmax(fabs(bowl->h[0]), fabs(bowl->h[2]));
    return fabs(v) <= 1e-9 * largest ? 0.0 : v;
}

static void explain_bowl(const Options *options, const Bowl *bowl)
{
    /* %.4g: the curvatures of data in years run from 1e-4 to 1e7. */
    say(options, "The bowl: L(a) = L* + (1/2) (a - a*)^T H (a - a*), with\n"
                 "  a* = [%.4f, %.4f] (least squares), L* = %.4f, H = [%.4g %.4g; %.4g %.4g].\n",
        tidy(bowl->a_best[0]), tidy(bowl->a_best[1]), bowl->loss_best,
        tidy_entry(bowl->h[0], bowl), tidy_entry(bowl->h[1], bowl),
        tidy_entry(bowl->h[1], bowl), tidy_entry(bowl->h[2], bowl));
    if (bowl->lambda[0] <= bowl->lambda[1] * (1.0 + 1e-9))
        say(options, "  Round: curvature %.4g in every direction.\n", bowl->lambda[0]);
    else
        say(options, "  Steepest: curvature %.4g along (%.3f, %.3f), %.1f degrees from a1;\n"
                     "  flattest: curvature %.4g along (%.3f, %.3f).\n",
            bowl->lambda[0], bowl->axis[0][0], bowl->axis[0][1], degrees(bowl->axis[0]),
            bowl->lambda[1], bowl->axis[1][0], bowl->axis[1][1]);
    say(options, "  Condition number %.4g; full-batch descent is stable for lr < %.4g.\n\n",
        bowl->lambda[0] / bowl->lambda[1], 2.0 / bowl->lambda[0]);
}

/* ---- 2. The paths ----------------------------------------------------- */

/* The steps of each path, and of the two in the valley at the best settings:
 * by then momentum has arrived, and the plain strokes can still be told apart. */
enum { PATH_STEPS = 100, VALLEY_PATH_STEPS = 50, PATHS = 4 /* at most, in one figure */ };

/* steps iterations of recipe from the guess, a before each and after the
 * last in path. *diverged: whether the run blew up (the path then ends at
 * the last point before). path: (steps + 1)×2; *count: the points it holds. */
static Status follow(const Recipe *recipe, const Dataset *data, uint64_t seed, size_t steps,
                     double *path, size_t *count, bool *diverged, Error *err)
{
    Descent d;
    Status status = descent_start(&d, recipe, data, seed, err);
    *diverged = false;
    *count = 1;
    path[0] = d.a[0];
    path[1] = d.a[1];
    for (size_t k = 0; status == STATUS_OK && k < steps && !*diverged; k++) {
        double batch_loss = take_step(&d, data);
        *diverged = blew_up(&d, data, batch_loss);
        if (!*diverged) {
            path[2 * *count] = d.a[0];
            path[2 * *count + 1] = d.a[1];
            (*count)++;
        }
    }
    descent_free(&d);
    return status;
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

/* Runs the recipes for steps steps each and draws the paths that did not
 * blow up over the contours; says in a table where each ended, and how far
 * from a* that is. */
static Status draw_paths(const Options *options, const char *dir, const Dataset *data,
                         const Bowl *bowl, const char *name, const char *title,
                         const Recipe *recipes, size_t count, size_t steps, Error *err)
{
    double *points = malloc(count * (steps + 1) * 2 * sizeof *points);
    if (points == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for the paths");
    Trail paths[PATHS];
    char labels[PATHS][64];
    size_t drawn = 0;
    Status status = STATUS_OK;
    char loss_after[32];
    snprintf(loss_after, sizeof loss_after, "loss after %zu steps", steps);
    say(options, "  %-34s  %-20s  %-14s  a\n", "path", loss_after, "distance to a*");
    for (size_t r = 0; r < count && status == STATUS_OK; r++) {
        double *path = &points[r * (steps + 1) * 2];
        size_t length;
        bool diverged;
        recipe_label(&recipes[r], data->n, labels[drawn]);
        status = follow(&recipes[r], data, options->seed, steps, path, &length, &diverged, err);
        if (status == STATUS_OK && diverged) {
            say(options, "  %-34s  diverged, not drawn\n", labels[drawn]);
            continue;
        }
        const double *last = &path[2 * (length - 1)];
        double distance = hypot(last[0] - bowl->a_best[0], last[1] - bowl->a_best[1]);
        say(options, "  %-34s  %-20.4f  %-14.2g  [%.4f, %.4f]\n", labels[drawn],
            bowl_loss(bowl, last), distance, tidy(last[0]), tidy(last[1]));
        paths[drawn] = (Trail){labels[drawn], recipes[r].role, path, length};
        drawn++;
    }
    if (status == STATUS_OK)
        status = plot_landscape(dir, name, title, bowl, paths, drawn, err);
    if (status == STATUS_OK)
        say_wrote(options, name);
    free(points);
    return status;
}

//> ch07_paths
static Status show_paths(const Options *options, const char *dir, const Dataset *data,
                         const Bowl *bowl, Error *err)
{
    size_t n = data->n, ten = n < 10 ? n : 10; /* batches of 10, or all of fewer points */
    double lr = options->lr;
    const Recipe plain = {.lr = lr, .batch = n, .role = ROLE_FULL_BATCH};
    const Recipe near_limit = {.lr = 0.95 * 2.0 / bowl->lambda[0], .batch = n,
                               .role = ROLE_BORDERLINE};
    const Recipe batch_1 = {.lr = lr, .batch = 1, .role = batch_role(1, n)};
    const Recipe batch_10 = {.lr = lr, .batch = ten, .role = batch_role(ten, n)};
    const Recipe momentum = {.lr = lr, .beta = 0.9, .batch = n, .role = ROLE_MOMENTUM};

    const Recipe descent[] = {plain, near_limit};
    say(options, "Gradient descent from a = [-1, 1] at a small rate and at 95%% of the limit:\n");
    Status status = draw_paths(options, dir, data, bowl, "ch07-landscape",
                               "The loss bowl; near the limit, descent zig-zags across "
                               "its steep direction",
                               descent, 2, PATH_STEPS, err);
    if (status != STATUS_OK)
        return status;
    const Recipe noisy[] = {plain, batch_1, batch_10, momentum};
    say(options, "\nThe same start with minibatches, and with momentum:\n");
    return draw_paths(options, dir, data, bowl, "ch07-paths",
                      "SGD wanders, momentum overshoots and swings back", noisy, 4, PATH_STEPS,
                      err);
}
//< ch07_paths

/* ---- 3. A badly scaled bowl, and momentum measured ------------------- */

enum { MAX_STEPS = 100000 };

/* The notebook's points (for --seed and --n, whatever --data says) moved
 * right by 2, x1 in [1, 3): the same cloud and the same best slope, but every
 * x1 now far from 0 compared with its spread. bad: the caller frees it. */
static Status moved_right(const Options *options, Dataset *bad, Error *err)
{
    Rng rng = rng_seeded(options->seed);
    Status status = data_synthetic(bad, options->n, A_TRUE, &rng, err);
    for (size_t i = 0; status == STATUS_OK && i < bad->n; i++)
        bad->x[2 * i] += 2.0;
    return status;
}

//> ch07_steps_to
/* How many full-batch steps recipe takes until the loss is at most target;
 * MAX_STEPS if it never gets there. */
static Status steps_to(const Recipe *recipe, const Dataset *data, double target,
                       size_t *steps, Error *err)
{
    Descent d;
    Status status = descent_start(&d, recipe, data, 0, err);
    *steps = MAX_STEPS;
    for (size_t t = 0; status == STATUS_OK && t < MAX_STEPS; t++) {
        double loss = take_step(&d, data); /* the loss after t steps */
        if (loss <= target) {
            *steps = t;
            break;
        }
    }
    descent_free(&d);
    return status;
}
//< ch07_steps_to

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

/* Steps to bring the loss within 0.1% of L*, plain descent and momentum each
 * at its best settings for this bowl, beside what the error's shrink factor
 * per step predicts; and the two paths, drawn. */
static Status measure_momentum(const Options *options, const char *dir, const Dataset *bad,
                               const Bowl *bowl, Error *err)
{
    double kappa = bowl->lambda[0] / bowl->lambda[1], root = sqrt(kappa);
    Recipe recipes[2] = {
        {.lr = best_plain_lr(bowl->lambda), .batch = bad->n, .role = ROLE_FULL_BATCH},
        {.batch = bad->n, .role = ROLE_MOMENTUM}, /* lr and beta: best_momentum() */
    };
    best_momentum(bowl->lambda, &recipes[1].lr, &recipes[1].beta);
    double shrink[2] = {(kappa - 1.0) / (kappa + 1.0), (root - 1.0) / (root + 1.0)};
    double target = 1.001 * bowl->loss_best, start[2] = {A_START[0], A_START[1]};
    double ratio = (bowl_loss(bowl, start) - bowl->loss_best) / (target - bowl->loss_best);
    size_t steps[2];
    say(options, "\nSteps until the loss is within 0.1%% of L*, each at its best settings:\n"
                 "  %-14s %-8s %-8s %-16s %-7s %s\n",
        "", "lr", "beta", "shrink per step", "steps", "predicted");
    for (int k = 0; k < 2; k++) {
        Status status = steps_to(&recipes[k], bad, target, &steps[k], err);
        if (status != STATUS_OK)
            return status;
        say(options, "  %-14s %-8.4f %-8.4f %-16.4f %-7zu %.0f\n",
            k == 0 ? "plain descent" : "momentum", recipes[k].lr, recipes[k].beta, shrink[k],
            steps[k], predicted_steps(shrink[k], k == 1, ratio));
    }
    say(options, "Momentum takes %.1f times fewer steps; in the long run, ln(1/%.4f) / ln(1/%.4f)\n"
                 "= %.1f times fewer, about sqrt(condition number) = %.1f.\n",
        (double)steps[0] / (double)steps[1], shrink[1], shrink[0],
        log(shrink[1]) / log(shrink[0]), root);
    say(options, "The first %d steps of each, drawn:\n", VALLEY_PATH_STEPS);
    return draw_paths(options, dir, bad, bowl, "ch07-momentum",
                      "The valley at the best settings: plain descent zig-zags, momentum "
                      "gets there",
                      recipes, 2, VALLEY_PATH_STEPS, err);
}

//> ch07_standardized
/* The valley's points standardized as chapter 06's --standardize does it,
 * and the same descent on them, from the same starting line in their units. */
static Status show_standardized(const Options *options, const char *dir, const Dataset *bad,
                                Error *err)
{
    Dataset round = {0};
    Scaling scaling;
    Bowl bowl;
    Status status = standardized_copy(bad, &round, &scaling, err);
    if (status == STATUS_OK)
        status = bowl_of(&round, &bowl, err);
    if (status == STATUS_OK) {
        double start[2];
        to_standard_units(&scaling, A_START, start); /* the line y = -x1 + 1 */
        say(options, "\nThe same points standardized, x1' = (x1 - %.4f) / %.4f and y' = y - %.4f"
                     "\n(chapter 06's --standardize), starting from the same line, a' = [%.4f, "
                     "%.4f]:\n",
            scaling.x_mean, scaling.x_sd, scaling.y_mean, start[0], start[1]);
        explain_bowl(options, &bowl);
        const Recipe plain = {.lr = options->lr, .batch = round.n, .role = ROLE_FULL_BATCH,
                              .start = start};
        status = draw_paths(options, dir, &round, &bowl, "ch07-standardized",
                            "The same points standardized: a round bowl, and descent goes "
                            "straight in",
                            &plain, 1, PATH_STEPS, err);
    }
    data_free(&round);
    return status;
}
//< ch07_standardized

static Status scaling_and_momentum(const Options *options, const char *dir, Error *err)
{
    Dataset bad = {0};
    Bowl bowl;
    Status status = moved_right(options, &bad, err);
    if (status == STATUS_OK)
        status = bowl_of(&bad, &bowl, err);
    if (status == STATUS_OK) {
        say(options,
            "\nThe notebook's points moved right by 2, x1 in [1, 3): a long thin valley.\n");
        explain_bowl(options, &bowl);
        const Recipe plain = {.lr = options->lr, .batch = bad.n, .role = ROLE_FULL_BATCH};
        status = draw_paths(options, dir, &bad, &bowl, "ch07-badly-scaled",
                            "x1 in [1, 3): a long thin valley, and descent crawls along it",
                            &plain, 1, PATH_STEPS, err);
    }
    if (status == STATUS_OK)
        status = show_standardized(options, dir, &bad, err);
    if (status == STATUS_OK)
        status = measure_momentum(options, dir, &bad, &bowl, err);
    data_free(&bad);
    return status;
}

/* ---- 4. The noise floor, and a decaying rate ------------------------- */

enum { FLOOR_ITERATIONS = 20000, FLOOR_SAMPLES = 400, FLOOR_DECAY = 100, SETTLED_EVERY = 50 };


/* The loss of all the data along one run: at iterations 0, 1, 2, … spaced
 * ever wider, for a log axis, and its mean over the last quarter of the run. */
typedef struct {
    size_t count;
    double iteration[FLOOR_SAMPLES], loss[FLOOR_SAMPLES];
    double settled; /* the mean loss over the last quarter, every SETTLED_EVERY iterations */
} LossTrace;

/* FLOOR_ITERATIONS steps of recipe, with the loss of all the data traced. */
static Status trace_loss(const Recipe *recipe, const Dataset *data, uint64_t seed,
                         LossTrace *trace, bool *diverged, Error *err)
{
    Descent d;
    Status status = descent_start(&d, recipe, data, seed, err);
    size_t next = 1, settled_count = 0;
    *diverged = false;
    *trace = (LossTrace){.count = 1, .iteration = {0.0}, .loss = {d.start_loss}};
    for (size_t t = 1; status == STATUS_OK && t <= FLOOR_ITERATIONS && !*diverged; t++) {
        *diverged = blew_up(&d, data, take_step(&d, data));
        bool settling = t > FLOOR_ITERATIONS * 3 / 4 && t % SETTLED_EVERY == 0;
        if ((t < next || trace->count == FLOOR_SAMPLES) && !settling)
            continue;
        double loss = loss_of(data->x, data->y, data->n, d.a);
        if (settling) {
            trace->settled += loss;
            settled_count++;
        }
        if (t >= next && trace->count < FLOOR_SAMPLES) {
            trace->iteration[trace->count] = (double)t;
            trace->loss[trace->count++] = loss;
            next = t + 1 + t / 50; /* about 2% further on */
        }
    }
    trace->settled /= (double)(settled_count > 0 ? settled_count : 1);
    descent_free(&d);
    return status;
}

/* The two traces over the floor; a run that diverged keeps its place in
 * the key, saying so, with no line (as chapter 05 draws it). diverged: 2 */
static Status draw_noise_floor(const Options *options, const char *dir, const LossTrace traces[2],
                               const char *labels[2], const bool diverged[2], double floor,
                               Error *err)
{
    double floor_x[2] = {1.0, FLOOR_ITERATIONS}, floor_y[2] = {floor, floor};
    char keys[2][96], title[128];
    for (int k = 0; k < 2; k++)
        snprintf(keys[k], sizeof keys[k], "%s%s", labels[k],
                 diverged[k] ? " diverged: not drawn" : "");
    /* Iteration 0 has no place on a log axis: the curves start at 1. */
    Curve curves[3] = {
        {keys[0], ROLE_BATCH_1, false, &traces[0].iteration[1], &traces[0].loss[1],
         diverged[0] ? 0 : traces[0].count - 1},
        {keys[1], ROLE_DECAYING, false, &traces[1].iteration[1], &traces[1].loss[1],
         diverged[1] ? 0 : traces[1].count - 1},
        {"the least-squares loss L*", ROLE_LEAST_SQUARES, false, floor_x, floor_y, 2},
    };
    snprintf(title, sizeof title, "SGD, batch 1, lr = %g: %s diverged", options->lr,
             diverged[0] && diverged[1] ? "both rates"
             : diverged[0]              ? "the constant rate"
                                        : "the decaying rate");
    Axes axes = {.title = !diverged[0] && !diverged[1]
                              ? "SGD, batch 1: a constant rate jitters above the floor; a "
                                "decaying one settles on it"
                              : title,
                 .x_label = "iteration (log scale)",
                 .y_label = "loss of all the data (log scale)",
                 .log_x = true,
                 .log_y = true};
    Status status = plot_curves(dir, "ch07-noise-floor", &axes, curves, 3, err);
    if (status == STATUS_OK)
        say_wrote(options, "ch07-noise-floor");
    return status;
}

static Status show_noise_floor(const Options *options, const char *dir, const Dataset *data,
                               const Bowl *bowl, Error *err)
{
    const Recipe recipes[2] = {
        {.lr = options->lr, .batch = 1, .role = ROLE_BATCH_1},
        {.lr = options->lr, .decay = FLOOR_DECAY, .batch = 1, .role = ROLE_DECAYING},
    };
    char constant[64], decaying[64];
    snprintf(constant, sizeof constant, "constant rate %g", options->lr);
    snprintf(decaying, sizeof decaying, "rate %g / (1 + t/%d)", options->lr, FLOOR_DECAY);
    const char *labels[2] = {constant, decaying};
    static LossTrace traces[2]; /* 13 kB: kept off the stack */
    bool diverged[2];
    double floor = bowl->loss_best;
    say(options, "\nSGD with batch 1 for %d iterations: the loss of all the data over the last\n"
                 "quarter of them (its mean), against the floor L* = %.4f:\n",
        FLOOR_ITERATIONS, floor);
    for (int k = 0; k < 2; k++) {
        Status status = trace_loss(&recipes[k], data, options->seed, &traces[k], &diverged[k],
                                   err);
        if (status != STATUS_OK)
            return status;
        if (diverged[k])
            say(options, "  %-24s diverged: lr %g is too large for batches of 1\n",
                labels[k], options->lr);
        else
            say(options, "  %-24s L* + %.3g\n", labels[k], traces[k].settled - floor);
    }
    /* A constant rate's kicks, lr times the gradient's noise, balance the
     * pull back to a*: the loss settles about lr·noise/4 above L*. */
    double noise = gradient_noise(data, bowl), predicted = options->lr * noise / 4.0;
    if (!diverged[0])
        say(options, "  predicted for the constant rate: L* + lr * noise / 4 = L* + %g * %.4f / 4"
                     " = L* + %.3g\n",
            options->lr, noise, predicted);
    return draw_noise_floor(options, dir, traces, labels, diverged, floor, err);
}

/* ---- 5. Your run ------------------------------------------------------- */

static void show_epoch(const Options *options, const History *history, size_t epoch)
{
    say_progress_row(options, 5, epoch, history->loss[epoch], &history->a[2 * epoch]);
}

//> ch07_your_run
/* options->epochs epochs of the recipe the flags give, a row every few
 * epochs. a: 2, where the run ended; history: allocated for the epochs. */
static Status train_as_asked(const Options *options, const Dataset *data, double a[2],
                             History *history, Error *err)
{
    size_t n = data->n, batch = options->batch == 0 || options->batch > n ? n : options->batch;
    Recipe recipe = {.lr = options->lr, .beta = options->momentum, .decay = options->decay,
                     .batch = batch, .role = batch_role(batch, n)};
    size_t per_epoch = (n + batch - 1) / batch, every = progress_every(options->epochs);
    Descent d;
    Status status = descent_start(&d, &recipe, data, options->seed, err);
    say(options, "\nYour run: batch %zu, lr %g, momentum %g, decay %g, %zu epochs of %zu "
                 "iteration%s.\nepoch   loss      a\n",
        batch, options->lr, options->momentum, options->decay, options->epochs, per_epoch,
        per_epoch == 1 ? "" : "s");
    history_record(history, 0, d.a, d.start_loss);
    show_epoch(options, history, 0);
    for (size_t epoch = 1; status == STATUS_OK && epoch <= options->epochs; epoch++) {
        bool diverged = false;
        for (size_t k = 0; k < per_epoch && !diverged; k++)
            diverged = blew_up(&d, data, take_step(&d, data));
        history->iterations = d.t;
        history_record(history, epoch, d.a, loss_of(data->x, data->y, n, d.a));
        diverged = diverged || loss_diverged(history->loss[epoch], d.start_loss);
        if (diverged) /* every epoch since the last row: watch it blow up */
            for (size_t e = first_unshown_row(epoch, every); e < epoch; e++)
                show_epoch(options, history, e);
        if (diverged || epoch % every == 0 || epoch == options->epochs)
            show_epoch(options, history, epoch);
        if (diverged)
            status = minibatch_diverged_error(err, d.t, epoch, options->lr, data, batch);
    }
    bool plain_full_batch = batch == n && options->momentum == 0.0;
    size_t rose = status == STATUS_OK && plain_full_batch
                      ? full_batch_rose(history, options->epochs)
                      : 0;
    if (rose > 0) /* full batch, uphill: past the bound */
        status = minibatch_diverged_error(err, rose, rose, options->lr, data, batch);
    a[0] = d.a[0];
    a[1] = d.a[1];
    descent_free(&d);
    return status;
}
//< ch07_your_run

//> ch07_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    Bowl bowl;
    History history = {0};
    double a[2];
    Status status = bowl_of(data, &bowl, err);
    if (status == STATUS_OK)
        status = history_allocate(&history, options->epochs, err);
    if (status != STATUS_OK)
        return status;
    /* The figures and the last line land together, or none of them. */
    FigureSet *figures = NULL;
    status = figures_begin(&figures, options->out_dir, err);
    const char *dir = status == STATUS_OK ? figures_dir(figures) : NULL;
    if (status == STATUS_OK) {
        explain_bowl(options, &bowl);
        status = show_paths(options, dir, data, &bowl, err);
    }
    if (status == STATUS_OK)
        status = scaling_and_momentum(options, dir, err);
    if (status == STATUS_OK)
        status = show_noise_floor(options, dir, data, &bowl, err);
    if (status == STATUS_OK)
        status = train_as_asked(options, data, a, &history, err);
    char last[LAST_LINE_SIZE] = "";
    if (status == STATUS_OK)
        final_line(last, a, history.loss[options->epochs]);
    status = finish_run(figures, status, last, err);
    history_free(&history);
    return status;
}
//< ch07_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
