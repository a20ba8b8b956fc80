#include "show.h"

#include <math.h>
#include <stdio.h>

#include "epochs.h"
#include "format.h"
#include "gradient.h"
#include "loss.h"
#include "plot.h"
#include "rng.h"

/* The figure of the hidden units draws at most this many of them. */
enum { MAX_UNITS_DRAWN = 50 };

/* A network this many times better than the best line has found the bend. */
static const double CLEAR_WIN = 2.0;

/* ---- The data, the best line, the trainer ------------------------------- */

static void free_dataset(void *data)
{
    data_free(data);
}

const Dataset *bent_data(Run *run)
{
    const Options *options = run->options;
    char name[SHOWN_SIZE];
    if (options->data_path != NULL) {
        say(run, "%zu points from %s.\n", run->data->n, run_data_name(run, name));
        return run->data;
    }
    Dataset *bent = run_alloc(run, 1, sizeof *bent);
    Rng rng = rng_seeded(options->seed);
    Error err;
    run_check(run, curve_data(bent, options->n, &rng, &err), &err);
    run_defer(run, free_dataset, bent);
    say(run, "%zu points a line cannot fit: the notebook's recipe, bent.\n"
             "  x1 uniform on [-1, 1), y = 3*x1 + 2 - 4*x1^2 + noise uniform on [0, 1).\n",
        bent->n);
    return bent;
}

BestLine show_best_line(Run *run, const Dataset *data)
{
    BestLine best = {.loss = NAN};
    if (!least_squares_line(data->x, data->y, data->n, best.a)) {
        say(run, "These x values have no unique least-squares line to compare with.\n");
        return best;
    }
    best.exists = true;
    best.loss = loss_of(data->x, data->y, data->n, best.a);
    char equation[64], loss[NUMBER_TEXT];
    line_equation(equation, sizeof equation, best.a);
    say(run, "\nThe best straight line (least squares, chapter 03): %s, loss %s.\n"
             "No line does better: that loss is the floor for a line.\n",
        equation, format_number(best.loss, loss));
    return best;
}

void show_network(Run *run, const Network *net, size_t n)
{
    const Options *options = run->options;
    size_t batch = options->batch < n ? options->batch : n;
    size_t per_epoch = batches_per_epoch(n, batch);
    say(run, "\nA network with one hidden layer of %zu ReLU units:\n"
             "  y_hat = sum over j of w2_j * relu(w1_j * x1 + b1_j), plus b2\n"
             "%zu parameters: w1, b1 and w2 (%zu of each) and b2.\n",
        net->hidden, network_size(net), net->hidden);
    say(run, "Trained as in chapter 05: lr %g, %zu epochs of batches of %zu (%zu iteration%s "
             "each).\n",
        options->lr, options->epochs, batch, per_epoch, per_epoch == 1 ? "" : "s");
}

static void free_trainer(void *object)
{
    Trainer *trainer = object;
    network_tape_free(&trainer->recorder);
    sampler_free(&trainer->sampler);
    data_free(&trainer->batch);
}

/* sd(y), with scaling_of()'s care for huge and tiny numbers: y is put
 * where scaling_of() reads x1. room: n points */
static double spread_of_y(const Dataset *data, Dataset *room)
{
    for (size_t i = 0; i < data->n; i++)
        room->x[2 * i] = data->y[i];
    return scaling_of(room->x, data->y, data->n).x_sd;
}

/* The data standardized, in the run's memory: x as chapter 06's
 * --standardize does it, and y divided by its spread too; said aloud. */
static const Dataset *standardized_data(Run *run, const Dataset *data, Trainer *trainer)
{
    Scaling *scaling = &trainer->scaling;
    Error err;
    run_check(run, standard_scaling(data, scaling, &err), &err);
    Dataset *out = run_alloc(run, 1, sizeof *out);
    *out = (Dataset){data->n, run_alloc(run, data->n, 2 * sizeof(double)),
                     run_alloc(run, data->n, sizeof(double))};
    double y_sd = spread_of_y(data, out);
    trainer->y_sd = y_sd > 0.0 ? y_sd : 1.0; /* every y the same: centring is all */
    standardize(data->x, data->y, data->n, scaling, out->x, out->y);
    for (size_t i = 0; i < out->n; i++)
        out->y[i] /= trainer->y_sd;
    say(run, "Trained on x' = (x1 - %.4g) / %.4g and y' = (y - %.4g) / %.4g (--standardize);\n"
             "the network maps back exactly, its losses are in the data's units.\n",
        scaling->x_mean, scaling->x_sd, scaling->y_mean, trainer->y_sd);
    return out;
}

Trainer *make_trainer(Run *run, const Network *net, const Dataset *data)
{
    Trainer *trainer = run_alloc(run, 1, sizeof *trainer);
    run_defer(run, free_trainer, trainer); /* each part may be freed unmade */
    trainer->standardized = run->options->standardize;
    trainer->scaling = (Scaling){.x_mean = 0.0, .x_sd = 1.0, .y_mean = 0.0};
    trainer->y_sd = 1.0;
    trainer->data = trainer->standardized ? standardized_data(run, data, trainer) : data;
    data = trainer->data;
    Error err;
    run_check(run, sampler_init(&trainer->sampler, data, run->options->batch, &err), &err);
    size_t room = trainer->sampler.batch_size;
    run_check(run, data_allocate(&trainer->batch, room, &err), &err);
    run_check(run, network_tape_init(&trainer->recorder, net, room, &err), &err);
    trainer->grad = run_alloc(run, network_size(net), sizeof *trainer->grad);
    return trainer;
}

void network_to_data_units(const Trainer *trainer, const double *a, double *out)
{
    const Network *net = &trainer->recorder.net;
    const Scaling *s = &trainer->scaling;
    for (size_t k = 0; k < network_size(net); k++)
        out[k] = a[k];
    for (size_t j = 0; j < net->hidden; j++) {
        double w1 = a[network_w1(net, j)] / s->x_sd;
        out[network_w1(net, j)] = w1;
        out[network_b1(net, j)] = a[network_b1(net, j)] - w1 * s->x_mean;
    }
    for (size_t j = 0; j < net->hidden; j++)
        out[network_w2(net, j)] = a[network_w2(net, j)] * trainer->y_sd;
    out[network_b2(net)] = a[network_b2(net)] * trainer->y_sd + s->y_mean;
}

double loss_in_data_units(const Trainer *trainer, double loss)
{
    return loss * trainer->y_sd * trainer->y_sd;
}

void check_tape(Run *run, const Tape *tape)
{
    Error err;
    run_check(run, tape_check(tape, &err), &err);
}

/* What to try after a blow-up. The rate's limit is 2/λmax of the Hessian
 * where the network is, which moves as it trains (show_epochs() measures
 * it), so no one number is safe: a tenth. A network also starts as if x and
 * y were about 1 in size. */
static void network_advice(const Watch *watch, char *text, size_t size)
{
    const Trainer *trainer = watch->context;
    const Dataset *data = trainer->data;
    double widest = 0.0;
    for (size_t i = 0; i < data->n; i++)
        widest = fmax(widest, fmax(fabs(data->x[2 * i]), fabs(data->y[i])));
    snprintf(text, size,
             "; a network is stable only for lr < 2/lambda_max of its Hessian where it is, "
             "which moves as it trains, so try a smaller one, such as --lr %.2g%s",
             watch->lr / 10.0,
             widest > 10.0 ? "; and the network starts as if x and y were about 1 in size: "
                             "rescale them, as --standardize does"
                           : "");
}

/* A row with the loss alone, in the data's units. */
static void network_row(const Watch *watch, size_t row)
{
    char l[NUMBER_TEXT];
    say(watch->run, "%*zu   %s\n", watch->width, row,
        format_number(loss_in_data_units(watch->context, watch->loss[row]), l));
}

Watch watch_network(Run *run, const Trainer *trainer)
{
    /* The history keeps the loss only: a long run's parameters are many. */
    Watch watch = watch_new(run, "epoch", run->options->epochs, run->options->lr, 0);
    watch.parameters = network_size(&trainer->recorder.net); /* for the trace, every update */
    watch.advice = network_advice;
    watch.row = network_row;
    watch.context = trainer;
    say(run, "\nepoch   loss\n");
    return watch;
}

/* ---- What training did ------------------------------------------------- */

/* The loss of the curve the points came from, with the noise's mean 1/2: the
 * noise alone, what no model can get under without fitting the noise. */
static double noise_loss(const Dataset *data)
{
    double sum = 0.0;
    for (size_t i = 0; i < data->n; i++) {
        double miss = curve(data->x[2 * i]) + 0.5 - data->y[i];
        sum += miss * miss;
    }
    return sum / (double)data->n;
}

/* The network's loss beside the line's, and the noise's when it is known. */
static void compare(const Run *run, double loss, double floor_loss, double noise)
{
    if (!isnan(floor_loss) && loss * 1.5 <= floor_loss)
        say(run, "\nThe network's loss is %.4f, the best line's %.4f: %.1f times lower.\n",
            loss, floor_loss, floor_loss / loss);
    else if (!isnan(floor_loss) && loss < floor_loss) /* not "1.0 times lower" */
        say(run, "\nThe network's loss is %.4f, the best line's %.4f: %.1f%% lower.\n", loss,
            floor_loss, 100.0 * (1.0 - loss / floor_loss));
    else if (!isnan(floor_loss))
        say(run, "\nThe network's loss is %.4f, no lower than the best line's, %.4f.\n", loss,
            floor_loss);
    if (!isnan(noise))
        say(run, "The curve the points came from has loss %.4f here: the noise alone.\n",
            noise);
}

/* True when every hidden unit has the same w1, b1 and w2 as the first. a: P */
static bool units_identical(const Network *net, const double *a)
{
    for (size_t j = 1; j < net->hidden; j++)
        if (a[network_w1(net, j)] != a[network_w1(net, 0)] ||
            a[network_b1(net, j)] != a[network_b1(net, 0)] ||
            a[network_w2(net, j)] != a[network_w2(net, 0)])
            return false;
    return true;
}

/* Whether the hidden units are still copies of one another, and why. a: P */
static void show_units(const Run *run, const Network *net, const double *a)
{
    bool identical = net->hidden > 1 && units_identical(net, a);
    if (net->hidden > 1 && (run->options->init_zeros || identical))
        say(run, "\nAfter training, the %zu hidden units are %s.\n", net->hidden,
            identical ? "all identical" : "not all identical");
    if (!identical)
        return;
    say(run, "Each has w1 = %.4f, b1 = %.4f, w2 = %.4f: they started equal, so every\n"
             "step gave each the same gradient, and %zu copies of one unit are one unit.\n",
        a[network_w1(net, 0)], a[network_b1(net, 0)], a[network_w2(net, 0)], net->hidden);
    if (a[network_w2(net, 0)] == 0.0)
        say(run, "From zeros that gradient is 0: w2 = 0 hides the units from the loss,\n"
                 "relu(0) = 0 hides w2. Only b2 learned: the network is the flat line\n"
                 "y = %.4f, near the mean of y.\n",
            a[network_b2(net)]);
}

/* x = −b1/w1 of each unit whose kink lies within [low, high], sorted, into
 * kinks; returns how many. kinks: H */
static size_t kinks_within(const Network *net, const double *a, double low, double high,
                           double *kinks)
{
    size_t count = 0;
    for (size_t j = 0; j < net->hidden; j++) {
        double w1 = a[network_w1(net, j)], kink = -a[network_b1(net, j)] / w1;
        if (w1 == 0.0 || !(kink >= low && kink <= high))
            continue;
        size_t k = count++;
        for (; k > 0 && kinks[k - 1] > kink; k--) /* insertion sort: H is small */
            kinks[k] = kinks[k - 1];
        kinks[k] = kink;
    }
    return count;
}

/* The kinks of the trained network that lie within the data. a: P */
static void show_kinks(Run *run, const Network *net, const double *a, double low, double high)
{
    double *kinks = run_alloc(run, net->hidden, sizeof *kinks);
    size_t count = kinks_within(net, a, low, high, kinks);
    say(run, "%zu of the %zu kinks, x1 = -b1/w1, lie within the data%s", count, net->hidden,
        count == 0 || count > 16 ? ".\n" : ":");
    for (size_t k = 0; count <= 16 && k < count; k++)
        say(run, " %.2f%s", kinks[k], k + 1 == count ? "\n" : "");
}

/* ---- Figures ----------------------------------------------------------- */

/* The lowest and highest x1 of the data. */
static void x_extent(const Dataset *data, double *low, double *high)
{
    *low = INFINITY;
    *high = -INFINITY;
    for (size_t i = 0; i < data->n; i++) {
        *low = fmin(*low, data->x[2 * i]);
        *high = fmax(*high, data->x[2 * i]);
    }
}

/* The network's curve from low to high, exactly: a ReLU network is straight
 * between its kinks, so its value at the two ends and at every kink between
 * draws it. x, y: room for H + 2; returns how many points. a: P */
static size_t network_corners(const Network *net, const double *a, double low, double high,
                              double *x, double *y)
{
    size_t count = 1 + kinks_within(net, a, low, high, &x[1]);
    x[0] = low;
    x[count++] = high;
    for (size_t k = 0; k < count; k++)
        y[k] = network_predict(net, a, x[k]);
    return count;
}

/* What every figure of the run shares. */
typedef struct {
    Run *run;
    const Dataset *data;
    const Network *net;
    const double *a; /* P: after training */
    const Watch *watch;
    const Frames *frames;
    const Epochs *kept;
    const BestLine *best;
    double noise;       /* the noise's loss, or NAN */
    bool won;           /* the network beat the line by CLEAR_WIN */
    double low, high;   /* the data's x1 from and to */
    double *x, *y;      /* room for H + 2: the network's corners */
} Figures;

static Line best_line(const Figures *figures, const char *label)
{
    return (Line){label, {figures->best->a[0], figures->best->a[1]}, ROLE_LEAST_SQUARES};
}

/* The network's curve after training, as a Curve. */
static Curve trained_curve(const Figures *figures, const char *label)
{
    size_t count = network_corners(figures->net, figures->a, figures->low, figures->high,
                                   figures->x, figures->y);
    return (Curve){label, ROLE_NETWORK, false, figures->x, figures->y, count};
}

/* The data, the best line and the network. */
static void draw_fit(const Figures *figures)
{
    char line_label[160], net_label[96], equation[64] = "", loss[NUMBER_TEXT];
    if (figures->best->exists)
        line_equation(equation, sizeof equation, figures->best->a);
    snprintf(line_label, sizeof line_label, "the best straight line: %s, loss %s", equation,
             format_number(figures->best->loss, loss));
    snprintf(net_label, sizeof net_label, "the network, %zu hidden units: loss %s",
             figures->net->hidden,
             format_number(figures->watch->loss[figures->watch->last], loss));
    Line line = best_line(figures, line_label);
    Curve network = trained_curve(figures, net_label);
    Overlay overlay = {.lines = &line, .line_count = figures->best->exists ? 1 : 0,
                       .curves = &network, .curve_count = 1};
    const char *title = figures->won ? "A straight line cannot bend; the network follows the data"
                        : figures->best->exists ? "After training, the network does not clearly "
                                                  "beat the best straight line"
                                                : "The network after training";
    Error err;
    run_check(figures->run,
              plot_fit_overlay(run_figures_dir(figures->run), "ch10-fit", title, figures->data,
                               &overlay, &err),
              &err);
}

/* The loss of every epoch over the line's floor, and the noise's; and the
 * loss on fresh points, when there are any. */
static void draw_loss(const Figures *figures)
{
    const Watch *watch = figures->watch;
    const Epochs *kept = figures->kept;
    double *epochs = run_alloc(figures->run, watch->last + 1, sizeof *epochs);
    double *measured = run_alloc(figures->run, kept->measured, sizeof *measured);
    for (size_t e = 0; e <= watch->last; e++)
        epochs[e] = (double)e;
    for (size_t m = 0; m < kept->measured; m++)
        measured[m] = (double)kept->epoch[m];
    double ends[2] = {0.0, (double)watch->last};
    double floor_y[2] = {figures->best->loss, figures->best->loss};
    double noise_y[2] = {figures->noise, figures->noise};
    char fresh_label[64];
    Curve curves[4] = {
        {"the network's loss, all the data", ROLE_NETWORK, false, epochs, watch->loss,
         watch->last + 1},
    };
    size_t count = 1;
    if (kept->held_out != NULL) { /* training and validation, as chapter 09 draws them */
        curves[0].label = "the network's loss on its training points";
        curves[0].role = ROLE_TRAINING;
        snprintf(fresh_label, sizeof fresh_label, "its loss on %zu fresh points, held out",
                 kept->fresh->n);
        curves[count++] = (Curve){fresh_label, ROLE_VALIDATION, false, measured,
                                  kept->held_out, kept->measured};
    }
    if (figures->best->exists)
        curves[count++] = (Curve){"the best straight line's loss: the floor for a line",
                                  ROLE_LEAST_SQUARES, false, ends, floor_y, 2};
    if (!isnan(figures->noise))
        curves[count++] = (Curve){"the loss of the curve the points came from: the noise",
                                  ROLE_TRUE_LINE, false, ends, noise_y, 2};
    Axes axes = {.title = figures->won ? "The network's loss falls far below the floor "
                                         "of any straight line"
                                       : "The network's loss, epoch by epoch",
                 .x_label = "epoch",
                 .y_label = "mean squared error (log scale)",
                 .log_y = true};
    Error err;
    run_check(figures->run,
              plot_curves(run_figures_dir(figures->run), "ch10-loss", &axes, curves, count, &err),
              &err);
}

/* The network's curve at each epoch the frames kept, bending into place. */
static void draw_animation(const Figures *figures)
{
    const Frames *kept = figures->frames;
    size_t room = figures->net->hidden + 2;
    double *x = run_alloc(figures->run, kept->count * room, sizeof *x);
    double *y = run_alloc(figures->run, kept->count * room, sizeof *y);
    Curve frames[PLOT_MAX_FRAMES];
    char labels[PLOT_MAX_FRAMES][64];
    for (size_t f = 0; f < kept->count; f++) {
        size_t epoch = kept->epoch[f];
        size_t count = network_corners(figures->net, &kept->a[f * kept->size], figures->low,
                                       figures->high, &x[f * room], &y[f * room]);
        snprintf(labels[f], sizeof labels[f], "epoch %zu: loss %.4f", epoch,
                 figures->watch->loss[epoch]);
        frames[f] = (Curve){labels[f], ROLE_NETWORK, false, &x[f * room], &y[f * room], count};
    }
    char title[96];
    snprintf(title, sizeof title, "The network bending into place: minibatch SGD, lr = %g",
             figures->watch->lr);
    Line line = best_line(figures, "the best straight line");
    Error err;
    run_check(figures->run,
              plot_curve_animation(run_figures_dir(figures->run), "ch10-animation", title,
                                   figures->data, frames, kept->count,
                                   figures->best->exists ? &line : NULL, &err),
              &err);
}

/* Each hidden unit's share, w2_j * relu(w1_j x + b1_j), faint, and the
 * network, their sum plus b2. A share is straight but for its kink, so three
 * points draw it exactly: the ends of the data and the kink. */
static void draw_units(const Figures *figures)
{
    const Network *net = figures->net;
    size_t drawn = net->hidden < MAX_UNITS_DRAWN ? net->hidden : MAX_UNITS_DRAWN;
    double low = figures->low, high = figures->high;
    double unit_x[MAX_UNITS_DRAWN][3], unit_y[MAX_UNITS_DRAWN][3];
    Curve units[MAX_UNITS_DRAWN];
    char unit_label[96], net_label[96], title[96];
    snprintf(unit_label, sizeof unit_label, "%s hidden units, w2_j * relu(w1_j * x1 + b1_j)",
             drawn == net->hidden ? "the" : "the first 50");
    for (size_t j = 0; j < drawn; j++) {
        double kink = -figures->a[network_b1(net, j)] / figures->a[network_w1(net, j)];
        size_t count = 0;
        unit_x[j][count++] = low;
        if (kink > low && kink < high)
            unit_x[j][count++] = kink;
        unit_x[j][count++] = high;
        for (size_t k = 0; k < count; k++)
            unit_y[j][k] = network_unit(net, figures->a, j, unit_x[j][k]);
        units[j] = (Curve){j == 0 ? unit_label : "", ROLE_HIDDEN_UNIT, false, unit_x[j],
                           unit_y[j], count};
    }
    snprintf(net_label, sizeof net_label, "the network: their sum, plus b2 = %.2f",
             figures->a[network_b2(net)]);
    Curve network = trained_curve(figures, net_label);
    if (net->hidden > 1 && units_identical(net, figures->a))
        snprintf(title, sizeof title, "The %zu hidden units stayed identical: one share, %zu times",
                 net->hidden, net->hidden);
    else
        snprintf(title, sizeof title, "The network's curve is b2 plus %zu kink%s, one per hidden unit",
                 net->hidden, net->hidden == 1 ? "" : "s");
    Overlay overlay = {.curves = &network, .curve_count = 1, .faint = units,
                       .faint_count = drawn};
    Error err;
    run_check(figures->run,
              plot_fit_overlay(run_figures_dir(figures->run), "ch10-units", title, figures->data,
                               &overlay, &err),
              &err);
}

void show_trained(Run *run, const Dataset *data, const Network *net, const double *trained,
                  const Watch *watch, const Epochs *kept, const BestLine *best,
                  const Trainer *trainer)
{
    say(run, "(The last step, on a batch of %zu points, recorded %zu nodes on the tape.)\n",
        trainer->batch.n, tape_size(&trainer->recorder.tape));
    double *a = run_alloc(run, network_size(net), sizeof *a);
    network_to_data_units(trainer, trained, a); /* the data's units, and its figures' */
    Watch shown = *watch; /* its losses in the data's units too */
    shown.loss = run_alloc(run, watch->last + 1, sizeof *shown.loss);
    for (size_t e = 0; e <= watch->last; e++)
        shown.loss[e] = loss_in_data_units(trainer, watch->loss[e]);
    watch = &shown;
    double loss = watch->loss[watch->last];
    Figures figures = {run, data, net, a, watch, &kept->frames, kept, best,
                       run->options->data_path == NULL ? noise_loss(data) : NAN,
                       best->exists && loss * CLEAR_WIN < best->loss, 0.0, 0.0, NULL, NULL};
    x_extent(data, &figures.low, &figures.high);
    compare(run, loss, best->loss, figures.noise);
    show_units(run, net, a);
    show_kinks(run, net, a, figures.low, figures.high);
    show_epochs(run, kept, data, watch, best);
    figures.x = run_alloc(run, net->hidden + 2, sizeof *figures.x);
    figures.y = run_alloc(run, net->hidden + 2, sizeof *figures.y);
    draw_fit(&figures);
    draw_loss(&figures);
    draw_animation(&figures);
    draw_units(&figures);
    say_wrote(run, "ch10-fit");
    say_wrote(run, "ch10-loss");
    say_wrote(run, "ch10-animation");
    say_wrote(run, "ch10-units");
    say_wrote(run, "ch10-curvature");
    char last[LAST_LINE_SIZE];
    run_last_line(run, "%s", network_final_line(last, net->hidden, loss));
}
