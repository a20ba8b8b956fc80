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

/* The loss above the least-squares loss, L(a) − L* = ½ (a − a*)ᵀ H (a − a*),
 * from H directly, so that a gap of 1e-12 keeps its digits. best, a: 2 */
static double excess_loss(const double h[4], const double best[2], const double a[2])
{
    double e[2] = {a[0] - best[0], a[1] - best[1]};
    return 0.5 * (h[0] * e[0] * e[0] + 2.0 * h[1] * e[0] * e[1] + h[3] * e[1] * e[1]);
}

/* "the flattest direction's share: times 0.862 a step", the factor
 * (1 − lr·λ)² a step from rate_curvature = lr·λ; a factor within 1e-4 of 1
 * as "times 1 - 2.6e-11", which "times 1" would hide. label: 96 */
static void share_label(char *label, const char *which, double rate_curvature)
{
    double factor = pow(1.0 - rate_curvature, 2.0);
    double shrink = rate_curvature * (2.0 - rate_curvature); /* 1 − factor, without cancelling */
    if (fabs(shrink) < 1e-4)
        snprintf(label, 96, "the %s direction's share: times 1 - %.2g a step", which, shrink);
    else
        snprintf(label, 96, "the %s direction's share: times %.4g a step", which, factor);
}

/* The slowest direction's share of L − L* at every step into y, as a curve
 * into curve. Along each eigenvector u of H, of curvature λ, each step
 * multiplies the error by (1 − lr·λ), so its share ½ λ (u·e₀)² (1 − lr·λ)^(2t)
 * of the excess falls by the same factor every step; the direction whose
 * factor is nearer 1 (the flattest one, for a small rate) is in the end all
 * that is left. Drawn as dots, about 20 of them, on the run's line.
 * Returns 1 if there is one to draw. h: 2×2, lambda: 2, best: 2, steps
 * and y: room for last + 1, label: 96 */
static size_t slowest_share(const Watch *watch, const double h[4], const double lambda[2],
                            const double *best, double *steps, double *y, char *label,
                            Curve *curve)
{
    double theta = 0.5 * atan2(2.0 * h[1], h[0] - h[3]); /* λmax's eigenvector (cos, sin) */
    double axes[2][2] = {{cos(theta), sin(theta)}, {-sin(theta), cos(theta)}};
    int k = fabs(1.0 - watch->lr * lambda[1]) >= fabs(1.0 - watch->lr * lambda[0]) ? 1 : 0;
    double e[2] = {watch->a[0] - best[0], watch->a[1] - best[1]};
    double along = axes[k][0] * e[0] + axes[k][1] * e[1];
    double factor = pow(1.0 - watch->lr * lambda[k], 2.0);
    size_t count = 0, every = watch->last < 20 ? 1 : watch->last / 20;
    for (size_t t = 0; t <= watch->last; t += every) {
        double share = 0.5 * lambda[k] * along * along * pow(factor, (double)t);
        if (!(share > 0.0 && isfinite(share)))
            break; /* drawn until it underflows */
        steps[count] = (double)t;
        y[count++] = share;
    }
    share_label(label, k == 1 ? "flattest" : "steepest", watch->lr * lambda[k]);
    *curve = (Curve){label, ROLE_PREDICTED, true, steps, y, count};
    return count > 0 ? 1 : 0;
}

/* The loss at every step, or, when there is a least-squares line (best not
 * NULL), the loss above it, L − L*: that is what falls by a fixed factor a
 * step, a straight line on a log axis, where L itself flattens onto L*.
 * Beside it, the share of the slowest direction, which falls by exactly
 * (1 − lr·λ)² a step and is, in the end, all that is left. */
static void draw_loss_curve(Run *run, const Watch *watch, const double *best, bool reached)
{
    const Dataset *data = run->data;
    size_t count = watch->last + 1, kept = 0;
    double *steps = run_alloc(run, count, sizeof *steps), *gap_steps = run_alloc(run, count,
                                                                                sizeof *steps);
    double *excess = run_alloc(run, count, sizeof *excess), h[4], lambda[2];
    hessian_d(data->x, data->n, 2, h);
    hessian_eigenvalues(data->x, data->n, lambda);
    for (size_t k = 0; k < count; k++) {
        steps[k] = (double)k;
        double gap = best != NULL ? excess_loss(h, best, &watch->a[2 * k]) : 0.0;
        if (gap > 0.0) { /* a log axis has no place for a gap of exactly 0 */
            gap_steps[kept] = (double)k;
            excess[kept++] = gap;
        }
    }
    Curve curves[2] = {{"loss of all the data", ROLE_FULL_BATCH, false, steps, watch->loss, count}};
    Axes axes = {.title = "The loss at every step",
                 .x_label = "step",
                 .y_label = "mean squared error (log scale)",
                 .log_y = true};
    size_t shown = 1;
    double *slow = run_alloc(run, count, sizeof *slow), *slow_steps = run_alloc(run, count,
                                                                               sizeof *slow);
    char slow_label[96];
    if (best != NULL) {
        curves[0] = (Curve){"L(a) - L*: the loss above the least-squares loss", ROLE_FULL_BATCH,
                            false, gap_steps, excess, kept};
        shown += slowest_share(watch, h, lambda, best, slow_steps, slow, slow_label, &curves[1]);
        axes.title = reached ? "Above the least-squares loss, the loss falls by a fixed factor "
                               "a step"
                             : "The loss above the least-squares loss, still far from 0";
        axes.y_label = "L(a) - L*, mean squared error above L* (log scale)";
    }
    Error err;
    run_check(run, plot_curves(run_figures_dir(run), "ch04-loss", &axes, curves, shown, &err),
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
    draw_loss_curve(run, watch, has_best ? best : NULL, reached);
    draw_animation(run, watch, has_best ? best : NULL);
    say_wrote(run, "ch04-fit");
    say_wrote(run, "ch04-loss");
    say_wrote(run, "ch04-animation");
    char last[LAST_LINE_SIZE];
    run_last_line(run, "%s", final_line(last, a, watch->loss[watch->last]));
}
