/*
 * Chapter 07 — the landscape: where descent walks, and how to walk better.
 *
 * The loss over (a1, a2) is a bowl whose contour lines are ellipses. The
 * lessons, in the book's order: the paths descent, SGD and momentum take
 * across it from a = (-1, 1); a long thin valley, standardized, and the steps
 * momentum saves in it; SGD's noise floor, and a decaying rate that gets
 * below it; and your run, as --lr, --batch, --momentum and --decay say.
 * Every run takes the one step of descent.c; show.c prints and draws.
 *
 *     build/ch07         build/ch07 --momentum 0.5         build/ch07 --batch 1 --decay 100
 */
#include "floors.h"
#include "heavy_ball.h"
#include "loss.h"
#include "points.h"
#include "show.h"

static const Chapter CHAPTER = {
    "ch07", "Chapter 07: the loss landscape, the paths descent takes, momentum, a decaying rate.",
    FLAGS_TRAINING | FLAG_BATCH | FLAG_MOMENTUM | FLAG_DECAY | FLAG_TRACE |
        FLAGS_STANDARDIZED, 0, 0, 0, 0.0};

//> ch07_paths
/* From the guess: plain descent at --lr and at 95% of the limit 2/λmax; then
 * plain descent beside minibatches of 1 and 10 and momentum 0.9, which is
 * torch.optim.SGD(params, lr, momentum=0.9). */
static void compare_paths(Run *run, const Dataset *data, const Bowl *bowl)
{
    size_t n = data->n, ten = n < 10 ? n : 10; /* batches of 10, or all of fewer points */
    double lr = run->options->lr;
    Recipe plain = {.lr = lr, .batch = n, .role = ROLE_FULL_BATCH};
    Recipe near_limit = {.lr = 0.95 * 2.0 / bowl->lambda[0], .batch = n, .role = ROLE_BORDERLINE};
    Recipe batch_1 = {.lr = lr, .batch = 1, .role = batch_role(1, n)};
    Recipe batch_10 = {.lr = lr, .batch = ten, .role = batch_role(ten, n)};
    Recipe momentum = {.lr = lr, .beta = 0.9, .batch = n, .role = ROLE_MOMENTUM};
    Recipe descent[] = {plain, near_limit}, noisy[] = {plain, batch_1, batch_10, momentum};
    walk_and_draw(run, data, bowl, "ch07-landscape", descent, 2, PATH_STEPS);
    walk_and_draw(run, data, bowl, "ch07-paths", noisy, 4, PATH_STEPS);
}
//< ch07_paths

//> ch07_valley
/* In the long thin valley descent at --lr crawls; on the same points
 * standardized (chapter 06), a round bowl, it goes straight in from the same
 * starting line, written in their units. Returns the valley's bowl. */
static Bowl valley(Run *run, const Dataset *bad)
{
    Bowl bowl = bowl_or_fail(run, bad);
    say_valley(run, &bowl);
    Recipe plain = {.lr = run->options->lr, .batch = bad->n, .role = ROLE_FULL_BATCH};
    walk_and_draw(run, bad, &bowl, "ch07-badly-scaled", &plain, 1, PATH_STEPS);
    Scaling scaling;
    Dataset round = standardized(run, bad, &scaling);
    Bowl round_bowl = bowl_or_fail(run, &round);
    double start[2];
    to_standard_units(&scaling, A_START, start); /* the line y = -x1 + 1 */
    say_standardized(run, &scaling, start, &round_bowl);
    plain.start = start;
    walk_and_draw(run, &round, &round_bowl, "ch07-standardized", &plain, 1, PATH_STEPS);
    return bowl;
}
//< ch07_valley

//> ch07_steps_to
/* How many full-batch steps recipe takes until the loss is at most target;
 * MAX_STEPS if it never gets there. No watcher: at its best settings
 * momentum's loss can climb past ten times its start before it falls. */
static size_t steps_to(Run *run, const Recipe *recipe, const Dataset *data, double target)
{
    Descent d = descent_start(run, recipe, data, 0);
    for (size_t t = 0; t < MAX_STEPS; t++)
        if (take_step(&d, data) <= target) /* the loss after t steps */
            return t;
    return MAX_STEPS;
}
//< ch07_steps_to

/* Plain descent and momentum in the valley, each at its best settings for
 * its bowl (heavy_ball.h): the steps to bring the loss within 0.1% of L*. */
static void measure_momentum(Run *run, const Dataset *bad, const Bowl *bowl)
{
    Recipe best[2] = {
        {.lr = best_plain_lr(bowl->lambda), .batch = bad->n, .role = ROLE_FULL_BATCH},
        {.batch = bad->n, .role = ROLE_MOMENTUM}}; /* lr and beta: best_momentum() */
    best_momentum(bowl->lambda, &best[1].lr, &best[1].beta);
    double target = 1.001 * bowl->loss_best;
    size_t steps[2] = {steps_to(run, &best[0], bad, target), steps_to(run, &best[1], bad, target)};
    say_steps_to(run, bowl, best, steps);
    walk_and_draw(run, bad, bowl, "ch07-momentum", best, 2, VALLEY_PATH_STEPS);
}

//> ch07_noise_floor
/* SGD with batch 1 at a constant rate and at lr / (1 + t/100), LambdaLR's
 * schedule, against the gap above L* the gradient's noise predicts. */
static void noise_floor(Run *run, const Dataset *data, const Bowl *bowl)
{
    double lr = run->options->lr;
    Recipe constant = {.lr = lr, .batch = 1, .role = ROLE_BATCH_1};
    Recipe decaying = {.lr = lr, .decay = FLOOR_DECAY, .batch = 1, .role = ROLE_DECAYING};
    Walk walks[2] = {follow(run, &constant, data, FLOOR_ITERATIONS),
                     follow(run, &decaying, data, FLOOR_ITERATIONS)};
    show_noise_floor(run, data, bowl, walks);
}
//< ch07_noise_floor

//> ch07_your_run
/* options->epochs epochs of the recipe the flags give, a row every few; the
 * watcher ends the program if the loss blows up. Where it ends is the
 * program's last line. */
static void train_as_asked(Run *run, const Dataset *data)
{
    const Options *o = run->options;
    size_t n = data->n, batch = o->batch == 0 || o->batch > n ? n : o->batch;
    Recipe recipe = {.lr = o->lr, .beta = o->momentum, .decay = o->decay, .batch = batch};
    Descent d = descent_start(run, &recipe, data, o->seed);
    Watch watch = watch_your_run(run, &recipe);
    watch_row(&watch, 0, d.a, d.start_loss);
    for (size_t epoch = 1; epoch <= o->epochs; epoch++) {
        for (size_t k = 0; k < batches_per_epoch(n, batch); k++) /* for xb, yb in dl: */
            if (!watch_batch(&watch, take_step(&d, data), d.m, n, d.a))
                break;
        watch_row(&watch, epoch, d.a, loss_of(data->x, data->y, n, d.a)); /* print(loss) */
    }
    watch_end(&watch); /* full batch, uphill: past the bound, however slowly */
    say_last_line(run, d.a, watch.loss[o->epochs]);
}
//< ch07_your_run

//> ch07_run
static void lesson(Run *run)
{
    Bowl bowl = bowl_or_fail(run, run->data);
    run_figures_dir(run); /* an --out that cannot take figures fails before a word is said */
    say_bowl(run, &bowl);
    compare_paths(run, run->data, &bowl);
    Dataset bad = moved_right(run); /* x1 in [1, 3): a long thin valley */
    Bowl valley_bowl = valley(run, &bad);
    measure_momentum(run, &bad, &valley_bowl);
    noise_floor(run, run->data, &bowl);
    show_floors(run, run->data, &bowl); /* over many seeds, with momentum, per batch size */
    train_as_asked(run, run->data);
}
//< ch07_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
