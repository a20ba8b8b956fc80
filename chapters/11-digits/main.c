/*
 * Chapter 11 — many inputs, many classes: the same loop reads handwritten digits.
 *
 * The lecture's first line trains an image classifier scored by its error
 * rate: learn = create_cnn(data, models.resnet34, metrics=error_rate). Here
 * the images are 1,797 handwritten digits of 8×8 pixels (data/digits.csv):
 * 64 inputs and one of 10 classes each, a fifth of each digit held out to
 * score on. Chapter 05's loop stays as it was; only the model and its loss
 * are new. First softmax regression: logits z = W x + b, probabilities
 * softmax(z), the loss the cross-entropy −log p_y, the gradient
 * (P − Y)ᵀ X / n (softmax.h), trained on the pixels as they are (scaled to
 * [0, 1]) and then standardized, to see which the loop prefers. Then
 * chapter 10's network with 64 inputs, a hidden layer of ReLU units and 10
 * outputs, written as layers, a forward and a backward function each
 * (layers.h). Every epoch scores both sets; show.c draws the digits, the
 * templates softmax regression learns, the curves, the digits still wrong
 * and the confusion matrix.
 *
 *     build/ch11      build/ch11 --hidden 32 --epochs 30      build/ch11 --data a.csv --test b.csv
 */
#include "show.h"

static const Chapter CHAPTER = {
    "ch11",
    "Chapter 11: softmax regression and a network with one hidden layer, trained by\n"
    "minibatch SGD on handwritten digits and scored by their error rate.",
    FLAG_SEED | FLAG_LR | FLAG_EPOCHS | FLAG_BATCH | FLAG_DATA | FLAG_TEST | FLAG_HIDDEN |
        FLAG_WEIGHT_DECAY | FLAG_OUT | FLAG_QUIET,
    32, 128, 0, 0.0};

//> ch11_softmax
/* Softmax regression, a = [W (K, D), b (K)]: the mean cross-entropy of the
 * batch, and, unless grad is NULL, its gradient by the formula. */
static double softmax_loss(Model *m, const double *a, const Batch *xb, double *grad)
{
    size_t kd = m->classes * m->d;
    return softmax_regression(xb->x, xb->label, xb->n, m->d, m->classes, a, a + kd, m->probs,
                              grad, grad != NULL ? grad + kd : NULL);
}
//< ch11_softmax

//> ch11_network
/* The network as layers, a = [W1 (H, D), b1 (H), W2 (K, H), b2 (K)]: each
 * forward in turn; then, unless grad is NULL, each backward in reverse,
 * handed the gradient of its output and adding into grad. */
static double network_loss(Model *m, const double *a, const Batch *xb, double *grad)
{
    size_t n = xb->n, d = m->d, h = m->hidden, k = m->classes;
    const double *w1 = a, *b1 = w1 + h * d, *w2 = b1 + h, *b2 = w2 + k * h;
    Activations *t = &m->acts;
    linear_forward(t->z1, xb->x, w1, b1, n, d, h);                   /* z1 = x @ w1.T + b1 */
    relu_forward(t->h, t->z1, n * h);                                /* h = z1.relu() */
    linear_forward(t->z2, t->h, w2, b2, n, h, k);                    /* z2 = h @ w2.T + b2 */
    /* loss = F.cross_entropy(z2, y) */
    double loss = softmax_cross_entropy_forward(m->probs, t->z2, xb->label, n, k);
    if (grad == NULL) /* torch.no_grad(): the loss alone */
        return loss;
    zero_grad(m, grad, n); /* a.grad.zero_() */
    /* loss.backward(): each layer's backward, from the last layer to the first */
    double *dw1 = grad, *db1 = dw1 + h * d, *dw2 = db1 + h, *db2 = dw2 + k * h;
    softmax_cross_entropy_backward(t->dz2, m->probs, xb->label, n, k);
    linear_backward(t->dh, dw2, db2, t->dz2, t->h, w2, n, h, k);
    relu_backward(t->dz1, t->z1, t->dh, n * h);
    linear_backward(NULL, dw1, db1, t->dz1, xb->x, w1, n, d, h);     /* the inputs need none */
    return loss;
}
//< ch11_network

/* Chapter 05's loop for either model: each epoch shuffles the training
 * digits and cuts them into batches, and each batch makes one step of
 * chapter 04's update on every one of the P numbers in a, with weight
 * decay: each step also takes lr * wd * a off a, pulling every parameter
 * towards 0, so that no weight grows to fit the training digits alone.
 * After each epoch score() measures both sets for the watcher. */
static void train(Run *run, Model *m, const Digits *digits, double *a, Watch *watch)
{
    Trainer *t = make_trainer(run, m, digits);
    double lr = run->options->lr, wd = run->options->weight_decay;
    Rng rng = rng_seeded(run->options->seed);
    score(m, a, digits, watch, 0);
    for (size_t epoch = 1; epoch <= watch->last; epoch++) {
        sampler_start_epoch(&t->sampler, &rng);                   /* shuffle=True */
        const size_t *rows;
        size_t b;
        //> ch11_loop
        while ((b = sampler_next_batch(&t->sampler, &rows)) > 0) { /* for xb, yb in dl: */
            gather_batch(digits, rows, b, t);
            /* loss = loss_func(model(xb), yb); loss.backward() */
            double loss = m->loss(m, a, &t->batch, t->grad);
            for (size_t j = 0; j < m->size; j++)
                a[j] -= lr * (t->grad[j] + wd * a[j]); /* p.sub_(lr * (p.grad + wd * p)) */
            if (!watch_batch(watch, loss, b, digits->train.n, a))
                break;
        }
        //< ch11_loop
        if (!score(m, a, digits, watch, epoch)) /* both sets' loss and error_rate */
            return;                             /* a compared run that blew up */
    }
}

//> ch11_run
static void lesson(Run *run)
{
    Digits *digits = load_digits(run); /* data/digits.csv, a fifth of each digit held out */
    Model linear = make_model(run, digits, 0, softmax_loss);
    double *w = run_alloc(run, linear.size, sizeof *w); /* W and b, every one 0 */
    show_plan(run, digits, &linear);
    /* The pixels scaled to [0, 1], or standardized? The same run both ways. */
    scale_inputs(run, digits, SCALE_TO_ONE);
    Watch as_is = watch_digits(run, digits, true);
    train(run, &linear, digits, w, &as_is);
    scale_inputs(run, digits, SCALE_STANDARDIZE);
    for (size_t j = 0; j < linear.size; j++)
        w[j] = 0.0;
    Watch watch = watch_digits(run, digits, false);
    train(run, &linear, digits, w, &watch);
    show_softmax(run, digits, &linear, w, &as_is, &watch);
    /* The network: the same loop, the same data, the model as layers. */
    Model net = make_model(run, digits, run->options->hidden, network_loss);
    double *a = run_alloc(run, net.size, sizeof *a);
    show_plan(run, digits, &net);
    start_network(run, &net, a);
    Watch net_watch = watch_digits(run, digits, false);
    train(run, &net, digits, a, &net_watch);
    show_network(run, digits, &net, &watch, &net_watch);
}
//< ch11_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
