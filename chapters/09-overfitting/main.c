/*
 * Chapter 09 — epochs and overfitting: more features, a validation set, early
 * stopping. A polynomial is still a dot product of features with a. Fitted to 15
 * noisy points of a cubic and scored on 100 more that training never sees (sets.c),
 * every degree by least squares shows the U of capacity; degree 14 by SGD shows it
 * in time, and early stopping keeps the a of the lowest validation loss.
 *
 *     build/ch09            build/ch09 --degree 6            build/ch09 --train 30
 */
#include <math.h>

#include "gradient.h"
#include "loss.h"
#include "polynomial.h"
#include "show.h"
#include "solve.h"

static const Chapter CHAPTER = {
    "ch09",
    "Chapter 09: polynomials of every degree fitted to a training set and scored on a "
    "validation set; SGD over many epochs, and early stopping.",
    FLAG_SEED | FLAG_LR | FLAG_EPOCHS | FLAG_BATCH | FLAG_DATA | FLAG_OUT | FLAG_QUIET |
        FLAG_DEGREE | FLAG_TRAIN | FLAG_VALIDATION | FLAG_TRACE | FLAG_STANDARDIZE,
    5, 0, 0, 0.0};

//> ch09_features
/* X for a polynomial of degree d − 1: d columns, (P1(x1), …, P(d−1)(x1), 1)
 * for each point. x: set->n × d */
static void features_of(const Dataset *set, FeatureKind kind, size_t d, double *x)
{
    for (size_t i = 0; i < set->n; i++)
        feature_row(kind, set->x[2 * i], d, &x[d * i]);
}
//< ch09_features

/* How much more the loss curves one way than another (chapter 04): λmax / λmin
 * of its Hessian (2/n) XᵀX, by Jacobi's rotations. x: n × d */
static double condition_number(const double *x, size_t n, size_t d)
{
    double h[(MAX_DEGREE + 1) * (MAX_DEGREE + 1)], lambda[MAX_DEGREE + 1];
    hessian_d(x, n, d, h);
    symmetric_eigenvalues(h, d, lambda);
    return lambda[0] / lambda[d - 1];
}

//> ch09_sweep
/* The least-squares polynomial of each degree 0 … top on the training set,
 * scored on both sets, and the condition numbers of its features as powers
 * of x and as Legendre polynomials: a row of the table each. fits: top + 1 */
static void fit_every_degree(Run *run, const Sets *sets, size_t top, Fit *fits)
{
    const Dataset *train = &sets->train, *validation = &sets->validation;
    Design x = design_room(run, sets, top); /* X of each degree in turn */
    double *powers = run_alloc(run, train->n * (top + 1), sizeof *powers);
    for (size_t degree = 0; degree <= top; degree++) {
        size_t d = degree + 1;
        Fit *fit = &fits[degree];
        features_of(train, FEATURES_LEGENDRE, d, x.train);
        features_of(validation, FEATURES_LEGENDRE, d, x.validation);
        fit->solved = least_squares_unique(run, x.train, train->y, train->n, d, fit->a);
        if (fit->solved) {
            fit->train_loss = loss_of_d(x.train, train->y, train->n, d, fit->a);
            fit->validation_loss =
                loss_of_d(x.validation, validation->y, validation->n, d, fit->a);
        }
        features_of(train, FEATURES_POWERS, d, powers);
        fit->kappa_powers = condition_number(powers, train->n, d);
        fit->kappa_legendre = condition_number(x.train, train->n, d);
        say_degree(run, degree, fit);
    }
}
//< ch09_sweep

//> ch09_early_stopping
/* After each epoch: the lowest validation loss so far, the epoch whose a to
 * keep (the watcher has them all), and where patience epochs found no lower. */
static void early_stopping(EarlyStop *stop, size_t epoch, double validation)
{
    if (validation < stop->lowest) {
        stop->lowest_epoch = epoch;
        stop->lowest = validation;
    }
    if (stop->stopped_at == 0 && epoch == stop->lowest_epoch)
        stop->kept_epoch = epoch;
    if (stop->stopped_at == 0 && epoch == stop->kept_epoch + stop->patience)
        stop->stopped_at = epoch;
}
//< ch09_early_stopping

//> ch09_epochs
/* Chapter 05's minibatch SGD with d coefficients on the training set, and after every
 * epoch the loss on the validation set, which training never sees; it notes where to stop
 * but trains on to the last epoch, to show what stopping avoids. a: d; validation: epochs + 1 */
static EarlyStop train_with_validation(const Sets *sets, const Design *x, Batches *batches,
                                       double *a, double lr, size_t epochs,
                                       double *validation, Watch *watch)
{
    const Dataset *train = &sets->train, *valid = &sets->validation;
    EarlyStop stop = {.patience = 100, .lowest = INFINITY};
    for (size_t epoch = 0;; epoch++) {
        /* with torch.no_grad(): mse(y_valid, x_valid@a), and the training loss */
        validation[epoch] = loss_of_d(x->validation, valid->y, valid->n, x->d, a);
        early_stopping(&stop, epoch, validation[epoch]);
        watch_row(watch, epoch, a, loss_of_d(x->train, train->y, train->n, x->d, a));
        if (epoch == epochs)
            return stop;
        sampler_start_epoch(&batches->sampler, &batches->rng); /* a shuffle each epoch */
        const size_t *rows;
        size_t m;
        while ((m = sampler_next_batch(&batches->sampler, &rows)) > 0) {
            gather_rows_d(x->train, train->y, x->d, rows, m, batches->x, batches->y); /* xb, yb */
            double grad[MAX_DEGREE + 1], loss = loss_of_d(batches->x, batches->y, m, x->d, a);
            gradient_d(batches->x, batches->y, m, x->d, a, grad); /* loss.backward() */
            for (size_t j = 0; j < x->d; j++)
                a[j] -= lr * grad[j]; /* a.sub_(lr * a.grad) */
            watch_update(watch, loss, a); /* the update's row of a --trace */
        }
    }
}
//< ch09_epochs

//> ch09_run
static void lesson(Run *run)
{
    const Options *o = run->options;
    Sets sets = prepare_sets(run);
    say_sets(run, &sets);
    /* Every degree up to one coefficient per training point, by least squares. */
    size_t top = sets.train.n - 1 < MAX_DEGREE ? sets.train.n - 1 : MAX_DEGREE;
    Fit *fits = run_alloc(run, top + 1, sizeof *fits);
    fit_every_degree(run, &sets, top, fits);
    say_degrees(run, &sets, fits, top);
    /* One degree by SGD from a = 0 (--standardize: the mean), watching the validation loss. */
    Design x = design_room(run, &sets, o->degree);
    features_of(&sets.train, FEATURES_LEGENDRE, x.d, x.train);
    features_of(&sets.validation, FEATURES_LEGENDRE, x.d, x.validation);
    double *a = sgd_start(run, &sets, x.d);
    double *validation = run_alloc(run, o->epochs + 1, sizeof *validation);
    Batches batches = batches_of(run, &sets.train, x.d);
    Watch watch = watch_epochs(run, &x, &batches, validation);
    EarlyStop stop =
        train_with_validation(&sets, &x, &batches, a, o->lr, o->epochs, validation, &watch);
    show_result(run, &sets, fits, top, &watch, validation, &stop);
}
//< ch09_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
