/*
 * Chapter 01 — the data, and the model as a dot product.
 *
 * We want a line y = a1*x1 + a2 through a cloud of points. Give every point
 * a second input x2 that is always 1 and the line becomes
 *     y_hat = a1*x1 + a2*x2 = x·a,
 * the dot product of the point's inputs x = (x1, x2) with the coefficients
 * a = (a1, a2). This program makes the notebook's data, predicts it with the
 * true coefficients one dot product at a time, then all at once as X a, and
 * draws the data with the line it came from.
 *
 *     build/ch01            build/ch01 --n 1000 --seed 7       build/ch01 --help
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "linalg.h"
#include "plot.h"

static const Chapter CHAPTER = {
    "ch01", "Chapter 01: the data, and the model y = a1*x1 + a2*x2 (x2 = 1) as a dot product.",
    FLAGS_DATA_ONLY, 0};

enum { ROWS_SHOWN = 5 };

static void show_rows(const Options *options, const Dataset *data)
{
    size_t shown = data->n < ROWS_SHOWN ? data->n : ROWS_SHOWN;
    say(options, "The first %zu rows of X and y (every x2 is 1):\n", shown);
    say(options, "   i        x1        x2         y\n");
    for (size_t i = 0; i < shown; i++)
        say(options, "%4zu  %8.4f  %8.4f  %8.4f\n", i, data->x[2 * i], data->x[2 * i + 1],
            data->y[i]);
}

static void show_dot_products(const Options *options, const Dataset *data)
{
    const double *a = A_TRUE;
    size_t shown = data->n < ROWS_SHOWN ? data->n : ROWS_SHOWN;
    say(options, "\nThe model is a dot product: y_hat = x·a = a1*x1 + a2*x2.\n");
    say(options, "With a = [%g, %g]:\n", a[0], a[1]);
    for (size_t i = 0; i < shown; i++) {
        const double *x = &data->x[2 * i]; /* row i: x1, x2 */
        say(options, "   x·a = %g*(%7.4f) + %g*(%.4f) = %7.4f   (y = %7.4f)\n", a[0], x[0],
            a[1], x[1], dot(x, a, 2), data->y[i]);
    }
}

/* The last line: the data's size and extent, in one line, into text. */
static const char *summary_line(char text[LAST_LINE_SIZE], const Dataset *data)
{
    double x_min = INFINITY, x_max = -INFINITY, y_min = INFINITY, y_max = -INFINITY;
    for (size_t i = 0; i < data->n; i++) {
        x_min = fmin(x_min, data->x[2 * i]);
        x_max = fmax(x_max, data->x[2 * i]);
        y_min = fmin(y_min, data->y[i]);
        y_max = fmax(y_max, data->y[i]);
    }
    snprintf(text, LAST_LINE_SIZE, "data: %zu points, x1 in [%.4f, %.4f], y in [%.4f, %.4f]\n",
             data->n, x_min, x_max, y_min, y_max);
    return text;
}

//> ch01_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    bool synthetic = options->data_path == NULL;
    if (synthetic)
        say(options, "%zu points like the notebook's: x1 uniform on [-1, 1), x2 = 1,\n"
                     "y = %g*x1 + %g*x2 + noise, the noise uniform on [0, 1).\n\n",
            data->n, A_TRUE[0], A_TRUE[1]);
    else
        say(options, "%zu points from %s.\n\n", data->n, options->data_path);
    show_rows(options, data);
    show_dot_products(options, data);

    /* All n predictions at once: X a is n dot products, one per row. */
    double *y_hat = malloc(data->n * sizeof *y_hat);
    if (y_hat == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu predictions", data->n);
    predict(data->x, data->n, A_TRUE, y_hat);
    double mean_miss = 0.0;
    for (size_t i = 0; i < data->n; i++)
        mean_miss += (data->y[i] - y_hat[i]) / (double)data->n;
    free(y_hat);
    say(options, "\nAll %zu at once, y_hat = X a: on average y - y_hat = %.4f", data->n,
        mean_miss);
    say(options, synthetic ? ", the noise (its mean is 0.5).\n" : ".\n");

    Line true_line = {"the true line y = 3*x1 + 2", {A_TRUE[0], A_TRUE[1]}, ROLE_TRUE_LINE};
    const char *title = synthetic ? "The data: y = 3*x1 + 2 + noise, noise uniform on [0, 1)"
                                  : "Your data";
    /* The figure lands with the last line, or neither does: see chapter.h. */
    FigureSet *figures = NULL;
    Status status = figures_begin(&figures, options->out_dir, err);
    if (status == STATUS_OK)
        status = plot_fit(figures_dir(figures), "ch01-data", title, data, &true_line,
                          synthetic ? 1 : 0, err);
    if (status == STATUS_OK)
        say_wrote(options, "ch01-data");
    char last[LAST_LINE_SIZE];
    return finish_run(figures, status, summary_line(last, data), err);
}
//< ch01_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
