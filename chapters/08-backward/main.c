/*
 * Chapter 08 — what loss.backward() computes: a tape in C.
 *
 * The notebook's update() is
 *     y_hat = x@a
 *     loss = mse(y, y_hat)
 *     if t % 10 == 0: print(loss)
 *     loss.backward()
 *     with torch.no_grad():
 *         a.sub_(lr * a.grad)
 *         a.grad.zero_()
 * Chapters 03 and 04 replaced loss.backward() with a gradient worked out by
 * hand. This program computes it the way PyTorch does: the forward pass
 * records every multiplication, addition and square on a tape (code/tape.h),
 * and backward() walks the tape in reverse, applying the chain rule. It shows
 * the tape of one point, checks the tape's gradient against chapter 03's and
 * against finite differences, trains with update() written out line by line
 * to chapter 04's final line, shows what no_grad and zero_ are for by leaving
 * each one out (and why detach needs no run in C), and measures what the tape
 * costs.
 *
 *     build/ch08            build/ch08 --lr 0.5            build/ch08 --data my.csv --epochs 1000
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "chapter.h"
#include "gradient.h"
#include "loss.h"
#include "plot.h"
#include "sgd.h"
#include "tape.h"

static const Chapter CHAPTER = {
    "ch08", "Chapter 08: loss.backward() in C: a tape records the forward pass, and "
            "backward() walks it in reverse.",
    FLAGS_TRAINING, 0};

//> ch08_record
/* y_hat = x@a, one row at a time: y_hat_i = a1*x1_i + a2*x2_i. The inputs
 * are numbers, so they go on the tape as leaves.
 * x: n×2 row-major, a: 2 nodes, y_hat: room for n nodes */
static void record_predictions(Tape *tape, const double *x, size_t n, const Var a[2],
                               Var *y_hat)
{
    for (size_t i = 0; i < n; i++) {
        /* One operation a line: C leaves the order of a call's arguments
         * open, and the order of the nodes on the tape should not be. */
        Var x1 = tape_leaf(tape, x[2 * i]);
        Var x2 = tape_leaf(tape, x[2 * i + 1]);
        Var a1_x1 = tape_mul(tape, a[0], x1);
        Var a2_x2 = tape_mul(tape, a[1], x2);
        y_hat[i] = tape_add(tape, a1_x1, a2_x2);
    }
}

/* loss = mse(y, y_hat), the mean of (y_hat_i − y_i)².
 * y_hat: n nodes, y: n, squared: room for n nodes (scratch) */
static Var record_mse(Tape *tape, const Var *y_hat, const double *y, size_t n, Var *squared)
{
    for (size_t i = 0; i < n; i++)
        squared[i] = tape_square(tape, tape_sub(tape, y_hat[i], tape_leaf(tape, y[i])));
    return tape_mean(tape, squared, n);
}
//< ch08_record

/* The model on its tape: a is the tape's first two nodes (leaves, like a
 * tensor made with requires_grad=True), kept when each step resets the tape;
 * y_hat and squared have room for the nodes of one forward pass. */
enum { PARAMETERS = 2 };

typedef struct {
    Tape tape;
    Var a[2];
    Var *y_hat;   /* n */
    Var *squared; /* n */
} Model;

/* Frees everything and leaves an empty model, which may be freed again. */
static void model_free(Model *model)
{
    tape_free(&model->tape);
    free(model->y_hat);
    free(model->squared);
    *model = (Model){.y_hat = NULL};
}

/* a on a new tape, and room for n points. On failure, nothing to free.
 * a_start: 2, n ≥ 1 */
static Status model_init(Model *model, const double a_start[2], size_t n, Error *err)
{
    *model = (Model){.y_hat = NULL};
    model->a[0] = tape_leaf(&model->tape, a_start[0]);
    model->a[1] = tape_leaf(&model->tape, a_start[1]);
    model->y_hat = malloc(n * sizeof *model->y_hat);
    model->squared = malloc(n * sizeof *model->squared);
    Status status = tape_check(&model->tape, err);
    if (status == STATUS_OK && (model->y_hat == NULL || model->squared == NULL))
        status = fail(err, STATUS_NO_MEMORY, "out of memory for a model of %zu points", n);
    if (status != STATUS_OK)
        model_free(model);
    return status;
}

/* y_hat = x@a; loss = mse(y, y_hat), on a tape that has forgotten everything
 * but a. Check the tape (tape_check) before trusting the result. */
static Var forward(Model *model, const Dataset *data)
{
    tape_reset(&model->tape, PARAMETERS);
    record_predictions(&model->tape, data->x, data->n, model->a, model->y_hat);
    return record_mse(&model->tape, model->y_hat, data->y, data->n, model->squared);
}

static void read_a(const Model *model, double a[2])
{
    a[0] = tape_value(&model->tape, model->a[0]);
    a[1] = tape_value(&model->tape, model->a[1]);
}

static void read_grad(const Model *model, double grad[2])
{
    grad[0] = tape_grad(&model->tape, model->a[0]);
    grad[1] = tape_grad(&model->tape, model->a[1]);
}

/* |u − v| / |v|, or |u − v| when v = 0. u: 2, v: 2 */
static double relative_error(const double u[2], const double v[2])
{
    double size = hypot(v[0], v[1]);
    return hypot(u[0] - v[0], u[1] - v[1]) / (size > 0.0 ? size : 1.0);
}

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

static void show_node(const Options *options, const TapeNode *node, size_t id,
                      const char *name)
{
    char inputs[32] = "", locals[48] = "";
    if (node->arity == 1) {
        snprintf(inputs, sizeof inputs, "%zu", node->input[0]);
        snprintf(locals, sizeof locals, "%8.4f", node->local[0]);
    } else if (node->arity == 2) {
        snprintf(inputs, sizeof inputs, "%zu %zu", node->input[0], node->input[1]);
        snprintf(locals, sizeof locals, "%8.4f %8.4f", node->local[0], node->local[1]);
    }
    say(options, "  %4zu  %-6s  %-6s  %8.4f   %-17s  %8.4f   %s\n", id, node->op, inputs,
        node->value, locals, node->grad, name);
}

/* a (2 nodes), y_hat (5), the squared miss (3), the mean (1) */
enum { ONE_POINT_NODES = 11 };

static Status show_one_point(const Options *options, const Dataset *data, Error *err)
{
    Dataset first = {1, data->x, data->y}; /* a view of point 1, not a copy */
    Model model;
    Status status = model_init(&model, A_START, 1, err);
    if (status != STATUS_OK)
        return status;
    Var loss = forward(&model, &first);
    tape_backward(&model.tape, loss);
    status = tape_check(&model.tape, err);
    if (status == STATUS_OK && tape_size(&model.tape) == ONE_POINT_NODES) {
        say(options,
            "The tape of the loss of point 1 alone (x1 = %.4f, y = %.4f) at a = [%g, %g],\n"
            "after backward(): each grad is dloss/dnode.\n",
            first.x[0], first.y[0], A_START[0], A_START[1]);
        const char *names[ONE_POINT_NODES];
        name_nodes(&model, loss, names);
        say(options, "  node  op      inputs     value   local derivatives      grad\n");
        for (size_t id = 0; id < ONE_POINT_NODES; id++)
            show_node(options, &model.tape.nodes[id], id, names[id]);
    }
    model_free(&model);
    return status;
}

/* --- Check 1 and 2: the tape against calculus and finite differences ----- */

static Status check_gradient(const Options *options, const Dataset *data, Error *err)
{
    Model model;
    Status status = model_init(&model, A_START, data->n, err);
    if (status != STATUS_OK)
        return status;
    Var loss = forward(&model, data);
    tape_backward(&model.tape, loss);
    status = tape_check(&model.tape, err);
    if (status == STATUS_OK) {
        double by_tape[2], by_hand[2], by_differences[2];
        read_grad(&model, by_tape);
        gradient(data->x, data->y, data->n, A_START, by_hand);
        gradient_numeric(data->x, data->y, data->n, A_START, 1e-5, by_differences);
        say(options,
            "\nAll %zu points: the tape holds %zu nodes (2 for a, 8 per point, %zu for the mean).\n"
            "The gradient at a = [%g, %g] three ways:\n",
            data->n, tape_size(&model.tape), data->n, A_START[0], A_START[1]);
        say(options, "                                     dL/da1      dL/da2\n");
        say(options, "  the tape, loss.backward()       %10.6f  %10.6f\n", by_tape[0], by_tape[1]);
        say(options, "  by hand, chapter 03's gradient()%10.6f  %10.6f\n", by_hand[0], by_hand[1]);
        say(options, "  finite differences, h = 1e-5    %10.6f  %10.6f\n", by_differences[0],
            by_differences[1]);
        say(options,
            "Relative difference, tape vs by hand: %.0e; tape vs finite differences: %.0e\n",
            relative_error(by_tape, by_hand), relative_error(by_tape, by_differences));
    }
    model_free(&model);
    return status;
}

/* --- Training: the notebook's update(), line by line --------------------- */

static void show_step(const Options *options, size_t step, double loss, const Model *model)
{
    double a[2];
    read_a(model, a);
    say_progress_row(options, 4, step, loss, a);
}

/* The bookkeeping of a step, apart from the notebook's lines: did the tape
 * run out of memory, where was a, and has the loss blown up (as in chapter
 * 04: then the rows since the last one printed show it) or, by the last
 * step, risen above where it started. path: room for step */
static Status keep_track(const Options *options, const Model *model, size_t step,
                         double loss, const Dataset *data, History *path, Error *err)
{
    Status status = tape_check(&model->tape, err);
    if (status != STATUS_OK)
        return status;
    double a[2];
    read_a(model, a);
    history_record(path, step, a, loss);
    size_t rose = step == path->epochs ? full_batch_rose(path, step) : 0; /* a slow blow-up */
    if (rose > 0) { /* the last row, then why */
        say_progress_row(options, 4, step, loss, a);
        return diverged_at_step(err, rose, options->lr, data);
    }
    if (!loss_diverged(loss, path->loss[0]))
        return STATUS_OK;
    size_t every = progress_every(options->epochs);
    for (size_t t = first_unshown_row(step, every); t <= step; t++)
        say_progress_row(options, 4, t, path->loss[t], &path->a[2 * t]);
    return diverged_at_step(err, step, options->lr, data);
}

//> ch08_train
/* options->epochs steps of the notebook's update(), from the a in model.
 * path: allocated for options->epochs; gets a and the loss before each
 * step, and after the last. */
static Status train(const Options *options, const Dataset *data, Model *model,
                    History *path, Error *err)
{
    Tape *tape = &model->tape;
    double lr = options->lr;
    size_t every = progress_every(options->epochs);
    say(options, "\nstep   loss      a\n");
    for (size_t t = 0;; t++) {
        Var loss = forward(model, data);               /* y_hat = x@a; loss = mse(y, y_hat) */
        Status status = keep_track(options, model, t, tape_value(tape, loss), data, path, err);
        if (status != STATUS_OK)
            return status;
        if (t % every == 0 || t == options->epochs)    /* if t % 10 == 0: print(loss) */
            show_step(options, t, tape_value(tape, loss), model);
        if (t == options->epochs)
            return STATUS_OK;                          /* (that was the loss after the last step) */

        tape_backward(tape, loss);                     /* loss.backward() */
        for (int j = 0; j < 2; j++) {                  /* with torch.no_grad(): */
            double a_j = tape_value(tape, model->a[j]);
            double grad_j = tape_grad(tape, model->a[j]);
            tape_set_value(tape, model->a[j], a_j - lr * grad_j); /* a.sub_(lr * a.grad) */
            tape_zero_grad(tape, model->a[j]);         /*   a.grad.zero_() */
        }
    }
}
//< ch08_train

/* --- Check 3: the same path as chapter 04 -------------------------------- */

/* path: the tape's run, from train() */
static void compare_with_chapter_04(const Options *options, const Dataset *data,
                                    const History *path)
{
    double a[2] = {A_START[0], A_START[1]}, worst = 0.0;
    for (size_t t = 1; t <= path->epochs; t++) {
        sgd_update(data->x, data->y, data->n, a, options->lr);
        double error = relative_error(&path->a[2 * t], a);
        worst = error > worst ? error : worst;
    }
    say(options, "Chapter 04's sgd_update(), gradient by hand, from the same start: the two\n"
                 "paths differ by at most %.0e (relative) over %zu steps.\n",
        worst, path->epochs);
}

/* --- What goes wrong without no_grad, zero_ and detach ------------------- */

//> ch08_without_no_grad
/* One step of (a): update() without torch.no_grad(), and without the reset
 * that no_grad makes possible. The update a_new = a − (lr·grad) is recorded
 * like any other operation, so a becomes a computed node at the end of the
 * tape, and the next step must build on top of everything before it.
 * Returns the loss node of this step. */
static Var step_without_no_grad(Model *model, const Dataset *data, double lr)
{
    Tape *tape = &model->tape;                          /* (no tape_reset) */
    record_predictions(tape, data->x, data->n, model->a, model->y_hat); /* y_hat = x@a */
    Var loss = record_mse(tape, model->y_hat, data->y, data->n, model->squared);
    tape_backward(tape, loss);                          /* loss.backward() */
    for (int j = 0; j < 2; j++) {                       /* a = a - lr * a.grad, recorded */
        Var step = tape_leaf(tape, lr * tape_grad(tape, model->a[j]));
        model->a[j] = tape_sub(tape, model->a[j], step);
    }
    return loss;
}
//< ch08_without_no_grad

/* What the whole run would cost that way, from the walk of the first step
 * and the growth of every step: after `steps` steps the tape holds
 * 2 + steps·growth nodes, and the walk of step t visits first_walk +
 * (t − 1)·growth of them. */
static void say_what_it_would_cost(const Options *options, size_t steps, size_t first_walk,
                                   size_t growth)
{
    double t = (double)steps;
    double nodes = PARAMETERS + t * (double)growth;
    double walked = t * (double)first_walk + (double)growth * t * (t - 1.0) / 2.0;
    say(options, "At that rate, after %zu steps the tape would hold %.0f nodes, and the %zu\n"
                 "walks together would visit %.0f of them, where with no_grad they visit\n"
                 "%zu each, %.0f in all.\n",
        steps, nodes, steps, walked, first_walk, t * (double)first_walk);
}

/* (a) A few steps that way, then a compared with the path train() took.
 * path: from train() */
static Status without_no_grad(const Options *options, const Dataset *data,
                              const History *path, Error *err)
{
    size_t steps = path->epochs < 5 ? path->epochs : 5, growth = 0, first_walk = 0;
    Model model;
    Status status = model_init(&model, A_START, data->n, err);
    if (status != STATUS_OK)
        return status;
    say(options, "\n(a) Without torch.no_grad(): the update a - lr * a.grad is recorded too.\n"
                 "step   nodes on the tape   nodes backward() walks   a\n");
    double a[2] = {A_START[0], A_START[1]};
    for (size_t t = 1; t <= steps; t++) {
        size_t size_before = tape_size(&model.tape);
        Var loss = step_without_no_grad(&model, data, options->lr);
        growth = tape_size(&model.tape) - size_before;
        if (t == 1)
            first_walk = loss.id + 1;
        read_a(&model, a);
        say(options, "%4zu   %17zu   %22zu   [%.4f, %.4f]\n", t, tape_size(&model.tape),
            loss.id + 1, a[0], a[1]);
    }
    status = tape_check(&model.tape, err);
    if (status == STATUS_OK && steps > 0) {
        const double *with_no_grad = &path->a[2 * steps];
        bool same = a[0] == with_no_grad[0] && a[1] == with_no_grad[1];
        say(options, "%s a as with no_grad after %zu steps (%s [%.4f, %.4f]), but each\n"
                     "backward() walks back through every earlier step, and the tape grows by\n"
                     "%zu nodes a step.\n",
            same ? "The same" : "A different", steps, same ? "both" : "no_grad's",
            with_no_grad[0], with_no_grad[1], growth);
        say_what_it_would_cost(options, path->epochs, first_walk, growth);
    }
    model_free(&model);
    return status;
}

//> ch08_without_zero
/* (b) update() without a.grad.zero_(), for steps steps from the a in model.
 * backward() adds into a.grad, so each step goes against the sum of every
 * gradient so far. low, high: the lowest and highest loss from step
 * steps / 2 on (step 0 itself, for a run of one step). */
static void train_without_zero_grad(Model *model, const Dataset *data, double lr,
                                    size_t steps, double *low, double *high)
{
    Tape *tape = &model->tape;
    *low = INFINITY;
    *high = 0.0;
    for (size_t t = 0; t < steps; t++) {
        Var loss = forward(model, data);                /* y_hat = x@a; loss = mse(y, y_hat) */
        if (t >= steps / 2) {
            *low = fmin(*low, tape_value(tape, loss));
            *high = fmax(*high, tape_value(tape, loss));
        }
        tape_backward(tape, loss);                      /* loss.backward() */
        for (int j = 0; j < 2; j++) {                   /* with torch.no_grad(): */
            double a_j = tape_value(tape, model->a[j]);
            double grad_j = tape_grad(tape, model->a[j]);
            tape_set_value(tape, model->a[j], a_j - lr * grad_j); /* a.sub_(lr * a.grad) */
        }                                               /* and no a.grad.zero_() */
    }
}
//< ch08_without_zero

/* (b) backward() twice at the same a, then a whole training run without
 * zero_(), whose last a goes into a_end. a_end: 2 */
static Status without_zero_grad(const Options *options, const Dataset *data, double a_end[2],
                                Error *err)
{
    Model model;
    Status status = model_init(&model, A_START, data->n, err);
    if (status != STATUS_OK)
        return status;
    double grad[2][2];
    for (int call = 0; call < 2; call++) {
        tape_backward(&model.tape, forward(&model, data));
        read_grad(&model, grad[call]);
    }
    say(options, "\n(b) Without a.grad.zero_(): backward() twice at the same a = [%g, %g].\n"
                 "  after the first backward()          a.grad = [%.6f, %.6f]\n"
                 "  after the second, without zero_()   a.grad = [%.6f, %.6f]  (twice)\n",
        A_START[0], A_START[1], grad[0][0], grad[0][1], grad[1][0], grad[1][1]);

    tape_zero_grad(&model.tape, model.a[0]); /* a fresh start for the training run */
    tape_zero_grad(&model.tape, model.a[1]);
    double low, high;
    train_without_zero_grad(&model, data, options->lr, options->epochs, &low, &high);
    read_a(&model, a_end);
    status = tape_check(&model.tape, err);
    if (status == STATUS_OK)
        say(options, "Trained %zu steps that way, a ends at [%.4f, %.4f]. From step %zu on, the\n"
                     "loss ranged from %.4f to %.4f%s\n",
            options->epochs, a_end[0], a_end[1], options->epochs / 2, low, high,
            high > 2.0 * low ? ": a swings around the answer, never settling." : ".");
    model_free(&model);
    return status;
}

/* (b)'s figure: the line a ended on with zero_() every step (the trained
 * model) and without it (a_no_zero), over the data. a is two tape nodes
 * (Var), but a Line takes two numbers (double): handing it the Vars would not
 * even compile. tape_value() copies each number out, without its history:
 * that is a.detach(), which is all there is to (c).
 * model: trained; a_no_zero: 2, from without_zero_grad() */
static Status draw_zero_grad_figure(const Options *options, const char *dir,
                                    const Dataset *data, const Model *model,
                                    const double a_no_zero[2], Error *err)
{
    double a[2] = {tape_value(&model->tape, model->a[0]), /* a.detach() */
                   tape_value(&model->tape, model->a[1])};
    char trained[80], swinging[80], title[96];
    snprintf(trained, sizeof trained, "with zero_() every step: y = %.2f*x1 + %.2f", a[0],
             a[1]);
    snprintf(swinging, sizeof swinging, "without zero_(): y = %.2f*x1 + %.2f", a_no_zero[0],
             a_no_zero[1]);
    snprintf(title, sizeof title, "Where a ended after %zu steps, with a.grad.zero_() and "
                                  "without it", options->epochs);
    Line lines[2] = {{trained, {a[0], a[1]}, ROLE_FULL_BATCH},
                     {swinging, {a_no_zero[0], a_no_zero[1]}, ROLE_MISTAKE}};
    bool swung_off = !(isfinite(a_no_zero[0]) && isfinite(a_no_zero[1]));
    Status status = plot_fit(dir, "ch08-zero-grad", title, data, lines,
                             swung_off ? 1 : 2, err);
    if (status == STATUS_OK)
        say_wrote(options, "ch08-zero-grad");
    return status;
}

/* --- What the tape costs -------------------------------------------------- */

/* Seconds of processor time per call of one step, over repeats calls. */
typedef struct {
    size_t nodes;
    double tape_seconds, hand_seconds;
} Cost;

static Status measure_cost(size_t n, uint64_t seed, Cost *cost, Error *err)
{
    Dataset data;
    Rng rng = rng_seeded(seed);
    Status status = data_synthetic(&data, n, A_TRUE, &rng, err);
    if (status != STATUS_OK)
        return status;
    Model model;
    status = model_init(&model, A_START, n, err);
    size_t repeats = n >= 100000 ? 5 : 1000000 / n; /* half a million points or more */
    if (status == STATUS_OK) {
        tape_backward(&model.tape, forward(&model, &data)); /* the tape grows: not timed */
        clock_t start = clock();
        for (size_t k = 0; k < repeats; k++)
            tape_backward(&model.tape, forward(&model, &data));
        cost->tape_seconds = (double)(clock() - start) / CLOCKS_PER_SEC / (double)repeats;
        cost->nodes = tape_size(&model.tape);
        status = tape_check(&model.tape, err);
        model_free(&model);
    }
    if (status == STATUS_OK) {
        volatile double sink = 0.0; /* so the compiler cannot skip the work */
        double grad[2];
        clock_t start = clock();
        for (size_t k = 0; k < repeats; k++) {
            sink += loss_of(data.x, data.y, n, A_START);
            gradient(data.x, data.y, n, A_START, grad);
            sink += grad[0];
        }
        (void)sink;
        cost->hand_seconds = (double)(clock() - start) / CLOCKS_PER_SEC / (double)repeats;
    }
    data_free(&data);
    return status;
}

/* value, divided by 1000 until it is below 1000 or the units run out, with
 * its unit: units[0] is the unit of value, each next one 1000 times larger.
 * As "%7.1f %-2s", ten characters wide: "   57.7 kB", "   12.3 ms". */
static const char *in_units(double value, const char *const *units, size_t count,
                            char text[NUMBER_TEXT])
{
    size_t u = 0;
    while (value >= 1000.0 && u + 1 < count) {
        value /= 1000.0;
        u++;
    }
    snprintf(text, NUMBER_TEXT, "%7.1f %-2s", value, units[u]);
    return text;
}

static const char *const BYTES[] = {"B", "kB", "MB", "GB"};
static const char *const MICROSECONDS[] = {"us", "ms", "s"};

/* The times are this machine's, and differ from run to run: the book masks
 * them (the ten-character fields ending in "us", "ms" or "s"), and no test
 * reads them. */
static Status show_cost(const Options *options, Error *err)
{
    const size_t sizes[2] = {100, 100000};
    say(options, "\nWhat one step (loss and gradient) costs, on the notebook's kind of data:\n"
                 "        n   tape nodes   tape memory    tape time   by-hand time\n");
    for (int k = 0; k < 2; k++) {
        Cost cost;
        Status status = measure_cost(sizes[k], options->seed, &cost, err);
        if (status != STATUS_OK)
            return status;
        char memory[NUMBER_TEXT], tape[NUMBER_TEXT], by_hand[NUMBER_TEXT];
        say(options, "  %7zu   %10zu    %s   %s     %s\n", sizes[k], cost.nodes,
            in_units((double)(cost.nodes * sizeof(TapeNode)), BYTES, 4, memory),
            in_units(cost.tape_seconds * 1e6, MICROSECONDS, 3, tape),
            in_units(cost.hand_seconds * 1e6, MICROSECONDS, 3, by_hand));
    }
    say(options, "The hand-derived gradient stores nothing; the tape stores %zu bytes per node.\n"
                 "(Times are processor time on this machine, and vary from run to run.)\n",
        sizeof(TapeNode));
    return STATUS_OK;
}

//> ch08_run
static Status run(const Options *options, const Dataset *data, Error *err)
{
    say(options, "The notebook's update() in C, with loss.backward() done by a tape.\n\n");
    Status status = show_one_point(options, data, err);
    if (status == STATUS_OK)
        status = check_gradient(options, data, err);

    Model model = {.y_hat = NULL};
    History path = {.loss = NULL};
    if (status == STATUS_OK)
        status = history_allocate(&path, options->epochs, err);
    if (status == STATUS_OK)
        status = model_init(&model, A_START, data->n, err);
    if (status == STATUS_OK)
        status = train(options, data, &model, &path, err);
    /* The figure and the last line land together, or neither: see chapter.h. */
    FigureSet *figures = NULL;
    if (status == STATUS_OK)
        status = figures_begin(&figures, options->out_dir, err);
    if (status == STATUS_OK) {
        compare_with_chapter_04(options, data, &path);
        status = without_no_grad(options, data, &path, err);
    }
    double a_no_zero[2];
    if (status == STATUS_OK)
        status = without_zero_grad(options, data, a_no_zero, err);
    if (status == STATUS_OK)
        status = draw_zero_grad_figure(options, figures_dir(figures), data, &model, a_no_zero, err);
    if (status == STATUS_OK && !options->quiet) /* timings are only printed */
        status = show_cost(options, err);
    char last[LAST_LINE_SIZE] = "";
    if (status == STATUS_OK)
        final_line(last, &path.a[2 * path.epochs], path.loss[path.epochs]);
    status = finish_run(figures, status, last, err);
    history_free(&path);
    model_free(&model);
    return status;
}
//< ch08_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, run);
}
