/*
 * Chapter 10 — the same loop trains a neural network.
 *
 * The book began by saying that SGD trains nearly every neural network. Here
 * it does. The points bend, so no straight line fits them: the program first
 * finds the best line there is (chapter 03's closed form) and its loss, the
 * floor no line gets under. Then it changes only the model, to a network with
 * one hidden layer of ReLU units (code/network.h),
 *     y_hat = Σ_j w2_j · relu(w1_j·x + b1_j) + b2,
 * and trains it with chapter 05's loop: shuffled epochs of minibatches, each
 * batch's gradient from chapter 08's tape, and chapter 04's update,
 * a -= lr * grad, on every parameter. It prints the loss every 10 epochs,
 * puts the network's loss beside the line's, and draws the fit, the loss
 * curve, the curve bending into place and the kinks it is the sum of (show.c);
 * it scores the network on fresh points, and measures the steepest curvature
 * of its loss against the bound 2/lr (epochs.c).
 *
 *     build/ch10       build/ch10 --hidden 3       build/ch10 --init zeros
 *     build/ch10 --data data/mauna-loa-co2.csv --standardize
 */
#include <math.h>

#include "epochs.h"
#include "show.h"

static const Chapter CHAPTER = {
    "ch10", "Chapter 10: a neural network with one hidden layer, trained by the same "
            "minibatch SGD loop, its gradient from the tape.",
    FLAGS_TRAINING | FLAG_BATCH | FLAG_HIDDEN | FLAG_INIT | FLAG_STANDARDIZE | FLAG_TRACE,
    10, 0, 0, 0.0};

//> ch10_start
/* The starting a: random (see network.h), from a stream of its own,
 * seed + 1, so that its numbers are not the data's; or every one 0. a: P */
static void start_network(Run *run, const Network *net, double *a)
{
    const Options *options = run->options;
    size_t size = network_size(net);
    if (options->init_zeros) {
        for (size_t k = 0; k < size; k++)
            a[k] = 0.0;
        say(run, "Every parameter starts at 0 (--init zeros).\n");
        return;
    }
    Rng rng = rng_seeded(options->seed + 1);
    network_init_random(net, &rng, a);
    say(run, "Starting values as PyTorch's nn.Linear draws them: w1 and b1 uniform on "
             "[-1, 1),\nw2 and b2 uniform on [-%.4f, %.4f) (1/sqrt(%zu)), from seed %llu + 1.\n",
        1.0 / sqrt((double)net->hidden), 1.0 / sqrt((double)net->hidden), net->hidden,
        (unsigned long long)options->seed);
}
//< ch10_start

//> ch10_loop
/* Chapter 05's loop with the network in place of the line: each epoch
 * shuffles the rows and cuts them into batches, and each batch makes one
 * step of chapter 04's update on every parameter. a: P, moved from where it
 * starts; the watcher keeps the loss of every epoch, `kept` what show.c draws. */
static void descend(Run *run, Trainer *t, const Dataset *data, double *a, Watch *watch,
                    Epochs *kept)
{
    NetworkTape *recorder = &t->recorder;
    size_t size = network_size(&recorder->net);
    double lr = run->options->lr;
    Rng rng = rng_seeded(run->options->seed);
    watch_row(watch, 0, a, network_loss_of(&recorder->net, a, data));
    keep_epoch(kept, 0, a);
    for (size_t epoch = 1; epoch <= watch->last; epoch++) {
        sampler_start_epoch(&t->sampler, &rng); /* shuffle the rows */
        const size_t *rows;
        size_t m;
        while ((m = sampler_next_batch(&t->sampler, &rows)) > 0) {
            gather_rows(data, rows, m, &t->batch);
            keep_step(kept, &t->batch, a); /* for the figures: the batch's curvature */
            Var loss = network_record_loss(recorder, a, &t->batch); /* loss = mse(y, net(x)) */
            tape_backward(&recorder->tape, loss);                   /* loss.backward() */
            network_read_grad(recorder, t->grad);                   /* a.grad */
            for (size_t j = 0; j < size; j++)
                a[j] -= lr * t->grad[j];                            /* a.sub_(lr * a.grad) */
            check_tape(run, &recorder->tape); /* a tape that could not grow ends the run */
            if (!watch_batch(watch, tape_value(&recorder->tape, loss), m, data->n, a))
                break;
        }
        /* The loss of all the data, once an epoch, in plain numbers: no_grad. */
        watch_row(watch, epoch, a, network_loss_of(&recorder->net, a, data));
        keep_epoch(kept, epoch, a); /* and all the data's curvature, the held-out loss */
    }
}
//< ch10_loop

//> ch10_run
static void lesson(Run *run)
{
    const Dataset *data = bent_data(run); /* unless you give it --data: points that bend */
    Network net = {run->options->hidden, ACTIVATION_RELU};
    double *a = run_alloc(run, network_size(&net), sizeof *a);
    BestLine best = show_best_line(run, data);
    show_network(run, &net, data->n);
    start_network(run, &net, a);
    Trainer *trainer = make_trainer(run, &net, data); /* on x' and y' with --standardize */
    Watch watch = watch_network(run, trainer);
    Epochs *kept = make_epochs(run, trainer, run->options->epochs);
    descend(run, trainer, trainer->data, a, &watch, kept);
    show_trained(run, data, &net, a, &watch, kept, &best, trainer);
}
//< ch10_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
