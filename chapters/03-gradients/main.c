/*
 * Chapter 03 — the gradient: which way is downhill?
 *
 * The loss L(a) = (1/n) |X a − y|² has a slope in each direction a1 and a2:
 * the gradient. Matrix calculus gives it in one line,
 *     ∇L(a) = (2/n) Xᵀ (X a − y),
 * and this program computes it three ways at the guess a = (-1, 1): the
 * formula step by step, the one-pass gradient() the later chapters use, and
 * finite differences, which know no calculus at all. Then it solves ∇L = 0
 * directly (the normal equations) for the best a: where SGD should arrive.
 *
 *     build/ch03            build/ch03 --data my.csv            build/ch03 --help
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "gradient.h"
#include "linalg.h"
#include "loss.h"
#include "plot.h"

static const Chapter CHAPTER = {
    "ch03", "Chapter 03: the gradient by matrix calculus, checked by finite differences; "
            "the closed-form best fit.",
    FLAGS_DATA_ONLY, 0};

//> ch03_formula
/* ∇L = (2/n) Xᵀ (X a − y), one matrix operation at a time.
 * x: n×2, y: n, a: 2, grad: 2 */
static Status gradient_step_by_step(const Dataset *data, const double a[2],
                                    double grad[2], Error *err)
{
    size_t n = data->n;
    double *r = malloc(n * sizeof *r);
    if (r == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu residuals", n);
    predict(data->x, n, a, r);   /* r = X a          (n)   */
    for (size_t i = 0; i < n; i++)
        r[i] -= data->y[i];      /* r = X a − y      (n)   */
    transpose_times(data->x, n, r, grad); /* Xᵀ r    (2)   */
    grad[0] *= 2.0 / (double)n;  /* (2/n) Xᵀ r       (2)   */
    grad[1] *= 2.0 / (double)n;
    free(r);
    return STATUS_OK;
}
//< ch03_formula

static double relative_difference(const double u[2], const double v[2])
{
    double diff = hypot(u[0] - v[0], u[1] - v[1]);
    double size = fmax(hypot(u[0], u[1]), hypot(v[0], v[1]));
    return size > 0.0 ? diff / size : diff;
}

static Status compare_gradients(const Options *options, const Dataset *data, Error *err)
{
    const double *a = A_START;
    double by_formula[2], by_gradient[2], by_differences[2];
    Status status = gradient_step_by_step(data, a, by_formula, err);
    if (status != STATUS_OK)
        return status;
    gradient(data->x, data->y, data->n, a, by_gradient);
    gradient_numeric(data->x, data->y, data->n, a, 1e-5, by_differences);

    say(options, "The gradient of the loss at the guess a = [%g, %g]:\n", a[0], a[1]);
    say(options, "                                      dL/da1      dL/da2\n");
    say(options, "  (2/n) X^T (X a - y), step by step  %9.6f   %9.6f\n", by_formula[0],
        by_formula[1]);
    say(options, "  gradient(), in one pass            %9.6f   %9.6f\n", by_gradient[0],
        by_gradient[1]);
    say(options, "  finite differences, h = 1e-5       %9.6f   %9.6f\n", by_differences[0],
        by_differences[1]);
    say(options, "Relative difference, calculus vs finite differences: %.1e\n",
        relative_difference(by_gradient, by_differences));
    say(options, "Downhill is against the gradient: a1 should %s and a2 should %s.\n",
        by_gradient[0] < 0 ? "grow" : "shrink", by_gradient[1] < 0 ? "grow" : "shrink");
    return STATUS_OK;
}

//> ch03_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    Status status = compare_gradients(options, data, err);
    double best[2];
    if (status == STATUS_OK)
        status = least_squares(data->x, data->y, data->n, best, err);
    if (status != STATUS_OK)
        return status;

    double grad_at_best[2];
    gradient(data->x, data->y, data->n, best, grad_at_best);
    double best_loss = loss_of(data->x, data->y, data->n, best);
    say(options, "\nSetting the gradient to zero gives the normal equations X^T X a = X^T y;\n"
                 "their solution is the best a of all: a = [%.4f, %.4f], loss %.4f.\n"
                 "The gradient there: [%.1e, %.1e], zero up to rounding.\n",
        best[0], best[1], best_loss, grad_at_best[0], grad_at_best[1]);
    if (options->data_path == NULL)
        say(options, "The true a is [%g, %g]; the best intercept is near %g + 0.5 because the\n"
                     "noise averages 0.5, and a line cannot tell noise from signal.\n",
            A_TRUE[0], A_TRUE[1], A_TRUE[1]);

    char equation[64], label[80];
    line_equation(equation, sizeof equation, best);
    snprintf(label, sizeof label, "least squares: %s", equation);
    Line lines[2] = {{label, {best[0], best[1]}, ROLE_LEAST_SQUARES},
                     {"the true line y = 3*x1 + 2", {A_TRUE[0], A_TRUE[1]}, ROLE_TRUE_LINE}};
    bool synthetic = options->data_path == NULL;
    FigureSet *figures = NULL; /* the figure and the last line, or neither */
    status = figures_begin(&figures, options->out_dir, err);
    if (status == STATUS_OK)
        status = plot_fit(figures_dir(figures), "ch03-least-squares",
                          synthetic ? "The best line runs through the middle of the data, "
                                      "above the true one"
                                    : "The best line through your data",
                          data, lines, synthetic ? 2 : 1, err);
    if (status == STATUS_OK)
        say_wrote(options, "ch03-least-squares");
    char last[LAST_LINE_SIZE];
    snprintf(last, sizeof last, "least squares: a = [%.4f, %.4f], loss = %.4f\n", best[0],
             best[1], best_loss);
    return finish_run(figures, status, last, err);
}
//< ch03_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
