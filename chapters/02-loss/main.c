/*
 * Chapter 02 — the loss: how wrong is a guess?
 *
 * Before we can improve a guess we need a number that says how bad it is.
 * The mean squared error averages the squared misses (y_hat − y)² over all
 * points. This program scores the notebook's first guess a = (-1, 1), scores
 * the true coefficients for comparison, and walks a1 across a range with a2
 * held fixed to show the loss as a curve with one lowest point (show.c
 * prints the tables and draws the figures).
 *
 *     build/ch02            build/ch02 --data my.csv            build/ch02 --help
 */
#include "show.h"
#include "linalg.h"
#include "loss.h"

static const Chapter CHAPTER = {
    "ch02", "Chapter 02: the mean squared error of a guess, and the loss along one axis.",
    FLAGS_DATA_ONLY, 0, 0, 0, 0.0};

enum { SLICE_POINTS = 241 };

//> ch02_slice
/* The loss at a1 = a1_values[k] with a2 held at the guess's a2.
 * x: n×2 row-major, y: n, a1_values: count, losses: count (written) */
static void loss_along_a1(const double *x, const double *y, size_t n, double a2,
                          const double *a1_values, double *losses, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        double a[2] = {a1_values[k], a2};
        losses[k] = loss_of(x, y, n, a);
    }
}
//< ch02_slice

//> ch02_run
static void lesson(Run *run)
{
    const Dataset *d = run->data;
    const double *a = A_START;                           /* a = tensor(-1.,1) */
    double *y_hat = run_alloc(run, d->n, sizeof *y_hat);
    predict(d->x, d->n, a, y_hat);                       /* y_hat = x@a */
    double guess_loss = mse(y_hat, d->y, d->n);          /* mse(y_hat, y) */
    double true_loss = loss_of(d->x, d->y, d->n, A_TRUE); /* the truth misses: noise */
    say_losses(run, a, y_hat, guess_loss, true_loss);
    draw_guess(run, a); /* plt.scatter(x[:,0],y); plt.scatter(x[:,0],y_hat) */

    double a1_values[SLICE_POINTS], losses[SLICE_POINTS];
    for (size_t k = 0; k < SLICE_POINTS; k++)
        a1_values[k] = -4.0 + 12.0 * (double)k / (SLICE_POINTS - 1); /* -4 … 8 */
    loss_along_a1(d->x, d->y, d->n, a[1], a1_values, losses, SLICE_POINTS);
    show_slice(run, a, guess_loss, a1_values, losses, SLICE_POINTS);
}
//< ch02_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
