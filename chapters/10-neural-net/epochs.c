#include "epochs.h"

#include <math.h>
#include <stdio.h>

#include "gradient.h"
#include "loss.h"
#include "plot.h"
#include "rng.h"

/* ---- Room -------------------------------------------------------------- */

static void free_dataset(void *data)
{
    data_free(data);
}

static void free_measurements(void *object)
{
    Epochs *kept = object;
    network_tape_free(&kept->recorder);
    data_free(&kept->chunk);
}

/* FRESH_POINTS more points from the curve of bent_data(), from a stream of
 * their own (seed + 2), so none of them is a training point; NULL when the
 * points are the reader's, whose curve nobody knows. */
static const Dataset *fresh_points(Run *run)
{
    if (run->options->data_path != NULL)
        return NULL;
    Dataset *fresh = run_alloc(run, 1, sizeof *fresh);
    Rng rng = rng_seeded(run->options->seed + 2);
    Error err;
    run_check(run, curve_data(fresh, FRESH_POINTS, &rng, &err), &err);
    run_defer(run, free_dataset, fresh);
    return fresh;
}

static void make_frames(Run *run, Frames *frames, size_t epochs, size_t size)
{
    frames->count = epochs + 1 < PLOT_MAX_FRAMES ? epochs + 1 : PLOT_MAX_FRAMES;
    frames->size = size;
    frames->epoch = run_alloc(run, frames->count, sizeof *frames->epoch);
    frames->a = run_alloc(run, frames->count * size, sizeof *frames->a);
    for (size_t f = 0; f < frames->count; f++)
        frames->epoch[f] = frames->count == 1 ? 0 : f * epochs / (frames->count - 1);
}

/* The epochs measured, one in `every` and the last; and the batches of each,
 * one in `stride`. */
static void plan_measurements(Run *run, Epochs *kept, size_t epochs)
{
    kept->last = epochs;
    kept->every = epochs > MEASURED_EPOCHS ? (epochs + MEASURED_EPOCHS - 1) / MEASURED_EPOCHS : 1;
    size_t room = epochs / kept->every + 2;
    size_t per_epoch = batches_per_epoch(kept->data->n, kept->trainer->sampler.batch_size);
    kept->stride = (per_epoch + BATCHES_MEASURED - 1) / BATCHES_MEASURED;
    kept->epoch = run_alloc(run, room, sizeof *kept->epoch);
    kept->lambda_max = run_alloc(run, room, sizeof *kept->lambda_max);
    kept->first_batch = run_alloc(run, room + 1, sizeof *kept->first_batch);
    kept->batch_lambda = run_alloc(run, room * BATCHES_MEASURED, sizeof *kept->batch_lambda);
    kept->fresh = fresh_points(run);
    if (kept->fresh != NULL)
        kept->held_out = run_alloc(run, room, sizeof *kept->held_out);
}

Epochs *make_epochs(Run *run, const Trainer *trainer, size_t epochs)
{
    const Network *net = &trainer->recorder.net;
    size_t size = network_size(net);
    Epochs *kept = run_alloc(run, 1, sizeof *kept);
    run_defer(run, free_measurements, kept); /* each part may be freed unmade */
    kept->trainer = trainer;
    kept->data = trainer->data;
    make_frames(run, &kept->frames, epochs, size);
    plan_measurements(run, kept, epochs);
    Error err;
    run_check(run, network_tape_init(&kept->recorder, net, trainer->recorder.room, &err), &err);
    run_check(run, data_allocate(&kept->chunk, trainer->recorder.room, &err), &err);
    kept->rows = run_alloc(run, CURVATURE_POINTS, sizeof *kept->rows);
    kept->sample = data_plot_sample(kept->data, CURVATURE_POINTS, kept->rows);
    double **vectors[] = {&kept->v, &kept->u, &kept->hv, &kept->probe, &kept->g_plus,
                          &kept->g_minus};
    for (size_t k = 0; k < sizeof vectors / sizeof vectors[0]; k++)
        *vectors[k] = run_alloc(run, size, sizeof **vectors[k]);
    Rng rng = rng_seeded(run->options->seed + 3); /* power iteration's first vector */
    for (size_t k = 0; k < size; k++)
        kept->v[k] = rng_uniform_between(&rng, -1.0, 1.0);
    return kept;
}

/* ---- Curvature --------------------------------------------------------- */

/* The gradient of the loss of points at a, from the measurements' own tape:
 * of a batch at once; of all the data (points NULL) a batch's room at a
 * time, each part weighted by its share of the points. grad: P */
static void gradient_at(Epochs *kept, const Dataset *points, const double *a, double *grad)
{
    NetworkTape *recorder = &kept->recorder;
    size_t size = network_size(&recorder->net), total = points ? points->n : kept->sample;
    for (size_t k = 0; k < size; k++)
        grad[k] = 0.0;
    for (size_t first = 0; first < total; first += recorder->room) {
        size_t m = total - first < recorder->room ? total - first : recorder->room;
        if (points == NULL)
            gather_rows(kept->data, &kept->rows[first], m, &kept->chunk);
        Var loss = network_record_loss(recorder, a, points ? points : &kept->chunk);
        tape_backward(&recorder->tape, loss);
        network_read_grad(recorder, kept->hv); /* hv: room until the caller needs it */
        for (size_t k = 0; k < size; k++)
            grad[k] += kept->hv[k] * (double)m / (double)total;
    }
}

/* H v ≈ (∇L(a + εv) − ∇L(a − εv)) / 2ε into kept->hv: exact for a quadratic,
 * and for a ReLU network wherever no point's unit changes side within ±εv.
 * v: P, of length 1 */
static void hessian_times(Epochs *kept, const Dataset *points, const double *v,
                          const double *a)
{
    size_t size = network_size(&kept->recorder.net);
    const double epsilon = 1e-5;
    for (size_t k = 0; k < size; k++)
        kept->probe[k] = a[k] + epsilon * v[k];
    gradient_at(kept, points, kept->probe, kept->g_plus);
    for (size_t k = 0; k < size; k++)
        kept->probe[k] = a[k] - epsilon * v[k];
    gradient_at(kept, points, kept->probe, kept->g_minus);
    for (size_t k = 0; k < size; k++)
        kept->hv[k] = (kept->g_plus[k] - kept->g_minus[k]) / (2.0 * epsilon);
}

static double length_of(const double *v, size_t size)
{
    double sum = 0.0;
    for (size_t k = 0; k < size; k++)
        sum += v[k] * v[k];
    return sqrt(sum);
}

/* λmax of the Hessian of the loss of points (NULL: all the data) at a:
 * `rounds` of v = H v / |H v| from v as it is, which is left holding the
 * steepest direction found; returns the last vᵀ H v. v: P */
static double power_iteration(Epochs *kept, const Dataset *points, double *v, const double *a,
                              size_t rounds)
{
    size_t size = network_size(&kept->recorder.net);
    double lambda = 0.0, length = length_of(v, size);
    for (size_t k = 0; k < size; k++)
        v[k] /= length;
    for (size_t r = 0; r < rounds; r++) {
        hessian_times(kept, points, v, a);
        lambda = 0.0;
        for (size_t k = 0; k < size; k++)
            lambda += v[k] * kept->hv[k];
        length = length_of(kept->hv, size);
        if (!(length > 0.0 && isfinite(length)))
            break; /* H v = 0, a flat loss: λmax is 0 */
        for (size_t k = 0; k < size; k++)
            v[k] = kept->hv[k] / length;
    }
    return lambda;
}

/* ---- Keeping ----------------------------------------------------------- */

static bool measured(const Epochs *kept, size_t epoch)
{
    return epoch % kept->every == 0 || epoch == kept->last;
}

void keep_epoch(Epochs *kept, size_t epoch, const double *a)
{
    Frames *frames = &kept->frames;
    if (frames->next < frames->count && frames->epoch[frames->next] == epoch)
        network_to_data_units(kept->trainer, a, &frames->a[frames->next++ * frames->size]);
    kept->seen = 0;
    kept->epoch_now = epoch + 1;
    if (!measured(kept, epoch))
        return;
    size_t m = kept->measured++;
    kept->epoch[m] = epoch;
    kept->first_batch[m + 1] = kept->batches; /* the batches of the epoch just ended */
    /* From a random start the vector needs many rounds; from the last
     * epoch's direction, a few (8 and 60 agree to four digits here). */
    kept->lambda_max[m] = power_iteration(kept, NULL, kept->v, a, m == 0 ? 100 : 8);
    if (kept->held_out != NULL) {
        network_to_data_units(kept->trainer, a, kept->probe);
        kept->held_out[m] = network_loss_of(&kept->recorder.net, kept->probe, kept->fresh);
    }
}

void keep_step(Epochs *kept, const Dataset *batch, const double *a)
{
    if (!measured(kept, kept->epoch_now) || kept->seen++ % kept->stride != 0)
        return;
    /* A batch's steepest direction is near all the data's: from there five
     * rounds come within 0.1% of sixty. */
    size_t size = network_size(&kept->recorder.net);
    for (size_t k = 0; k < size; k++)
        kept->u[k] = kept->v[k];
    kept->batch_lambda[kept->batches++] = power_iteration(kept, batch, kept->u, a, 5);
}

/* ---- Shown: the held-out loss ------------------------------------------ */

/* The least-squares quadratic a1 x + a2 x² + a3 of data, the curve's own
 * form, by chapter 09's closed form; false when it has no unique one. q: 3 */
static bool best_quadratic(Run *run, const Dataset *data, double q[3])
{
    double *x = run_alloc(run, 3 * data->n, sizeof *x);
    for (size_t i = 0; i < data->n; i++) {
        double t = data->x[2 * i];
        x[3 * i] = t, x[3 * i + 1] = t * t, x[3 * i + 2] = 1.0;
    }
    return least_squares_d(x, data->y, data->n, 3, q, NULL) == STATUS_OK;
}

static double quadratic_loss(const Dataset *points, const double q[3])
{
    double sum = 0.0;
    for (size_t i = 0; i < points->n; i++) {
        double t = points->x[2 * i], miss = q[0] * t + q[1] * t * t + q[2] - points->y[i];
        sum += miss * miss;
    }
    return sum / (double)points->n;
}

/* The network, the curve, the best line and the best quadratic, each scored
 * on the fresh points: chapter 09's validation loss, with points to spare. */
static void say_held_out(Run *run, const Epochs *kept, const Dataset *data, const Watch *watch,
                         const BestLine *best)
{
    const Dataset *fresh = kept->fresh;
    double curve_loss = 0.0, q[3];
    for (size_t i = 0; i < fresh->n; i++) {
        double miss = curve(fresh->x[2 * i]) + 0.5 - fresh->y[i];
        curve_loss += miss * miss / (double)fresh->n;
    }
    say(run, "\nOn %zu fresh points from the same curve, which training never saw:\n"
             "  %-34s %.4f  (on its %zu training points: %.4f)\n"
             "  %-34s %.4f\n",
        fresh->n, "the network", kept->held_out[kept->measured - 1], data->n,
        watch->loss[watch->last], "the curve itself: the noise alone", curve_loss);
    if (best->exists)
        say(run, "  %-34s %.4f\n", "the best straight line",
            loss_of(fresh->x, fresh->y, fresh->n, best->a));
    if (best_quadratic(run, data, q))
        say(run, "  %-34s %.4f  (3 parameters, the curve's own form)\n",
            "the least-squares quadratic", quadratic_loss(fresh, q));
}

/* ---- Shown: the curvature ---------------------------------------------- */

/* The largest λmax of measured epoch m's batches; NAN when none was. */
static double largest_of_batches(const Epochs *kept, size_t m)
{
    double largest = NAN;
    for (size_t b = kept->first_batch[m]; b < kept->first_batch[m + 1]; b++)
        largest = isnan(largest) ? kept->batch_lambda[b] : fmax(largest, kept->batch_lambda[b]);
    return largest;
}

/* The measured epoch (m ≥ 1) whose loss rose most above the epoch
 * before's; 0 when none rose. */
static size_t worst_rise(const Epochs *kept, const Watch *watch)
{
    size_t worst = 0;
    double most = 0.0;
    for (size_t m = 1; m < kept->measured; m++) {
        size_t e = kept->epoch[m];
        double rise = watch->loss[e] - watch->loss[e - 1];
        if (rise > most) {
            most = rise;
            worst = m;
        }
    }
    return worst;
}

/* The table: λmax of all the data and the largest of a batch's, every few epochs. */
static void say_curvature_rows(const Run *run, const Epochs *kept, const Watch *watch)
{
    size_t every = progress_every(kept->last);
    say(run, "\nThe steepest curvature of the loss, lambda_max of its Hessian, found by power\n"
             "iteration on differences of tape gradients, against 2/lr = %.4g: chapter 04's\n"
             "bound, past which a step overshoots.%s\n"
             "  epoch   loss      all the data   its batches, largest\n",
        2.0 / watch->lr,
        kept->trainer->standardized ? " (Of the loss in x' and y', where the steps are.)"
                                    : "");
    for (size_t m = 0; m < kept->measured; m++) {
        size_t e = kept->epoch[m];
        if (e % every != 0 && e != kept->last)
            continue;
        double batches = largest_of_batches(kept, m);
        say(run, "  %5zu   %-9.4f %-14.4g ", e, watch->loss[e], kept->lambda_max[m]);
        say(run, isnan(batches) ? "-\n" : "%.4g\n", batches);
    }
}

/* Where λmax of all the data went, and the batches of the epoch whose loss
 * rose most. */
static void say_where_it_passed(const Run *run, const Epochs *kept, const Watch *watch)
{
    double bound = 2.0 / watch->lr, top = 0.0;
    size_t at = 0, worst = worst_rise(kept, watch);
    for (size_t m = 0; m < kept->measured; m++)
        if (kept->lambda_max[m] > top) {
            top = kept->lambda_max[m];
            at = kept->epoch[m];
        }
    say(run, "Of all the data, lambda_max was at most %.4g (epoch %zu): %s 2/lr = %.4g.\n", top, at,
        top < bound ? "under" : "past", bound);
    if (worst == 0)
        return;
    size_t e = kept->epoch[worst], first = kept->first_batch[worst];
    size_t count = kept->first_batch[worst + 1] - first, shown = count < 10 ? count : 10;
    say(run, "The loss rose most in epoch %zu, from %.4f to %.4f; lambda_max of its %s%zu "
             "batches\nmeasured, in order:",
        e, watch->loss[e - 1], watch->loss[e], shown < count ? "last " : "", shown);
    for (size_t b = first + count - shown; b < first + count; b++)
        say(run, " %.3g", kept->batch_lambda[b]);
    say(run, "\n");
}

/* λmax of all the data and of the batches, epoch by epoch, against 2/lr. */
static void draw_curvature(Run *run, const Epochs *kept, const Watch *watch)
{
    size_t count = kept->measured;
    double *x = run_alloc(run, count, sizeof *x), *batches = run_alloc(run, count, sizeof *x);
    size_t with_batches = 0;
    double *batch_x = run_alloc(run, count, sizeof *x), bound = 2.0 / watch->lr, top = 0.0;
    for (size_t m = 0; m < count; m++) {
        x[m] = (double)kept->epoch[m];
        top = fmax(top, kept->lambda_max[m]);
        double largest = largest_of_batches(kept, m);
        if (!isnan(largest)) {
            batch_x[with_batches] = x[m];
            batches[with_batches++] = largest;
        }
    }
    double ends[2] = {0.0, (double)kept->last}, bound_y[2] = {bound, bound};
    Curve curves[3] = {
        {"lambda_max of the loss of all the data", ROLE_NETWORK, false, x, kept->lambda_max,
         count},
        {"the largest lambda_max of a batch that epoch", ROLE_BATCH_10, true, batch_x, batches,
         with_batches},
        {"2/lr: past it, a step overshoots", ROLE_BOUND, false, ends, bound_y, 2},
    };
    Axes axes = {.title = top >= bound        ? "The loss's steepest curvature passes 2/lr"
                          : top >= 0.8 * bound ? "The loss's steepest curvature climbs to just "
                                                 "under 2/lr; single batches pass it"
                                               : "The loss's steepest curvature, below 2/lr",
                 .x_label = "epoch",
                 .y_label = "lambda_max of the Hessian",
                 .y_from_zero = true};
    Error err;
    run_check(run, plot_curves(run_figures_dir(run), "ch10-curvature", &axes, curves, 3, &err),
              &err);
}

void show_epochs(Run *run, const Epochs *kept, const Dataset *data, const Watch *watch,
                 const BestLine *best)
{
    if (kept->fresh != NULL)
        say_held_out(run, kept, data, watch, best);
    say_curvature_rows(run, kept, watch);
    say_where_it_passed(run, kept, watch);
    draw_curvature(run, kept, watch);
}
