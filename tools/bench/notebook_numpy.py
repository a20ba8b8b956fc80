#!/usr/bin/env python3
"""The notebook's algorithm ("SGD from scratch", fast.ai lesson 2) in plain NumPy.

The peer that `make bench` times the C trainers against: the same data
(x1 uniform on [-1, 1), x2 = 1, y = 3*x1 + 2 + noise uniform on [0, 1)), the
same start a = (-1, 1), the same learning rate and number of steps, and the
same work per step as chapters 04 and 05 (loss and gradient of the step's
points, then a -= lr * grad). Written the way NumPy is meant to be used:
whole-array operations, no Python loop over points.

    notebook_numpy.py full --n 10000000 --epochs 10            # build/ch04's work
    notebook_numpy.py chapter05 --n 1000000 --epochs 1 --batch 64  # build/ch05's work
    notebook_numpy.py minibatch --n 1000000 --epochs 1 --batch 64  # one run of it

`chapter05` does what build/ch05 does: a run with --batch, then the same
epochs with batches of 1, 10 and all the points. `minibatch` is the --batch
run alone. Each prints the same last line as the C programs:
final: a = [A1, A2], loss = L (for chapter05, the --batch run's).
(The random numbers differ from the C programs', so a and the loss agree only
to about 1/sqrt(n), not digit for digit.)
"""
import argparse

import numpy as np


def make_data(n, rng):
    x = np.ones((n, 2))
    x[:, 0] = rng.uniform(-1.0, 1.0, n)
    y = x @ np.array([3.0, 2.0]) + rng.uniform(0.0, 1.0, n)
    return x, y


def mse(y_hat, y):
    return ((y_hat - y) ** 2).mean()


def update(x, y, a, lr):
    """One step of the notebook's loop on the rows given: loss, gradient, step."""
    y_hat = x @ a
    loss = mse(y_hat, y)
    grad = (2.0 / len(y)) * (x.T @ (y_hat - y))
    a -= lr * grad
    return loss


def full_batch(x, y, a, lr, epochs):
    for _ in range(epochs):
        update(x, y, a, lr)
    return mse(x @ a, y)


def minibatch(x, y, a, lr, epochs, batch, rng):
    n = len(y)
    if batch >= n:  # one batch of every point: as build/ch05, no shuffle, no copy
        return full_batch(x, y, a, lr, epochs)
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            rows = order[start:start + batch]
            update(x[rows], y[rows], a, lr)
    return mse(x @ a, y)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["full", "minibatch", "chapter05"])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    x, y = make_data(args.n, rng)
    a = np.array([-1.0, 1.0])
    if args.mode == "full":
        loss = full_batch(x, y, a, args.lr, args.epochs)
    else:
        loss = minibatch(x, y, a, args.lr, args.epochs, min(args.batch, args.n), rng)
    if args.mode == "chapter05":
        for batch in (1, min(10, args.n), args.n):
            minibatch(x, y, np.array([-1.0, 1.0]), args.lr, args.epochs, batch, rng)
    print(f"final: a = [{a[0]:.4f}, {a[1]:.4f}], loss = {loss:.4f}")


if __name__ == "__main__":
    main()
