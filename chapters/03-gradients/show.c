#include "show.h"

#include <math.h>
#include <stdio.h>

#include "format.h"
#include "gradient.h"
#include "loss.h"
#include "plot.h"

/* One row of the table of gradients: six decimals, or from a million up
 * scientific notation, never a hundred digits. grad: 2 */
static void say_gradient_row(const Run *run, const char *how, const double grad[2])
{
    char g1[NUMBER_TEXT], g2[NUMBER_TEXT];
    say(run, "  %-35s%9s   %9s\n", how, format_decimals(grad[0], 6, g1),
        format_decimals(grad[1], 6, g2));
}

void say_gradients(const Run *run, const double a[2], const Gradients *g)
{
    say(run, "The gradient of the loss at the guess a = [%g, %g]:\n", a[0], a[1]);
    say(run, "                                      dL/da1      dL/da2\n");
    say_gradient_row(run, "(2/n) X^T (X a - y), step by step", g->by_formula);
    say_gradient_row(run, "gradient(), in one pass", g->in_one_pass);
    say_gradient_row(run, "finite differences, h = 1e-5", g->by_differences);
    say(run, "Relative difference, calculus vs finite differences: %.1e\n",
        relative_difference(g->in_one_pass, g->by_differences));
    say(run, "Downhill is against the gradient: a1 should %s and a2 should %s.\n",
        g->in_one_pass[0] < 0 ? "grow" : "shrink", g->in_one_pass[1] < 0 ? "grow" : "shrink");
}

/* The best line over the data, with the true line on the notebook's data. best: 2 */
static void draw_best_line(Run *run, const double best[2], bool synthetic)
{
    char equation[64], label[80];
    line_equation(equation, sizeof equation, best);
    snprintf(label, sizeof label, "least squares: %s", equation);
    Line lines[2] = {{label, {best[0], best[1]}, ROLE_LEAST_SQUARES},
                     {"the true line y = 3*x1 + 2", {A_TRUE[0], A_TRUE[1]}, ROLE_TRUE_LINE}};
    const char *title = synthetic ? "The best line runs through the middle of the data, "
                                    "above the true one"
                                  : "The best line through your data";
    Error err;
    run_check(run,
              plot_fit(run_figures_dir(run), "ch03-least-squares", title, run->data, lines,
                       synthetic ? 2 : 1, &err),
              &err);
}

void show_least_squares(Run *run, const double best[2], const double grad_at_best[2])
{
    const Dataset *data = run->data;
    bool synthetic = run->options->data_path == NULL;
    double best_loss = loss_of(data->x, data->y, data->n, best);
    char a1[NUMBER_TEXT], a2[NUMBER_TEXT], loss[NUMBER_TEXT];
    format_number(best[0], a1);
    format_number(best[1], a2);
    format_number(best_loss, loss);
    say(run, "\nSetting the gradient to zero gives the normal equations X^T X a = X^T y;\n"
             "their solution is the best a of all: a = [%s, %s], loss %s.\n"
             "The gradient there: [%.1e, %.1e], zero up to rounding.\n",
        a1, a2, loss, grad_at_best[0], grad_at_best[1]);
    if (synthetic)
        say(run, "The true a is [%g, %g]; the best intercept is near %g + 0.5 because the\n"
                 "noise averages 0.5, and a line cannot tell noise from signal.\n",
            A_TRUE[0], A_TRUE[1], A_TRUE[1]);
    draw_best_line(run, best, synthetic);
    say_wrote(run, "ch03-least-squares");
    run_last_line(run, "least squares: a = [%s, %s], loss = %s\n", a1, a2, loss);
}
