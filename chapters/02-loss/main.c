/*
 * Chapter 02 — the loss: how wrong is a guess?
 *
 * Before we can improve a guess we need a number that says how bad it is.
 * The mean squared error averages the squared misses (y_hat − y)² over all
 * points. This program scores the notebook's first guess a = (-1, 1), scores
 * the true coefficients for comparison, and walks a1 across a range with a2
 * held fixed to show the loss as a curve with one lowest point.
 *
 *     build/ch02            build/ch02 --data my.csv            build/ch02 --help
 */
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "linalg.h"
#include "loss.h"
#include "plot.h"

static const Chapter CHAPTER = {
    "ch02", "Chapter 02: the mean squared error of a guess, and the loss along one axis.",
    FLAGS_DATA_ONLY, 0};

enum { ROWS_SHOWN = 5, SLICE_POINTS = 241 };

static void show_misses(const Options *options, const Dataset *data, const double *y_hat)
{
    size_t shown = data->n < ROWS_SHOWN ? data->n : ROWS_SHOWN;
    say(options, "   i        x1         y     y_hat   (y_hat - y)^2\n");
    for (size_t i = 0; i < shown; i++) {
        double miss = y_hat[i] - data->y[i];
        say(options, "%4zu  %8.4f  %8.4f  %8.4f  %10.4f\n", i, data->x[2 * i], data->y[i],
            y_hat[i], miss * miss);
    }
    say(options, "   ... and %zu more rows\n", data->n - shown);
}

//> ch02_slice
/* The loss at a1 = a1_values[k] with a2 held at the guess's a2.
 * a1_values: count, losses: count */
static void loss_along_a1(const Dataset *data, double a2, const double *a1_values,
                          double *losses, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        double a[2] = {a1_values[k], a2};
        losses[k] = loss_of(data->x, data->y, data->n, a);
    }
}
//< ch02_slice

/* The slice, the guess on it, and its lowest point on the grid. */
static Status draw_slice(const Options *options, const char *dir, const Dataset *data,
                         double guess_loss, Error *err)
{
    double a1_values[SLICE_POINTS], losses[SLICE_POINTS];
    for (size_t k = 0; k < SLICE_POINTS; k++)
        a1_values[k] = -4.0 + 12.0 * (double)k / (SLICE_POINTS - 1); /* -4 … 8 */
    loss_along_a1(data, A_START[1], a1_values, losses, SLICE_POINTS);

    size_t lowest = 0;
    for (size_t k = 1; k < SLICE_POINTS; k++)
        lowest = losses[k] < losses[lowest] ? k : lowest;
    say(options, "\nAlong a1 (a2 held at %g) the loss is a bowl; its lowest point on a grid of\n"
                 "step 0.05 is at a1 = %.2f, loss %.4f.\n",
        A_START[1], a1_values[lowest], losses[lowest]);

    char lowest_label[80];
    snprintf(lowest_label, sizeof lowest_label, "lowest on this slice: a1 = %.2f, loss %.2f",
             a1_values[lowest], losses[lowest]);
    Curve curves[3] = {
        {"loss(a1, a2 = 1)", ROLE_LOSS, false, a1_values, losses, SLICE_POINTS},
        {"the guess a1 = -1", ROLE_START, true, &A_START[0], &guess_loss, 1},
        {lowest_label, ROLE_LOSS, true, &a1_values[lowest], &losses[lowest], 1},
    };
    Axes axes = {.title = "The loss along a1, with a2 fixed at 1: one lowest point",
                 .x_label = "a1",
                 .y_label = "mean squared error",
                 .y_from_zero = true};
    return plot_curves(dir, "ch02-loss-slice", &axes, curves, 3, err);
}

//> ch02_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    double *y_hat = malloc(data->n * sizeof *y_hat);
    if (y_hat == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu predictions", data->n);
    predict(data->x, data->n, A_START, y_hat);
    double guess_loss = mse(y_hat, data->y, data->n);

    say(options, "A first guess, like the notebook's: a = [%g, %g], so y_hat = %g*x1 + %g.\n",
        A_START[0], A_START[1], A_START[0], A_START[1]);
    show_misses(options, data, y_hat);
    free(y_hat);
    say(options, "MSE = the mean of (y_hat - y)^2 over all %zu points = %.4f\n", data->n,
        guess_loss);
    if (options->data_path == NULL)
        say(options, "The true a = [%g, %g] scores %.4f: not 0, because of the noise.\n",
            A_TRUE[0], A_TRUE[1], loss_of(data->x, data->y, data->n, A_TRUE));

    /* Both figures and the last line, or none of them: see chapter.h. */
    Line guess = {"the guess y = -x1 + 1", {A_START[0], A_START[1]}, ROLE_START};
    FigureSet *figures = NULL;
    Status status = figures_begin(&figures, options->out_dir, err);
    if (status == STATUS_OK)
        status = plot_fit(figures_dir(figures), "ch02-guess",
                          "A first guess, a = (-1, 1): a poor fit", data, &guess, 1, err);
    if (status == STATUS_OK)
        status = draw_slice(options, figures_dir(figures), data, guess_loss, err);
    if (status == STATUS_OK) {
        say_wrote(options, "ch02-guess");
        say_wrote(options, "ch02-loss-slice");
    }
    char last[LAST_LINE_SIZE];
    snprintf(last, sizeof last, "loss: a = [%.4f, %.4f], loss = %.4f\n", A_START[0],
             A_START[1], guess_loss);
    return finish_run(figures, status, last, err);
}
//< ch02_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
