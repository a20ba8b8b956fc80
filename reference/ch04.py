"""Chapter 04 in PyTorch: the notebook's update(), 100 steps from a = (-1, 1).

    python3 reference/ch04.py               what build/ch04 --quiet prints
    python3 reference/ch04.py TRACE TOOL    and build/ch04 --trace TRACE, step by
                                            step; TOOL: build/reference-gradients
"""
import sys

import torch

from common import line_verdict, mse, notebook_data

x, y = notebook_data()  # build/ch04's 100 points, to the last bit
lr, path = 0.1, []      # path: each step's loss and a, as --trace writes them

#> ch04_update
a = torch.tensor([-1.0, 1.0], requires_grad=True)

def update():
    y_hat = x @ a
    loss = mse(y_hat, y)
    path.append([len(path), loss.item(), *a.tolist()])
    loss.backward()
    with torch.no_grad():
        a.sub_(lr * a.grad)
        a.grad.zero_()

for t in range(100):
    update()
#< ch04_update

with torch.no_grad():  # the loss after the last step, as the chapter measures it
    path.append([len(path), mse(x @ a, y).item(), *a.tolist()])
print(f"final: a = [{a[0]:.4f}, {a[1]:.4f}], loss = {path[-1][1]:.4f}")

if len(sys.argv) == 3:
    line_verdict("ch04", x, y, path, "steps")[0].end()
