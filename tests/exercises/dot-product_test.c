/*
 * Tests for ch01/dot-product.
 *
 * Every expected value is worked by hand from small integers or binary
 * fractions (0.5), whose products and sums a double holds exactly whatever
 * the order of the additions: so the tests ask for exact equality.
 */
#include "dot-product.h"
#include "exercise_test.h"

const char *const EXERCISE_NAME = "ch01/dot-product";

START_TEST(three_numbers_worked_by_hand)
{
    /* 1*4 + 2*5 + 3*6 = 32. The arrays hold a fourth number each, 1000, that
     * k = 3 leaves out: a loop that runs to i <= k adds 1000*1000 too. */
    const double u[4] = {1, 2, 3, 1000}, v[4] = {4, 5, 6, 1000};
    exercise_case("dot_product of [1,2,3] and [4,5,6] with k = 3");
    assert_near_or_mistake(dot_product(u, v, 3), 32.0, 0.0, 32.0 + 1000.0 * 1000.0,
                           "that is 32 plus u[3]*v[3] = 1000*1000, from one index past "
                           "the end: the loop must stop at i < k, not i <= k",
                           "dot_product of [1,2,3] and [4,5,6] with k = 3");
}
END_TEST

START_TEST(negative_numbers_count_with_their_sign)
{
    const double u[2] = {-1, 2}, v[2] = {3, -4}; /* -3 + -8 */
    exercise_case("dot_product of [-1,2] and [3,-4] with k = 2");
    assert_near(dot_product(u, v, 2), -11.0, 0.0,
                "dot_product of [-1,2] and [3,-4] with k = 2");
}
END_TEST

START_TEST(the_model_is_a_dot_product)
{
    /* x = (x1, 1) with x1 = 0.5, a = (3, 2): y_hat = 3*0.5 + 2. An int sum
     * keeps 1 of the 1.5, then 1 + 2 = 3. */
    const double x[2] = {0.5, 1.0}, a[2] = {3.0, 2.0};
    const Mistake mistakes[] = {
        {3.0, "that is what an int sum gives: 3*0.5 = 1.5 lost its .5 when it was added "
              "to it; keep the sum in a double (double sum = 0.0;)"}};
    exercise_case("dot_product of x = [0.5,1] and a = [3,2] with k = 2");
    assert_near_or_mistakes(dot_product(x, a, 2), 3.5, 0.0, mistakes, 1,
                            "dot_product of x = [0.5,1] and a = [3,2] with k = 2");
}
END_TEST

START_TEST(only_the_first_k_numbers_are_read)
{
    /* A NaN past the end would poison the sum if it were read. */
    const double u[3] = {1, 2, NAN}, v[3] = {3, 4, NAN};
    exercise_case("dot_product of [1,2,NaN] and [3,4,NaN] with k = 2");
    assert_near(dot_product(u, v, 2), 11.0, 0.0,
                "dot_product of [1,2,NaN] and [3,4,NaN] with k = 2, which must read 2 "
                "numbers of each,");
}
END_TEST

START_TEST(no_numbers_give_zero)
{
    const double u[1] = {NAN}, v[1] = {NAN};
    exercise_case("dot_product with k = 0");
    assert_near(dot_product(u, v, 0), 0.0, 0.0,
                "dot_product with k = 0, a sum of no products,");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create(EXERCISE_NAME);
    TCase *tests = exercise_tcase("dot product");
    tcase_add_test(tests, three_numbers_worked_by_hand);
    tcase_add_test(tests, negative_numbers_count_with_their_sign);
    tcase_add_test(tests, the_model_is_a_dot_product);
    tcase_add_test(tests, only_the_first_k_numbers_are_read);
    tcase_add_test(tests, no_numbers_give_zero);
    suite_add_tcase(suite, tests);
    return suite;
}
