#include "network.h"

#include <math.h>
#include <stdlib.h>

size_t network_size(const Network *net)
{
    return 3 * net->hidden + 1;
}

size_t network_w1(const Network *net, size_t j)
{
    (void)net;
    return j;
}

size_t network_b1(const Network *net, size_t j)
{
    return net->hidden + j;
}

size_t network_w2(const Network *net, size_t j)
{
    return 2 * net->hidden + j;
}

size_t network_b2(const Network *net)
{
    return 3 * net->hidden;
}

double activate(Activation activation, double z)
{
    switch (activation) {
    case ACTIVATION_RELU: return z > 0.0 ? z : 0.0;
    case ACTIVATION_TANH: return tanh(z);
    case ACTIVATION_IDENTITY: break;
    }
    return z;
}

double network_unit(const Network *net, const double *a, size_t j, double x)
{
    double z = a[network_w1(net, j)] * x + a[network_b1(net, j)];
    return a[network_w2(net, j)] * activate(net->activation, z);
}

double network_predict(const Network *net, const double *a, double x)
{
    double y_hat = a[network_b2(net)];
    for (size_t j = 0; j < net->hidden; j++)
        y_hat += network_unit(net, a, j, x);
    return y_hat;
}

double network_loss_of(const Network *net, const double *a, const Dataset *data)
{
    double sum = 0.0;
    for (size_t i = 0; i < data->n; i++) {
        double miss = network_predict(net, a, data->x[2 * i]) - data->y[i];
        sum += miss * miss;
    }
    return sum / (double)data->n;
}

//> network_init
void network_init_random(const Network *net, Rng *rng, double *a)
{
    /* fan_in is 1 for the hidden layer (x alone), H for the output layer. */
    double hidden_bound = 1.0, output_bound = 1.0 / sqrt((double)net->hidden);
    for (size_t k = 0; k < network_size(net); k++) {
        double bound = k < network_w2(net, 0) ? hidden_bound : output_bound;
        a[k] = rng_uniform_between(rng, -bound, bound);
    }
}
//< network_init

/* --- On the tape -------------------------------------------------------- */

void network_tape_free(NetworkTape *recorder)
{
    tape_free(&recorder->tape);
    free(recorder->params);
    free(recorder->squared);
    *recorder = (NetworkTape){.params = NULL};
}

Status network_tape_init(NetworkTape *recorder, const Network *net, size_t room,
                         Error *err)
{
    *recorder = (NetworkTape){.net = *net, .room = room};
    recorder->params = malloc(network_size(net) * sizeof *recorder->params);
    recorder->squared = malloc(room * sizeof *recorder->squared);
    if (recorder->params == NULL || recorder->squared == NULL) {
        network_tape_free(recorder);
        return fail(err, STATUS_NO_MEMORY, "out of memory for a network of %zu units",
                    net->hidden);
    }
    return STATUS_OK;
}

/* act(z) on the tape; the identity records nothing. */
static Var record_activation(Tape *tape, Activation activation, Var z)
{
    switch (activation) {
    case ACTIVATION_RELU: return tape_relu(tape, z);
    case ACTIVATION_TANH: return tape_tanh(tape, z);
    case ACTIVATION_IDENTITY: break;
    }
    return z;
}

//> network_record
Var network_record(NetworkTape *recorder, double x)
{
    Tape *tape = &recorder->tape;
    const Network *net = &recorder->net;
    const Var *a = recorder->params;
    /* One operation a line, so that the order of the nodes is fixed. */
    Var x_node = tape_leaf(tape, x);
    Var y_hat = a[network_b2(net)];
    for (size_t j = 0; j < net->hidden; j++) {
        Var w1_x = tape_mul(tape, a[network_w1(net, j)], x_node);
        Var z = tape_add(tape, w1_x, a[network_b1(net, j)]);    /* w1_j·x + b1_j */
        Var h = record_activation(tape, net->activation, z);  /* act(z) */
        Var share = tape_mul(tape, a[network_w2(net, j)], h);   /* w2_j·act(z) */
        y_hat = tape_add(tape, y_hat, share);
    }
    return y_hat;
}
//< network_record

Var network_record_loss(NetworkTape *recorder, const double *a, const Dataset *batch)
{
    Tape *tape = &recorder->tape;
    tape_reset(tape, 0);
    for (size_t k = 0; k < network_size(&recorder->net); k++)
        recorder->params[k] = tape_leaf(tape, a[k]);
    for (size_t i = 0; i < batch->n; i++) {
        Var y_hat = network_record(recorder, batch->x[2 * i]);
        Var miss = tape_sub(tape, y_hat, tape_leaf(tape, batch->y[i]));
        recorder->squared[i] = tape_square(tape, miss);
    }
    return tape_mean(tape, recorder->squared, batch->n);
}

void network_read_grad(const NetworkTape *recorder, double *grad)
{
    for (size_t k = 0; k < network_size(&recorder->net); k++)
        grad[k] = tape_grad(&recorder->tape, recorder->params[k]);
}
