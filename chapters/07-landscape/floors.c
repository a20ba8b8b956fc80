#include "floors.h"

#include <math.h>
#include <stdio.h>

#include "show.h"

double gap_above_floor(const Bowl *bowl, const double a[2])
{
    double e1 = a[0] - bowl->a_best[0], e2 = a[1] - bowl->a_best[1];
    return 0.5 * (bowl->h[0] * e1 * e1 + 2.0 * bowl->h[1] * e1 * e2 + bowl->h[2] * e2 * e2);
}

/* ---- Measured ---------------------------------------------------------- */

/* The mean gap over the last quarter of SEED_ITERATIONS of d, from its
 * start; NAN if it blew up (chapter 05's test, as follow() watches). */
static double settled_gap(Run *run, Descent *d, const Dataset *data, const Bowl *bowl)
{
    Watch watch = watch_quietly(run, d);
    double sum = 0.0;
    size_t count = 0;
    for (size_t t = 1; t <= SEED_ITERATIONS; t++) {
        if (!watch_batch(&watch, take_step(d, data), d->m, data->n, d->a))
            return NAN;
        if (t > SEED_ITERATIONS * 3 / 4) {
            sum += gap_above_floor(bowl, d->a);
            count++;
        }
    }
    return sum / (double)count;
}

Floor measure_floor(Run *run, const Recipe *recipe, const Dataset *data, const Bowl *bowl)
{
    uint64_t seed = run->options->seed;
    Descent d = descent_start(run, recipe, data, seed);
    double gaps[FLOOR_SEEDS], sum = 0.0, squares = 0.0;
    size_t kept = 0;
    for (size_t k = 0; k < FLOOR_SEEDS; k++) {
        descent_restart(&d, data, seed + k); /* the memory of the first, again */
        double gap = settled_gap(run, &d, data, bowl);
        if (!isnan(gap)) {
            gaps[kept++] = gap;
            sum += gap;
        }
    }
    Floor floor = {.mean = kept > 0 ? sum / (double)kept : NAN, .diverged = FLOOR_SEEDS - kept};
    for (size_t k = 0; k < kept; k++)
        squares += (gaps[k] - floor.mean) * (gaps[k] - floor.mean);
    floor.sd = kept > 1 ? sqrt(squares / (double)(kept - 1)) : 0.0;
    return floor;
}

/* ---- Predicted --------------------------------------------------------- */

double steady_state_gap(const Dataset *data, const Bowl *bowl, double lr, double beta,
                        size_t batch)
{
    double gap = 0.0;
    for (int i = 0; i < 2; i++) {
        const double *u = bowl->axis[i];
        double s_ii = 0.0; /* the variance of one point's gradient along u */
        for (size_t p = 0; p < data->n; p++) {
            const double *x = &data->x[2 * p];
            double r = x[0] * bowl->a_best[0] + x[1] * bowl->a_best[1] - data->y[p];
            double along = 2.0 * r * (x[0] * u[0] + x[1] * u[1]); /* g_p · u */
            s_ii += along * along;
        }
        s_ii /= (double)data->n;
        if (!(lr * bowl->lambda[i] < 2.0 * (1.0 + beta)))
            return NAN; /* the error itself grows along this direction: no steady state */
        gap += s_ii / ((double)batch * (2.0 - lr * bowl->lambda[i] / (1.0 + beta)));
    }
    return 0.5 * lr / (1.0 - beta) * gap;
}

/* ---- Shown ------------------------------------------------------------- */

/* "L* + 0.0114", or "none" past the bound. text: 32 */
static const char *steady_text(double gap, char text[32])
{
    if (isnan(gap))
        snprintf(text, 32, "none: past the bound");
    else
        snprintf(text, 32, "L* + %.3g", gap);
    return text;
}

/* "L* + 0.0107 (sd 0.0018)", or why there is no number. text: 48 */
static const char *floor_text(const Floor *floor, char text[48])
{
    if (floor->diverged == FLOOR_SEEDS)
        snprintf(text, 48, "diverged");
    else if (floor->diverged > 0)
        snprintf(text, 48, "L* + %.2g (%zu diverged)", floor->mean, floor->diverged);
    else
        snprintf(text, 48, "L* + %.3g (sd %.2g)", floor->mean, floor->sd);
    return text;
}

/* One row of the momentum table: the recipe, its effective rate lr/(1 − β),
 * its floor over the seeds, and its steady state. */
static void say_momentum_row(Run *run, const Recipe *recipe, const Dataset *data,
                             const Bowl *bowl)
{
    char name[48], rate[32] = "overflow", measured[48], steady[32];
    if (recipe->beta > 0.0)
        snprintf(name, sizeof name, "heavy ball %g, lr %.3g", recipe->beta, recipe->lr);
    else
        snprintf(name, sizeof name, "plain SGD, lr %.3g", recipe->lr);
    double effective = recipe->lr / (1.0 - recipe->beta);
    if (isfinite(effective)) /* it overflows for lr near the largest double */
        snprintf(rate, sizeof rate, "%.3g", effective);
    Floor floor = measure_floor(run, recipe, data, bowl);
    say(run, "  %-27s %-13s %-27s %s\n", name, rate, floor_text(&floor, measured),
        steady_text(steady_state_gap(data, bowl, recipe->lr, recipe->beta, 1), steady));
}

/* Plain SGD at lr beside heavy ball at the same effective rate lr/(1 − β),
 * and at lr itself: momentum does not cancel the noise of a gradient. */
static void momentum_against_noise(Run *run, const Dataset *data, const Bowl *bowl)
{
    double lr = run->options->lr, beta = 0.9, noise = gradient_noise(data, bowl);
    Recipe recipes[3] = {{.lr = lr, .batch = 1},
                         {.lr = lr * (1.0 - beta), .beta = beta, .batch = 1},
                         {.lr = lr, .beta = beta, .batch = 1}};
    say(run, "\nBatch 1 from %d shuffle seeds, %d iterations each: the mean gap above L* over\n"
             "each run's last quarter (the mean over the seeds, and their sd), beside the\n"
             "steady state that independent kicks predict (S below):\n"
             "  %-27s %-13s %-27s %s\n",
        FLOOR_SEEDS, SEED_ITERATIONS, "recipe", "lr/(1-beta)", "measured", "steady state");
    for (int k = 0; k < 3; k++)
        say_momentum_row(run, &recipes[k], data, bowl);
    say(run, "Steady state: (lr/(1 - beta)/2) * sum_i S_ii / (2 - lr * lambda_i/(1 + beta)),\n"
             "S the covariance of one point's gradient at a* along H's eigenvectors; trace S\n"
             "= noise = %.4g. To first order in lr, lr * noise / 4 = L* + %.3g.\n",
        noise, lr * noise / 4.0);
}

/* The floor at lr for batches of 1 up to half the data, drawn with
 * replacement (as the steady state assumes) and in shuffled epochs. */
static void floor_against_batch(Run *run, const Dataset *data, const Bowl *bowl)
{
    static const size_t SIZES[] = {1, 2, 5, 10, 20, 50};
    double lr = run->options->lr;
    say(run, "\nThe floor against the batch size at lr %g (%d seeds each):\n"
             "  %-7s %-22s %-27s %s\n",
        lr, FLOOR_SEEDS, "batch", "steady state", "with replacement", "shuffled epochs");
    for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0] && 2 * SIZES[s] <= data->n; s++) {
        Recipe drawn = {.lr = lr, .batch = SIZES[s], .with_replacement = true};
        Recipe shuffled = {.lr = lr, .batch = SIZES[s]};
        Floor floors[2] = {measure_floor(run, &drawn, data, bowl),
                           measure_floor(run, &shuffled, data, bowl)};
        char steady[32], texts[2][48];
        steady_text(steady_state_gap(data, bowl, lr, 0.0, SIZES[s]), steady);
        say(run, "  %-7zu %-22s %-27s %s\n", SIZES[s], steady, floor_text(&floors[0], texts[0]),
            floor_text(&floors[1], texts[1]));
    }
}

void show_floors(Run *run, const Dataset *data, const Bowl *bowl)
{
    if (run->options->quiet)
        return;
    momentum_against_noise(run, data, bowl);
    floor_against_batch(run, data, bowl);
}
