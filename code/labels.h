/*
 * labels.h — a labelled data set: examples of D numbers, each with its class.
 * Introduced in chapter 11.
 *
 * A classifier's data is a table whose last column says which of K classes
 * each row belongs to (the digit an image shows) and whose other D columns
 * are the example itself (its 64 pixels). The classes are the whole numbers
 * 0, 1, …, K − 1, K one more than the largest label: a label of 2.5, −1 or
 * 1e6 is refused, naming its file and line, and so is a class that no
 * training example shows, since no model can learn a class it never sees.
 *
 * To measure a model honestly it is scored on examples it was not trained
 * on. Without a file of those, a fifth of each class is held out, drawn at
 * random from a seeded stream, so that every split keeps the classes in the
 * proportions of the whole (a stratified split) and the same seed gives the
 * same split on any machine. The score is the lecture's metric, error_rate:
 * the fraction of examples whose predicted class is wrong; a confusion
 * matrix says which classes are taken for which.
 */
#ifndef SGD_LABELS_H
#define SGD_LABELS_H

#include <stddef.h>
#include <stdint.h>

#include "csv.h"
#include "status.h"

/* The most classes a label may ask for: more than any data set here needs,
 * few enough that a mistyped label (1e9) cannot ask for gigabytes. */
enum { LABELS_MAX_CLASSES = 1000 };

typedef struct {
    size_t n, d, classes;
    double *x;     /* (n, D) row-major: example i is x[i*D] … x[i*D + D − 1] */
    size_t *label; /* (n): the class of example i, below classes */
    size_t *line;  /* (n): the line of its file, for messages */
} LabelledSet;

/* The examples of table: every column but the last is an input, the last a
 * label. classes is the largest label + 1. Fails with STATUS_BAD_DATA,
 * naming name:line, for a label that is not a whole number from 0 to
 * LABELS_MAX_CLASSES − 1, or a table of one column (no inputs); on failure
 * set is empty. */
Status labels_from_table(LabelledSet *set, const CsvTable *table, const char *name,
                         Error *err);

/* An empty set with room for n examples of d numbers; classes is 0. */
Status labels_allocate(LabelledSet *set, size_t n, size_t d, Error *err);

void labels_free(LabelledSet *set);

/* How many examples of each class set holds. counts: set->classes */
void labels_count(const LabelledSet *set, size_t *counts);

/* Makes train and test agree: the same classes (one more than the largest
 * label of either) and the same number of inputs; refuses, naming the
 * files, a test file of another width and a class with no training
 * example. train_name, test_name: the files, for messages */
Status labels_agree(LabelledSet *train, LabelledSet *test, const char *train_name,
                    const char *test_name, Error *err);

/* How many examples of a class of count the split holds out: a fifth,
 * rounded to the nearest, (count + 2) / 5. */
size_t labels_held_out(size_t count);

/* The stratified split of all: from each class, labels_held_out() of its
 * examples, drawn at random from seed's stream, go to test, the rest to
 * train, each in the order of all. Fails with STATUS_BAD_DATA, naming
 * name, when a class has too few examples to give both sides one (fewer
 * than 3) or none at all. On failure train and test are empty. */
Status labels_split(const LabelledSet *all, uint64_t seed, const char *name,
                    LabelledSet *train, LabelledSet *test, Error *err);

/* The fraction of the n examples whose predicted class is not their label:
 * fastai's error_rate. predicted, label: n, n ≥ 1 */
double error_rate(const size_t *predicted, const size_t *label, size_t n);

/* counts[t][p]: how many examples of true class t were predicted p (rows
 * true, columns predicted, as scikit-learn writes it). The diagonal holds
 * the right answers. predicted, label: n; counts: (classes, classes) */
void confusion_matrix(const size_t *predicted, const size_t *label, size_t n,
                      size_t classes, size_t *counts);

#endif
