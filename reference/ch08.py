"""Chapter 08 in PyTorch: what loss.backward() does, and what no_grad, zero_()
and detach() are for, shown with PyTorch's own behaviour.

    python3 reference/ch08.py               the three demonstrations, and what
                                            build/ch08 --quiet prints
    python3 reference/ch08.py TRACE TOOL    and build/ch08 --trace TRACE: the path,
                                            and the tape's gradients against autograd's
"""
import sys

import torch

from common import difference, line_verdict, mse, notebook_data

x, y = notebook_data()  # build/ch08's 100 points
lr = 0.1


def graph_size(loss):
    """The nodes of the graph loss.backward() walks: loss.grad_fn and all it reaches."""
    seen, todo = set(), [loss.grad_fn]
    while todo:
        node = todo.pop()
        if node is not None and node not in seen:
            seen.add(node)
            todo.extend(next_node for next_node, _ in node.next_functions)
    return len(seen)


def train(steps):
    """The notebook's update(), as chapter 08 writes it on its tape."""
    a, path = torch.tensor([-1.0, 1.0], requires_grad=True), []
    for t in range(steps + 1):
        loss = mse(x @ a, y)  # y_hat = x@a; loss = mse(y, y_hat)
        path.append([t, loss.item(), *a.tolist()])
        if t == steps:
            return a, path
        loss.backward()
        with torch.no_grad():
            a.sub_(lr * a.grad)
            a.grad.zero_()


def without_no_grad(steps=5):
    """(a): the update recorded; a becomes a computed node, and the graph grows."""
    #> ch08_without_no_grad
    a = torch.tensor([-1.0, 1.0], requires_grad=True)
    loss = mse(x @ a, y)
    loss.backward()
    try:
        a.sub_(lr * a.grad)  # in place, outside no_grad
    except RuntimeError as error:
        print(f"(a) a.sub_(lr * a.grad) without torch.no_grad(): RuntimeError: {error}")
    print("    a = a - lr * a.grad instead, recorded: the graph backward() walks grows")
    for t in range(1, steps + 1):
        a = a - lr * a.grad  # a is no longer a leaf: a computed node
        a.retain_grad()      # (else backward() leaves its .grad None)
        loss = mse(x @ a, y)
        loss.backward()
        print(f"    step {t}: {graph_size(loss):2} nodes, a = [{a[0]:.4f}, {a[1]:.4f}]")
    #< ch08_without_no_grad
    return a - lr * a.grad


def without_zero_grad():
    """(b) and (c): backward() twice at the same a; and .numpy() on a."""
    #> ch08_without_zero
    a = torch.tensor([-1.0, 1.0], requires_grad=True)
    mse(x @ a, y).backward()
    first = a.grad.clone()
    mse(x @ a, y).backward()  # and no a.grad.zero_() between
    print(f"(b) a.grad after one backward(): [{first[0]:.6f}, {first[1]:.6f}], "
          f"after two: [{a.grad[0]:.6f}, {a.grad[1]:.6f}]")
    try:
        a.numpy()
    except RuntimeError as error:
        print(f"(c) a.numpy(): RuntimeError: {error}")
    print(f"    a.detach().numpy() = {a.detach().numpy()}")
    #< ch08_without_zero
    return first, a.grad


after_five = without_no_grad()
first, second = without_zero_grad()
a, path = train(100)
print(f"final: a = [{a[0]:.4f}, {a[1]:.4f}], loss = {path[-1][1]:.4f}")

if len(sys.argv) == 3:
    verdict, trace = line_verdict("ch08", x, y, path, "steps", model="tape")
    verdict.check("(a) a after 5 recorded steps", difference(after_five.detach(), trace[6, 2:]))
    verdict.check("(b) twice the gradient", difference(second, 2 * first), 0.0)
    verdict.end()
