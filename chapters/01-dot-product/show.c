#include "show.h"

#include <math.h>
#include <stdio.h>

#include "format.h"
#include "plot.h"

enum { ROWS_SHOWN = 5 };

size_t rows_shown(size_t n)
{
    return n < ROWS_SHOWN ? n : ROWS_SHOWN;
}

/* The notebook's data, or the reader's. */
static bool synthetic(const Run *run)
{
    return run->options->data_path == NULL;
}

void say_data(const Run *run)
{
    const Dataset *data = run->data;
    char name[SHOWN_SIZE];
    if (synthetic(run))
        say(run, "%zu points like the notebook's: x1 uniform on [-1, 1), x2 = 1,\n"
                 "y = %g*x1 + %g*x2 + noise, the noise uniform on [0, 1).\n\n",
            data->n, A_TRUE[0], A_TRUE[1]);
    else
        say(run, "%zu points from %s.\n\n", data->n, run_data_name(run, name));
    say(run, "The first %zu rows of X and y (every x2 is 1):\n", rows_shown(data->n));
    say(run, "   i        x1        x2         y\n");
    for (size_t i = 0; i < rows_shown(data->n); i++) {
        char x1[NUMBER_TEXT], x2[NUMBER_TEXT], y[NUMBER_TEXT];
        say(run, "%4zu  %8s  %8s  %8s\n", i, format_number(data->x[2 * i], x1),
            format_number(data->x[2 * i + 1], x2), format_number(data->y[i], y));
    }
}

void say_model(const Run *run, const double a[2])
{
    say(run, "\nThe model is a dot product: y_hat = x·a = a1*x1 + a2*x2.\n");
    say(run, "With a = [%g, %g]:\n", a[0], a[1]);
}

void say_dot_product(const Run *run, const double x[2], const double a[2], double x_dot_a,
                     double y)
{
    char x1[NUMBER_TEXT], x2[NUMBER_TEXT], product[NUMBER_TEXT], target[NUMBER_TEXT];
    say(run, "   x·a = %g*(%7s) + %g*(%s) = %7s   (y = %7s)\n", a[0], format_number(x[0], x1),
        a[1], format_number(x[1], x2), format_number(x_dot_a, product),
        format_number(y, target));
}

void say_mean_miss(const Run *run, double mean_miss)
{
    char miss[NUMBER_TEXT];
    say(run, "\nAll %zu at once, y_hat = X a: on average y - y_hat = %s", run->data->n,
        format_number(mean_miss, miss));
    /* Only the notebook's noise has a known mean to compare with. */
    say(run, synthetic(run) ? ", the noise (its mean is 0.5).\n" : ".\n");
}

/* The last line: the data's size and extent, in one line. */
static void summary_line(Run *run)
{
    const Dataset *data = run->data;
    double x_min = INFINITY, x_max = -INFINITY, y_min = INFINITY, y_max = -INFINITY;
    for (size_t i = 0; i < data->n; i++) {
        x_min = fmin(x_min, data->x[2 * i]);
        x_max = fmax(x_max, data->x[2 * i]);
        y_min = fmin(y_min, data->y[i]);
        y_max = fmax(y_max, data->y[i]);
    }
    char x_low[NUMBER_TEXT], x_high[NUMBER_TEXT], y_low[NUMBER_TEXT], y_high[NUMBER_TEXT];
    run_last_line(run, "data: %zu points, x1 in [%s, %s], y in [%s, %s]\n", data->n,
                  format_number(x_min, x_low), format_number(x_max, x_high),
                  format_number(y_min, y_low), format_number(y_max, y_high));
}

void show_data(Run *run)
{
    /* The true line is known only for the notebook's data. */
    Line true_line = {"the true line y = 3*x1 + 2", {A_TRUE[0], A_TRUE[1]}, ROLE_TRUE_LINE};
    const char *title = synthetic(run)
                            ? "The data: y = 3*x1 + 2 + noise, noise uniform on [0, 1)"
                            : "Your data";
    Error err;
    run_check(run,
              plot_fit(run_figures_dir(run), "ch01-data", title, run->data, &true_line,
                       synthetic(run) ? 1 : 0, &err),
              &err);
    say_wrote(run, "ch01-data");
    summary_line(run);
}
