/*
 * Chapter 08 — what loss.backward() computes: a tape in C.
 *
 * Chapters 03 and 04 replaced the notebook's loss.backward() with a gradient
 * worked out by hand. This program computes it the way PyTorch does: the
 * forward pass records every multiplication, addition and square on a tape
 * (code/tape.h), and backward() walks the tape in reverse, applying the chain
 * rule. It trains with update() written out line by line, then leaves out
 * no_grad and zero_ in turn to show what each is for. What it shows (the tape
 * of one point, the gradient three ways, the figure) is in show.c, what the
 * tape costs in cost.c, and the model on its tape in model.c.
 *
 *     build/ch08            build/ch08 --lr 0.5            build/ch08 --data my.csv --epochs 1000
 */
#include "cost.h"
#include "show.h"

static const Chapter CHAPTER = {
    "ch08", "Chapter 08: loss.backward() in C: a tape records the forward pass, and "
            "backward() walks it in reverse.",
    FLAGS_TRAINING | FLAG_TRACE | FLAGS_STANDARDIZED, 0, 0, 0, 0.0};

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

/* y_hat = x@a; loss = mse(y, y_hat), on a tape that forgot all but a. */
Var forward(Model *model, const Dataset *d)
{
    tape_reset(&model->tape, PARAMETERS); /* a new graph each step; a stays */
    record_predictions(&model->tape, d->x, d->n, model->a, model->y_hat);
    return record_mse(&model->tape, model->y_hat, d->y, d->n, model->squared);
}

//> ch08_train
/* steps of the notebook's update() from the a in model; the watcher keeps
 * every loss and a, prints a row every 10, and stops a run that blows up. */
static void train(Model *model, const Dataset *d, double lr, size_t steps, Watch *watch)
{
    Tape *tape = &model->tape;
    for (size_t t = 0;; t++) {
        Var loss = forward(model, d);                  /* y_hat = x@a; loss = mse(y, y_hat) */
        model_check(model);                            /* (out of memory ends the run) */
        double a[2];
        watch_row(watch, t, model_a(model, a), tape_value(tape, loss)); /* print(loss) */
        if (t == steps)
            break;                                     /* (the loss after the last step) */
        tape_backward(tape, loss);                     /* loss.backward() */
        for (int j = 0; j < 2; j++) {                  /* with torch.no_grad(): */
            double a_j = tape_value(tape, model->a[j]);
            double grad_j = tape_grad(tape, model->a[j]);
            tape_set_value(tape, model->a[j], a_j - lr * grad_j); /* a.sub_(lr * a.grad) */
            tape_zero_grad(tape, model->a[j]);         /*   a.grad.zero_() */
        }
    }
    watch_end(watch); /* a run that ends above its start blew up too */
}
//< ch08_train

//> ch08_without_no_grad
/* One step of (a): update() without torch.no_grad(), and without the reset
 * that no_grad makes possible. The update a − lr·grad is recorded like any
 * other operation, so a becomes a computed node at the end of the tape, and
 * the next step builds on top of everything before it. Returns the loss. */
Var step_without_no_grad(Model *model, const Dataset *d, double lr)
{
    Tape *tape = &model->tape;                         /* (no tape_reset) */
    record_predictions(tape, d->x, d->n, model->a, model->y_hat); /* y_hat = x@a */
    Var loss = record_mse(tape, model->y_hat, d->y, d->n, model->squared);
    tape_backward(tape, loss);                         /* loss.backward() */
    for (int j = 0; j < 2; j++) {                      /* a = a - lr * a.grad, recorded */
        Var step = tape_leaf(tape, lr * tape_grad(tape, model->a[j]));
        model->a[j] = tape_sub(tape, model->a[j], step);
    }
    return loss;
}
//< ch08_without_no_grad

//> ch08_without_zero
/* (b) update() without a.grad.zero_(): backward() adds into a.grad, so each
 * step goes against the sum of every gradient so far. */
void train_without_zero_grad(Model *model, const Dataset *d, double lr, size_t steps,
                             Watch *watch)
{
    Tape *tape = &model->tape;
    for (size_t t = 0; t < steps; t++) {
        Var loss = forward(model, d);                  /* y_hat = x@a; loss = mse(y, y_hat) */
        double a[2];
        watch_row(watch, t, model_a(model, a), tape_value(tape, loss));
        tape_backward(tape, loss);                     /* loss.backward() */
        for (int j = 0; j < 2; j++) {                  /* with torch.no_grad(): */
            double a_j = tape_value(tape, model->a[j]);
            double grad_j = tape_grad(tape, model->a[j]);
            tape_set_value(tape, model->a[j], a_j - lr * grad_j); /* a.sub_(lr * a.grad) */
        }                                              /* and no a.grad.zero_() */
    }
}
//< ch08_without_zero

static void lesson(Run *run)
{
    const Options *o = run->options;
    say(run, "The notebook's update() in C, with loss.backward() done by a tape.\n\n");
    show_one_point(run);           /* the tape of point 1, node by node */
    show_gradient_three_ways(run); /* the tape, chapter 03's gradient(), finite differences */

    Model *model = model_new(run, run->data->n); /* a = nn.Parameter(tensor(-1., 1)) */
    Watch watch = watch_training(run);           /* and the head of its table */
    train(model, run->data, o->lr, o->epochs, &watch);
    run_figures_dir(run);                   /* a bad --out fails here, before (a) */
    show_same_path(run, &watch);            /* as chapter 04's sgd_update() */
    show_without_no_grad(run, &watch);      /* (a) */
    double a_no_zero[2];
    show_without_zero_grad(run, a_no_zero); /* (b) */
    draw_zero_grad(run, model, a_no_zero);  /* and (c), .detach() */
    if (!o->quiet)
        show_cost(run);                     /* timings are only printed */
    say_final_line(run, &watch);            /* final: a = [...], loss = ... */
}

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
