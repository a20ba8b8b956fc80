#include "solve.h"

#include <math.h>

/* The length of column k of X from row `from` down. x: n×d row-major */
static double column_length(const double *x, size_t n, size_t d, size_t k, size_t from)
{
    double sum = 0.0;
    for (size_t i = from; i < n; i++)
        sum += x[i * d + k] * x[i * d + k];
    return sqrt(sum);
}

//> householder
/* Reflects u (rows k…n−1 of a column of X, or of y: its entries stride
 * apart) in the mirror whose normal is v = (v0, x[k+1][k], …, x[n−1][k]),
 * the part of column k below the diagonal: u −= 2 (v·u / v·v) v. v_dot_v is
 * v·v. x: n×d row-major */
static void reflect(double *x, size_t n, size_t d, size_t k, double v0, double v_dot_v,
                    double *u, size_t stride)
{
    double v_dot_u = v0 * u[k * stride];
    for (size_t i = k + 1; i < n; i++)
        v_dot_u += x[i * d + k] * u[i * stride];
    double f = 2.0 * v_dot_u / v_dot_v;
    u[k * stride] -= f * v0;
    for (size_t i = k + 1; i < n; i++)
        u[i * stride] -= f * x[i * d + k];
}

bool householder_least_squares(double *x, double *y, size_t n, size_t d, double *a)
{
    for (size_t k = 0; k < d; k++) {
        /* Reflections keep lengths, so the whole column is as long as it was
         * in X; what is left of it from the diagonal down is what column k
         * adds to the columns before it. Nothing (to 12 digits) means it is
         * a combination of them, and a is not unique. */
        double whole = column_length(x, n, d, k, 0), rest = column_length(x, n, d, k, k);
        if (!(rest > 1e-12 * whole))
            return false;
        /* The mirror that sends column k to (…, alpha, 0, …, 0). alpha takes
         * the sign that keeps v0 = x_kk − alpha from cancelling. */
        double x_kk = x[k * d + k];
        double alpha = x_kk > 0.0 ? -rest : rest;
        double v0 = x_kk - alpha;
        double v_dot_v = 2.0 * rest * (rest + fabs(x_kk)); /* v0² + (rest² − x_kk²) */
        for (size_t j = k + 1; j < d; j++)
            reflect(x, n, d, k, v0, v_dot_v, &x[j], d); /* column j of X */
        reflect(x, n, d, k, v0, v_dot_v, y, 1);
        x[k * d + k] = alpha; /* the diagonal of R */
    }
    /* R a = (Qᵀ y)[0…d−1], from the last row up: row k of R has zeros left
     * of the diagonal, and a[k+1…] are known by the time row k is solved. */
    for (size_t k = d; k-- > 0;) {
        double sum = y[k];
        for (size_t j = k + 1; j < d; j++)
            sum -= x[k * d + j] * a[j];
        a[k] = sum / x[k * d + k];
    }
    return true;
}
//< householder

//> jacobi
/* M ← Jᵀ M J, with J the rotation in the (p, q) plane by the angle that
 * makes m_pq zero (Jacobi, 1846). The angle comes from its tangent t, the
 * root of t² + 2θt − 1 = 0 nearer 0, written so that no step can overflow.
 * m: d×d row-major, symmetric */
static void rotate_away(double *m, size_t d, size_t p, size_t q)
{
    double m_pq = m[p * d + q];
    if (m_pq == 0.0)
        return;
    double theta = (m[q * d + q] - m[p * d + p]) / (2.0 * m_pq);
    double t = (theta >= 0.0 ? 1.0 : -1.0) / (fabs(theta) + hypot(theta, 1.0));
    double c = 1.0 / hypot(t, 1.0), s = t * c;
    for (size_t k = 0; k < d; k++) { /* M J: columns p and q */
        double m_kp = m[k * d + p], m_kq = m[k * d + q];
        m[k * d + p] = c * m_kp - s * m_kq;
        m[k * d + q] = s * m_kp + c * m_kq;
    }
    for (size_t k = 0; k < d; k++) { /* Jᵀ (M J): rows p and q */
        double m_pk = m[p * d + k], m_qk = m[q * d + k];
        m[p * d + k] = c * m_pk - s * m_qk;
        m[q * d + k] = s * m_pk + c * m_qk;
    }
    m[p * d + q] = m[q * d + p] = 0.0; /* zero by construction; rounding left a trace */
}

/* The sum of the squares of the entries off the diagonal, and of all of them.
 * m: d×d row-major */
static void squares(const double *m, size_t d, double *off, double *all)
{
    *off = *all = 0.0;
    for (size_t p = 0; p < d; p++)
        for (size_t q = 0; q < d; q++) {
            double square = m[p * d + q] * m[p * d + q];
            *all += square;
            if (p != q)
                *off += square;
        }
}

void symmetric_eigenvalues(double *m, size_t d, double *lambda)
{
    /* Each rotation moves the weight of one off-diagonal pair onto the
     * diagonal and keeps the total; a sweep over every pair shrinks what is
     * left off the diagonal, quadratically once it is small. Stop when it is
     * below rounding (1e-32 of the total square, 1e-16 in size), or after
     * 100 sweeps, far more than the 10 or so this takes. */
    double off, all;
    squares(m, d, &off, &all);
    for (int sweep = 0; sweep < 100 && off > 1e-32 * all; sweep++) {
        for (size_t p = 0; p < d; p++)
            for (size_t q = p + 1; q < d; q++)
                rotate_away(m, d, p, q);
        squares(m, d, &off, &all);
    }
    /* The diagonal holds the eigenvalues; sort them, largest first. */
    for (size_t k = 0; k < d; k++) {
        double value = m[k * d + k];
        size_t j = k;
        for (; j > 0 && lambda[j - 1] < value; j--)
            lambda[j] = lambda[j - 1];
        lambda[j] = value;
    }
}
//< jacobi
