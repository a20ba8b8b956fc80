/*
 * Chapter 01 — the data, and the model as a dot product.
 *
 * We want a line y = a1*x1 + a2 through a cloud of points. Give every point
 * a second input x2 that is always 1 and the line becomes
 *     y_hat = a1*x1 + a2*x2 = x·a,
 * the dot product of the point's inputs x = (x1, x2) with the coefficients
 * a = (a1, a2). This program takes the notebook's data (made by the frame,
 * code/data.c) or yours, predicts it with the true coefficients one dot
 * product at a time, then all at once as X a, and draws the data with the
 * line it came from (show.c).
 *
 *     build/ch01            build/ch01 --n 1000 --seed 7       build/ch01 --help
 */
#include "show.h"
#include "linalg.h"

static const Chapter CHAPTER = {
    "ch01", "Chapter 01: the data, and the model y = a1*x1 + a2*x2 (x2 = 1) as a dot product.",
    FLAGS_DATA_ONLY, 0, 0, 0, 0.0};

//> ch01_predict
/* All n predictions at once, y_hat = X a (n dot products, one per row), and
 * the mean of what they miss, y - y_hat.
 * x: n×2 row-major, y: n, a: 2, y_hat: n (written) */
static double mean_miss(const double *x, const double *y, size_t n, const double a[2],
                        double *y_hat)
{
    predict(x, n, a, y_hat); /* y_hat = x@a */
    double mean = 0.0;
    for (size_t i = 0; i < n; i++)
        mean += (y[i] - y_hat[i]) / (double)n;
    return mean;
}
//< ch01_predict

//> ch01_run
static void lesson(Run *run)
{
    const Dataset *d = run->data; /* X and y, made as the notebook does (code/data.c) */
    const double *a = A_TRUE;     /* a = tensor(3.,2) */
    say_data(run);                /* x[:5] */
    say_model(run, a);
    for (size_t i = 0; i < rows_shown(d->n); i++) {
        const double *x = &d->x[2 * i]; /* row i of X: x1, x2 */
        say_dot_product(run, x, a, dot(x, a, 2), d->y[i]);
    }
    double *y_hat = run_alloc(run, d->n, sizeof *y_hat);
    say_mean_miss(run, mean_miss(d->x, d->y, d->n, a, y_hat));
    show_data(run); /* plt.scatter(x[:,0], y) */
}
//< ch01_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
