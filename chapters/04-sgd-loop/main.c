/*
 * Chapter 04 — the loop: step downhill, again and again.
 *
 * Chapter 03 found which way is downhill. Gradient descent takes a small step
 * that way, lr times the gradient, and repeats:
 *     a -= lr * grad
 * Each step is the notebook's update(): predict y_hat = X a, measure the loss,
 * compute the gradient, step. This program runs 100 steps from the guess
 * a = (-1, 1), prints the loss every 10, compares where it lands with the
 * closed-form answer, and draws the fit, the loss curve and an animation of
 * the line moving into place.
 *
 *     build/ch04            build/ch04 --lr 0.5            build/ch04 --data my.csv --epochs 1000
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chapter.h"
#include "gradient.h"
#include "loss.h"
#include "plot.h"
#include "sgd.h"

static const Chapter CHAPTER = {
    "ch04", "Chapter 04: gradient descent, a -= lr * grad, on all the data at every step.",
    FLAGS_TRAINING, 0};

static void show_step(const Options *options, const History *history, size_t step)
{
    say_progress_row(options, 4, step, history->loss[step], &history->a[2 * step]);
}

/* The rows a blow-up at step t would otherwise hide: every step since the
 * last printed row, t's own included, so the reader watches the loss
 * explode. */
static void show_blow_up(const Options *options, const History *history, size_t t,
                         size_t every)
{
    for (size_t step = first_unshown_row(t, every); step <= t; step++)
        show_step(options, history, step);
}

/* Why a run that did not diverge can still end far from the answer: its
 * loss, against the least-squares loss floor_loss. */
static void say_not_converged(const Options *options, const Dataset *data, double loss,
                              double floor_loss)
{
    double lambda[2];
    hessian_eigenvalues(data->x, data->n, lambda);
    if (floor_loss > 0.0)
        say(options, "After %zu steps the loss is still %.3g times the least-squares loss.\n",
            options->epochs, loss / floor_loss);
    else /* the points lie on a line, whose loss is 0: no ratio to give */
        say(options, "After %zu steps the loss is still %.3g; the least-squares line, on "
                     "which the\npoints lie, has loss 0.\n",
            options->epochs, loss);
    double bound = 2.0 / lambda[0];
    if (options->lr >= bound)
        say(options, "The rate %g is not below the stable bound %.4g: the steps overshoot\n"
                     "back and forth across the bowl. Try a smaller one.\n",
            options->lr, bound);
    else if (lambda[0] / lambda[1] > BADLY_SCALED)
        say(options, "%s.\n", SCALING_ADVICE);
    else
        say(options, "More steps (--epochs), or a larger rate below the stable bound %.4g,\n"
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
static void compare_with_least_squares(const Options *options, const Dataset *data,
                                       const double a[2], const double *best)
{
    if (best == NULL) {
        say(options, "(These x values have no unique least-squares line to compare with.)\n");
        return;
    }
    say(options, "Least squares (chapter 03) says a = [%.4f, %.4f]; we are %.1e away.\n",
        best[0], best[1], hypot(a[0] - best[0], a[1] - best[1]));
    double loss = loss_of(data->x, data->y, data->n, a);
    double floor_loss = loss_of(data->x, data->y, data->n, best);
    if (!reached_least_squares(data, loss, floor_loss))
        say_not_converged(options, data, loss, floor_loss);
}

/* The loss at every step over the least-squares floor. floor_loss: the loss
 * of the best line, or NAN when there is none (then no floor is drawn). */
static Status draw_loss_curve(const char *dir, const History *history, double floor_loss,
                              bool reached, Error *err)
{
    size_t count = history->epochs + 1;
    double *steps = malloc(count * sizeof *steps);
    if (steps == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for the loss curve");
    for (size_t k = 0; k < count; k++)
        steps[k] = (double)k;

    /* The floor: the loss of the best line, which no amount of training beats. */
    double floor_x[2] = {0.0, (double)history->epochs}, floor_y[2] = {floor_loss, floor_loss};
    Curve curves[2] = {
        {"loss of all the data", ROLE_FULL_BATCH, false, steps, history->loss, count},
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
    Status status = plot_curves(dir, "ch04-loss", &axes, curves, isnan(floor_loss) ? 1 : 2,
                                err);
    free(steps);
    return status;
}

/* The starting guess, the line after training and, when there is one, the
 * least-squares line it should have reached. best: 2, or NULL */
static Status draw_fit(const char *dir, const Dataset *data, const History *history,
                       const double *best, bool reached, Error *err)
{
    const double *a = &history->a[2 * history->epochs];
    char equation[64], label[96], best_label[96] = "", title[96];
    line_equation(equation, sizeof equation, a);
    snprintf(label, sizeof label, "after %zu steps: %s", history->epochs, equation);
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
                 history->epochs);
    else
        snprintf(title, sizeof title, "Where gradient descent left the line after %zu steps",
                 history->epochs);
    return plot_fit(dir, "ch04-fit", title, data, lines, best != NULL ? 3 : 2, err);
}

/* The line moving, with the least-squares line drawn thinly behind it: the target. */
static Status draw_animation(const char *dir, const Options *options, const Dataset *data,
                             const History *history, const double *best, Error *err)
{
    char title[80];
    snprintf(title, sizeof title, "Gradient descent, a -= lr * grad, lr = %g", options->lr);
    Path path = {history->a, history->epochs, ROLE_FULL_BATCH};
    Line target = {"least squares: where it should end", {0.0, 0.0}, ROLE_LEAST_SQUARES};
    if (best != NULL) {
        target.a[0] = best[0];
        target.a[1] = best[1];
    }
    return plot_animation(dir, "ch04-animation", title, data, &path,
                          best != NULL ? &target : NULL, err);
}

/* The three figures, into dir. best: 2, or NULL */
static Status draw_figures(const Options *options, const char *dir, const Dataset *data,
                           const History *history, const double *best, Error *err)
{
    double floor_loss = best != NULL ? loss_of(data->x, data->y, data->n, best) : NAN;
    bool reached = reached_least_squares(data, history->loss[history->epochs], floor_loss);
    Status status = draw_fit(dir, data, history, best, reached, err);
    if (status == STATUS_OK)
        status = draw_loss_curve(dir, history, floor_loss, reached, err);
    if (status == STATUS_OK)
        status = draw_animation(dir, options, data, history, best, err);
    if (status == STATUS_OK) {
        say_wrote(options, "ch04-fit");
        say_wrote(options, "ch04-loss");
        say_wrote(options, "ch04-animation");
    }
    return status;
}

//> ch04_loop
/* The notebook's loop, one line of it at a time. history: allocated for
 * options->epochs steps; a: 2, moved from the starting guess. */
static Status descend(const Options *options, const Dataset *data, double a[2],
                      History *history, Error *err)
{
    size_t steps = options->epochs, every = progress_every(steps);
    say(options, "step   loss      a\n");
    for (size_t t = 0; t <= steps; t++) {
        /* y_hat = x@a; loss = mse(y, y_hat); loss.backward(): chapter 02's
         * loss_of() and chapter 03's gradient(), in one walk over the data. */
        double grad[2];
        double loss = loss_and_gradient(data->x, data->y, data->n, a, grad);
        history_record(history, t, a, loss);
        if (loss_diverged(loss, history->loss[0])) {
            show_blow_up(options, history, t, every);
            return diverged_at_step(err, t, options->lr, data);
        }
        if (t % every == 0 || t == steps) /* if t % 10 == 0: print(loss) */
            show_step(options, history, t);
        /* The loss after the last step is measured, not stepped from. */
        if (t == steps)
            break;
        a[0] -= options->lr * grad[0]; /* a.sub_(lr * a.grad) */
        a[1] -= options->lr * grad[1];
        history->iterations++;
    }
    size_t rose = full_batch_rose(history, steps); /* uphill, if slowly: past the bound too */
    return rose > 0 ? diverged_at_step(err, rose, options->lr, data) : STATUS_OK;
}
//< ch04_loop

//> ch04_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    History history;
    Status status = history_allocate(&history, options->epochs, err);
    if (status != STATUS_OK)
        return status;

    double a[2] = {A_START[0], A_START[1]};
    say(options, "Gradient descent on all %zu points from a = [%g, %g], lr = %g, %zu steps.\n"
                 "Each step: y_hat = X a, loss, grad = (2/n) X^T (X a - y), a -= lr * grad.\n\n",
        data->n, a[0], a[1], options->lr, options->epochs);
    status = descend(options, data, a, &history, err);
    /* The figures and the last line land together, or none of them: see chapter.h. */
    FigureSet *figures = NULL;
    if (status == STATUS_OK)
        status = figures_begin(&figures, options->out_dir, err);
    if (status == STATUS_OK) {
        double best[2];
        Error no_unique_line;
        bool has_best = least_squares(data->x, data->y, data->n, best, &no_unique_line) ==
                        STATUS_OK;
        compare_with_least_squares(options, data, a, has_best ? best : NULL);
        status = draw_figures(options, figures_dir(figures), data, &history,
                              has_best ? best : NULL, err);
    }
    char last[LAST_LINE_SIZE] = "";
    if (status == STATUS_OK)
        final_line(last, a, history.loss[history.epochs]);
    status = finish_run(figures, status, last, err);
    history_free(&history);
    return status;
}
//< ch04_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
