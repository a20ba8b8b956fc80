#include "cost.h"

#include <stdio.h>
#include <time.h>

#include "format.h"
#include "gradient.h"
#include "loss.h"

/* One step's tape, and seconds of processor time per call of each way. */
typedef struct {
    size_t nodes;
    double tape_seconds, hand_seconds;
} Cost;

/* For run_defer(), which passes the data as a void pointer. */
static void free_data(void *data)
{
    data_free(data);
}

/* The notebook's kind of data, n points of it from seed, freed by the frame
 * or sooner with data_free(). */
static Dataset *new_data(Run *run, size_t n, uint64_t seed)
{
    Dataset *data = run_alloc(run, 1, sizeof *data);
    run_defer(run, free_data, data);
    Rng rng = rng_seeded(seed);
    Error err;
    run_check(run, data_synthetic(data, n, A_TRUE, &rng, &err), &err);
    return data;
}

/* One step, loss and gradient, on n points of the notebook's kind of data:
 * on the tape, and by hand (chapter 03). */
static Cost measure_cost(Run *run, size_t n)
{
    Cost cost;
    Dataset *d = new_data(run, n, run->options->seed);
    Model *model = model_new(run, n);
    size_t repeats = n >= 100000 ? 5 : 1000000 / n; /* half a million points or more */
    tape_backward(&model->tape, forward(model, d)); /* the tape grows: not timed */
    clock_t start = clock();
    for (size_t k = 0; k < repeats; k++)
        tape_backward(&model->tape, forward(model, d));
    cost.tape_seconds = (double)(clock() - start) / CLOCKS_PER_SEC / (double)repeats;
    cost.nodes = tape_size(&model->tape);
    model_check(model);
    model_free(model);

    volatile double sink = 0.0; /* so the compiler cannot skip the work */
    double grad[2];
    start = clock();
    for (size_t k = 0; k < repeats; k++) {
        sink += loss_of(d->x, d->y, n, A_START);
        gradient(d->x, d->y, n, A_START, grad);
        sink += grad[0];
    }
    (void)sink;
    cost.hand_seconds = (double)(clock() - start) / CLOCKS_PER_SEC / (double)repeats;
    data_free(d);
    return cost;
}

/* value, divided by 1000 until it is below 1000 or the units run out, with
 * its unit: units[0] is the unit of value, each next one 1000 times larger.
 * As "%7.1f %-2s", ten characters wide: "   57.7 kB", "   12.3 ms". */
static const char *in_units(double value, const char *const *units, size_t count,
                            char text[NUMBER_TEXT])
{
    size_t u = 0;
    while (value >= 1000.0 && u + 1 < count) {
        value /= 1000.0;
        u++;
    }
    snprintf(text, NUMBER_TEXT, "%7.1f %-2s", value, units[u]);
    return text;
}

static const char *const BYTES[] = {"B", "kB", "MB", "GB"};
static const char *const MICROSECONDS[] = {"us", "ms", "s"};

void show_cost(Run *run)
{
    const size_t sizes[2] = {100, 100000};
    say(run, "\nWhat one step (loss and gradient) costs, on the notebook's kind of data:\n"
             "        n   tape nodes   tape memory    tape time   by-hand time\n");
    for (int k = 0; k < 2; k++) {
        Cost cost = measure_cost(run, sizes[k]);
        char memory[NUMBER_TEXT], tape[NUMBER_TEXT], by_hand[NUMBER_TEXT];
        say(run, "  %7zu   %10zu    %s   %s     %s\n", sizes[k], cost.nodes,
            in_units((double)(cost.nodes * sizeof(TapeNode)), BYTES, 4, memory),
            in_units(cost.tape_seconds * 1e6, MICROSECONDS, 3, tape),
            in_units(cost.hand_seconds * 1e6, MICROSECONDS, 3, by_hand));
    }
    say(run, "The hand-derived gradient stores nothing; the tape stores %zu bytes per node.\n"
             "(Times are processor time on this machine, and vary from run to run.)\n",
        sizeof(TapeNode));
}
