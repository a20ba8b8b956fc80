"""Chapter 07 in PyTorch: momentum and a decaying rate, three ways.

    python3 reference/ch07.py               what build/ch07 --quiet --momentum 0.9
                                            --decay 100 --batch 10 prints
    python3 reference/ch07.py TRACE TOOL    and that run's --trace TRACE, update by update

The chapter's heavy ball is v = beta*v + grad, a -= lr_t * v: the velocity adds
up raw gradients and this step's rate scales it. That is what
torch.optim.SGD(momentum=beta) does (its buffer is v; dampening 0, no Nesterov),
and LambdaLR sets lr_t = lr / (1 + t/T) before each step; so the two walk the
same path. The other common way to write it, v = beta*v + lr_t*grad, a -= v,
puts the rate inside the velocity: the same path while the rate is constant,
another once it decays, since old gradients keep their old, larger rates.
"""
import sys

import torch

from common import batches, check_path, line_verdict, mse, notebook_data

x, y = notebook_data()  # build/ch07's 100 points
lr, beta, T, epochs = 0.1, 0.9, 100.0, 100


def start():
    with torch.no_grad():
        return [[0, mse(x @ torch.tensor([-1.0, 1.0]), y).item(), -1.0, 1.0]]


def by_hand(rate_inside=False):
    """The chapter's step written out; rate_inside: the other way to write it."""
    path, shuffles = start(), batches(100, 10, seed=42)
    #> ch07_by_hand
    a = torch.tensor([-1.0, 1.0], requires_grad=True)
    v, t = torch.zeros(2), 0  # t: the updates so far
    for epoch in range(epochs):
        for rows in next(shuffles):
            loss = mse(x[rows] @ a, y[rows])
            loss.backward()
            lr_t = lr / (1 + t / T)
            with torch.no_grad():
                if rate_inside:
                    v.mul_(beta).add_(lr_t * a.grad)  # v = beta*v + lr_t*grad
                    a.sub_(v)
                else:
                    v.mul_(beta).add_(a.grad)  # v = beta*v + grad, as the chapter
                    a.sub_(lr_t * v)
                a.grad.zero_()
            t += 1
    #< ch07_by_hand
            path.append([len(path), loss.item(), *a.tolist()])
    return a, path


def by_optimizer():
    """torch.optim.SGD(momentum=beta) and LambdaLR, as a PyTorch program trains."""
    path, shuffles = start(), batches(100, 10, seed=42)
    #> ch07_optimizer
    a = torch.tensor([-1.0, 1.0], requires_grad=True)
    optimizer = torch.optim.SGD([a], lr=lr, momentum=beta)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1 / (1 + t / T))
    for epoch in range(epochs):
        for rows in next(shuffles):
            loss = mse(x[rows] @ a, y[rows])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
    #< ch07_optimizer
            path.append([len(path), loss.item(), *a.tolist()])
    return a, path


a, path = by_hand()
with torch.no_grad():
    print(f"final: a = [{a[0]:.4f}, {a[1]:.4f}], loss = {mse(x @ a, y):.4f}")

if len(sys.argv) == 3:
    verdict, trace = line_verdict("ch07", x, y, path, "updates by hand")
    check_path(verdict, trace, by_optimizer()[1], "by torch.optim.SGD")
    inside = torch.tensor(by_hand(rate_inside=True)[1])
    verdict.note(f"(lr inside v: {(inside[-1, 2:] - trace[-1, 2:]).norm():.1e} off at the end)")
    verdict.end()
