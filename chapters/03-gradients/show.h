/*
 * show.h — what chapter 03 shows of its lesson: the three gradients side by
 * side and how close they agree, then the least-squares answer, its
 * gradient, the figure of the best line and the last line.
 */
#ifndef CH03_SHOW_H
#define CH03_SHOW_H

#include "frame.h"

/* The gradient at one a, found three ways. Each: 2, (dL/da1, dL/da2) */
typedef struct {
    double by_formula[2];     /* (2/n) X^T (X a - y), one operation at a time */
    double in_one_pass[2];    /* gradient(), as the later chapters use it */
    double by_differences[2]; /* central finite differences, no calculus */
} Gradients;

/* The table of the three at a, how far calculus and differences differ,
 * and which way is downhill. a: 2 */
void say_gradients(const Run *run, const double a[2], const Gradients *g);

/* The best a, its loss and its gradient (zero up to rounding), the figure
 * of the best line and the last line. best: 2, grad_at_best: 2 */
void show_least_squares(Run *run, const double best[2], const double grad_at_best[2]);

#endif
