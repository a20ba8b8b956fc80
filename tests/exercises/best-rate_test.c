/*
 * Tests for ch06/best-rate.
 *
 * rho(lr) = max(|1 − lr·λmax|, |1 − lr·λmin|) is smallest where
 * 1 − lr·λmin = lr·λmax − 1, at lr = 2 / (λmax + λmin), where
 * rho = (λmax − λmin) / (λmax + λmin). Worked by hand:
 *   λ = (2, 2): lr = 0.5, rho = 0 (a round bowl: one step lands);
 *   λ = (3, 1): lr = 0.5, rho = 0.5 (|1 − 1.5| = |1 − 0.5|);
 *   λ = (10, 0.1): lr = 2/10.1, rho = 9.9/10.1.
 * And the property itself, on the notebook's data: rho at the returned
 * rate is below rho at rates 1% either side of it.
 */
#include "best-rate.h"
#include "exercise_test.h"
#include "gradient.h"

#ifndef exercise_case /* a runner without case reports */
#define exercise_case(...) ((void)0)
#define exercise_tcase tcase_create
#endif

const char *const EXERCISE_NAME = "ch06/best-rate";

static double rho_at(const double lambda[2], double lr)
{
    return fmax(fabs(1.0 - lr * lambda[0]), fabs(1.0 - lr * lambda[1]));
}

START_TEST(three_bowls_worked_by_hand)
{
    const double lambdas[3][2] = {{2.0, 2.0}, {3.0, 1.0}, {10.0, 0.1}};
    const double rates[3] = {0.5, 0.5, 2.0 / 10.1}, rhos[3] = {0.0, 0.5, 9.9 / 10.1};
    for (int c = 0; c < 3; c++) {
        double rho = unwritten();
        exercise_case("best_rate of lambda = (%g, %g)", lambdas[c][0], lambdas[c][1]);
        double lr = best_rate(lambdas[c], &rho);
        const char *half_bound = lr == 1.0 / lambdas[c][0] && lambdas[c][0] != lambdas[c][1]
                                     ? " (1/lambda_max suits the steep direction alone)"
                                     : "";
        assert_near(lr, rates[c], 1e-12,
                    "best_rate of lambda = (%g, %g)%s", lambdas[c][0], lambdas[c][1],
                    half_bound);
        assert_near(rho, rhos[c], 1e-12, "*rho for lambda = (%g, %g)", lambdas[c][0],
                    lambdas[c][1]);
    }
}
END_TEST

START_TEST(no_rate_nearby_does_better)
{
    Dataset data = notebook_data(100, 42);
    double lambda[2];
    hessian_eigenvalues(data.x, data.n, lambda);
    double rho = unwritten();
    exercise_case("best_rate of the notebook data's lambda = (%g, %g)", lambda[0], lambda[1]);
    double lr = best_rate(lambda, &rho);
    assert_near(rho, rho_at(lambda, lr), 1e-12,
                "*rho, the factor max(|1 - lr*lambda_max|, |1 - lr*lambda_min|) at the rate "
                "returned, %g", lr);
    for (int side = -1; side <= 1; side += 2) {
        double other = lr * (1.0 + 0.01 * side);
        ck_assert_msg(rho_at(lambda, other) > rho_at(lambda, lr),
                      "the rate %g beats the returned %g: rho %g against %g", other, lr,
                      rho_at(lambda, other), rho_at(lambda, lr));
    }
    data_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("best-rate");
    tcase_add_test(tests, three_bowls_worked_by_hand);
    tcase_add_test(tests, no_rate_nearby_does_better);
    suite_add_tcase(suite, tests);
    return suite;
}
