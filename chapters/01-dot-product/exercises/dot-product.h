/* dot-product.h — exercise ch01/dot-product (the task is in dot-product.c). */
#ifndef EXERCISE_DOT_PRODUCT_H
#define EXERCISE_DOT_PRODUCT_H

#include <stddef.h>

/* u·v = u[0]*v[0] + … + u[k-1]*v[k-1]. u: k, v: k */
double dot_product(const double *u, const double *v, size_t k);

#endif
