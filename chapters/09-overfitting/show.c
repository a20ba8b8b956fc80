#include "show.h"

#include <stdio.h>

#include "figures.h"
#include "format.h"
#include "gradient.h"

void say_sets(const Run *run, const Sets *sets)
{
    char name[SHOWN_SIZE];
    if (sets->synthetic)
        say(run,
            "%zu training points and %zu validation points from one source: x uniform "
            "on [-1, 1),\ny = 4x^3 - 3x + 1 + noise, the noise uniform on [-0.5, 0.5) "
            "(variance 1/12 = 0.0833).\n",
            sets->train.n, sets->validation.n);
    else
        say(run,
            "%zu training points and %zu validation points, drawn at random from %s,\n"
            "but the lowest and the highest x always train, so every validation point lies\n"
            "within the training points' x, from %g to %g, where a fit interpolates (beyond\n"
            "them it would extrapolate, where a high degree swings far off).\n"
            "x mapped so that the training points span [-1, 1].\n",
            sets->train.n, sets->validation.n, run_data_name(run, name), sets->x_low,
            sets->x_high);
    say(run,
        "A polynomial of degree D is a dot product of D + 1 features: the Legendre\n"
        "polynomials P1(x) ... PD(x) and the constant 1.\n\n"
        "Least squares (by QR) for every degree the training points allow: the loss on\n"
        "both sets, and the condition number of (2/n) X^T X for two kinds of features.\n");
    say(run, "%6s %10s %12s %12s %10s\n", "degree", "training", "validation", "powers of x",
        "Legendre");
}

/* A condition number as the table prints it. Jacobi's eigenvalues are right
 * to about 1e-16 of the largest, so a ratio past 1e15 (or a smallest
 * eigenvalue that rounding made 0 or less) is known only to be huge.
 * text: 16 bytes */
static const char *condition_text(double kappa, char *text)
{
    if (kappa > 0.0 && kappa <= 1e15)
        snprintf(text, 16, "%.2g", kappa);
    else
        snprintf(text, 16, "over 1e15");
    return text;
}

void say_degree(const Run *run, size_t degree, const Fit *fit)
{
    char train[NUMBER_TEXT], validation[NUMBER_TEXT];
    if (fit->solved)
        say(run, "%6zu %10s %12s", degree, format_number(fit->train_loss, train),
            format_number(fit->validation_loss, validation));
    else
        say(run, "%6zu %23s", degree, "no unique fit");
    char powers[16], legendre[16];
    say(run, " %12s %10s\n", condition_text(fit->kappa_powers, powers),
        condition_text(fit->kappa_legendre, legendre));
}

/* Why some degrees have no unique fit: a polynomial of degree D has D + 1
 * coefficients, and m different x values pin down at most m of them. So
 * from degree m on, many polynomials fit the training points equally well. */
static void say_why_no_unique_fit(const Run *run, const Sets *sets, const Fit *fits,
                                  size_t top)
{
    size_t first = top + 1;
    for (size_t degree = top + 1; degree-- > 0;)
        if (!fits[degree].solved)
            first = degree;
    if (first > top)
        return;
    size_t m = sets->distinct_train_x;
    say(run, "No unique fit from degree %zu: ", first);
    if (m <= first)
        say(run, "the %zu training points have only %zu different\n"
                 "x values, and a polynomial of degree %zu or more has more coefficients "
                 "than\nthat, so many fit them equally well.\n",
            sets->train.n, m, m);
    else
        say(run, "(X^T X) is singular to the precision of a double there.\n");
}

void say_degrees(const Run *run, const Sets *sets, const Fit *fits, size_t top)
{
    size_t best = pick_fits(fits, top).best;
    say_why_no_unique_fit(run, sets, fits, top);
    if (fits_to_rounding(sets, fits, top))
        say(run, "Every degree fits both sets up to rounding error (losses under 1e-12 of the\n"
                 "mean y^2): the points lie on a constant, which every degree can follow.\n");
    else
        say(run,
            "The training loss falls with every degree; the validation loss is lowest "
            "at degree %zu.\n",
            best);
    if (sets->synthetic && best == 3)
        say(run,
            "Its a = [%.4f, %.4f, %.4f, %.4f]; the true curve in these features is\n"
            "[-0.6, 0, 1.6, 1], since 4x^3 - 3x + 1 = -0.6 P1 + 0 P2 + 1.6 P3 + 1.\n",
            fits[3].a[0], fits[3].a[1], fits[3].a[2], fits[3].a[3]);
}

/* ---- The table of epochs ---------------------------------------------- */

/* What the epochs' rows and advice read besides the watcher's history. */
typedef struct {
    const Design *design;
    size_t n, batch_size; /* training points, and rows a batch */
    const double *validation;
} EpochTable;

/* Rows of the table: epochs 0, 1, 2, 5, 10, 20, 50, … and the last. */
static bool is_row(const Watch *watch, size_t epoch)
{
    size_t decade = 1;
    while (decade <= epoch / 10)
        decade *= 10;
    size_t lead = epoch / decade;
    return epoch == 0 || epoch == watch->last ||
           (epoch % decade == 0 && (lead == 1 || lead == 2 || lead == 5));
}

/* The epoch, the training and the validation loss (a number too large for
 * a double as the word "overflow"). */
static void epoch_row(const Watch *watch, size_t epoch)
{
    const EpochTable *table = watch->context;
    char t[NUMBER_TEXT], v[NUMBER_TEXT];
    say(watch->run, "%6zu %10s %12s\n", epoch, format_number(watch->loss[epoch], t),
        format_number(table->validation[epoch], v));
}

/* A rate to try: half the bound below which every batch is stable or, for
 * the full batch, half of 2/λmax. */
static void epoch_advice(const Watch *watch, char *text, size_t size)
{
    const EpochTable *table = watch->context;
    const Design *design = table->design;
    bool full_batch = table->batch_size >= table->n;
    double bound = stable_lr_for_any_batch(design->train, table->n, design->d);
    if (full_batch) {
        double lambda[MAX_DEGREE + 1];
        Error err;
        run_check(watch->run,
                  hessian_eigenvalues_d(design->train, table->n, design->d, lambda, &err),
                  &err);
        bound = 2.0 / lambda[0];
    }
    snprintf(text, size,
             "; for these %zu features %s is stable when lr < %.4g, so try --lr %.2g",
             design->d, full_batch ? "full-batch descent" : "every batch", bound,
             bound / 2.0);
}

Watch watch_epochs(Run *run, const Design *design, const Batches *batches,
                   const double *validation)
{
    const Options *o = run->options;
    EpochTable *table = run_alloc(run, 1, sizeof *table);
    *table = (EpochTable){design, batches->sampler.n, batches->sampler.batch_size, validation};
    /* every = 1: a blow-up shows its own row, and no other */
    Watch watch = {.run = run, .unit = "epoch", .last = o->epochs, .every = 1,
                   .width = 6, .size = design->d, .parameters = design->d, .lr = o->lr,
                   .row = epoch_row,
                   .due = is_row, .advice = epoch_advice, .context = table};
    watch.loss = run_alloc(run, o->epochs + 1, sizeof *watch.loss);
    watch.a = run_alloc(run, o->epochs + 1, design->d * sizeof *watch.a);
    say(run,
        "\nSGD on the degree-%zu polynomial from %s: batches of %zu, lr = %g, "
        "%zu epochs.\n"
        " epoch   training   validation\n",
        design->d - 1,
        o->standardize ? "the flat line at the training points' mean (--standardize)"
                       : "a = 0",
        table->batch_size, o->lr, o->epochs);
    return watch;
}

/* ---- What early stopping kept ----------------------------------------- */

static void say_epochs(const Run *run, const Watch *watch, const double *validation,
                       const EarlyStop *stop)
{
    char lowest[NUMBER_TEXT], kept[NUMBER_TEXT], train[NUMBER_TEXT];
    if (stop->lowest_epoch == 0)
        say(run, "The validation loss never fell below where it started, at epoch 0: %s.\n"
                 "Every epoch of training made it worse, so early stopping keeps the start,\n"
                 "untrained.\n",
            format_number(stop->lowest, lowest));
    else
        say(run, "The validation loss was lowest after epoch %zu: %s.\n", stop->lowest_epoch,
            format_number(stop->lowest, lowest));
    if (stop->stopped_at > 0)
        say(run, "Early stopping with a patience of %zu epochs stops at epoch %zu",
            stop->patience, stop->stopped_at);
    else
        say(run, "Early stopping with a patience of %zu epochs never runs out of it",
            stop->patience);
    say(run, ", keeping\nepoch %zu's a: validation loss %s, training loss %s.\n",
        stop->kept_epoch, format_number(validation[stop->kept_epoch], kept),
        format_number(watch->loss[stop->kept_epoch], train));
}

void show_result(Run *run, const Sets *sets, const Fit *fits, size_t top, const Watch *watch,
                 const double *validation, const EarlyStop *stop)
{
    say_epochs(run, watch, validation, stop);
    Picks picks = pick_fits(fits, top);
    draw_figures(run, sets, fits, top, picks, watch, validation, stop);
    say_wrote(run, "ch09-degree");
    say_wrote(run, "ch09-epochs");
    say_wrote(run, "ch09-fits");
    char best[NUMBER_TEXT], kept[NUMBER_TEXT];
    run_last_line(run,
                  "final: best degree %zu, validation loss %s; early stopping keeps epoch "
                  "%zu of degree %zu, validation loss %s\n",
                  picks.best, format_number(fits[picks.best].validation_loss, best),
                  stop->kept_epoch, watch->size - 1,
                  format_number(validation[stop->kept_epoch], kept));
}
