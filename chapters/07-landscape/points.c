#include "points.h"

#include <string.h>

#include "rng.h"

Bowl bowl_or_fail(Run *run, const Dataset *data)
{
    Bowl bowl;
    Error err;
    run_check(run, bowl_of(data, &bowl, &err), &err);
    return bowl;
}

/* made, which the library allocated, copied into room for as many points in
 * the run's memory, and freed. Room is asked for before the library makes
 * made, so no failure comes between the two. */
static Dataset kept(Dataset room, Dataset *made)
{
    memcpy(room.x, made->x, room.n * 2 * sizeof *room.x);
    memcpy(room.y, made->y, room.n * sizeof *room.y);
    data_free(made);
    return room;
}

static Dataset room_for(Run *run, size_t n)
{
    return (Dataset){n, run_alloc(run, n, 2 * sizeof(double)), run_alloc(run, n, sizeof(double))};
}

Dataset moved_right(Run *run)
{
    const Options *o = run->options;
    Dataset room = room_for(run, o->n), made = {0};
    Rng rng = rng_seeded(o->seed);
    Error err;
    run_check(run, data_synthetic(&made, o->n, A_TRUE, &rng, &err), &err);
    Dataset bad = kept(room, &made);
    for (size_t i = 0; i < bad.n; i++)
        bad.x[2 * i] += 2.0;
    return bad;
}

Dataset standardized(Run *run, const Dataset *data, Scaling *scaling)
{
    Dataset room = room_for(run, data->n), made = {0};
    Error err;
    run_check(run, standardized_copy(data, &made, scaling, &err), &err);
    return kept(room, &made);
}
