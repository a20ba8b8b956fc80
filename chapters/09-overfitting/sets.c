#include "sets.h"

#include <math.h>
#include <stdlib.h>

#include "gradient.h"
#include "polynomial.h"
#include "rng.h"

double true_curve(double x)
{
    return 4.0 * x * x * x - 3.0 * x + 1.0;
}

/* An empty set of n points, x2 already 1, in the run's memory. */
static Dataset points(Run *run, size_t n)
{
    Dataset set = {n, run_alloc(run, n, 2 * sizeof(double)), run_alloc(run, n, sizeof(double))};
    for (size_t i = 0; i < n; i++)
        set.x[2 * i + 1] = 1.0;
    return set;
}

/* n points of the true curve, x uniform on [-1, 1), plus noise uniform on
 * [-0.5, 0.5): the notebook's noise, centred, so that the true curve is the
 * best any model can do (its loss is the noise's variance, 1/12). */
static Dataset curve_points(Run *run, size_t n, Rng *rng)
{
    Dataset set = points(run, n);
    for (size_t i = 0; i < n; i++) {
        set.x[2 * i] = rng_uniform_between(rng, -1.0, 1.0);
        set.y[i] = true_curve(set.x[2 * i]) + rng_uniform_between(rng, -0.5, 0.5);
    }
    return set;
}

/* The rows order[from … from + m − 1] of data, x1 mapped from [low, high]
 * to [-1, 1]. order: from + m */
static Dataset take_rows(Run *run, const Dataset *data, const size_t *order, size_t from,
                         size_t m, double low, double high)
{
    Dataset set = points(run, m);
    for (size_t k = 0; k < m; k++) {
        size_t row = order[from + k];
        set.x[2 * k] = to_unit_interval(data->x[2 * row], low, high);
        set.y[k] = data->y[row];
    }
    return set;
}

static int by_value(const void *left, const void *right)
{
    double u = *(const double *)left, v = *(const double *)right;
    return (u > v) - (u < v);
}

/* How many different x1 values set has. */
static size_t distinct_x(Run *run, const Dataset *set)
{
    double *x = run_alloc(run, set->n, sizeof *x);
    for (size_t i = 0; i < set->n; i++)
        x[i] = set->x[2 * i];
    qsort(x, set->n, sizeof *x, by_value);
    size_t count = set->n > 0;
    for (size_t i = 1; i < set->n; i++)
        count += x[i] != x[i - 1];
    return count;
}

/* Moves the rows of the lowest and the highest x1 to the front of order
 * (n rows, shuffled), so that they train: every validation point then lies
 * within the training points' range, where a fit interpolates. A point
 * beyond it would judge each degree by its extrapolation, where a high
 * degree swings far off (degree 14 of 15 points: by 1e8 on data of 50). */
static void ends_train_first(const Dataset *data, size_t *order, size_t n)
{
    for (size_t end = 0; end < 2; end++) {
        size_t pick = end;
        for (size_t k = end; k < n; k++) {
            double x = data->x[2 * order[k]], best = data->x[2 * order[pick]];
            if (end == 0 ? x < best : x > best)
                pick = k;
        }
        size_t kept = order[end];
        order[end] = order[pick];
        order[pick] = kept;
    }
}

/* The reader's points (--data), shuffled with the seed, the two of the
 * lowest and highest x first: the first --train of them train, the next
 * --validation (or all the rest) validate. x1 is mapped so that the
 * training points span [-1, 1]. */
static Sets split_points(Run *run)
{
    const Options *options = run->options;
    const Dataset *data = run->data;
    size_t n = data->n, n_train = options->train;
    char buffer[SHOWN_SIZE];
    const char *name = run_data_name(run, buffer);
    if (n < 3) /* --train is at least 2 */
        run_failf(run, STATUS_BAD_DATA,
                  "%s has %zu points: it takes at least 3, 2 to train on and 1 to "
                  "validate with",
                  name, n);
    if (n <= n_train)
        run_failf(run, STATUS_BAD_DATA,
                  "%s has %zu points: --train %zu leaves none to validate with (try "
                  "--train %zu)",
                  name, n, n_train, n - (n / 3 > 0 ? n / 3 : 1));
    if ((options->given & FLAG_VALIDATION) && n - n_train < options->validation)
        run_failf(run, STATUS_BAD_DATA,
                  "%s has %zu points: --train %zu leaves %zu for --validation %zu (give "
                  "--validation %zu, or leave it out to validate on all the rest)",
                  name, n, n_train, n - n_train, options->validation, n - n_train);
    size_t *order = run_alloc(run, n, sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    Rng rng = rng_seeded(options->seed);
    rng_shuffle(&rng, order, n);
    ends_train_first(data, order, n);
    double low = INFINITY, high = -INFINITY;
    for (size_t k = 0; k < n_train; k++) {
        low = fmin(low, data->x[2 * order[k]]);
        high = fmax(high, data->x[2 * order[k]]);
    }
    if (!(low < high))
        run_failf(run, STATUS_BAD_DATA,
                  "every training point of %s has the same x: no curve can be told from "
                  "another",
                  name);
    size_t n_validation =
        n - n_train < options->validation ? n - n_train : options->validation;
    Sets sets = {.x_low = low, .x_high = high, .synthetic = false};
    sets.train = take_rows(run, data, order, 0, n_train, low, high);
    sets.validation = take_rows(run, data, order, n_train, n_validation, low, high);
    return sets;
}

Sets prepare_sets(Run *run)
{
    Sets sets = {.x_low = -1.0, .x_high = 1.0, .synthetic = true};
    if (run->options->data_path != NULL) {
        sets = split_points(run);
    } else {
        Rng rng = rng_seeded(run->options->seed);
        sets.train = curve_points(run, run->options->train, &rng);
        sets.validation = curve_points(run, run->options->validation, &rng);
    }
    sets.distinct_train_x = distinct_x(run, &sets.train);
    if (run->options->standardize)
        for (size_t i = 0; i < sets.train.n; i++)
            sets.start += sets.train.y[i] / (double)sets.train.n;
    return sets;
}

double *sgd_start(Run *run, const Sets *sets, size_t d)
{
    double *a = run_alloc(run, d, sizeof *a);
    a[d - 1] = sets->start; /* the last feature is the constant 1 */
    return a;
}

double in_data_units(const Sets *sets, double t)
{
    return sets->synthetic ? t
                           : sets->x_low + (t + 1.0) * (sets->x_high - sets->x_low) / 2.0;
}

Design design_room(Run *run, const Sets *sets, size_t top)
{
    size_t d = top + 1;
    return (Design){d, run_alloc(run, sets->train.n, d * sizeof(double)),
                    run_alloc(run, sets->validation.n, d * sizeof(double))};
}

bool least_squares_unique(Run *run, const double *x, const double *y, size_t n, size_t d,
                          double *a)
{
    Error err;
    Status status = least_squares_d(x, y, n, d, a, &err);
    if (status != STATUS_BAD_DATA) /* no unique fit is an answer; no memory is not */
        run_check(run, status, &err);
    return status == STATUS_OK;
}

Batches batches_of(Run *run, const Dataset *train, size_t d)
{
    const Options *options = run->options;
    size_t *order = run_alloc(run, train->n, sizeof *order);
    Batches batches = {.rng = rng_seeded(options->seed)};
    sampler_init_in(&batches.sampler, train, options->batch, order);
    batches.x = run_alloc(run, batches.sampler.batch_size, d * sizeof *batches.x);
    batches.y = run_alloc(run, batches.sampler.batch_size, sizeof *batches.y);
    return batches;
}
