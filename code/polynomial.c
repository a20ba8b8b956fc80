#include "polynomial.h"

double to_unit_interval(double x, double low, double high)
{
    return 2.0 * (x - low) / (high - low) - 1.0;
}

//> feature_row
void feature_row(FeatureKind kind, double t, size_t d, double *row)
{
    /* p is the feature of degree k, previous the one of degree k − 1; each
     * next one comes from these two, so a row costs a few operations a
     * column, and the Legendre polynomials need no table of coefficients. */
    double previous = 0.0, p = 1.0; /* degree −1 (unused) and degree 0 */
    for (size_t k = 0; k + 1 < d; k++) {
        double next;
        if (kind == FEATURES_POWERS)
            next = t * p; /* t^(k+1) = t · t^k */
        else /* Bonnet: (k + 1) P(k+1)(t) = (2k + 1) t P(k)(t) − k P(k−1)(t) */
            next = ((double)(2 * k + 1) * t * p - (double)k * previous) / (double)(k + 1);
        previous = p;
        p = next;
        row[k] = p; /* degree k + 1 */
    }
    row[d - 1] = 1.0; /* degree 0 last, where x2 = 1 has always been */
}
//< feature_row

void feature_matrix(FeatureKind kind, const double *t, size_t n, size_t d, double *x)
{
    for (size_t i = 0; i < n; i++)
        feature_row(kind, t[i], d, &x[d * i]);
}
