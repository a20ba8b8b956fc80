#include "labels.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "format.h"
#include "rng.h"

Status labels_allocate(LabelledSet *set, size_t n, size_t d, Error *err)
{
    *set = (LabelledSet){.n = n, .d = d};
    bool too_many = d != 0 && n > SIZE_MAX / sizeof(double) / d;
    set->x = too_many ? NULL : malloc((n * d > 0 ? n * d : 1) * sizeof *set->x);
    set->label = malloc((n > 0 ? n : 1) * sizeof *set->label);
    set->line = malloc((n > 0 ? n : 1) * sizeof *set->line);
    if (set->x == NULL || set->label == NULL || set->line == NULL) {
        labels_free(set);
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu examples of %zu numbers", n,
                    d);
    }
    return STATUS_OK;
}

void labels_free(LabelledSet *set)
{
    free(set->x);
    free(set->label);
    free(set->line);
    *set = (LabelledSet){0};
}

/* A label as a message quotes it: 1000000 as that, not 1e+06; 2.5 and
 * 2.0000000001 with the digits that tell them from a whole number. */
static const char *label_text(double value, char text[NUMBER_TEXT])
{
    if (value == floor(value) && fabs(value) < 1e15)
        snprintf(text, NUMBER_TEXT, "%.0f", value);
    else
        format_exact(value, text);
    return text;
}

/* The class a label names, or a message saying why it names none. */
static Status read_label(double value, const char *name, size_t line, size_t *label,
                         Error *err)
{
    char text[NUMBER_TEXT];
    if (value != floor(value))
        return fail(err, STATUS_BAD_DATA,
                    "%s:%zu: label '%s' is not a whole number: the last column is the "
                    "class, 0, 1, 2, ...",
                    name, line, label_text(value, text));
    if (value < 0.0)
        return fail(err, STATUS_BAD_DATA,
                    "%s:%zu: label '%s' is negative: the classes are numbered from 0", name,
                    line, label_text(value, text));
    if (value >= LABELS_MAX_CLASSES)
        return fail(err, STATUS_BAD_DATA,
                    "%s:%zu: label '%s' is too large: at most %d classes, labelled 0 to %d",
                    name, line, label_text(value, text), LABELS_MAX_CLASSES,
                    LABELS_MAX_CLASSES - 1);
    *label = (size_t)value;
    return STATUS_OK;
}

Status labels_from_table(LabelledSet *set, const CsvTable *table, const char *name,
                         Error *err)
{
    *set = (LabelledSet){0};
    if (table->columns < 2)
        return fail(err, STATUS_BAD_DATA,
                    "%s: has 1 column; each row needs its inputs and, last, its label", name);
    size_t d = table->columns - 1;
    Status status = labels_allocate(set, table->n, d, err);
    for (size_t i = 0; status == STATUS_OK && i < table->n; i++) {
        const double *row = &table->values[i * table->columns];
        for (size_t j = 0; j < d; j++)
            set->x[i * d + j] = row[j];
        set->line[i] = table->lines[i];
        status = read_label(row[d], name, set->line[i], &set->label[i], err);
        if (status == STATUS_OK && set->label[i] + 1 > set->classes)
            set->classes = set->label[i] + 1;
    }
    if (status != STATUS_OK)
        labels_free(set);
    return status;
}

void labels_count(const LabelledSet *set, size_t *counts)
{
    for (size_t c = 0; c < set->classes; c++)
        counts[c] = 0;
    for (size_t i = 0; i < set->n; i++)
        counts[set->label[i]]++;
}

/* The first class of set with fewer than least examples, or classes if
 * none. counts: classes, filled here */
static size_t first_short_class(const LabelledSet *set, size_t least, size_t *counts)
{
    labels_count(set, counts);
    size_t c = 0;
    while (c < set->classes && counts[c] >= least)
        c++;
    return c;
}

/* Every class of set has at least least examples, or a message naming the
 * first that has not, said by what for (the split, or training). */
static Status check_classes(const LabelledSet *set, size_t least, const char *name,
                            const char *why, Error *err)
{
    if (set->classes < 2)
        return fail(err, STATUS_BAD_DATA,
                    "%s: every label is 0; a classifier needs at least two classes", name);
    size_t *counts = malloc(set->classes * sizeof *counts);
    if (counts == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for %zu classes", set->classes);
    size_t c = first_short_class(set, least, counts);
    Status status = STATUS_OK;
    if (c < set->classes && counts[c] == 0)
        status = fail(err, STATUS_BAD_DATA,
                      "%s: class %zu has no example to train on (the labels go up to %zu); "
                      "a model cannot learn a class it never sees",
                      name, c, set->classes - 1);
    else if (c < set->classes)
        status = fail(err, STATUS_BAD_DATA, "%s: class %zu has only %zu example%s; %s", name,
                      c, counts[c], counts[c] == 1 ? "" : "s", why);
    free(counts);
    return status;
}

Status labels_agree(LabelledSet *train, LabelledSet *test, const char *train_name,
                    const char *test_name, Error *err)
{
    if (test->d != train->d)
        return fail(err, STATUS_BAD_DATA,
                    "%s: has %zu columns, %s has %zu: the held-out rows need the same %zu "
                    "inputs and a label",
                    test_name, test->d + 1, train_name, train->d + 1, train->d);
    LabelledSet widened = *train; /* the classes of both, checked before either changes */
    widened.classes = train->classes > test->classes ? train->classes : test->classes;
    Status status = check_classes(&widened, 1, train_name, "", err);
    if (status == STATUS_OK)
        train->classes = test->classes = widened.classes;
    return status;
}

size_t labels_held_out(size_t count)
{
    return (count + 2) / 5; /* count/5 rounded to the nearest: 36 of 178, 37 of 183 */
}

/* Copies example i of from to the end of to (to->n so far). */
static void copy_example(const LabelledSet *from, size_t i, LabelledSet *to)
{
    size_t k = to->n++;
    for (size_t j = 0; j < from->d; j++)
        to->x[k * from->d + j] = from->x[i * from->d + j];
    to->label[k] = from->label[i];
    to->line[k] = from->line[i];
}

/* held[i] = 1 for the examples the split holds out: from each class, its
 * examples in a random order, the first labels_held_out() of them.
 * held: n, zeros; rows: n, scratch. Returns how many are held out. */
static size_t choose_held_out(const LabelledSet *all, uint64_t seed, unsigned char *held,
                              size_t *rows)
{
    Rng rng = rng_seeded(seed);
    size_t total = 0;
    for (size_t c = 0; c < all->classes; c++) {
        size_t count = 0;
        for (size_t i = 0; i < all->n; i++)
            if (all->label[i] == c)
                rows[count++] = i;
        rng_shuffle(&rng, rows, count);
        size_t keep = labels_held_out(count);
        for (size_t k = 0; k < keep; k++)
            held[rows[k]] = 1;
        total += keep;
    }
    return total;
}

Status labels_split(const LabelledSet *all, uint64_t seed, const char *name,
                    LabelledSet *train, LabelledSet *test, Error *err)
{
    *train = *test = (LabelledSet){0};
    Status status = check_classes(all, 3, name,
                                  "holding out a fifth of each class needs at least 3, "
                                  "or give a held-out file with --test",
                                  err);
    if (status != STATUS_OK)
        return status;
    unsigned char *held = calloc(all->n, 1);
    size_t *rows = malloc(all->n * sizeof *rows);
    if (held == NULL || rows == NULL)
        status = fail(err, STATUS_NO_MEMORY, "out of memory for a split of %zu examples",
                      all->n);
    size_t held_count = status == STATUS_OK ? choose_held_out(all, seed, held, rows) : 0;
    if (status == STATUS_OK)
        status = labels_allocate(train, all->n - held_count, all->d, err);
    if (status == STATUS_OK)
        status = labels_allocate(test, held_count, all->d, err);
    if (status == STATUS_OK) {
        train->n = test->n = 0; /* copy_example() counts them again */
        train->classes = test->classes = all->classes;
        for (size_t i = 0; i < all->n; i++)
            copy_example(all, i, held[i] ? test : train);
    } else {
        labels_free(train);
        labels_free(test);
    }
    free(held);
    free(rows);
    return status;
}

//> error_rate
double error_rate(const size_t *predicted, const size_t *label, size_t n)
{
    size_t wrong = 0;
    for (size_t i = 0; i < n; i++)
        wrong += predicted[i] != label[i];
    return (double)wrong / (double)n;
}
//< error_rate

void confusion_matrix(const size_t *predicted, const size_t *label, size_t n,
                      size_t classes, size_t *counts)
{
    for (size_t k = 0; k < classes * classes; k++)
        counts[k] = 0;
    for (size_t i = 0; i < n; i++)
        counts[label[i] * classes + predicted[i]]++;
}
