#include "show.h"

#include <stdio.h>

#include "format.h"
#include "plot.h"

enum { ROWS_SHOWN = 5 };

void say_losses(const Run *run, const double a[2], const double *y_hat, double guess_loss,
                double true_loss)
{
    const Dataset *data = run->data;
    say(run, "A first guess, like the notebook's: a = [%g, %g], so y_hat = %g*x1 + %g.\n", a[0],
        a[1], a[0], a[1]);
    size_t shown = data->n < ROWS_SHOWN ? data->n : ROWS_SHOWN;
    say(run, "   i        x1         y     y_hat   (y_hat - y)^2\n");
    for (size_t i = 0; i < shown; i++) {
        double miss = y_hat[i] - data->y[i];
        char x1[NUMBER_TEXT], y[NUMBER_TEXT], guess[NUMBER_TEXT], square[NUMBER_TEXT];
        say(run, "%4zu  %8s  %8s  %8s  %10s\n", i, format_number(data->x[2 * i], x1),
            format_number(data->y[i], y), format_number(y_hat[i], guess),
            format_number(miss * miss, square));
    }
    say(run, "   ... and %zu more rows\n", data->n - shown);
    char loss[NUMBER_TEXT];
    say(run, "MSE = the mean of (y_hat - y)^2 over all %zu points = %s\n", data->n,
        format_number(guess_loss, loss));
    if (run->options->data_path == NULL) /* the true a is known for the notebook's data only */
        say(run, "The true a = [%g, %g] scores %s: not 0, because of the noise.\n",
            A_TRUE[0], A_TRUE[1], format_number(true_loss, loss));
}

void draw_guess(Run *run, const double a[2])
{
    Line guess = {"the guess y = -x1 + 1", {a[0], a[1]}, ROLE_START};
    Error err;
    run_check(run,
              plot_fit(run_figures_dir(run), "ch02-guess",
                       "A first guess, a = (-1, 1): a poor fit", run->data, &guess, 1, &err),
              &err);
}

/* The index of the smallest of count losses: the first, if several tie. */
static size_t lowest_of(const double *losses, size_t count)
{
    size_t lowest = 0;
    for (size_t k = 1; k < count; k++)
        lowest = losses[k] < losses[lowest] ? k : lowest;
    return lowest;
}

void show_slice(Run *run, const double a[2], double guess_loss, const double *a1_values,
                const double *losses, size_t count)
{
    size_t lowest = lowest_of(losses, count);
    char loss[NUMBER_TEXT];
    say(run, "\nAlong a1 (a2 held at %g) the loss is a bowl; its lowest point on a grid of\n"
             "step 0.05 is at a1 = %.2f, loss %s.\n",
        a[1], a1_values[lowest], format_number(losses[lowest], loss));

    char lowest_label[80];
    snprintf(lowest_label, sizeof lowest_label, "lowest on this slice: a1 = %.2f, loss %s",
             a1_values[lowest], format_decimals(losses[lowest], 2, loss));
    Curve curves[3] = {
        {"loss(a1, a2 = 1)", ROLE_LOSS, false, a1_values, losses, count},
        {"the guess a1 = -1", ROLE_START, true, &a[0], &guess_loss, 1},
        {lowest_label, ROLE_LOSS, true, &a1_values[lowest], &losses[lowest], 1},
    };
    Axes axes = {.title = "The loss along a1, with a2 fixed at 1: one lowest point",
                 .x_label = "a1",
                 .y_label = "mean squared error",
                 .y_from_zero = true};
    Error err;
    run_check(run, plot_curves(run_figures_dir(run), "ch02-loss-slice", &axes, curves, 3, &err),
              &err);
    say_wrote(run, "ch02-guess");
    say_wrote(run, "ch02-loss-slice");
    char a1[NUMBER_TEXT], a2[NUMBER_TEXT];
    run_last_line(run, "loss: a = [%s, %s], loss = %s\n", format_number(a[0], a1),
                  format_number(a[1], a2), format_number(guess_loss, loss));
}
