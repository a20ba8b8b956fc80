#include "show.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "format.h"
#include "images.h"
#include "plot.h"
#include "rng.h"
#include "scale.h"

/* The data the chapter reads when the reader gives none. */
static const char DEFAULT_DATA[] = "data/digits.csv";

/* The split is fixed: the course's seed, 42, whatever --seed says, so that
 * every run and every reader scores on the same held-out digits. */
enum { SPLIT_SEED = 42 };

/* A whole set is scored this many examples at a time: the network's layers
 * then need room for that many rows, not for the whole set, however wide
 * the hidden layer (--hidden 10000 would want 460 MB for 1,438 rows). */
enum { SCORE_ROWS = 256 };

/* Sample digits drawn of each class, and the held-out mistakes at most. */
enum { SAMPLES_PER_CLASS = 3, MAX_CLASSES_DRAWN = 10, MAX_MISTAKES_DRAWN = 40 };

/* ---- The digits ---------------------------------------------------------- */

static void free_digits(void *object)
{
    Digits *digits = object;
    labels_free(&digits->train);
    labels_free(&digits->test);
}

/* Reads the labelled rows of path into set, or ends the run with the one
 * message that says why; a skipped header is said. */
static void load_set(Run *run, const char *path, LabelledSet *set)
{
    CsvTable table;
    CsvHeader header;
    Error err;
    Status status = csv_load_table(&table, path, &header, &err);
    if (status == STATUS_OK) {
        if (header.line != 0)
            say(run, "%s:%zu: skipped a header line: '%s'\n", csv_name(path), header.line,
                header.text);
        status = labels_from_table(set, &table, csv_name(path), &err);
    }
    csv_table_free(&table);
    run_check(run, status, &err);
}

/* The held-out set: the reader's file, or a fifth of each class of train's. */
static void hold_out(Run *run, Digits *digits)
{
    Error err;
    const char *test_path = run->options->test_path;
    if (test_path != NULL) {
        load_set(run, test_path, &digits->test);
        digits->test_name = csv_name(test_path);
        run_check(run, labels_agree(&digits->train, &digits->test, digits->train_name,
                                    digits->test_name, &err),
                  &err);
        return;
    }
    LabelledSet all = digits->train;
    digits->train = (LabelledSet){0};
    digits->test_name = "held out";
    Status status = labels_split(&all, SPLIT_SEED, digits->train_name, &digits->train,
                                 &digits->test, &err);
    labels_free(&all);
    run_check(run, status, &err);
}

Digits *load_digits(Run *run)
{
    const Options *o = run->options;
    Digits *digits = run_alloc(run, 1, sizeof *digits);
    run_defer(run, free_digits, digits);
    const char *path = o->data_path != NULL ? o->data_path : DEFAULT_DATA;
    digits->train_name = csv_name(path);
    load_set(run, path, &digits->train);
    size_t read = digits->train.n;
    hold_out(run, digits);
    const LabelledSet *train = &digits->train, *test = &digits->test;
    say(run, "%zu examples from %s, %zu numbers each, classes 0 to %zu.\n", read,
        digits->train_name, train->d, train->classes - 1);
    if (o->test_path != NULL)
        say(run, "Held out to score on: the %zu examples of %s.\n", test->n, digits->test_name);
    else
        say(run, "Held out to score on: a fifth of each class, %zu examples, drawn by a fixed\n"
                 "seed (%d, whatever --seed says); the other %zu to train on.\n",
            test->n, SPLIT_SEED, train->n);
    digits->train_x = run_alloc(run, train->n * train->d, sizeof *digits->train_x);
    digits->test_x = run_alloc(run, test->n * test->d, sizeof *digits->test_x);
    return digits;
}

/* Where inputs divided by their largest size lie: the digits' pixels, never
 * below 0, in [0, 1]; a reader's inputs of both signs in [-1, 1]. */
static const char *unit_range(const LabelledSet *set)
{
    for (size_t k = 0; k < set->n * set->d; k++)
        if (set->x[k] < 0.0)
            return "[-1, 1]";
    return "[0, 1]";
}

/* The largest size of the training inputs, or 1 if every one is 0. */
static double largest_input(const LabelledSet *set)
{
    double largest = 0.0;
    for (size_t k = 0; k < set->n * set->d; k++)
        largest = fmax(largest, fabs(set->x[k]));
    return largest > 0.0 ? largest : 1.0;
}

void scale_inputs(Run *run, Digits *digits, InputScale how)
{
    const LabelledSet *train = &digits->train, *test = &digits->test;
    size_t d = train->d;
    memcpy(digits->train_x, train->x, train->n * d * sizeof *train->x);
    memcpy(digits->test_x, test->x, test->n * d * sizeof *test->x);
    if (how == SCALE_TO_ONE) {
        double largest = largest_input(train);
        for (size_t k = 0; k < train->n * d; k++)
            digits->train_x[k] /= largest;
        for (size_t k = 0; k < test->n * d; k++)
            digits->test_x[k] /= largest;
        say(run, "\nFirst on the inputs divided by %g, the largest, so that each lies in "
                 "%s\n(quietly); ", largest, unit_range(train));
        return;
    }
    double *mean = run_alloc(run, d, sizeof *mean), *sd = run_alloc(run, d, sizeof *sd);
    column_scaling(train->x, train->n, d, mean, sd); /* the training set's, for both */
    standardize_columns(digits->train_x, train->n, d, mean, sd);
    standardize_columns(digits->test_x, test->n, d, mean, sd);
    say(run, "then standardized, each input less its mean over the training\nexamples and "
             "divided by its sd there (chapter 06), the held-out ones alike.\n");
}

/* ---- The models ---------------------------------------------------------- */

Model make_model(Run *run, const Digits *digits, size_t hidden, ModelLoss loss)
{
    size_t d = digits->train.d, k = digits->train.classes;
    size_t batch = run->options->batch, room = batch > SCORE_ROWS ? batch : SCORE_ROWS;
    Model m = {d, hidden, k, hidden == 0 ? k * d + k : hidden * d + hidden + k * hidden + k, loss,
               run_alloc(run, room * k, sizeof(double)), {0}, room};
    if (hidden > 0) {
        Activations *t = &m.acts;
        double **hidden_sized[4] = {&t->z1, &t->h, &t->dz1, &t->dh};
        for (size_t j = 0; j < 4; j++)
            *hidden_sized[j] = run_alloc(run, room * hidden, sizeof(double));
        t->z2 = run_alloc(run, room * k, sizeof(double));
        t->dz2 = run_alloc(run, room * k, sizeof(double));
    }
    return m;
}

void zero_grad(Model *model, double *grad, size_t n)
{
    memset(grad, 0, model->size * sizeof *grad);
    Activations *t = &model->acts;
    if (model->hidden > 0) {
        memset(t->dz1, 0, n * model->hidden * sizeof *t->dz1);
        memset(t->dh, 0, n * model->hidden * sizeof *t->dh);
        memset(t->dz2, 0, n * model->classes * sizeof *t->dz2);
    }
}

void start_network(Run *run, const Model *model, double *a)
{
    size_t d = model->d, h = model->hidden, k = model->classes;
    Rng rng = rng_seeded(run->options->seed + 1); /* not the shuffles' stream */
    linear_init(a, a + h * d, d, h, &rng);
    linear_init(a + h * d + h, a + h * d + h + k * h, h, k, &rng);
    say(run, "Starting values as PyTorch's nn.Linear draws them: W1 and b1 uniform on "
             "+-%.4f\n(1/sqrt(%zu)), W2 and b2 on +-%.4f (1/sqrt(%zu)), from seed %llu + 1.\n",
        1.0 / sqrt((double)d), d, 1.0 / sqrt((double)h), h,
        (unsigned long long)run->options->seed);
}

Trainer *make_trainer(Run *run, const Model *model, const Digits *digits)
{
    Trainer *t = run_alloc(run, 1, sizeof *t);
    size_t n = digits->train.n;
    sampler_init_examples(&t->sampler, n, run->options->batch,
                          run_alloc(run, n, sizeof(size_t)));
    size_t room = t->sampler.batch_size;
    t->x = run_alloc(run, room * model->d, sizeof *t->x);
    t->label = run_alloc(run, room, sizeof *t->label);
    t->grad = run_alloc(run, model->size, sizeof *t->grad);
    return t;
}

void gather_batch(const Digits *digits, const size_t *rows, size_t b, Trainer *trainer)
{
    size_t d = digits->train.d;
    for (size_t i = 0; i < b; i++) {
        memcpy(&trainer->x[i * d], &digits->train_x[rows[i] * d], d * sizeof *trainer->x);
        trainer->label[i] = digits->train.label[rows[i]];
    }
    trainer->batch = (Batch){b, trainer->x, trainer->label};
}

/* ---- The watcher of both sets -------------------------------------------- */

static void digits_row(const Watch *watch, size_t row)
{
    const Scores *s = watch->context;
    char l[NUMBER_TEXT], e[NUMBER_TEXT], tl[NUMBER_TEXT], te[NUMBER_TEXT];
    say(watch->run, "%5zu   %-8s %-12s %-15s %s\n", row, format_number(watch->loss[row], l),
        format_number(s->train_error[row], e), format_number(s->test_loss[row], tl),
        format_number(s->test_error[row], te));
}

/* No formula gives these models' largest stable rate, so: a tenth. */
static void digits_advice(const Watch *watch, char *text, size_t size)
{
    snprintf(text, size, "; try a smaller one, such as --lr %.2g", watch->lr / 10.0);
}

/* The room for the scores of a run over epochs, for sets of train_n and
 * test_n examples. */
static Scores *make_scores(Run *run, size_t epochs, size_t train_n, size_t test_n)
{
    Scores *s = run_alloc(run, 1, sizeof *s);
    s->train_error = run_alloc(run, epochs + 1, sizeof(double));
    s->test_loss = run_alloc(run, epochs + 1, sizeof(double));
    s->test_error = run_alloc(run, epochs + 1, sizeof(double));
    s->predicted = run_alloc(run, test_n, sizeof(size_t));
    s->train_predicted = run_alloc(run, train_n, sizeof(size_t));
    return s;
}

Watch watch_digits(Run *run, const Digits *digits, bool quiet)
{
    const Options *o = run->options;
    Watch watch = watch_new(run, "epoch", o->epochs, o->lr, 0);
    watch.row = digits_row;
    watch.advice = digits_advice;
    watch.quiet = watch.survive = quiet; /* a run compared, which says nothing itself */
    watch.context = make_scores(run, o->epochs, digits->train.n, digits->test.n);
    if (!quiet)
        say(run, "\nepoch   loss     error_rate   held-out loss   held-out error_rate\n");
    return watch;
}

/* The loss of a whole set at a, as under torch.no_grad(), its predictions
 * (the most probable class of each example) and their error_rate; a part
 * of model->room examples at a time. x: (set->n, D), predicted: (set->n) */
static double score_set(Model *model, const double *a, const double *x, const LabelledSet *set,
                        size_t *predicted, double *error)
{
    double sum = 0.0;
    for (size_t start = 0; start < set->n; start += model->room) {
        size_t m = set->n - start < model->room ? set->n - start : model->room;
        Batch part = {m, &x[start * model->d], &set->label[start]};
        sum += model->loss(model, a, &part, NULL) * (double)m;
        for (size_t i = 0; i < m; i++)
            predicted[start + i] = argmax(&model->probs[i * model->classes], model->classes);
    }
    *error = error_rate(predicted, set->label, set->n);
    return sum / (double)set->n;
}

bool score(Model *model, const double *a, const Digits *digits, Watch *watch, size_t epoch)
{
    Scores *s = (Scores *)watch->context; /* watch_digits() made them for this run */
    s->test_loss[epoch] = score_set(model, a, digits->test_x, &digits->test, s->predicted,
                                    &s->test_error[epoch]);
    double loss = score_set(model, a, digits->train_x, &digits->train, s->train_predicted,
                            &s->train_error[epoch]);
    return watch_row(watch, epoch, a, loss);
}

/* ---- What the run says ---------------------------------------------------- */

void show_plan(Run *run, const Digits *digits, const Model *model)
{
    const Options *o = run->options;
    size_t d = model->d, k = model->classes, h = model->hidden;
    if (h == 0)
        say(run, "\nSoftmax regression: logits z = W x + b, W (%zu, %zu), b (%zu); "
                 "probabilities\nsoftmax(z); the loss, the cross-entropy -log p_y. %zu "
                 "parameters, every one 0\nto start.\n",
            k, d, k, model->size);
    else
        say(run, "\nThe network, as layers: linear (%zu to %zu), relu, linear (%zu to %zu), "
                 "softmax\ncross-entropy. %zu parameters: W1 (%zu, %zu), b1 (%zu), W2 (%zu, %zu), "
                 "b2 (%zu).\n",
            d, h, h, k, model->size, h, d, h, k, h, k);
    size_t batch = o->batch < digits->train.n ? o->batch : digits->train.n;
    say(run, "Trained as in chapter 05: lr %g, %zu epochs of batches of %zu (%zu iterations\n"
             "each), weight decay %g: every step also takes lr * %g * a off each a.\n",
        o->lr, o->epochs, batch, batches_per_epoch(digits->train.n, batch), o->weight_decay,
        o->weight_decay);
}

/* The last held-out scores of a run, "error_rate 0.0306, loss 0.1164", or
 * that it blew up. text: 96 */
static const char *last_scores(const Watch *watch, char text[96])
{
    const Scores *s = watch->context;
    char e[NUMBER_TEXT], l[NUMBER_TEXT];
    if (watch->blew_up)
        snprintf(text, 96, "the loss blew up at lr %g", watch->lr);
    else
        snprintf(text, 96, "error_rate %s, loss %s", format_number(s->test_error[watch->last], e),
                 format_number(s->test_loss[watch->last], l));
    return text;
}

/* The side of the square images the inputs are, or 0 if they are not. */
static size_t image_side(size_t d)
{
    size_t side = (size_t)(sqrt((double)d) + 0.5);
    return side * side == d ? side : 0;
}

/* The lowest and highest input of a set: white and full ink. */
static void ink_range(const LabelledSet *set, double *low, double *high)
{
    *low = INFINITY;
    *high = -INFINITY;
    for (size_t k = 0; k < set->n * set->d; k++) {
        *low = fmin(*low, set->x[k]);
        *high = fmax(*high, set->x[k]);
    }
    if (!(*high > *low))
        *high = *low + 1.0;
}

/* The grid figures share these: one caption per tile. */
typedef char Caption[24];

/* Softmax regression's rows of W, one per class, as images. w: P */
static void draw_templates(Run *run, const Model *model, const double *w, size_t side)
{
    size_t k = model->classes < IMAGES_MAX_TILES ? model->classes : IMAGES_MAX_TILES;
    ImageTile tiles[IMAGES_MAX_TILES];
    Caption captions[IMAGES_MAX_TILES];
    double largest = 0.0;
    for (size_t c = 0; c < model->classes * model->d; c++)
        largest = fmax(largest, fabs(w[c]));
    for (size_t c = 0; c < k; c++) {
        snprintf(captions[c], sizeof captions[c], "%zu", c);
        tiles[c] = (ImageTile){&w[c * model->d], captions[c]};
    }
    /* Ten in two rows of five: large enough to see each pixel's weight. */
    size_t columns = k <= 5 ? k : k <= 10 ? (k + 1) / 2 : 10;
    ImageGrid grid = {"Softmax regression's templates: each class's weights, for it (orange) "
                      "and against it (blue)",
                      side, columns, SHADE_SIGNED, 0.0, largest > 0.0 ? largest : 1.0, "weight"};
    Error err;
    run_check(run, plot_image_grid(run_figures_dir(run), "ch11-templates", &grid, tiles, k, &err),
              &err);
}

/* One row of the comparison: a run's last training loss and held-out scores. */
static void comparison_row(const Run *run, const char *name, const Watch *watch)
{
    const Scores *s = watch->context;
    char l[NUMBER_TEXT], tl[NUMBER_TEXT], te[NUMBER_TEXT];
    if (watch->blew_up)
        say(run, "  %-18s the loss blew up\n", name);
    else
        say(run, "  %-18s %-15s %-15s %s\n", name, format_number(watch->loss[watch->last], l),
            format_number(s->test_loss[watch->last], tl),
            format_number(s->test_error[watch->last], te));
}

void show_softmax(Run *run, const Digits *digits, const Model *model, const double *w,
                  const Watch *as_is, const Watch *standardized)
{
    say(run, "\nThe two runs of softmax regression after %zu epochs:\n%21straining loss   "
             "held-out loss   held-out error_rate\n", standardized->last, "");
    char as_is_name[32];
    snprintf(as_is_name, sizeof as_is_name, "inputs in %s", unit_range(&digits->train));
    comparison_row(run, as_is_name, as_is);
    comparison_row(run, "standardized", standardized);
    double ratio = as_is->loss[as_is->last] / standardized->loss[standardized->last];
    if (as_is->blew_up)
        say(run, "At this rate the %s blew up, and the standardized ones did not:\nthe "
                 "bowl is rounder (chapter 06). The inputs are standardized from here on.\n",
            as_is_name);
    else if (ratio > 1.0)
        say(run, "Standardized, the same steps take the training loss %.1f times lower: each\n"
                 "input varies about as much as the others, so the bowl is rounder (chapter "
                 "06).\nThe inputs are standardized from here on.\n", ratio);
    else
        say(run, "Standardizing did not lower the loss here; the inputs are standardized from\n"
                 "here on all the same, the size the network's start expects.\n");
    const Scores *b = standardized->context;
    char e[NUMBER_TEXT];
    say(run, "softmax regression: error_rate = %s\n",
        format_number(b->test_error[standardized->last], e));
    size_t side = image_side(digits->train.d);
    if (side > 0)
        draw_templates(run, model, w, side);
}

/* ---- The network, and the figures ------------------------------------------ */

/* The first SAMPLES_PER_CLASS training examples of each class (at most
 * MAX_CLASSES_DRAWN classes): a row of the grid each. */
static void draw_samples(Run *run, const Digits *digits, size_t side)
{
    const LabelledSet *train = &digits->train;
    size_t classes = train->classes < MAX_CLASSES_DRAWN ? train->classes : MAX_CLASSES_DRAWN;
    size_t count = SAMPLES_PER_CLASS * classes;
    ImageTile tiles[SAMPLES_PER_CLASS * MAX_CLASSES_DRAWN];
    Caption captions[SAMPLES_PER_CLASS * MAX_CLASSES_DRAWN];
    double *blank = run_alloc(run, train->d, sizeof *blank);
    double low, high;
    ink_range(train, &low, &high);
    for (size_t j = 0; j < train->d; j++)
        blank[j] = low;
    for (size_t c = 0; c < classes; c++) {
        size_t found = 0;
        for (size_t i = 0; i < train->n && found < SAMPLES_PER_CLASS; i++)
            if (train->label[i] == c) {
                size_t t = found++ * classes + c;
                snprintf(captions[t], sizeof captions[t], "%zu", c);
                tiles[t] = (ImageTile){&train->x[i * train->d], captions[t]};
            }
        for (; found < SAMPLES_PER_CLASS; found++) /* a class with fewer examples */
            tiles[found * classes + c] = (ImageTile){blank, ""};
    }
    char title[160];
    snprintf(title, sizeof title, "Training digits from %s: %zux%zu pixels, %g (white) to %g "
             "(black)", digits->train_name, side, side, low, high);
    ImageGrid grid = {title, side, classes, SHADE_INK, low, high, NULL};
    Error err;
    run_check(run, plot_image_grid(run_figures_dir(run), "ch11-samples", &grid, tiles, count, &err),
              &err);
}

/* The held-out examples the network gets wrong, captioned true → predicted. */
static void draw_mistakes(Run *run, const Digits *digits, const size_t *predicted, size_t side)
{
    const LabelledSet *test = &digits->test;
    ImageTile tiles[MAX_MISTAKES_DRAWN];
    Caption captions[MAX_MISTAKES_DRAWN];
    size_t wrong = 0;
    for (size_t i = 0; i < test->n; i++) {
        if (predicted[i] == test->label[i])
            continue;
        if (wrong < MAX_MISTAKES_DRAWN) {
            snprintf(captions[wrong], sizeof captions[wrong], "%zu \xe2\x86\x92 %zu",
                     test->label[i], predicted[i]);
            tiles[wrong] = (ImageTile){&test->x[i * test->d], captions[wrong]};
        }
        wrong++;
    }
    char title[160];
    if (wrong == 0)
        snprintf(title, sizeof title, "The network gets every one of the %zu held-out examples "
                 "right", test->n);
    else
        snprintf(title, sizeof title, "The %s%zu held-out examples the network gets wrong: "
                 "true \xe2\x86\x92 predicted",
                 wrong > MAX_MISTAKES_DRAWN ? "first 40 of the " : "", wrong);
    double low, high;
    ink_range(&digits->train, &low, &high);
    ImageGrid grid = {title, side, 10, SHADE_INK, low, high, NULL};
    size_t drawn = wrong < MAX_MISTAKES_DRAWN ? wrong : MAX_MISTAKES_DRAWN;
    Error err;
    run_check(run, plot_image_grid(run_figures_dir(run), "ch11-mistakes", &grid, tiles, drawn, &err),
              &err);
}

/* The four curves of a quantity per epoch: each model on each set. The
 * sets keep chapter 09's colours, softmax regression is dashed. epochs:
 * last + 1 values; the y's: (last + 1) each */
static void four_curves(Curve curves[4], const double *epochs, size_t count,
                        const double *linear_train, const double *linear_test,
                        const double *net_train, const double *net_test)
{
    curves[0] = (Curve){"softmax regression, training", ROLE_LINEAR_TRAINING, false, epochs,
                        linear_train, count};
    curves[1] = (Curve){"softmax regression, held out", ROLE_LINEAR_HELD_OUT, false, epochs,
                        linear_test, count};
    curves[2] = (Curve){"the network, training", ROLE_TRAINING, false, epochs, net_train, count};
    curves[3] = (Curve){"the network, held out", ROLE_VALIDATION, false, epochs, net_test, count};
}

/* The loss and the error_rate per epoch, both models on both sets. */
static void draw_curves(Run *run, const Watch *linear, const Watch *network)
{
    const Scores *l = linear->context, *n = network->context;
    size_t count = network->last + 1;
    double *epochs = run_alloc(run, count, sizeof *epochs);
    for (size_t e = 0; e < count; e++)
        epochs[e] = (double)e;
    Curve curves[4];
    char title[160], le[NUMBER_TEXT], ne[NUMBER_TEXT];
    four_curves(curves, epochs, count, linear->loss, l->test_loss, network->loss, n->test_loss);
    bool gap = l->test_loss[linear->last] > linear->loss[linear->last] &&
               n->test_loss[network->last] > network->loss[network->last];
    Axes axes = {.title = gap ? "Cross-entropy per epoch: the held-out loss levels off above "
                                "the training loss"
                              : "Cross-entropy per epoch on the training and held-out examples",
                 .x_label = "epoch", .y_label = "cross-entropy loss (log scale)", .log_y = true};
    Error err;
    run_check(run, plot_curves(run_figures_dir(run), "ch11-loss", &axes, curves, 4, &err), &err);
    four_curves(curves, epochs, count, l->train_error, l->test_error, n->train_error,
                n->test_error);
    snprintf(title, sizeof title, "error_rate per epoch: held out, the network %s, softmax "
             "regression %s", format_number(n->test_error[network->last], ne),
             format_number(l->test_error[linear->last], le));
    axes = (Axes){.title = title, .x_label = "epoch",
                  .y_label = "error_rate: the fraction misclassified (0 to 0.1 shown)",
                  .y_low = 0.0, .y_high = 0.1};
    run_check(run, plot_curves(run_figures_dir(run), "ch11-error", &axes, curves, 4, &err), &err);
}

/* The confusion matrix of the network on the held-out set, printed and
 * drawn. predicted: (test.n) */
static void show_confusion(Run *run, const Digits *digits, const size_t *predicted)
{
    const LabelledSet *test = &digits->test;
    size_t k = test->classes, wrong = 0;
    size_t *counts = run_alloc(run, k * k, sizeof *counts);
    confusion_matrix(predicted, test->label, test->n, k, counts);
    if (k <= MAX_CLASSES_DRAWN) {
        say(run, "\nThe network's confusion matrix on the held-out set (rows: the true "
                 "class;\ncolumns: the predicted):\n     ");
        for (size_t p = 0; p < k; p++)
            say(run, "%4zu", p);
        for (size_t t = 0; t < k; t++) {
            say(run, "\n%4zu ", t);
            for (size_t p = 0; p < k; p++)
                say(run, "%4zu", counts[t * k + p]);
        }
        say(run, "\n");
    }
    for (size_t i = 0; i < test->n; i++)
        wrong += predicted[i] != test->label[i];
    char title[160];
    snprintf(title, sizeof title, "The network on the %zu held-out examples: %zu mistake%s, "
             "the diagonal right", test->n, wrong, wrong == 1 ? "" : "s");
    Error err;
    run_check(run, plot_confusion(run_figures_dir(run), "ch11-confusion", title, counts, k, &err),
              &err);
}

void show_network(Run *run, const Digits *digits, const Model *net, const Watch *linear,
                  const Watch *network)
{
    char mine[96], theirs[96];
    say(run, "\nHeld out after %zu epochs: the network %s;\nsoftmax regression %s.\n",
        network->last, last_scores(network, mine), last_scores(linear, theirs));
    const Scores *n = network->context;
    show_confusion(run, digits, n->predicted);
    size_t side = image_side(net->d);
    if (side > 0) {
        draw_samples(run, digits, side);
        draw_mistakes(run, digits, n->predicted, side);
    } else {
        say(run, "(%zu inputs are no square image: no pictures of them.)\n", net->d);
    }
    draw_curves(run, linear, network);
    /* In the book's order; the pictures of images only when there are images. */
    static const struct {
        const char *name;
        bool of_images;
    } FIGURES[] = {{"ch11-samples", true}, {"ch11-templates", true}, {"ch11-loss", false},
                   {"ch11-error", false},  {"ch11-mistakes", true},  {"ch11-confusion", false}};
    for (size_t f = 0; f < sizeof FIGURES / sizeof FIGURES[0]; f++)
        if (side > 0 || !FIGURES[f].of_images)
            say_wrote(run, FIGURES[f].name);
    char last[LAST_LINE_SIZE];
    run_last_line(run, "%s", classifier_final_line(last, n->test_error[network->last],
                                                   n->test_loss[network->last]));
}
