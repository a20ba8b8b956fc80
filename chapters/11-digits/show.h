/*
 * show.h — what chapter 11 needs around its loop, and what it shows: the
 * digits read and split, the models and their room, the watcher of both
 * sets' scores, and after training the templates, the curves, the digits
 * still wrong and the confusion matrix.
 */
#ifndef CH11_SHOW_H
#define CH11_SHOW_H

#include <stdbool.h>
#include <stddef.h>

#include "frame.h"
#include "labels.h"
#include "layers.h"
#include "minibatch.h"
#include "softmax.h"
#include "watch.h"

/* The digits as read, and as the models see them. */
typedef struct {
    LabelledSet train, test; /* the inputs as the files have them: pixels 0 … 16 */
    double *train_x;         /* (train.n, D): the inputs the models see, rescaled */
    double *test_x;          /* (test.n, D): rescaled the same way */
    const char *train_name, *test_name;
} Digits;

/* --data (data/digits.csv by default) and --test, or a fifth of each class
 * held out; said aloud, with the figure of sample digits. */
Digits *load_digits(Run *run);

/* How the models' inputs are made from the file's: divided by the largest
 * value of the training inputs (16 for the digits), or each column
 * standardized with the training set's mean and sd (scale.h). */
typedef enum { SCALE_TO_ONE, SCALE_STANDARDIZE } InputScale;

/* Says which, and how. */
void scale_inputs(Run *run, Digits *digits, InputScale how);

/* A batch of examples: n rows of x (n, D) and their labels (n). */
typedef struct {
    size_t n;
    const double *x;
    const size_t *label;
} Batch;

/* The network's outputs of each layer for a batch, and their gradients. */
typedef struct {
    double *z1, *h, *z2;    /* (room, H), (room, H), (room, K) */
    double *dz1, *dh, *dz2; /* the same shapes: ∂loss/∂ each */
} Activations;

typedef struct Model Model;

/* The loss of batch at a, the probabilities into model->probs and, unless
 * grad is NULL (torch.no_grad()), the gradient into grad (P). */
typedef double (*ModelLoss)(Model *model, const double *a, const Batch *batch, double *grad);

struct Model {
    size_t d, hidden, classes; /* D inputs, H hidden units (0: none), K classes */
    size_t size;               /* P, the numbers of a */
    ModelLoss loss;
    double *probs;             /* (room, K): the last batch's probabilities */
    Activations acts;          /* the network's, room rows each */
    size_t room;               /* the most rows a batch may have */
};

/* A model of the digits' inputs and classes, with hidden units or none
 * (softmax regression), and room for a training batch or SCORE_ROWS
 * examples at once, whichever is more. */
Model make_model(Run *run, const Digits *digits, size_t hidden, ModelLoss loss);

/* a.grad.zero_(): grad (P) and the activations' gradients of n rows. */
void zero_grad(Model *model, double *grad, size_t n);

/* PyTorch's start for each layer (layers.h), from seed + 1's stream. a: P */
void start_network(Run *run, const Model *model, double *a);

/* What one step needs besides a: the shuffled example numbers, a batch and
 * room for the gradient. */
typedef struct {
    EpochSampler sampler;
    Batch batch;
    double *x;     /* (batch, D) */
    size_t *label; /* (batch) */
    double *grad;  /* (P) */
} Trainer;

Trainer *make_trainer(Run *run, const Model *model, const Digits *digits);

/* Copies the training examples listed into the trainer's batch. rows: b */
void gather_batch(const Digits *digits, const size_t *rows, size_t b, Trainer *trainer);

/* What the watcher keeps besides the training loss, epoch by epoch:
 * the watcher's context. */
typedef struct {
    double *train_error, *test_loss, *test_error; /* (epochs + 1) each */
    size_t *predicted;       /* (test.n): the held-out predictions last scored */
    size_t *train_predicted; /* (train.n): the training ones */
} Scores;

/* The watcher of a model's epochs: rows of the loss and error_rate of both
 * sets; quiet, a run compared with another that says nothing itself and
 * survives its blow-up. */
Watch watch_digits(Run *run, const Digits *digits, bool quiet);

/* Scores a (no_grad) on both sets into the watcher's row epoch; false if
 * the run blew up (only a run that survives returns). */
bool score(Model *model, const double *a, const Digits *digits, Watch *watch, size_t epoch);

/* The model, its parameters, how it is trained; and the head of the table. */
void show_plan(Run *run, const Digits *digits, const Model *model);

/* The two scalings compared, softmax regression's line, its templates. w: P */
void show_softmax(Run *run, const Digits *digits, const Model *model, const double *w,
                  const Watch *as_is, const Watch *standardized);

/* The network beside softmax regression, the figures, the last line. */
void show_network(Run *run, const Digits *digits, const Model *net, const Watch *linear,
                  const Watch *network);

#endif
