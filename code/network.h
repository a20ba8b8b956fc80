/*
 * network.h — a neural network with one hidden layer, for one input x.
 * Introduced in chapter 10.
 *
 *     y_hat = Σ_j w2_j · act(w1_j·x + b1_j) + b2,      j = 1 … H
 *
 * Hidden unit j scales and shifts x (w1_j·x + b1_j), passes the result
 * through the activation act, and the output adds up the units' answers,
 * each weighted by w2_j, plus b2. With act = relu, max(z, 0), unit j is a
 * kink at x = −b1_j / w1_j: flat on one side, a straight slope on the other,
 * so the network's curve is b2 plus a sum of H kinks.
 *
 * The parameters are one vector a of P = 3H + 1 numbers, laid out
 *     a = [w1_1 … w1_H,  b1_1 … b1_H,  w2_1 … w2_H,  b2]
 * so that a training loop treats them as chapter 04 treats a = (a1, a2),
 * one number after another, without knowing which is which.
 *
 * The forward pass comes twice: on a tape (NetworkTape), to get the gradient
 * of the loss by backward(), and in plain doubles (network_predict), to
 * draw and measure the network without recording anything, as PyTorch does
 * under torch.no_grad(). Both add the same numbers in the same order, so
 * they agree to the last bit.
 */
#ifndef SGD_NETWORK_H
#define SGD_NETWORK_H

#include <stddef.h>

#include "data.h"
#include "rng.h"
#include "status.h"
#include "tape.h"

typedef enum {
    ACTIVATION_RELU,    /* max(z, 0): the chapter's */
    ACTIVATION_TANH,    /* smooth, between −1 and 1 */
    ACTIVATION_IDENTITY /* z itself: then the whole network is a straight line */
} Activation;

/* The architecture: what is fixed before training. */
typedef struct {
    size_t hidden; /* H, the number of hidden units, at least 1 */
    Activation activation;
} Network;

/* P = 3H + 1, the number of parameters. */
size_t network_size(const Network *net);

/* Where each parameter of hidden unit j (0 … H−1), and b2, sits in a. */
size_t network_w1(const Network *net, size_t j); /* j */
size_t network_b1(const Network *net, size_t j); /* H + j */
size_t network_w2(const Network *net, size_t j); /* 2H + j */
size_t network_b2(const Network *net);           /* 3H */

/* act(z) as a plain number. */
double activate(Activation activation, double z);

/* Unit j's share of y_hat at x: w2_j · act(w1_j·x + b1_j). a: P */
double network_unit(const Network *net, const double *a, size_t j, double x);

/* y_hat at x: b2 plus every unit's share, added in the order j = 1 … H. a: P */
double network_predict(const Network *net, const double *a, double x);

/* The mean squared error of the network on data (its x1 column). a: P */
double network_loss_of(const Network *net, const double *a, const Dataset *data);

/* The scheme PyTorch's nn.Linear starts from: each weight and bias of a
 * layer uniform on [−1/√fan_in, 1/√fan_in), where fan_in counts the layer's
 * inputs. The hidden layer has one input, x, so w1 and b1 are uniform on
 * [−1, 1); the output has H, so w2 and b2 are uniform on [−1/√H, 1/√H).
 * Drawn in the order of a. a: P */
void network_init_random(const Network *net, Rng *rng, double *a);

/* --- On the tape -------------------------------------------------------- */

/* A network and a tape to record its forward pass on, for up to room points
 * at a time. NetworkTape recorder = {0} may be freed. */
typedef struct {
    Network net;
    Tape tape;
    Var *params;   /* P: the parameters, the first P nodes of the tape */
    Var *squared;  /* room: scratch for the loss */
    size_t room;
} NetworkTape;

/* On failure, nothing to free. room ≥ 1 */
Status network_tape_init(NetworkTape *recorder, const Network *net, size_t room,
                         Error *err);
void network_tape_free(NetworkTape *recorder);

/* Records y_hat at x for the parameters in recorder->params; returns it. */
Var network_record(NetworkTape *recorder, double x);

/* A forward pass on a fresh tape: the P numbers of a as leaves, in their
 * order (so node k is a[k]), y_hat for each point of batch, and the loss
 * mse(y, y_hat), which it returns. Check the tape (tape_check) before
 * trusting it. a: P; batch->n ≤ recorder->room */
Var network_record_loss(NetworkTape *recorder, const double *a, const Dataset *batch);

/* a.grad: grad[k] = ∂loss/∂a[k] for every parameter, after tape_backward().
 * grad: P */
void network_read_grad(const NetworkTape *recorder, double *grad);

#endif
