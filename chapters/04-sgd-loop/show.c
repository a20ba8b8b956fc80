#include "show.h"

#include <math.h>
#include <stdio.h>

#include "format.h"
#include "gradient.h"
#include "loss.h"
#include "plot.h"

void say_plan(Run *run, const double a[2])
{
    const Options *o = run->options;
    say(run, "Gradient descent on all %zu points from a = [%g, %g], lr = %g, %zu steps.\n"
             "Each step: y_hat = X a, loss, grad = (2/n) X^T (X a - y), a -= lr * grad.\n\n",
        run->data->n, a[0], a[1], o->lr, o->epochs);
    say(run, "step   loss      a\n");
}

/* Why a run that did not diverge can still end far from the answer: its
 * loss, against the least-squares loss floor_loss. */
static void say_not_converged(const Run *run, double loss, double floor_loss)
{
    const Dataset *data = run->data;
    size_t steps = run->options->epochs;
    double lr = run->options->lr, lambda[2];
    hessian_eigenvalues(data->x, data->n, lambda);
    if (floor_loss > 0.0)
        say(run, "After %zu steps the loss is still %.3g times the least-squares loss.\n",
            steps, loss / floor_loss);
    else /* the points lie on a line, whose loss is 0: no ratio to give */
        say(run, "After %zu steps the loss is still %.3g; the least-squares line, on "
                 "which the\npoints lie, has loss 0.\n",
            steps, loss);
    double bound = 2.0 / lambda[0];
    if (lr >= bound)
        say(run, "The rate %g is not below the stable bound %.4g: the steps overshoot\n"
                 "back and forth across the bowl. Try a smaller one.\n",
            lr, bound);
    else if (lambda[0] / lambda[1] > BADLY_SCALED)
        say(run, "%s.\n", SCALING_ADVICE);
    else
        say(run, "More steps (--epochs), or a larger rate below the stable bound %.4g,\n"
                 "get closer.\n",
            bound);
}

/* True when the run did what this chapter promises: its final loss came
 * within 10% of the least-squares floor (or, where a line fits the data
 * exactly and the floor is 0, within a millionth of the loss of the line
 * y = 0). A run cut short, or crawling along a badly scaled valley, does not;
 * nor does any run when there is no floor (floor_loss NAN). */
static bool reached_least_squares(const Dataset *data, double final_loss, double floor_loss)
{
    const double zero[2] = {0.0, 0.0};
    double scale = loss_of(data->x, data->y, data->n, zero);
    return final_loss <= 1.1 * floor_loss + 1e-6 * scale;
}

/* Where training landed, next to the best answer of chapter 03, and, when it
 * stopped far above the best loss, why. best: 2, or NULL when the data has no
 * unique least-squares line to compare with. */
static void compare_with_least_squares(const Run *run, const double a[2], const double *best)
{
    const Dataset *data = run->data;
    if (best == NULL) {
        say(run, "(These x values have no unique least-squares line to compare with.)\n");
        return;
    }
    char a1[NUMBER_TEXT], a2[NUMBER_TEXT];
    say(run, "Least squares (chapter 03) says a = [%s, %s]; we are %.1e away.\n",
        format_number(best[0], a1), format_number(best[1], a2),
        hypot(a[0] - best[0], a[1] - best[1]));
    double loss = loss_of(data->x, data->y, data->n, a);
    double floor_loss = loss_of(data->x, data->y, data->n, best);
    if (!reached_least_squares(data, loss, floor_loss))
        say_not_converged(run, loss, floor_loss);
}

/* The loss at every step over the least-squares floor. floor_loss: the loss
 * of the best line, or NAN when there is none (then no floor is drawn). */
static void draw_loss_curve(Run *run, const Watch *watch, double floor_loss, bool reached)
{
    size_t count = watch->last + 1;
    double *steps = run_alloc(run, count, sizeof *steps);
    for (size_t k = 0; k < count; k++)
        steps[k] = (double)k;
    /* The floor: the loss of the best line, which no amount of training beats. */
    double floor_x[2] = {0.0, (double)watch->last}, floor_y[2] = {floor_loss, floor_loss};
    Curve curves[2] = {
        {"loss of all the data", ROLE_FULL_BATCH, false, steps, watch->loss, count},
        {"the least-squares loss (chapter 03)", ROLE_LEAST_SQUARES, false, floor_x, floor_y,
         2},
    };
    Axes axes = {.title = reached
                              ? "The loss falls fast, then levels off at the best a line can do"
                              : "The loss after training, above the best a line can do",
                 .x_label = "step",
                 .y_label = "mean squared error (log scale)",
                 .log_y = true};
    if (isnan(floor_loss))
        axes.title = "The loss at every step";
    Error err;
    run_check(run,
              plot_curves(run_figures_dir(run), "ch04-loss", &axes, curves,
                          isnan(floor_loss) ? 1 : 2, &err),
              &err);
}

/* The starting guess, the line after training and, when there is one, the
 * least-squares line it should have reached. best: 2, or NULL */
static void draw_fit(Run *run, const Watch *watch, const double *best, bool reached)
{
    const double *a = &watch->a[2 * watch->last];
    char equation[64], label[96], best_label[96] = "", title[96];
    line_equation(equation, sizeof equation, a);
    snprintf(label, sizeof label, "after %zu steps: %s", watch->last, equation);
    Line lines[3] = {{"the starting guess y = -x1 + 1", {A_START[0], A_START[1]}, ROLE_START},
                     {label, {a[0], a[1]}, ROLE_FULL_BATCH},
                     {best_label, {0.0, 0.0}, ROLE_LEAST_SQUARES}};
    if (best != NULL) {
        line_equation(equation, sizeof equation, best);
        snprintf(best_label, sizeof best_label, "least squares (chapter 03): %s", equation);
        lines[2].a[0] = best[0];
        lines[2].a[1] = best[1];
    }
    if (reached)
        snprintf(title, sizeof title, "Gradient descent moved the line onto the data");
    else if (best != NULL)
        snprintf(title, sizeof title,
                 "After %zu steps the line is still short of the least-squares line",
                 watch->last);
    else
        snprintf(title, sizeof title, "Where gradient descent left the line after %zu steps",
                 watch->last);
    Error err;
    run_check(run,
              plot_fit(run_figures_dir(run), "ch04-fit", title, run->data, lines,
                       best != NULL ? 3 : 2, &err),
              &err);
}

/* The line moving, with the least-squares line drawn thinly behind it: the target. */
static void draw_animation(Run *run, const Watch *watch, const double *best)
{
    char title[80];
    snprintf(title, sizeof title, "Gradient descent, a -= lr * grad, lr = %g", watch->lr);
    Path path = {watch->a, watch->last, ROLE_FULL_BATCH};
    Line target = {"least squares: where it should end", {0.0, 0.0}, ROLE_LEAST_SQUARES};
    if (best != NULL) {
        target.a[0] = best[0];
        target.a[1] = best[1];
    }
    Error err;
    run_check(run,
              plot_animation(run_figures_dir(run), "ch04-animation", title, run->data, &path,
                             best != NULL ? &target : NULL, &err),
              &err);
}

void show_result(Run *run, const Watch *watch)
{
    const Dataset *data = run->data;
    const double *a = &watch->a[2 * watch->last];
    double best[2];
    bool has_best = least_squares_line(data->x, data->y, data->n, best);
    compare_with_least_squares(run, a, has_best ? best : NULL);
    double floor_loss = has_best ? loss_of(data->x, data->y, data->n, best) : NAN;
    bool reached = reached_least_squares(data, watch->loss[watch->last], floor_loss);
    draw_fit(run, watch, has_best ? best : NULL, reached);
    draw_loss_curve(run, watch, floor_loss, reached);
    draw_animation(run, watch, has_best ? best : NULL);
    say_wrote(run, "ch04-fit");
    say_wrote(run, "ch04-loss");
    say_wrote(run, "ch04-animation");
    char last[LAST_LINE_SIZE];
    run_last_line(run, "%s", final_line(last, a, watch->loss[watch->last]));
}
