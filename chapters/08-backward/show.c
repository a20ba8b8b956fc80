#include "show.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "format.h"
#include "gradient.h"
#include "plot.h"
#include "sgd.h"

/* |u − v| / |v|, or |u − v| when v = 0. u: 2, v: 2 */
/* --- The tape of one point, printed node by node ------------------------- */

/* Names for the nodes of one point's loss, found from the nodes the model
 * knows (a, y_hat, the squared miss, the loss) by following their inputs.
 * model: recorded by forward() on one point; names: one per node */
static void name_nodes(const Model *model, Var loss, const char **names)
{
    const TapeNode *nodes = model->tape.nodes;
    for (size_t id = 0; id < tape_size(&model->tape); id++)
        names[id] = "";
    const TapeNode *y_hat = &nodes[model->y_hat[0].id];
    size_t miss = nodes[model->squared[0].id].input[0];
    names[model->a[0].id] = "a1";
    names[model->a[1].id] = "a2";
    names[y_hat->input[0]] = "a1*x1";
    names[y_hat->input[1]] = "a2*x2";
    names[nodes[y_hat->input[0]].input[1]] = "x1";
    names[nodes[y_hat->input[1]].input[1]] = "x2";
    names[model->y_hat[0].id] = "y_hat = a1*x1 + a2*x2";
    names[nodes[miss].input[1]] = "y";
    names[miss] = "y_hat - y";
    names[model->squared[0].id] = "(y_hat - y)^2";
    names[loss.id] = "loss = mean of the squares";
}

static void show_node(const Run *run, const TapeNode *node, size_t id, const char *name)
{
    char inputs[32] = "", locals[48] = "", l1[NUMBER_TEXT], l2[NUMBER_TEXT];
    char value[NUMBER_TEXT], grad[NUMBER_TEXT];
    if (node->arity == 1) {
        snprintf(inputs, sizeof inputs, "%zu", node->input[0]);
        snprintf(locals, sizeof locals, "%8s", format_number(node->local[0], l1));
    } else if (node->arity == 2) {
        snprintf(inputs, sizeof inputs, "%zu %zu", node->input[0], node->input[1]);
        snprintf(locals, sizeof locals, "%8s %8s", format_number(node->local[0], l1),
                 format_number(node->local[1], l2));
    }
    say(run, "  %4zu  %-6s  %-6s  %8s   %-17s  %8s   %s\n", id, node->op, inputs,
        format_number(node->value, value), locals, format_number(node->grad, grad), name);
}

/* a (2 nodes), y_hat (5), the squared miss (3), the mean (1) */
enum { ONE_POINT_NODES = 11 };

void show_one_point(Run *run)
{
    const Dataset *data = run->data;
    Dataset first = {1, data->x, data->y}; /* a view of point 1, not a copy */
    Model *model = model_new(run, 1);
    Var loss = forward(model, &first);
    tape_backward(&model->tape, loss);
    model_check(model);
    if (tape_size(&model->tape) == ONE_POINT_NODES) {
        char x1[NUMBER_TEXT], y[NUMBER_TEXT];
        say(run,
            "The tape of the loss of point 1 alone (x1 = %s, y = %s) at a = [%g, %g],\n"
            "after backward(): each grad is dloss/dnode.\n",
            format_number(first.x[0], x1), format_number(first.y[0], y), A_START[0],
            A_START[1]);
        const char *names[ONE_POINT_NODES];
        name_nodes(model, loss, names);
        say(run, "  node  op      inputs     value   local derivatives      grad\n");
        for (size_t id = 0; id < ONE_POINT_NODES; id++)
            show_node(run, &model->tape.nodes[id], id, names[id]);
    }
    model_free(model);
}

/* --- Check 1 and 2: the tape against calculus and finite differences ----- */

/* One row of the gradients: six decimals, or from a million up scientific
 * notation, never a hundred digits. grad: 2 */
static void say_gradient_row(const Run *run, const char *how, const double grad[2])
{
    char g1[NUMBER_TEXT], g2[NUMBER_TEXT];
    say(run, "  %-32s%10s  %10s\n", how, format_decimals(grad[0], 6, g1),
        format_decimals(grad[1], 6, g2));
}

void show_gradient_three_ways(Run *run)
{
    const Dataset *d = run->data;
    Model *model = model_new(run, d->n);
    tape_backward(&model->tape, forward(model, d));
    model_check(model);
    double by_tape[2], by_hand[2], by_differences[2];
    model_grad(model, by_tape);
    gradient(d->x, d->y, d->n, A_START, by_hand);
    gradient_numeric(d->x, d->y, d->n, A_START, 1e-5, by_differences);
    say(run,
        "\nAll %zu points: the tape holds %zu nodes (2 for a, 8 per point, %zu for the mean).\n"
        "The gradient at a = [%g, %g] three ways:\n",
        d->n, tape_size(&model->tape), d->n, A_START[0], A_START[1]);
    say(run, "                                     dL/da1      dL/da2\n");
    say_gradient_row(run, "the tape, loss.backward()", by_tape);
    say_gradient_row(run, "by hand, chapter 03's gradient()", by_hand);
    say_gradient_row(run, "finite differences, h = 1e-5", by_differences);
    say(run, "Relative difference, tape vs by hand: %.0e; tape vs finite differences: %.0e\n",
        relative_difference(by_tape, by_hand), relative_difference(by_tape, by_differences));
    model_free(model);
}

/* --- Training, and check 3: the same path as chapter 04 ------------------- */

Watch watch_training(Run *run)
{
    const Options *o = run->options;
    Watch watch = watch_line(run, "step", o->epochs, o->lr);
    /* A run that ends above its start is told where the loss first rose,
     * even when its last loss is past the limit too. */
    watch.rise_first = true;
    char warning[512];
    if (past_stable_bound(run->data, o->lr, 0.0, warning, sizeof warning))
        say(run, "\n%s", warning);
    say(run, "\nstep   loss      a\n");
    return watch;
}

void show_same_path(Run *run, const Watch *path)
{
    const Dataset *d = run->data;
    double a[2] = {A_START[0], A_START[1]}, worst = 0.0;
    for (size_t t = 1; t <= path->last; t++) {
        sgd_update(d->x, d->y, d->n, a, path->lr);
        double error = relative_difference(&path->a[2 * t], a);
        worst = error > worst ? error : worst;
    }
    say(run, "Chapter 04's sgd_update(), gradient by hand, from the same start: the two\n"
             "paths differ by at most %.0e (relative) over %zu steps.\n",
        worst, path->last);
}

/* --- (a) Without torch.no_grad() ------------------------------------------ */

/* What the whole run would cost that way, from the walk of the first step
 * and the growth of every step: after `steps` steps the tape holds
 * 2 + steps·growth nodes, and the walk of step t visits first_walk +
 * (t − 1)·growth of them. */
static void say_what_it_would_cost(const Run *run, size_t steps, size_t first_walk,
                                   size_t growth)
{
    double t = (double)steps;
    double nodes = PARAMETERS + t * (double)growth;
    double walked = t * (double)first_walk + (double)growth * t * (t - 1.0) / 2.0;
    say(run, "At that rate, after %zu steps the tape would hold %.0f nodes, and the %zu\n"
             "walks together would visit %.0f of them, where with no_grad they visit\n"
             "%zu each, %.0f in all.\n",
        steps, nodes, steps, walked, first_walk, t * (double)first_walk);
}

void show_without_no_grad(Run *run, const Watch *path)
{
    size_t steps = path->last < 5 ? path->last : 5, growth = 0, first_walk = 0;
    Model *model = model_new(run, run->data->n);
    say(run, "\n(a) Without torch.no_grad(): the update a - lr * a.grad is recorded too.\n"
             "step   nodes on the tape   nodes backward() walks   a\n");
    double a[2] = {A_START[0], A_START[1]};
    for (size_t t = 1; t <= steps; t++) {
        size_t size_before = tape_size(&model->tape);
        Var loss = step_without_no_grad(model, run->data, path->lr);
        growth = tape_size(&model->tape) - size_before;
        if (t == 1)
            first_walk = loss.id + 1;
        model_a(model, a);
        char a1[NUMBER_TEXT], a2[NUMBER_TEXT];
        say(run, "%4zu   %17zu   %22zu   [%s, %s]\n", t, tape_size(&model->tape),
            loss.id + 1, format_number(a[0], a1), format_number(a[1], a2));
    }
    model_check(model);
    model_free(model);
    const double *with_no_grad = &path->a[2 * steps];
    bool same = a[0] == with_no_grad[0] && a[1] == with_no_grad[1];
    char a1[NUMBER_TEXT], a2[NUMBER_TEXT];
    say(run, "%s a as with no_grad after %zu steps (%s [%s, %s]), but each\n"
             "backward() walks back through every earlier step, and the tape grows by\n"
             "%zu nodes a step.\n",
        same ? "The same" : "A different", steps, same ? "both" : "no_grad's",
        format_number(with_no_grad[0], a1), format_number(with_no_grad[1], a2), growth);
    say_what_it_would_cost(run, path->last, first_walk, growth);
}

/* --- (b) Without a.grad.zero_(), and (c) .detach() ------------------------ */

void show_without_zero_grad(Run *run, double a_end[2])
{
    const Options *o = run->options;
    Model *model = model_new(run, run->data->n);
    double grad[2][2];
    for (int call = 0; call < 2; call++) {
        tape_backward(&model->tape, forward(model, run->data));
        model_grad(model, grad[call]);
    }
    char g[2][2][NUMBER_TEXT];
    for (int call = 0; call < 2; call++)
        for (int j = 0; j < 2; j++)
            format_decimals(grad[call][j], 6, g[call][j]);
    say(run, "\n(b) Without a.grad.zero_(): backward() twice at the same a = [%g, %g].\n"
             "  after the first backward()          a.grad = [%s, %s]\n"
             "  after the second, without zero_()   a.grad = [%s, %s]  (twice)\n",
        A_START[0], A_START[1], g[0][0], g[0][1], g[1][0], g[1][1]);

    tape_zero_grad(&model->tape, model->a[0]); /* a fresh start for the training run */
    tape_zero_grad(&model->tape, model->a[1]);
    Watch watch = watch_line(run, "step", o->epochs, o->lr);
    watch.quiet = true;   /* its rows are not the table's */
    watch.survive = true; /* it swings, and is told below */
    train_without_zero_grad(model, run->data, o->lr, o->epochs, &watch);
    model_a(model, a_end);
    model_check(model);
    model_free(model);
    /* The losses from step epochs / 2 on (step 0 itself, for a run of one step). */
    double low = INFINITY, high = 0.0;
    for (size_t t = o->epochs / 2; t < o->epochs; t++) {
        low = fmin(low, watch.loss[t]);
        high = fmax(high, watch.loss[t]);
    }
    char a1[NUMBER_TEXT], a2[NUMBER_TEXT], lowest[NUMBER_TEXT], highest[NUMBER_TEXT];
    say(run, "Trained %zu steps that way, a ends at [%s, %s]. From step %zu on, the\n"
             "loss ranged from %s to %s%s\n",
        o->epochs, format_number(a_end[0], a1), format_number(a_end[1], a2), o->epochs / 2,
        format_number(low, lowest), format_number(high, highest),
        high > 2.0 * low ? ": a swings around the answer, never settling." : ".");
}

/* a is two tape nodes (Var), but a Line takes two numbers (double): handing
 * it the Vars would not even compile. tape_value() copies each number out,
 * without its history: that is a.detach(), which is all there is to (c). */
void draw_zero_grad(Run *run, const Model *model, const double a_no_zero[2])
{
    double a[2] = {tape_value(&model->tape, model->a[0]), /* a.detach() */
                   tape_value(&model->tape, model->a[1])};
    char trained[96], swinging[96], title[96], t[2][NUMBER_TEXT], s[2][NUMBER_TEXT];
    snprintf(trained, sizeof trained, "with zero_() every step: y = %s*x1 + %s",
             format_decimals(a[0], 2, t[0]), format_decimals(a[1], 2, t[1]));
    snprintf(swinging, sizeof swinging, "without zero_(): y = %s*x1 + %s",
             format_decimals(a_no_zero[0], 2, s[0]), format_decimals(a_no_zero[1], 2, s[1]));
    snprintf(title, sizeof title,
             "Where a ended after %zu steps, with a.grad.zero_() and without it",
             run->options->epochs);
    Line lines[2] = {{trained, {a[0], a[1]}, ROLE_FULL_BATCH},
                     {swinging, {a_no_zero[0], a_no_zero[1]}, ROLE_MISTAKE}};
    bool swung_off = !(isfinite(a_no_zero[0]) && isfinite(a_no_zero[1]));
    Error err;
    run_check(run,
              plot_fit(run_figures_dir(run), "ch08-zero-grad", title, run->data, lines,
                       swung_off ? 1 : 2, &err),
              &err);
    say_wrote(run, "ch08-zero-grad");
    say(run, "\n(c) Without .detach(): the notebook's plt.plot(x[:,0], x@a) after training\n"
             "fails in PyTorch with\n"
             "  Can't call numpy() on Variable that requires grad. Use var.detach().numpy() "
             "instead.\n"
             "x@a still holds its history, the graph it was computed on. Here a is two tape\n"
             "nodes (Var), and a line to draw takes two doubles, so handing it the nodes\n"
             "would not compile: tape_value() copies the numbers out without their history,\n"
             "as .detach() does. The figure above is drawn from a.detach() = [%s, %s].\n",
             format_number(a[0], t[0]), format_number(a[1], t[1]));
}

void say_final_line(Run *run, const Watch *path)
{
    run_final_line(run, &path->a[2 * path->last], path->loss[path->last]); /* data's units */
}
