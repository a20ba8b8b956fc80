/*
 * Chapter 10 — the same loop trains a neural network.
 *
 * The book began by saying that SGD trains nearly every neural network. Here
 * it does. The points bend, so no straight line fits them: the program first
 * finds the best line there is (chapter 03's closed form) and its loss, the
 * floor no line gets under. Then it changes only the model, to a network with
 * one hidden layer of ReLU units (code/network.h),
 *     y_hat = Σ_j w2_j · relu(w1_j·x + b1_j) + b2,
 * and trains it with chapter 05's loop: shuffled epochs of minibatches, each
 * batch's gradient from chapter 08's tape, and chapter 04's update,
 * a -= lr * grad, on every parameter. It prints the loss every 10 epochs,
 * puts the network's loss beside the line's, and draws the fit, the loss
 * curve, the curve bending into place and the kinks it is the sum of.
 *
 *     build/ch10            build/ch10 --hidden 3            build/ch10 --init zeros
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "gradient.h"
#include "loss.h"
#include "minibatch.h"
#include "network.h"
#include "plot.h"
#include "rng.h"
#include "sgd.h"
#include "tape.h"

static const Chapter CHAPTER = {
    "ch10", "Chapter 10: a neural network with one hidden layer, trained by the same "
            "minibatch SGD loop, its gradient from the tape.",
    FLAGS_TRAINING | FLAG_BATCH | FLAG_HIDDEN | FLAG_INIT, 10};

/* The figure of the hidden units draws at most this many of them. */
enum { MAX_UNITS_DRAWN = 50 };

/* A network this many times better than the best line has found the bend. */
static const double CLEAR_WIN = 2.0;

/* What training did: the loss of all the data after each epoch (loss[0]
 * before the first), and the parameters at the epochs the animation shows. */
typedef struct {
    size_t epochs, iterations;
    double *loss;        /* epochs + 1 */
    size_t frames;       /* at most PLOT_MAX_FRAMES */
    size_t *frame_epoch; /* frames: epoch f*epochs/(frames − 1) */
    double *frame_a;     /* frames×P row-major: a after each of those epochs */
    size_t next_frame;   /* the first frame not yet kept */
} Trace;

static void trace_free(Trace *trace)
{
    free(trace->loss);
    free(trace->frame_epoch);
    free(trace->frame_a);
    *trace = (Trace){.loss = NULL};
}

/* Room for epochs of a network of P parameters. On failure, nothing to free. */
static Status trace_init(Trace *trace, size_t epochs, size_t size, Error *err)
{
    size_t frames = epochs + 1 < PLOT_MAX_FRAMES ? epochs + 1 : PLOT_MAX_FRAMES;
    *trace = (Trace){.epochs = epochs, .frames = frames};
    trace->loss = malloc((epochs + 1) * sizeof *trace->loss);
    trace->frame_epoch = malloc(frames * sizeof *trace->frame_epoch);
    trace->frame_a = malloc(frames * size * sizeof *trace->frame_a);
    if (trace->loss == NULL || trace->frame_epoch == NULL || trace->frame_a == NULL) {
        trace_free(trace);
        return fail(err, STATUS_NO_MEMORY, "out of memory for a trace of %zu epochs",
                    epochs);
    }
    for (size_t f = 0; f < frames; f++)
        trace->frame_epoch[f] = frames == 1 ? 0 : f * epochs / (frames - 1);
    return STATUS_OK;
}

/* Keeps the loss after epoch, and a (P numbers) if the animation shows it. */
static void keep_epoch(Trace *trace, size_t epoch, const double *a, size_t size,
                       double loss)
{
    trace->loss[epoch] = loss;
    size_t f = trace->next_frame;
    if (f < trace->frames && trace->frame_epoch[f] == epoch) {
        for (size_t k = 0; k < size; k++)
            trace->frame_a[f * size + k] = a[k];
        trace->next_frame++;
    }
}

/* What one step needs besides a: the network and a tape for one batch, the
 * shuffled row numbers, the batch itself and room for the gradient. */
typedef struct {
    NetworkTape recorder;
    EpochSampler sampler;
    Dataset batch;
    double *grad; /* P */
} Trainer;

static void trainer_free(Trainer *trainer)
{
    network_tape_free(&trainer->recorder);
    sampler_free(&trainer->sampler);
    data_free(&trainer->batch);
    free(trainer->grad);
    trainer->grad = NULL;
}

/* On failure, nothing to free. */
static Status trainer_init(Trainer *trainer, const Network *net, const Dataset *data,
                           size_t batch, Error *err)
{
    *trainer = (Trainer){.grad = NULL};
    Status status = sampler_init(&trainer->sampler, data, batch, err);
    if (status == STATUS_OK)
        status = data_allocate(&trainer->batch, trainer->sampler.batch_size, err);
    if (status == STATUS_OK)
        status = network_tape_init(&trainer->recorder, net, trainer->sampler.batch_size, err);
    trainer->grad = malloc(network_size(net) * sizeof *trainer->grad);
    if (status == STATUS_OK && trainer->grad == NULL)
        status = fail(err, STATUS_NO_MEMORY, "out of memory for a gradient");
    if (status != STATUS_OK)
        trainer_free(trainer);
    return status;
}

/* ---- The data and the best line ---------------------------------------- */

/* "100 points a line cannot fit", or the reader's own. */
static void show_data(const Options *options, const Dataset *data)
{
    if (options->data_path != NULL) {
        say(options, "%zu points from %s.\n", data->n, options->data_path);
        return;
    }
    say(options, "%zu points a line cannot fit: the notebook's recipe, bent.\n"
                 "  x1 uniform on [-1, 1), y = 3*x1 + 2 - 4*x1^2 + noise uniform on [0, 1).\n",
        data->n);
}

/* The best line and its loss, the floor no line gets under; NAN, and best
 * untouched, when the data have no unique line. best: 2 */
static double show_best_line(const Options *options, const Dataset *data, double best[2])
{
    Error no_unique_line;
    if (least_squares(data->x, data->y, data->n, best, &no_unique_line) != STATUS_OK) {
        say(options, "These x values have no unique least-squares line to compare with.\n");
        return NAN;
    }
    double floor_loss = loss_of(data->x, data->y, data->n, best);
    char equation[64];
    line_equation(equation, sizeof equation, best);
    say(options, "\nThe best straight line (least squares, chapter 03): %s, loss %.4f.\n"
                 "No line does better: that loss is the floor for a line.\n",
        equation, floor_loss);
    return floor_loss;
}

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

/* ---- The network ------------------------------------------------------- */

//> ch10_start
/* The starting a: random (see network.h), from a stream of its own,
 * seed + 1, so that its numbers are not the data's; or every one 0. a: P */
static void start_network(const Options *options, const Network *net, double *a)
{
    size_t size = network_size(net);
    if (options->init_zeros) {
        for (size_t k = 0; k < size; k++)
            a[k] = 0.0;
        say(options, "Every parameter starts at 0 (--init zeros).\n");
        return;
    }
    Rng rng = rng_seeded(options->seed + 1);
    network_init_random(net, &rng, a);
    say(options, "Starting values as PyTorch's nn.Linear draws them: w1 and b1 uniform on "
                 "[-1, 1),\nw2 and b2 uniform on [-%.4f, %.4f) (1/sqrt(%zu)), from seed %llu + 1.\n",
        1.0 / sqrt((double)net->hidden), 1.0 / sqrt((double)net->hidden), net->hidden,
        (unsigned long long)options->seed);
}
//< ch10_start

static void show_network(const Options *options, const Network *net, size_t n)
{
    size_t batch = options->batch < n ? options->batch : n;
    size_t per_epoch = (n + batch - 1) / batch;
    say(options, "\nA network with one hidden layer of %zu ReLU units:\n"
                 "  y_hat = sum over j of w2_j * relu(w1_j * x1 + b1_j), plus b2\n"
                 "%zu parameters: w1, b1 and w2 (%zu of each) and b2.\n",
        net->hidden, network_size(net), net->hidden);
    say(options, "Trained as in chapter 05: lr %g, %zu epochs of batches of %zu (%zu iteration%s "
                 "each).\n",
        options->lr, options->epochs, batch, per_epoch, per_epoch == 1 ? "" : "s");
}

static void show_epoch(const Options *options, const Trace *trace, size_t epoch)
{
    char loss[NUMBER_TEXT];
    say(options, "%5zu   %s\n", epoch, format_number(trace->loss[epoch], loss));
}

/* True when the step just taken shows that training has blown up, judged as
 * chapter 05's batch_blew_up() judges it: the batch's loss (m of the n
 * points) already proves the loss of all the data is past loss_diverged()'s
 * limit, or a parameter is no longer finite. a: P */
static bool network_blew_up(double batch_loss, size_t m, size_t n, double start_loss,
                            const double *a, size_t size)
{
    if (loss_diverged(batch_loss * (double)m / (double)n, start_loss))
        return true;
    for (size_t k = 0; k < size; k++)
        if (!isfinite(a[k]))
            return true;
    return false;
}

/* The divergence message, with a rate to try. For a line chapter 06 worked
 * out the largest stable rate; for a network nobody has, so: a tenth. */
static Status network_diverged(Error *err, const Trace *trace, size_t epoch, double lr,
                               const Dataset *data)
{
    double widest = 0.0;
    for (size_t i = 0; i < data->n; i++)
        widest = fmax(widest, fabs(data->x[2 * i]));
    return fail(err, STATUS_DIVERGED,
                "the loss diverged at iteration %zu (epoch %zu) with learning rate %g; "
                "there is no formula for a network's largest stable rate, so try a "
                "smaller one, such as --lr %.2g%s",
                trace->iterations, epoch, lr, lr / 10.0,
                widest > 10.0 ? "; and the network starts as if x were about 1 in size: "
                                "rescale x to about [-1, 1]"
                              : "");
}

/* The end of a run that blew up at epoch: the loss of all the data at a,
 * and the rows since the last one printed, that one included, so the reader
 * sees it; then why. a: P */
static Status blow_up(const Options *options, Trace *trace, size_t epoch, const Network *net,
                      const double *a, const Dataset *data, Error *err)
{
    trace->loss[epoch] = network_loss_of(net, a, data);
    size_t every = progress_every(options->epochs);
    for (size_t e = first_unshown_row(epoch, every); e <= epoch; e++)
        show_epoch(options, trace, e);
    return network_diverged(err, trace, epoch, options->lr, data);
}

//> ch10_loop
/* Chapter 05's loop with the network in place of the line: each epoch
 * shuffles the rows and cuts them into batches, and each batch makes one
 * step of chapter 04's update on every parameter. a: P, moved from where it
 * starts; trace: made for options->epochs. */
static Status descend(const Options *options, const Dataset *data, Trainer *trainer,
                      double *a, Trace *trace, Error *err)
{
    NetworkTape *recorder = &trainer->recorder;
    Dataset *batch = &trainer->batch;
    double *grad = trainer->grad;
    size_t size = network_size(&recorder->net), every = progress_every(options->epochs);
    Rng rng = rng_seeded(options->seed);
    keep_epoch(trace, 0, a, size, network_loss_of(&recorder->net, a, data));
    say(options, "\nepoch   loss\n");
    show_epoch(options, trace, 0);
    for (size_t epoch = 1; epoch <= options->epochs; epoch++) {
        sampler_start_epoch(&trainer->sampler, &rng); /* shuffle the rows */
        const size_t *rows;
        size_t m;
        while ((m = sampler_next_batch(&trainer->sampler, &rows)) > 0) {
            gather_rows(data, rows, m, batch);
            Var loss = network_record_loss(recorder, a, batch); /* loss = mse(y, net(x)) */
            tape_backward(&recorder->tape, loss);               /* loss.backward() */
            network_read_grad(recorder, grad);                  /* a.grad */
            for (size_t j = 0; j < size; j++)
                a[j] -= options->lr * grad[j];                  /* a.sub_(lr * a.grad) */
            trace->iterations++;
            Status status = tape_check(&recorder->tape, err);
            if (status != STATUS_OK)
                return status;
            if (network_blew_up(tape_value(&recorder->tape, loss), m, data->n,
                                trace->loss[0], a, size))
                return blow_up(options, trace, epoch, &recorder->net, a, data, err);
        }
        /* The loss of all the data, once an epoch, in plain numbers: no_grad. */
        keep_epoch(trace, epoch, a, size, network_loss_of(&recorder->net, a, data));
        if (loss_diverged(trace->loss[epoch], trace->loss[0]))
            return blow_up(options, trace, epoch, &recorder->net, a, data, err);
        if (epoch % every == 0 || epoch == options->epochs)
            show_epoch(options, trace, epoch);
    }
    return STATUS_OK;
}
//< ch10_loop

/* descend() with what its steps need, from a start of a. */
static Status train(const Options *options, const Dataset *data, const Network *net,
                    double *a, Trace *trace, Error *err)
{
    Trainer trainer;
    Status status = trainer_init(&trainer, net, data, options->batch, err);
    if (status != STATUS_OK)
        return status;
    status = descend(options, data, &trainer, a, trace, err);
    if (status == STATUS_OK)
        say(options, "(The last step, on a batch of %zu points, recorded %zu nodes on the tape.)\n",
            trainer.batch.n, tape_size(&trainer.recorder.tape));
    trainer_free(&trainer);
    return status;
}

/* ---- What training did ------------------------------------------------- */

/* The network's loss beside the line's, and the noise's when it is known. */
static void compare(const Options *options, double loss, double floor_loss,
                    double noise)
{
    if (!isnan(floor_loss) && loss < floor_loss)
        say(options, "\nThe network's loss is %.4f, the best line's %.4f: %.1f times lower.\n",
            loss, floor_loss, floor_loss / loss);
    else if (!isnan(floor_loss))
        say(options, "\nThe network's loss is %.4f, no lower than the best line's, %.4f.\n",
            loss, floor_loss);
    if (!isnan(noise))
        say(options, "The curve the points came from has loss %.4f here: the noise alone.\n",
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
static void show_units(const Options *options, const Network *net, const double *a)
{
    bool identical = net->hidden > 1 && units_identical(net, a);
    if (net->hidden > 1 && (options->init_zeros || identical))
        say(options, "\nAfter training, the %zu hidden units are %s.\n", net->hidden,
            identical ? "all identical" : "not all identical");
    if (!identical)
        return;
    say(options, "Each has w1 = %.4f, b1 = %.4f, w2 = %.4f: they started equal, so every\n"
                 "step gave each the same gradient, and %zu copies of one unit are one unit.\n",
        a[network_w1(net, 0)], a[network_b1(net, 0)], a[network_w2(net, 0)], net->hidden);
    if (a[network_w2(net, 0)] == 0.0)
        say(options, "From zeros that gradient is 0: w2 = 0 hides the units from the loss,\n"
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
    const Options *options;
    const Dataset *data;
    const Network *net;
    const double *a;    /* P: after training */
    const Trace *trace;
    const double *best; /* 2, or NULL: the best line */
    double floor_loss;  /* its loss, or NAN */
    double noise;       /* the noise's loss, or NAN */
    bool won;           /* the network beat the line by CLEAR_WIN */
    double low, high;   /* the data's x1 from and to */
    double *x, *y;      /* room for H + 2: the network's corners */
} Figures;

static Line best_line(const Figures *figures, const char *label)
{
    Line line = {label, {0.0, 0.0}, ROLE_LEAST_SQUARES};
    if (figures->best != NULL) {
        line.a[0] = figures->best[0];
        line.a[1] = figures->best[1];
    }
    return line;
}

/* The network's curve after training, as a Curve. */
static Curve trained_curve(const Figures *figures, const char *label)
{
    size_t count = network_corners(figures->net, figures->a, figures->low, figures->high,
                                   figures->x, figures->y);
    return (Curve){label, ROLE_NETWORK, false, figures->x, figures->y, count};
}

/* The data, the best line and the network. */
static Status draw_fit(const char *dir, const Figures *figures, Error *err)
{
    char line_label[96], net_label[96], equation[64] = "";
    if (figures->best != NULL)
        line_equation(equation, sizeof equation, figures->best);
    snprintf(line_label, sizeof line_label, "the best straight line: %s, loss %.4f", equation,
             figures->floor_loss);
    snprintf(net_label, sizeof net_label, "the network, %zu hidden units: loss %.4f",
             figures->net->hidden, figures->trace->loss[figures->trace->epochs]);
    Line line = best_line(figures, line_label);
    Curve network = trained_curve(figures, net_label);
    Overlay overlay = {.lines = &line, .line_count = figures->best != NULL ? 1 : 0,
                       .curves = &network, .curve_count = 1};
    const char *title = figures->won ? "A straight line cannot bend; the network follows the data"
                        : figures->best != NULL ? "After training, the network does not clearly "
                                                  "beat the best straight line"
                                                : "The network after training";
    return plot_fit_overlay(dir, "ch10-fit", title, figures->data, &overlay, err);
}

/* The loss of every epoch over the line's floor, and the noise's. */
static Status draw_loss(const char *dir, const Figures *figures, Error *err)
{
    const Trace *trace = figures->trace;
    double *epochs = malloc((trace->epochs + 1) * sizeof *epochs);
    if (epochs == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for the loss curve");
    for (size_t e = 0; e <= trace->epochs; e++)
        epochs[e] = (double)e;
    double ends[2] = {0.0, (double)trace->epochs};
    double floor_y[2] = {figures->floor_loss, figures->floor_loss};
    double noise_y[2] = {figures->noise, figures->noise};
    Curve curves[3] = {
        {"the network's loss, all the data", ROLE_NETWORK, false, epochs, trace->loss,
         trace->epochs + 1},
    };
    size_t count = 1;
    if (!isnan(figures->floor_loss))
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
    Status status = plot_curves(dir, "ch10-loss", &axes, curves, count, err);
    free(epochs);
    return status;
}

/* The network's curve at each epoch the trace kept, bending into place. */
static Status draw_animation(const char *dir, const Figures *figures, Error *err)
{
    const Trace *trace = figures->trace;
    size_t size = network_size(figures->net), room = figures->net->hidden + 2;
    double *x = malloc(trace->frames * room * sizeof *x);
    double *y = malloc(trace->frames * room * sizeof *y);
    Curve frames[PLOT_MAX_FRAMES];
    char labels[PLOT_MAX_FRAMES][64];
    for (size_t f = 0; f < trace->frames && x != NULL && y != NULL; f++) {
        size_t epoch = trace->frame_epoch[f];
        size_t count = network_corners(figures->net, &trace->frame_a[f * size], figures->low,
                                       figures->high, &x[f * room], &y[f * room]);
        snprintf(labels[f], sizeof labels[f], "epoch %zu: loss %.4f", epoch, trace->loss[epoch]);
        frames[f] = (Curve){labels[f], ROLE_NETWORK, false, &x[f * room], &y[f * room], count};
    }
    char title[96];
    snprintf(title, sizeof title, "The network bending into place: minibatch SGD, lr = %g",
             figures->options->lr);
    Line line = best_line(figures, "the best straight line");
    Status status = x == NULL || y == NULL
                        ? fail(err, STATUS_NO_MEMORY, "out of memory for the animation")
                        : plot_curve_animation(dir, "ch10-animation", title, figures->data,
                                               frames, trace->frames,
                                               figures->best != NULL ? &line : NULL, err);
    free(x);
    free(y);
    return status;
}

/* Each hidden unit's share, w2_j * relu(w1_j x + b1_j), faint, and the
 * network, their sum plus b2. A share is straight but for its kink, so three
 * points draw it exactly: the ends of the data and the kink. */
static Status draw_units(const char *dir, const Figures *figures, Error *err)
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
    return plot_fit_overlay(dir, "ch10-units", title, figures->data, &overlay, err);
}

/* The four figures, into dir. */
static Status draw_figures(const char *dir, const Figures *figures, Error *err)
{
    Status status = draw_fit(dir, figures, err);
    if (status == STATUS_OK)
        status = draw_loss(dir, figures, err);
    if (status == STATUS_OK)
        status = draw_animation(dir, figures, err);
    if (status == STATUS_OK)
        status = draw_units(dir, figures, err);
    if (status == STATUS_OK) {
        say_wrote(figures->options, "ch10-fit");
        say_wrote(figures->options, "ch10-loss");
        say_wrote(figures->options, "ch10-animation");
        say_wrote(figures->options, "ch10-units");
    }
    return status;
}

/* The kinks of the trained network that lie within the data. a: P */
static Status show_kinks(const Options *options, const Network *net, const double *a,
                         double low, double high, Error *err)
{
    double *kinks = malloc(net->hidden * sizeof *kinks);
    if (kinks == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu kinks", net->hidden);
    size_t count = kinks_within(net, a, low, high, kinks);
    say(options, "%zu of the %zu kinks, x1 = -b1/w1, lie within the data%s", count,
        net->hidden, count == 0 || count > 16 ? ".\n" : ":");
    for (size_t k = 0; count <= 16 && k < count; k++)
        say(options, " %.2f%s", kinks[k], k + 1 == count ? "\n" : "");
    free(kinks);
    return STATUS_OK;
}

/* What the trained network is: its loss beside the line's, its units, its
 * kinks, and the figures, into dir. a: P, trained */
static Status report(const Options *options, const char *dir, const Dataset *data,
                     const Network *net, const double *a, const Trace *trace,
                     const double *best, double floor_loss, Error *err)
{
    Figures figures = {options, data, net, a, trace, best, floor_loss,
                       options->data_path == NULL ? noise_loss(data) : NAN, false,
                       0.0, 0.0, NULL, NULL};
    double loss = trace->loss[trace->epochs];
    figures.won = !isnan(floor_loss) && loss * CLEAR_WIN < floor_loss;
    x_extent(data, &figures.low, &figures.high);
    compare(options, loss, floor_loss, figures.noise);
    show_units(options, net, a);
    Status status = show_kinks(options, net, a, figures.low, figures.high, err);
    figures.x = malloc((net->hidden + 2) * sizeof *figures.x);
    figures.y = malloc((net->hidden + 2) * sizeof *figures.y);
    if (status == STATUS_OK && (figures.x == NULL || figures.y == NULL))
        status = fail(err, STATUS_NO_MEMORY, "out of memory for the figures");
    if (status == STATUS_OK)
        status = draw_figures(dir, &figures, err);
    free(figures.x);
    free(figures.y);
    return status;
}

//> ch10_run
static Status run(const Options *options, const Dataset *given, Error *err)
{
    /* Unless you give it --data, this chapter fits points that bend. */
    Dataset bent = {0};
    Rng data_rng = rng_seeded(options->seed);
    Status status = options->data_path != NULL ? STATUS_OK
                                               : curve_data(&bent, options->n, &data_rng, err);
    const Dataset *data = options->data_path != NULL ? given : &bent;
    Network net = {options->hidden, ACTIVATION_RELU};
    double best[2], floor_loss = NAN;
    double *a = malloc(network_size(&net) * sizeof *a);
    Trace trace = {.loss = NULL};
    if (status == STATUS_OK && a == NULL)
        status = fail(err, STATUS_NO_MEMORY, "out of memory for %zu parameters",
                      network_size(&net));
    if (status == STATUS_OK)
        status = trace_init(&trace, options->epochs, network_size(&net), err);
    if (status == STATUS_OK) {
        show_data(options, data);
        floor_loss = show_best_line(options, data, best);
        show_network(options, &net, data->n);
        start_network(options, &net, a);
        status = train(options, data, &net, a, &trace, err);
    }
    /* The figures and the last line land together, or none of them: see chapter.h. */
    FigureSet *figures = NULL;
    if (status == STATUS_OK)
        status = figures_begin(&figures, options->out_dir, err);
    if (status == STATUS_OK)
        status = report(options, figures_dir(figures), data, &net, a, &trace,
                        isnan(floor_loss) ? NULL : best, floor_loss, err);
    char last[LAST_LINE_SIZE] = "";
    if (status == STATUS_OK)
        network_final_line(last, net.hidden, trace.loss[trace.epochs]);
    status = finish_run(figures, status, last, err);
    trace_free(&trace);
    free(a);
    data_free(&bent);
    return status;
}
//< ch10_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
