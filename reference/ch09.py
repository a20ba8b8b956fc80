"""Chapter 09 in PyTorch: least squares for every degree, by torch.linalg.lstsq,
and degree 14 by minibatch SGD, watched on the validation set.

    python3 reference/ch09.py               what build/ch09 --epochs 1000 --quiet prints
    python3 reference/ch09.py TRACE TOOL    and build/ch09 --trace TRACE (its epochs),
                                            update by update; TOOL: build/reference-gradients
"""
import sys

import torch

from common import Rng, Verdict, batches, c_gradients, check_gradients, check_path
from common import largest, mse, read_trace


def curve_points(rng, n):
    """chapters/09-overfitting/sets.c: x uniform on [-1, 1), y = 4x^3 - 3x + 1 + noise."""
    x, y = [], []
    for _ in range(n):
        x.append(rng.between(-1.0, 1.0))
        y.append(4.0 * x[-1] * x[-1] * x[-1] - 3.0 * x[-1] + 1.0 + rng.between(-0.5, 0.5))
    return torch.tensor(x), torch.tensor(y)


def legendre(t, d):
    """X of degree d - 1: the columns P1(t) ... P(d-1)(t) and 1, by Bonnet's recurrence."""
    columns, previous, p = [], torch.zeros_like(t), torch.ones_like(t)
    for k in range(d - 1):
        previous, p = p, ((2 * k + 1) * t * p - k * previous) / (k + 1)
        columns.append(p)
    return torch.stack(columns + [torch.ones_like(t)], dim=1)


rng = Rng(42)  # build/ch09's two sets, drawn as it draws them
t_train, y_train = curve_points(rng, 15)
t_valid, y_valid = curve_points(rng, 100)

#> ch09_lstsq
fits = [torch.linalg.lstsq(legendre(t_train, d), y_train.unsqueeze(1)).solution.squeeze(1)
        for d in range(1, 16)]
validation = [mse(legendre(t_valid, len(a)) @ a, y_valid).item() for a in fits]
#< ch09_lstsq
best = min(range(15), key=lambda degree: validation[degree])

trace = read_trace(sys.argv[1])[1] if len(sys.argv) == 3 else None
epochs = (len(trace) - 1) // 3 if trace is not None else 1000
x, x_valid = legendre(t_train, 15), legendre(t_valid, 15)
shuffles, lr = batches(15, 5, seed=42), 0.1
with torch.no_grad():
    path = [[0, mse(x @ torch.zeros(15), y_train).item(), *[0.0] * 15]]
stop = {"lowest": float("inf"), "lowest_epoch": 0, "kept": 0, "stopped": 0}


def early_stopping(epoch, loss, patience=100):
    """The chapter's rule: keep the a of the lowest validation loss, until
    patience epochs have found none lower."""
    if loss < stop["lowest"]:
        stop["lowest"], stop["lowest_epoch"] = loss, epoch
    if stop["stopped"] == 0 and epoch == stop["lowest_epoch"]:
        stop["kept"], stop["kept_loss"] = epoch, loss
    if stop["stopped"] == 0 and epoch == stop["kept"] + patience:
        stop["stopped"] = epoch


#> ch09_epochs
a = torch.zeros(15, requires_grad=True)
for epoch in range(epochs + 1):
    with torch.no_grad():
        early_stopping(epoch, mse(x_valid @ a, y_valid).item())
    if epoch == epochs:
        break
    for rows in next(shuffles):
        loss = mse(x[rows] @ a, y_train[rows])
        loss.backward()
        with torch.no_grad():
            a.sub_(lr * a.grad)
            a.grad.zero_()
        path.append([len(path), loss.item(), *a.tolist()])
#< ch09_epochs

print(f"final: best degree {best}, validation loss {validation[best]:.4f}; early stopping "
      f"keeps epoch {stop['kept']} of degree 14, validation loss {stop['kept_loss']:.4f}")

if trace is not None:
    verdict = Verdict("ch09")
    ours = [c_gradients(sys.argv[2], f"lstsq:{d}", t_train, y_train, trace[:1])[0, 1:]
            for d in range(1, 16)]  # least_squares_d()'s a for each degree
    verdict.check("least squares, degrees 0-14", largest(ours, fits))
    check_path(verdict, trace, path, "updates")
    every = trace[:: max(1, len(trace) // 200), 2:]  # a sample of the chapter's a
    check_gradients(verdict, sys.argv[2], "legendre:15", t_train, y_train,
                    lambda a: mse(x @ a, y_train), every)
    verdict.end()
