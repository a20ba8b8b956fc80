"""Chapter 10 in PyTorch: nn.Linear, ReLU, nn.Linear, from the chapter's
starting values, trained on the same batches.

    python3 reference/ch10.py               what build/ch10 --quiet prints
    python3 reference/ch10.py TRACE TOOL    and build/ch10 --trace TRACE: the first
                                            epoch update by update, how far the whole run
                                            agrees, and the gradients at the chapter's a
"""
import math
import sys

import torch
from torch import nn
from torch.nn.utils.stateless import functional_call  # torch.func.functional_call, later

from common import Rng, Verdict, batches, check_gradients, difference, mse, notebook_data
from common import read_trace

H, lr, epochs = 16, 0.1, 100
x, y = notebook_data(a=(0.0, 0.0))  # code/network.c's curve_data(): the notebook's recipe,
x, y = x[:, :1], y + 3.0 * x[:, 0] + 2.0 - 4.0 * x[:, 0] * x[:, 0]  # its line bent


def start():
    """a = [w1, b1, w2, b2] as network_init_random() draws it, nn.Linear's scheme."""
    rng, bound = Rng(42 + 1), [1.0] * 2 * H + [1.0 / math.sqrt(H)] * (H + 1)
    return torch.tensor([rng.between(-b, b) for b in bound])


def network(a):
    """nn.Linear(1, H), nn.ReLU(), nn.Linear(H, 1), their parameters set from a."""
    net = nn.Sequential(nn.Linear(1, H), nn.ReLU(), nn.Linear(H, 1))
    with torch.no_grad():
        for p, values in zip(net.parameters(), a.split([H, H, H, 1])):
            p.copy_(values.reshape(p.shape))
    return net


def loss_at(a):
    """The loss over all the points of nn.Linear's own forward, its parameters
    a's slices, so that autograd gives d loss / d a."""
    w1, b1, w2, b2 = a.split([H, H, H, 1])
    weights = {"0.weight": w1.view(H, 1), "0.bias": b1, "2.weight": w2.view(1, H), "2.bias": b2}
    return mse(functional_call(net, weights, (x,)).squeeze(1), y)


def flat(net):
    return torch.cat([p.detach().reshape(-1) for p in net.parameters()])


net, shuffles = network(start()), batches(100, 10, seed=42)
with torch.no_grad():
    path = [[0, mse(net(x).squeeze(1), y).item(), *flat(net).tolist()]]

#> ch10_loop
for epoch in range(epochs):
    for rows in next(shuffles):
        loss = mse(net(x[rows]).squeeze(1), y[rows])
        loss.backward()
        with torch.no_grad():
            for p in net.parameters():
                p.sub_(lr * p.grad)
                p.grad.zero_()
        path.append([len(path), loss.item(), *flat(net).tolist()])
#< ch10_loop

with torch.no_grad():
    print(f"final: hidden = {H}, loss = {mse(net(x).squeeze(1), y):.4f}")

if len(sys.argv) == 3:
    trace, path = read_trace(sys.argv[1])[1], torch.tensor(path)
    verdict = Verdict("ch10")
    verdict.check("the start", difference(path[0, 2:], trace[0, 2:]), 0.0)
    first = max(difference(u, v) for u, v in zip(path[1:11, 1:], trace[1:11, 1:]))
    verdict.check("first epoch's 10 updates: loss and a", first)
    worst = [difference(u, v) for u, v in zip(path[:, 2:], trace[:, 2:])]
    verdict.note(f"all {len(trace) - 1}: a {max(worst):.1e} at most (measured)")
    every = trace[::10, 2:]
    check_gradients(verdict, sys.argv[2], f"network:{H}", x[:, 0], y, loss_at, every)
    verdict.end()
