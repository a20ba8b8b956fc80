/*
 * Exercise ch10/backprop — the network's backward pass, by hand.
 *
 * Chapter 10 gets the gradient from the tape. Before there were tapes,
 * people wrote it out with the chain rule, and that is backpropagation.
 * For one point (x, y) the forward pass is, for each unit j,
 *     z_j = w1_j·x + b1_j,   h_j = relu(z_j),
 * then y_hat = b2 + Σ_j w2_j·h_j, and the loss over n points is
 * L = (1/n) Σ (y_hat − y)². Going back, one point gives
 *     ∂L/∂y_hat = (2/n)(y_hat − y),
 * and every parameter's share of it is ∂L/∂y_hat times how y_hat moves
 * when that parameter moves: b2 moves y_hat one for one; w2_j moves it by
 * h_j; z_j moves it by w2_j times relu's slope at z_j (1 where z_j > 0,
 * else 0), and z_j moves with w1_j by x and with b1_j by 1. The shares of
 * all n points add up.
 *
 * Task: fill grad with ∂L/∂a[k] for every parameter k, in the layout of
 *   code/network.h (w1_j at a[network_w1(net, j)], b1_j, w2_j likewise,
 *   b2 at a[network_b2(net)]; network_size(net) of them), over the n points
 *   of data (x_i = data->x[2 * i], y_i = data->y[i]). Set every grad[k]
 *   yourself: the array holds garbage when you get it.
 *   May call: network_size(), network_w1(), network_b1(), network_w2(),
 *   network_b2() and network_predict() from network.h.
 *
 * Hint: start every grad[k] at 0, then for each point compute y_hat (with
 * network_predict()) and its ∂L/∂y_hat, and add each parameter's share.
 * The test compares your gradient with the tape's to 1e-12.
 *
 * Check it: make exercises        (a reference answer is in solutions/)
 */
#include "backprop.h"

#include "data.h"
#include "network.h"

void network_gradient(const Network *net, const double *a, const Dataset *data,
                      double *grad)
{
    /* TODO: your code here */
    (void)net;
    (void)a;
    (void)data;
    (void)grad;
}
