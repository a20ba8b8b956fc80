/* Tests for code/labels.c: a labelled set made from a table, with every
 * refusal naming its file and line; the stratified split (a fifth of each
 * class, seeded, the file's order kept, every example on one side); a held-
 * out file that must agree with the training one; error_rate and the
 * confusion matrix on cases counted by hand. */
#define _POSIX_C_SOURCE 200809L /* fmemopen */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "labels.h"
#include "suites.h"

/* The labelled set of a CSV text, or the message that refuses it. */
static Status labelled(const char *text, LabelledSet *set, Error *err)
{
    FILE *file = fmemopen((void *)text, strlen(text), "r");
    ck_assert_ptr_nonnull(file);
    CsvTable table;
    Status status = csv_read_table(&table, file, "t.csv", NULL, err);
    fclose(file);
    if (status == STATUS_OK)
        status = labels_from_table(set, &table, "t.csv", err);
    csv_table_free(&table);
    return status;
}

START_TEST(a_table_becomes_examples_and_labels)
{
    /* Two inputs and a label; a header and a comment, so the rows are on
     * lines 3, 4 and 5. The largest label is 4, so there are 5 classes. */
    LabelledSet set;
    Error err = {""};
    ck_assert_msg(labelled("a,b,digit\n# c\n0.5,1,4\n2,3,0\n-1,16,2\n", &set, &err) ==
                      STATUS_OK,
                  "%s", err.message);
    ck_assert_uint_eq(set.n, 3);
    ck_assert_uint_eq(set.d, 2);
    ck_assert_uint_eq(set.classes, 5);
    const double x[6] = {0.5, 1, 2, 3, -1, 16};
    const size_t label[3] = {4, 0, 2};
    for (size_t k = 0; k < 6; k++)
        ck_assert_double_eq(set.x[k], x[k]);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_uint_eq(set.label[i], label[i]);
        ck_assert_uint_eq(set.line[i], i + 3);
    }
    size_t counts[5];
    labels_count(&set, counts);
    ck_assert(counts[0] == 1 && counts[1] == 0 && counts[2] == 1 && counts[3] == 0 &&
              counts[4] == 1);
    labels_free(&set);
}
END_TEST

START_TEST(a_label_that_names_no_class_is_refused_by_line)
{
    LabelledSet set;
    Error err = {""};
    ck_assert_int_eq(labelled("1,2,0\n3,4,2.5\n", &set, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "t.csv:2: label '2.5' is not a whole number: the last "
                                  "column is the class, 0, 1, 2, ...");
    ck_assert_ptr_null(set.x);
    ck_assert_int_eq(labelled("1,2,0\n\n3,4,-1\n", &set, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "t.csv:3: label '-1' is negative: the classes are "
                                  "numbered from 0");
    ck_assert_int_eq(labelled("1,2,2.0000000001\n", &set, &err), STATUS_BAD_DATA);
    ck_assert_ptr_nonnull(strstr(err.message, "label '2.0000000001' is not a whole"));
    ck_assert_int_eq(labelled("1,2,1e6\n", &set, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "t.csv:1: label '1000000' is too large: at most 1000 "
                                  "classes, labelled 0 to 999");
    ck_assert_int_eq(labelled("1\n2\n", &set, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "t.csv: has 1 column; each row needs its inputs and, last, "
                                  "its label");
    /* -0 is the class 0, not a negative label. */
    ck_assert_int_eq(labelled("1,-0\n2,1\n", &set, &err), STATUS_OK);
    ck_assert_uint_eq(set.label[0], 0);
    labels_free(&set);
}
END_TEST

/* A set of n examples of one input (its own row number) whose labels
 * cycle through classes, each with the counts given. counts: classes */
static LabelledSet made_set(const size_t *counts, size_t classes)
{
    size_t n = 0;
    for (size_t c = 0; c < classes; c++)
        n += counts[c];
    LabelledSet set;
    ck_assert_int_eq(labels_allocate(&set, n, 1, NULL), STATUS_OK);
    size_t left[16], i = 0;
    memcpy(left, counts, classes * sizeof *counts);
    while (i < n)
        for (size_t c = 0; c < classes; c++)
            if (left[c] > 0) {
                left[c]--;
                set.x[i] = (double)i;
                set.label[i] = c;
                set.line[i] = i + 1;
                i++;
            }
    set.classes = classes;
    return set;
}

START_TEST(the_split_holds_out_a_fifth_of_each_class)
{
    /* The digits' class sizes: 178 → 36, 182 → 36, 177 → 35, 183 → 37 …
     * (a fifth, to the nearest), 359 of 1797 in all. */
    const size_t counts[10] = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};
    const size_t held[10] = {36, 36, 35, 37, 36, 36, 36, 36, 35, 36};
    LabelledSet all = made_set(counts, 10), train, test;
    ck_assert_int_eq(labels_split(&all, 1, "t.csv", &train, &test, NULL), STATUS_OK);
    ck_assert_uint_eq(test.n, 359);
    ck_assert_uint_eq(train.n, 1797 - 359);
    size_t train_counts[10], test_counts[10];
    labels_count(&train, train_counts);
    labels_count(&test, test_counts);
    for (size_t c = 0; c < 10; c++) {
        ck_assert_uint_eq(labels_held_out(counts[c]), held[c]);
        ck_assert_uint_eq(test_counts[c], held[c]);
        ck_assert_uint_eq(train_counts[c], counts[c] - held[c]);
    }
    /* Every example on exactly one side, in the file's order on each. */
    unsigned char seen[1797] = {0};
    const LabelledSet *sides[2] = {&train, &test};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < sides[s]->n; i++) {
            size_t row = (size_t)sides[s]->x[i];
            ck_assert_uint_eq(sides[s]->label[i], all.label[row]);
            ck_assert_uint_eq(sides[s]->line[i], row + 1);
            ck_assert(i == 0 || sides[s]->x[i] > sides[s]->x[i - 1]);
            ck_assert(!seen[row]);
            seen[row] = 1;
        }
    for (size_t row = 0; row < 1797; row++)
        ck_assert(seen[row]);
    labels_free(&train);
    labels_free(&test);
    labels_free(&all);
}
END_TEST

/* The rows (their x) that seed's split holds out, into rows; how many. */
static size_t held_rows(const LabelledSet *all, uint64_t seed, double *rows)
{
    LabelledSet train, test;
    ck_assert_int_eq(labels_split(all, seed, "t.csv", &train, &test, NULL), STATUS_OK);
    size_t n = test.n;
    memcpy(rows, test.x, n * sizeof *rows);
    labels_free(&train);
    labels_free(&test);
    return n;
}

START_TEST(the_same_seed_gives_the_same_split)
{
    const size_t counts[3] = {50, 40, 30};
    LabelledSet all = made_set(counts, 3);
    double first[30], again[30], other[30];
    size_t n = held_rows(&all, 7, first);
    ck_assert_uint_eq(n, 10 + 8 + 6);
    ck_assert_uint_eq(held_rows(&all, 7, again), n);
    ck_assert_uint_eq(held_rows(&all, 8, other), n);
    ck_assert_mem_eq(first, again, n * sizeof *first);
    ck_assert_msg(memcmp(first, other, n * sizeof *first) != 0,
                  "seeds 7 and 8 held out the same rows");
    labels_free(&all);
}
END_TEST

START_TEST(a_split_refuses_a_class_too_small_or_missing)
{
    LabelledSet train, test;
    Error err = {""};
    const size_t small[3] = {10, 2, 10}, missing[3] = {10, 0, 10}, one[1] = {10};
    LabelledSet all = made_set(small, 3);
    ck_assert_int_eq(labels_split(&all, 1, "t.csv", &train, &test, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "t.csv: class 1 has only 2 examples; holding out a fifth "
                                  "of each class needs at least 3, or give a held-out file "
                                  "with --test");
    ck_assert_ptr_null(train.x);
    ck_assert_ptr_null(test.x);
    labels_free(&all);
    all = made_set(missing, 3);
    ck_assert_int_eq(labels_split(&all, 1, "t.csv", &train, &test, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "t.csv: class 1 has no example to train on (the labels go "
                                  "up to 2); a model cannot learn a class it never sees");
    labels_free(&all);
    all = made_set(one, 1);
    ck_assert_int_eq(labels_split(&all, 1, "t.csv", &train, &test, &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message,
                     "t.csv: every label is 0; a classifier needs at least two classes");
    labels_free(&all);
}
END_TEST

START_TEST(a_held_out_file_must_agree_with_the_training_file)
{
    LabelledSet train, test;
    Error err = {""};
    ck_assert_int_eq(labelled("1,2,0\n3,4,1\n", &train, &err), STATUS_OK);
    ck_assert_int_eq(labelled("1,2,3,0\n", &test, &err), STATUS_OK);
    ck_assert_int_eq(labels_agree(&train, &test, "a.csv", "b.csv", &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "b.csv: has 4 columns, a.csv has 3: the held-out rows need "
                                  "the same 2 inputs and a label");
    labels_free(&test);
    /* A class only the held-out file shows: nothing ever learned it. */
    ck_assert_int_eq(labelled("1,2,3\n", &test, &err), STATUS_OK);
    ck_assert_int_eq(labels_agree(&train, &test, "a.csv", "b.csv", &err), STATUS_BAD_DATA);
    ck_assert_str_eq(err.message, "a.csv: class 2 has no example to train on (the labels go "
                                  "up to 3); a model cannot learn a class it never sees");
    labels_free(&test);
    /* A held-out file with fewer classes is fine: both get the training's. */
    ck_assert_int_eq(labelled("5,6,0\n", &test, &err), STATUS_OK);
    ck_assert_int_eq(labels_agree(&train, &test, "a.csv", "b.csv", &err), STATUS_OK);
    ck_assert_uint_eq(test.classes, 2);
    ck_assert_uint_eq(train.classes, 2);
    labels_free(&test);
    labels_free(&train);
}
END_TEST

START_TEST(error_rate_and_confusion_counted_by_hand)
{
    /* Six examples, three classes; predicted (0, 1, 1, 2, 0, 2) for labels
     * (0, 1, 2, 2, 1, 2): wrong at 2 (a 2 taken for a 1) and 4 (a 1 taken
     * for a 0), so error_rate = 2/6, and the matrix, rows true:
     *     [1 0 0]
     *     [1 1 0]
     *     [0 1 2] */
    const size_t predicted[6] = {0, 1, 1, 2, 0, 2}, label[6] = {0, 1, 2, 2, 1, 2};
    ck_assert_double_eq(error_rate(predicted, label, 6), 2.0 / 6.0);
    ck_assert_double_eq(error_rate(label, label, 6), 0.0);
    size_t counts[9];
    confusion_matrix(predicted, label, 6, 3, counts);
    const size_t want[9] = {1, 0, 0, 1, 1, 0, 0, 1, 2};
    for (size_t k = 0; k < 9; k++)
        ck_assert_uint_eq(counts[k], want[k]);
}
END_TEST

Suite *labels_suite(void)
{
    Suite *suite = suite_create("labels");
    TCase *tc = tcase_create("labels");
    tcase_add_test(tc, a_table_becomes_examples_and_labels);
    tcase_add_test(tc, a_label_that_names_no_class_is_refused_by_line);
    tcase_add_test(tc, the_split_holds_out_a_fifth_of_each_class);
    tcase_add_test(tc, the_same_seed_gives_the_same_split);
    tcase_add_test(tc, a_split_refuses_a_class_too_small_or_missing);
    tcase_add_test(tc, a_held_out_file_must_agree_with_the_training_file);
    tcase_add_test(tc, error_rate_and_confusion_counted_by_hand);
    suite_add_tcase(suite, tc);
    return suite;
}
