/*
 * Chapter 12 — a convolutional network trained from scratch: the lecture's first line, in C.
 *
 * The lecture opens with learn = create_cnn(data, models.resnet34,
 * metrics=error_rate, pretrained=False): a convolutional network, started
 * at random (not pretrained), scored by its error rate. Here is the smallest
 * real one, on chapter 11's digits and split: a 3×3 convolution from 1 to 16
 * channels, ReLU, 2×2 max-pooling, a convolution from 16 to 32, ReLU,
 * pooling, then the 32 × 2 × 2 = 128 numbers left into a linear layer to the
 * 10 classes and chapter 11's softmax cross-entropy. 6,090 parameters, each
 * layer a forward and a backward function (layers.h, conv.h; conv_fast.h
 * does the same sums faster). Chapter 05's loop trains it three times from
 * the same start: plain SGD, chapter 07's momentum and Adam (optim.h), the
 * rate falling linearly to 0 over the epochs; show.c compares them.
 *
 *     build/ch12      build/ch12 --epochs 5      build/ch12 --data a.csv --test b.csv
 */
#include "show.h"

static const Chapter CHAPTER = {
    "ch12",
    "Chapter 12: a small convolutional network trained from scratch on handwritten\n"
    "digits by minibatch SGD, momentum and Adam, compared by their held-out error_rate.",
    FLAG_SEED | FLAG_LR | FLAG_EPOCHS | FLAG_BATCH | FLAG_DATA | FLAG_TEST | FLAG_OUT |
        FLAG_QUIET,
    32, 0, 15, 0.05};

/* The network, a = [W1 (C1,1,3,3), b1, W2 (C2,C1,3,3), b2, W3 (10, FLAT), b3]:
 * each layer's forward in turn; then, unless grad is NULL, each backward in
 * reverse, handed the gradient of its output and adding into grad. */
static double cnn_loss(Model *model, const double *a, const Batch *xb, double *grad)
{
    Cnn *c = cnn_of(model);
    size_t n = xb->n, s = SIDE, h = SIDE / 2;
    const double *w1 = a, *b1 = w1 + C1 * 9, *w2 = b1 + C1, *b2 = w2 + C2 * C1 * 9;
    const double *w3 = b2 + C2, *b3 = w3 + CLASSES * FLAT;
    //> ch12_network
    conv3x3_forward_fast(c->z1, xb->x, w1, b1, n, 1, s, s, C1, c->scratch1); /* conv1(x) */
    relu_forward(c->h1, c->z1, n * C1 * s * s);
    maxpool2x2_forward(c->p1, c->arg1, c->h1, n, C1, s, s);           /* (n, C1, 4, 4) */
    conv3x3_forward_fast(c->z2, c->p1, w2, b2, n, C1, h, h, C2, c->scratch2);
    relu_forward(c->h2, c->z2, n * C2 * h * h);
    maxpool2x2_forward(c->p2, c->arg2, c->h2, n, C2, h, h);           /* (n, C2, 2, 2) */
    linear_forward(c->z3, c->p2, w3, b3, n, FLAT, CLASSES); /* flatten: p2 is (n, FLAT) */
    double loss = softmax_cross_entropy_forward(model->probs, c->z3, xb->label, n, CLASSES);
    if (grad == NULL) /* torch.no_grad() */
        return loss;
    cnn_zero_grad(c, grad, n); /* a.grad.zero_() */
    double *dw1 = grad, *db1 = dw1 + C1 * 9, *dw2 = db1 + C1, *db2 = dw2 + C2 * C1 * 9;
    double *dw3 = db2 + C2, *db3 = dw3 + CLASSES * FLAT;
    softmax_cross_entropy_backward(c->dz3, model->probs, xb->label, n, CLASSES);
    linear_backward(c->dp2, dw3, db3, c->dz3, c->p2, w3, n, FLAT, CLASSES);
    maxpool2x2_backward(c->dh2, c->dp2, c->arg2, n, C2, h, h);
    relu_backward(c->dz2, c->z2, c->dh2, n * C2 * h * h);
    conv3x3_backward_fast(c->dp1, dw2, db2, c->dz2, c->p1, w2, n, C1, h, h, C2, c->scratch2);
    maxpool2x2_backward(c->dh1, c->dp1, c->arg1, n, C1, s, s);
    relu_backward(c->dz1, c->z1, c->dh1, n * C1 * s * s);
    conv3x3_backward_fast(NULL, dw1, db1, c->dz1, xb->x, w1, n, 1, s, s, C1, c->scratch1);
    return loss;
    //< ch12_network
}

//> ch12_loop
/* Chapter 11's loop, the step handed to an optimizer: each epoch shuffles
 * the training digits and cuts them into batches; each batch makes one
 * step, at a rate that falls in a straight line from lr to 0 over the run. */
static void train(Run *run, Model *m, const Digits *digits, double *a, Optimizer *opt,
                  Watch *watch)
{
    Trainer *t = make_trainer(run, m, digits);
    double lr = opt->lr;
    size_t steps = watch->last * batches_per_epoch(digits->train.n, t->sampler.batch_size);
    Rng rng = rng_seeded(run->options->seed);
    score(m, a, digits, watch, 0);
    for (size_t epoch = 1; epoch <= watch->last; epoch++) {
        sampler_start_epoch(&t->sampler, &rng);                   /* shuffle=True */
        const size_t *rows;
        size_t b;
        while ((b = sampler_next_batch(&t->sampler, &rows)) > 0) { /* for xb, yb in dl: */
            gather_batch(digits, rows, b, t);
            double loss = m->loss(m, a, &t->batch, t->grad);     /* loss.backward() */
            opt->lr = lr * (1.0 - (double)opt->t / (double)steps); /* the schedule */
            optimizer_step(opt, a, t->grad);                      /* opt.step() */
            if (!watch_batch(watch, loss, b, digits->train.n, a))
                break;
        }
        if (!score(m, a, digits, watch, epoch)) /* both sets' loss and error_rate */
            return;
    }
}
//< ch12_loop

//> ch12_run
static void lesson(Run *run)
{
    Digits *digits = load_digits(run); /* chapter 11's digits, split and scaled */
    Cnn *cnn = make_cnn(run, digits, cnn_loss);
    Model *m = &cnn->model;
    double *start = run_alloc(run, m->size, sizeof *start);
    double *a = run_alloc(run, m->size, sizeof *a);
    start_cnn(run, cnn, start);
    /* Momentum's lr; plain SGD at lr / (1 - 0.9), the same long-run step; Adam lr / 10. */
    double lr = run->options->lr;
    const OptimizerKind kinds[3] = {OPTIMIZER_MOMENTUM, OPTIMIZER_SGD, OPTIMIZER_ADAM};
    const double rates[3] = {lr, lr / (1.0 - 0.9), lr / 10.0};
    Watch watches[3];
    for (size_t r = 0; r < 3; r++) {
        Optimizer *opt = make_optimizer(run, m, kinds[r], rates[r]);
        for (size_t j = 0; j < m->size; j++)
            a[j] = start[j]; /* every run from the same start */
        watches[r] = watch_digits(run, digits, r > 0); /* momentum's table is printed */
        train(run, m, digits, a, opt, &watches[r]);
        if (r == 0)
            show_filters(run, a); /* what momentum's first layer learned */
    }
    show_cnn(run, watches, kinds, rates);
}
//< ch12_run

int main(int argc, char **argv)
{
    return chapter_main(argc, argv, &CHAPTER, lesson);
}
