#include "show.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "images.h"
#include "init.h"
#include "plot.h"

Cnn *cnn_of(Model *model)
{
    return (Cnn *)((char *)model - offsetof(Cnn, model));
}

/* The inputs divided by the training set's largest (16 for the digits). */
static void scale_to_one(Digits *digits)
{
    const LabelledSet *train = &digits->train, *test = &digits->test;
    double largest = 1e-300;
    for (size_t k = 0; k < train->n * train->d; k++)
        largest = fmax(largest, fabs(train->x[k]));
    for (size_t k = 0; k < train->n * train->d; k++)
        digits->train_x[k] = train->x[k] / largest;
    for (size_t k = 0; k < test->n * test->d; k++)
        digits->test_x[k] = test->x[k] / largest;
}

static double *doubles(Run *run, size_t count)
{
    return run_alloc(run, count, sizeof(double));
}

Cnn *make_cnn(Run *run, Digits *digits, ModelLoss loss)
{
    if (digits->train.d != SIDE * SIDE || digits->train.classes != CLASSES)
        run_failf(run, STATUS_BAD_DATA, "%s: the network reads %dx%d images of %d classes; "
                  "these are %zu numbers of %zu classes", digits->train_name, SIDE, SIDE,
                  CLASSES, digits->train.d, digits->train.classes);
    scale_to_one(digits);
    Cnn *c = run_alloc(run, 1, sizeof *c);
    c->model = make_model(run, digits, 0, loss);
    c->model.size = (C1 * 9 + C1) + (C2 * C1 * 9 + C2) + (CLASSES * FLAT + CLASSES);
    size_t room = c->model.room, one = room * C1 * SIDE * SIDE, two = room * C2 * SIDE * SIDE / 4;
    c->z1 = doubles(run, one), c->h1 = doubles(run, one), c->p1 = doubles(run, one / 4);
    c->dz1 = doubles(run, one), c->dh1 = doubles(run, one), c->dp1 = doubles(run, one / 4);
    c->z2 = doubles(run, two), c->h2 = doubles(run, two), c->p2 = doubles(run, two / 4);
    c->dz2 = doubles(run, two), c->dh2 = doubles(run, two), c->dp2 = doubles(run, two / 4);
    c->z3 = doubles(run, room * CLASSES), c->dz3 = doubles(run, room * CLASSES);
    c->arg1 = run_alloc(run, one / 4, sizeof(size_t));
    c->arg2 = run_alloc(run, two / 4, sizeof(size_t));
    c->scratch1 = doubles(run, conv3x3_fast_scratch(1, SIDE, SIDE, C1));
    c->scratch2 = doubles(run, conv3x3_fast_scratch(C1, SIDE / 2, SIDE / 2, C2));
    say(run, "\nThe inputs divided by the largest, each in [0, 1]. The network, as layers:\n"
             "  conv 3x3, 1 to %d channels, padding 1   (%d, 8, 8)    %5d parameters\n"
             "  relu, max-pool 2x2                      (%d, 4, 4)\n"
             "  conv 3x3, %d to %d channels             (%d, 4, 4)    %5d\n"
             "  relu, max-pool 2x2, flatten             %d\n"
             "  linear, %d to %d, softmax cross-entropy  %d           %5d\n"
             "%zu parameters in all.\n",
        C1, C1, C1 * 9 + C1, C1, C1, C2, C2, C2 * C1 * 9 + C2, FLAT, FLAT, CLASSES, CLASSES,
        CLASSES * FLAT + CLASSES, c->model.size);
    return c;
}

void cnn_zero_grad(Cnn *c, double *grad, size_t n)
{
    memset(grad, 0, c->model.size * sizeof *grad);
    size_t one = n * C1 * SIDE * SIDE, two = n * C2 * SIDE * SIDE / 4;
    double *const sized[7] = {c->dz1, c->dh1, c->dp1, c->dz2, c->dh2, c->dp2, c->dz3};
    const size_t counts[7] = {one, one, one / 4, two, two, two / 4, n * CLASSES};
    for (size_t j = 0; j < 7; j++)
        memset(sized[j], 0, counts[j] * sizeof(double));
}

void start_cnn(Run *run, const Cnn *cnn, double *a)
{
    (void)cnn;
    Rng rng = rng_seeded(run->options->seed + 1); /* not the shuffles' stream */
    double *w2 = a + C1 * 9 + C1, *w3 = w2 + C2 * C1 * 9 + C2;
    init_pytorch_default(a, C1 * 9, a + C1 * 9, C1, 9, &rng);
    init_pytorch_default(w2, C2 * C1 * 9, w2 + C2 * C1 * 9, C2, C1 * 9, &rng);
    init_pytorch_default(w3, CLASSES * FLAT, w3 + CLASSES * FLAT, CLASSES, FLAT, &rng);
    const Options *o = run->options;
    say(run, "Starting values as PyTorch draws them, each layer's uniform on +-1/sqrt(fan-in)\n"
             "(+-%.4f, +-%.4f, +-%.4f), from seed %llu + 1. Trained three times from this\n"
             "start, %zu epochs of batches of %zu, the rate falling linearly to 0.\n",
        1.0 / sqrt(9.0), 1.0 / sqrt(C1 * 9.0), 1.0 / sqrt((double)FLAT), (unsigned long long)o->seed,
        o->epochs, o->batch);
}

static void free_optimizer(void *object)
{
    optimizer_free(object);
}

Optimizer *make_optimizer(Run *run, const Model *model, OptimizerKind kind, double lr)
{
    Optimizer *opt = run_alloc(run, 1, sizeof *opt);
    Error err;
    run_check(run, optimizer_init(opt, kind, lr, model->size, &err), &err);
    run_defer(run, free_optimizer, opt);
    if (kind == OPTIMIZER_MOMENTUM)
        say(run, "\nMomentum (beta 0.9), lr %g:", lr);
    return opt;
}

void show_filters(Run *run, const double *a)
{
    ImageTile tiles[C1];
    char captions[C1][8];
    double largest = 1e-300;
    for (size_t j = 0; j < C1 * 9; j++)
        largest = fmax(largest, fabs(a[j]));
    for (size_t k = 0; k < C1; k++) {
        snprintf(captions[k], sizeof captions[k], "%zu", k + 1);
        tiles[k] = (ImageTile){&a[k * 9], captions[k]};
    }
    ImageGrid grid = {"The first layer's 16 filters, learned: each 3x3 weight for ink there "
                      "(orange) or against it (blue)", 3, 8, SHADE_SIGNED, 0.0, largest,
                      "weight"};
    Error err;
    run_check(run, plot_image_grid(run_figures_dir(run), "ch12-filters", &grid, tiles, C1, &err),
              &err);
}

void show_cnn(Run *run, const Watch watches[3], const OptimizerKind kinds[3],
              const double rates[3])
{
    say(run, "\nThe same network from the same start, after %zu epochs:\n"
             "  optimizer  lr       training loss   held-out loss   held-out error_rate\n",
        watches[0].last);
    size_t count = watches[0].last + 1;
    double *epochs = doubles(run, count);
    for (size_t e = 0; e < count; e++)
        epochs[e] = (double)e;
    Curve curves[3];
    const Role roles[3] = {ROLE_MOMENTUM, ROLE_FULL_BATCH, ROLE_VALIDATION};
    for (size_t r = 0; r < 3; r++) {
        const Scores *s = watches[r].context;
        char l[NUMBER_TEXT], tl[NUMBER_TEXT], te[NUMBER_TEXT];
        if (watches[r].blew_up)
            say(run, "  %-10s %-8g the loss blew up\n", optimizer_name(kinds[r]), rates[r]);
        else
            say(run, "  %-10s %-8g %-15s %-15s %s\n", optimizer_name(kinds[r]), rates[r],
                format_number(watches[r].loss[watches[r].last], l),
                format_number(s->test_loss[watches[r].last], tl),
                format_number(s->test_error[watches[r].last], te));
        curves[r] = (Curve){optimizer_name(kinds[r]), roles[r], false, epochs, s->test_error,
                            watches[r].blew_up ? 0 : count};
    }
    Axes axes = {.title = "Held-out error_rate per epoch: one network, one start, three "
                          "optimizers",
                 .x_label = "epoch", .y_label = "held-out error_rate (0 to 0.1 shown)",
                 .y_low = 0.0, .y_high = 0.1};
    Error err;
    run_check(run, plot_curves(run_figures_dir(run), "ch12-optimizers", &axes, curves, 3, &err),
              &err);
    say_wrote(run, "ch12-filters");
    say_wrote(run, "ch12-optimizers");
    const Scores *s = watches[0].context;
    char last[LAST_LINE_SIZE];
    run_last_line(run, "%s", classifier_final_line(last, s->test_error[watches[0].last],
                                                   s->test_loss[watches[0].last]));
}
