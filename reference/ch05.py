"""Chapter 05 in PyTorch: minibatch SGD, 100 shuffled epochs of batches of 10.

    python3 reference/ch05.py               what build/ch05 --quiet prints
    python3 reference/ch05.py TRACE TOOL    and build/ch05 --trace TRACE, update by
                                            update; TOOL: build/reference-gradients
"""
import sys

import torch

from common import batches, line_verdict, mse, notebook_data

x, y = notebook_data()            # build/ch05's 100 points
epochs = batches(100, 10, seed=42)  # and its shuffles: the same batches, in the same order
lr = 0.1
with torch.no_grad():
    path = [[0, mse(x @ torch.tensor([-1.0, 1.0]), y).item(), -1.0, 1.0]]  # step 0: the start

#> ch05_epochs
a = torch.tensor([-1.0, 1.0], requires_grad=True)
for epoch in range(100):
    for rows in next(epochs):  # for xb, yb in DataLoader(..., batch_size=10, shuffle=True):
        xb, yb = x[rows], y[rows]
        loss = mse(xb @ a, yb)
        loss.backward()
        with torch.no_grad():
            a.sub_(lr * a.grad)
            a.grad.zero_()
        path.append([len(path), loss.item(), *a.tolist()])
#< ch05_epochs

with torch.no_grad():
    print(f"final: a = [{a[0]:.4f}, {a[1]:.4f}], loss = {mse(x @ a, y):.4f}")

if len(sys.argv) == 3:
    line_verdict("ch05", x, y, path, "updates")[0].end()
