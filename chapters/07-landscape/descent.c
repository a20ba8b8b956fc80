#include "descent.h"

#include <string.h>

#include "heavy_ball.h"
#include "loss.h"

Descent descent_start(Run *run, const Recipe *recipe, const Dataset *data, uint64_t seed)
{
    const double *start = recipe->start != NULL ? recipe->start : A_START;
    Descent d = {.recipe = *recipe,
                 .a = {start[0], start[1]},
                 .m = data->n,
                 .rng = rng_seeded(seed),
                 .sampler = {.n = data->n, .batch_size = data->n}};
    d.start_loss = loss_of(data->x, data->y, data->n, d.a);
    /* Only minibatches are drawn from a shuffled order: the full batch
     * needs no row numbers, and asks for no memory. */
    if (recipe->batch < data->n)
        sampler_init_in(&d.sampler, data, recipe->batch,
                        run_alloc(run, data->n, sizeof *d.sampler.order));
    if (recipe->batch < data->n && recipe->with_replacement)
        d.drawn = run_alloc(run, recipe->batch, sizeof *d.drawn);
    return d;
}

void descent_restart(Descent *d, const Dataset *data, uint64_t seed)
{
    const double *start = d->recipe.start != NULL ? d->recipe.start : A_START;
    d->a[0] = start[0];
    d->a[1] = start[1];
    d->velocity[0] = d->velocity[1] = 0.0;
    d->t = 0;
    d->m = data->n;
    d->rng = rng_seeded(seed);
    if (d->recipe.batch < data->n) /* its rows back in their first order */
        sampler_init_in(&d->sampler, data, d->recipe.batch, d->sampler.order);
}

/* The rows of the next batch of a shuffled epoch, a new epoch when the last
 * is used up, their count in d->m; NULL for the full batch. Drawn with
 * replacement, each row is any of the n, whatever the others are. */
static const size_t *next_batch(Descent *d)
{
    const size_t *rows = NULL;
    if (d->drawn != NULL) {
        for (size_t k = 0; k < d->sampler.batch_size; k++)
            d->drawn[k] = rng_below(&d->rng, d->sampler.n);
        d->m = d->sampler.batch_size;
        return d->drawn;
    }
    if (d->sampler.batch_size < d->sampler.n &&
        (d->m = sampler_next_batch(&d->sampler, &rows)) == 0) {
        sampler_start_epoch(&d->sampler, &d->rng);
        d->m = sampler_next_batch(&d->sampler, &rows);
    }
    return rows;
}

//> ch07_step
/* One iteration: the next batch (a new shuffled epoch when the last is used
 * up; the full batch is never shuffled), this iteration's rate, and the
 * heavy-ball step. With beta 0 and no decay it is chapter 04's step on the
 * full batch and chapter 05's on a minibatch, to the last bit. */
double take_step(Descent *d, const Dataset *data)
{
    const size_t *rows = next_batch(d); /* for xb, yb in dl: (NULL: all the data) */
    double grad[2]; /* loss = mse(yb, xb@a); loss.backward(): the rows read where they lie */
    double loss = rows != NULL ? rows_loss_and_gradient(data, rows, d->m, d->a, grad)
                               : loss_and_gradient(data->x, data->y, data->n, d->a, grad);
    double lr = decayed_lr(d->recipe.lr, d->recipe.decay, d->t++); /* LambdaLR's rate */
    heavy_ball_step(d->a, d->velocity, grad, 2, lr, d->recipe.beta); /* optimizer.step() */
    return loss;
}
//< ch07_step

Watch watch_quietly(Run *run, const Descent *d)
{
    Watch watch = watch_line(run, "step", 0, d->recipe.lr);
    watch.quiet = true;
    watch.survive = true;
    watch_row(&watch, 0, d->a, d->start_loss); /* the start: what a blow-up is measured against */
    return watch;
}

//> ch07_follow
Walk follow(Run *run, const Recipe *recipe, const Dataset *data, size_t steps)
{
    Descent d = descent_start(run, recipe, data, run->options->seed);
    Watch watch = watch_quietly(run, &d);
    Walk walk = {.a = run_alloc(run, steps + 1, sizeof d.a), .count = 1};
    memcpy(walk.a, d.a, sizeof d.a);
    for (size_t k = 0; k < steps && !watch.blew_up; k++)
        if (watch_batch(&watch, take_step(&d, data), d.m, data->n, d.a)) /* chapter 05's test */
            memcpy(&walk.a[2 * walk.count++], d.a, sizeof d.a);
    walk.diverged = watch.blew_up;
    return walk;
}
//< ch07_follow
