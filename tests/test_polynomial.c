/* Tests for code/polynomial.c: the features of one x against the closed
 * forms of the Legendre polynomials and of the powers, the degree-1 case
 * against the chapters' X = [x1 1], and the conditioning the book claims. */
#include <math.h>
#include <stdlib.h>

#include "gradient.h"
#include "polynomial.h"
#include "suites.h"

START_TEST(legendre_rows_are_the_closed_forms)
{
    /* P1 = t, P2 = (3t² − 1)/2, P3 = (5t³ − 3t)/2, P4 = (35t⁴ − 30t² + 3)/8,
     * and the constant last. The recurrence and these forms round
     * differently, by a few units in the last place. */
    const double ts[5] = {-1.0, -0.3, 0.0, 0.5, 1.0};
    for (int k = 0; k < 5; k++) {
        double t = ts[k], row[5];
        feature_row(FEATURES_LEGENDRE, t, 5, row);
        ck_assert_double_eq_tol(row[0], t, 1e-15);
        ck_assert_double_eq_tol(row[1], (3 * t * t - 1) / 2, 1e-15);
        ck_assert_double_eq_tol(row[2], (5 * t * t * t - 3 * t) / 2, 1e-15);
        ck_assert_double_eq_tol(row[3], (35 * pow(t, 4) - 30 * t * t + 3) / 8, 1e-15);
        ck_assert_double_eq(row[4], 1.0);
    }
    /* Pk(1) = 1 and Pk(−1) = (−1)^k for every k, up to degree 30. */
    double up[31], down[31];
    feature_row(FEATURES_LEGENDRE, 1.0, 31, up);
    feature_row(FEATURES_LEGENDRE, -1.0, 31, down);
    for (int k = 0; k < 30; k++) {
        ck_assert_double_eq_tol(up[k], 1.0, 1e-13);
        ck_assert_double_eq_tol(down[k], k % 2 == 0 ? -1.0 : 1.0, 1e-13); /* degree k + 1 */
    }
}
END_TEST

START_TEST(power_rows_are_the_powers)
{
    double row[5];
    feature_row(FEATURES_POWERS, -0.5, 5, row);
    ck_assert_double_eq(row[0], -0.5);
    ck_assert_double_eq(row[1], 0.25);
    ck_assert_double_eq(row[2], -0.125);
    ck_assert_double_eq(row[3], 0.0625);
    ck_assert_double_eq(row[4], 1.0);
    feature_row(FEATURES_POWERS, 0.7, 1, row); /* degree 0: the constant alone */
    ck_assert_double_eq(row[0], 1.0);
}
END_TEST

START_TEST(degree_one_is_the_chapters_x)
{
    /* Both kinds give (x1, 1): the matrix X of chapters 01 to 08, exactly. */
    const double t[3] = {0.25, -0.75, 1.0};
    double legendre[6], powers[6];
    feature_matrix(FEATURES_LEGENDRE, t, 3, 2, legendre);
    feature_matrix(FEATURES_POWERS, t, 3, 2, powers);
    for (int i = 0; i < 3; i++) {
        ck_assert_double_eq(legendre[2 * i], t[i]);
        ck_assert_double_eq(legendre[2 * i + 1], 1.0);
        ck_assert_double_eq(powers[2 * i], t[i]);
        ck_assert_double_eq(powers[2 * i + 1], 1.0);
    }
}
END_TEST

START_TEST(to_unit_interval_maps_the_ends_and_the_middle)
{
    ck_assert_double_eq(to_unit_interval(1990.0, 1990.0, 2020.0), -1.0);
    ck_assert_double_eq(to_unit_interval(2020.0, 1990.0, 2020.0), 1.0);
    ck_assert_double_eq(to_unit_interval(2005.0, 1990.0, 2020.0), 0.0);
    ck_assert_double_eq(to_unit_interval(2035.0, 1990.0, 2020.0), 2.0); /* beyond: past 1 */
}
END_TEST

/* λmax / λmin of (2/n) XᵀX for the features of n evenly spaced points on [-1, 1]. */
static double condition_on_a_grid(FeatureKind kind, size_t n, size_t d)
{
    double *t = malloc(n * sizeof *t), *x = malloc(n * d * sizeof *x), lambda[32];
    for (size_t i = 0; i < n; i++)
        t[i] = -1.0 + 2.0 * (double)i / (double)(n - 1);
    feature_matrix(kind, t, n, d, x);
    ck_assert_int_eq(hessian_eigenvalues_d(x, n, d, lambda, NULL), STATUS_OK);
    free(t);
    free(x);
    return lambda[0] / lambda[d - 1];
}

START_TEST(legendre_features_are_far_better_conditioned_than_powers)
{
    /* On many evenly spaced points, (1/n) XᵀX approaches the integrals
     * (1/2) ∫ f_j f_k dx over [-1, 1]. The Legendre polynomials are
     * orthogonal there, with (1/2) ∫ Pk² = 1/(2k + 1), so for degree 10
     * H = (2/n) XᵀX tends to diag(2/(2k + 1)): λmax = 2 (the constant),
     * λmin = 2/21 (P10), condition number 21; 2001 points leave it within a
     * few per cent of that. The powers' matrix is a Hilbert-like one,
     * (1/2) ∫ x^(j+k) = 1/(j + k + 1) for j + k even (0 for odd): neighbouring
     * entries are nearly equal, the columns nearly parallel, and its
     * condition number runs into the millions by degree 10. Only that order
     * of size is asserted here, not a value. */
    double legendre = condition_on_a_grid(FEATURES_LEGENDRE, 2001, 11);
    double powers = condition_on_a_grid(FEATURES_POWERS, 2001, 11);
    ck_assert_double_eq_tol(legendre, 21.0, 1.0);
    ck_assert_double_gt(powers, 1e5);
    ck_assert_double_lt(powers, 1e8);
}
END_TEST

Suite *polynomial_suite(void)
{
    Suite *suite = suite_create("polynomial");
    TCase *tc = tcase_create("polynomial");
    tcase_add_test(tc, legendre_rows_are_the_closed_forms);
    tcase_add_test(tc, power_rows_are_the_powers);
    tcase_add_test(tc, degree_one_is_the_chapters_x);
    tcase_add_test(tc, to_unit_interval_maps_the_ends_and_the_middle);
    tcase_add_test(tc, legendre_features_are_far_better_conditioned_than_powers);
    suite_add_tcase(suite, tc);
    return suite;
}
