/*
 * show.h — what chapter 12 needs around its loop: chapter 11's digits, split
 * and watcher (chapter 11's show.h, whose show.c is built into ch12 too),
 * the room for the convolutional network's layers, and what it shows after
 * training: the three optimizers compared and the learned filters.
 */
#ifndef CH12_SHOW_H
#define CH12_SHOW_H

#include "../11-digits/show.h"
#include "conv.h"
#include "conv_fast.h"
#include "optim.h"

/* The network's shape: 8×8 digits, C1 then C2 filters of 3×3, each layer's
 * image halved by the pool, FLAT = C2 · 2 · 2 numbers into the linear layer. */
enum { SIDE = 8, C1 = 16, C2 = 32, FLAT = C2 * (SIDE / 4) * (SIDE / 4), CLASSES = 10 };

/* The model of chapter 11 (its loss, probabilities and room), and each
 * layer's output and gradient for room rows. */
typedef struct {
    Model model;
    double *z1, *h1, *p1, *z2, *h2, *p2, *z3;         /* conv, relu, pool, ..., logits */
    double *dz1, *dh1, *dp1, *dz2, *dh2, *dp2, *dz3; /* ∂loss/∂ each */
    size_t *arg1, *arg2;                              /* where each pool's winners sat */
    double *scratch1, *scratch2;                      /* conv_fast's, one per layer */
} Cnn;

/* The Cnn whose model this is. */
Cnn *cnn_of(Model *model);

/* The network for digits (8×8 images of 10 classes, or the run fails), its
 * loss function loss; the inputs scaled to [0, 1]. */
Cnn *make_cnn(Run *run, Digits *digits, ModelLoss loss);

/* a.grad.zero_(): grad (P) and the layers' gradients of n rows. */
void cnn_zero_grad(Cnn *cnn, double *grad, size_t n);

/* PyTorch's default start (init.h) for each layer, from seed + 1's stream. a: P */
void start_cnn(Run *run, const Cnn *cnn, double *a);

/* An optimizer for the model's parameters, freed when the run ends. */
Optimizer *make_optimizer(Run *run, const Model *model, OptimizerKind kind, double lr);

/* The first layer's C1 filters as 3×3 images. a: P */
void show_filters(Run *run, const double *a);

/* The three runs compared, their figure, the last line (the first run's). */
void show_cnn(Run *run, const Watch watches[3], const OptimizerKind kinds[3],
              const double rates[3]);

#endif
