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
 * show.c prints the comparison and draws the best line.
 *
 *     build/ch03            build/ch03 --data my.csv            build/ch03 --help
 */
#include "show.h"
#include "gradient.h"
#include "linalg.h"

static const Chapter CHAPTER = {
    "ch03", "Chapter 03: the gradient by matrix calculus, checked by finite differences; "
            "the closed-form best fit.",
    FLAGS_DATA_ONLY, 0, 0, 0, 0.0};

//> ch03_formula
/* ∇L = (2/n) Xᵀ (X a − y), one matrix operation at a time.
 * x: n×2, y: n, a: 2, r: n (room for the residuals), grad: 2 */
static void gradient_step_by_step(const double *x, const double *y, size_t n,
                                  const double a[2], double *r, double grad[2])
{
    predict(x, n, a, r);         /* r = X a          (n)   */
    for (size_t i = 0; i < n; i++)
        r[i] -= y[i];            /* r = X a − y      (n)   */
    transpose_times(x, n, r, grad); /* Xᵀ r          (2)   */
    grad[0] *= 2.0 / (double)n;  /* (2/n) Xᵀ r       (2)   */
    grad[1] *= 2.0 / (double)n;
}
//< ch03_formula

//> ch03_run
static void lesson(Run *run)
{
    const Dataset *d = run->data;
    const double *a = A_START;                   /* a = nn.Parameter(tensor(-1.,1)) */
    double *r = run_alloc(run, d->n, sizeof *r); /* room for X a - y */
    Gradients g;                                 /* a.grad, three ways */
    gradient_step_by_step(d->x, d->y, d->n, a, r, g.by_formula);
    gradient(d->x, d->y, d->n, a, g.in_one_pass); /* loss.backward() */
    gradient_numeric(d->x, d->y, d->n, a, 1e-5, g.by_differences);
    say_gradients(run, a, &g);

    /* Where grad = 0: the normal equations X^T X a = X^T y, solved. */
    double best[2], grad_at_best[2];
    Error err; /* no unique best line: every x1 the same */
    run_check(run, least_squares(d->x, d->y, d->n, best, &err), &err);
    gradient(d->x, d->y, d->n, best, grad_at_best); /* zero, up to rounding */
    show_least_squares(run, best, grad_at_best);
}
//< ch03_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
