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
 * the line moving into place (show.c).
 *
 *     build/ch04            build/ch04 --lr 0.5            build/ch04 --data my.csv --epochs 1000
 */
#include "show.h"
#include "sgd.h"

static const Chapter CHAPTER = {
    "ch04", "Chapter 04: gradient descent, a -= lr * grad, on all the data at every step.",
    FLAGS_TRAINING | FLAG_TRACE, 0, 0, 0, 0.0};

//> ch04_loop
/* The notebook's loop, one line of it at a time: steps updates of a from the
 * starting guess, every loss and a kept by the watcher, which prints a row
 * every 10 and stops the program if the loss blows up.
 * x: n×2 row-major, y: n, a: 2 (moved in place) */
static void descend(const double *x, const double *y, size_t n, double a[2], double lr,
                    size_t steps, Watch *watch)
{
    for (size_t t = 0;; t++) {
        /* y_hat = x@a; loss = mse(y, y_hat); loss.backward(): chapter 02's
         * loss_of() and chapter 03's gradient(), in one walk over the data. */
        double grad[2];
        double loss = loss_and_gradient(x, y, n, a, grad);
        watch_row(watch, t, a, loss); /* if t % 10 == 0: print(loss) */
        if (t == steps)               /* the loss after the last step is measured, */
            break;                    /* not stepped from */
        a[0] -= lr * grad[0];         /* a.sub_(lr * a.grad) */
        a[1] -= lr * grad[1];
    }
    watch_end(watch); /* uphill, if slowly: past the stable bound too */
}
//< ch04_loop

//> ch04_run
static void lesson(Run *run)
{
    const Options *o = run->options;
    const Dataset *d = run->data;
    double a[2] = {A_START[0], A_START[1]};
    Watch watch = watch_line(run, "step", o->epochs, o->lr);
    say_plan(run, a);
    descend(d->x, d->y, d->n, a, o->lr, o->epochs, &watch);
    show_result(run, &watch);
}
//< ch04_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
