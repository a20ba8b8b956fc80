/* Solution to ch11/top2-error: count the classes more probable than the label. */
#include "top2-error.h"

#include <stddef.h>

double top2_error_rate(const double *probs, const size_t *label, size_t n, size_t k)
{
    if (n == 0)
        return 0.0;
    size_t wrong = 0;
    for (size_t i = 0; i < n; i++) {
        const double *p = &probs[i * k];
        size_t above = 0; /* classes more probable than the label */
        for (size_t c = 0; c < k; c++)
            above += p[c] > p[label[i]];
        wrong += above >= 2;
    }
    return (double)wrong / (double)n;
}
