"""What the counterparts share: the chapters' random numbers and data, and
the comparison of a run with a chapter's trace (--trace FILE).

Every tensor is float64, the chapters' double. The data is the chapters'
own: their generator, SplitMix64 (code/rng.c), is a few lines of exact
integer arithmetic, so Python draws the same points and the same shuffles,
bit for bit, and a script alone prints what its chapter prints.
"""
import subprocess
import sys
import tempfile

import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)  # arrays this small: threads cost more than they save

MASK = 2**64 - 1


class Rng:
    """code/rng.c: SplitMix64, uniform numbers, and Fisher-Yates shuffles."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def between(self, low, high):
        return low + (high - low) * self.uniform()

    def below(self, bound):
        limit = MASK - (MASK % bound + 1) % bound  # no modulo bias
        while (x := self.next()) > limit:
            pass
        return x % bound

    def shuffle(self, items):
        for i in range(len(items), 1, -1):
            j = self.below(i)
            items[i - 1], items[j] = items[j], items[i - 1]


def notebook_data(n=100, seed=42, a=(3.0, 2.0)):
    """x = (x1, 1) with x1 uniform on [-1, 1), y = x@a + uniform noise on [0, 1),
    drawn point by point as code/data.c draws them. Returns x (n, 2), y (n,)."""
    rng, rows, y = Rng(seed), [], []
    for _ in range(n):
        x1 = rng.between(-1.0, 1.0)
        noise = rng.uniform()
        rows.append([x1, 1.0])
        y.append(a[0] * x1 + a[1] * 1.0 + noise)
    return torch.tensor(rows), torch.tensor(y)


def batches(n, size, seed):
    """The chapters' epochs (code/minibatch.c): each shuffles the order it was
    left in, and cuts it into batches of size rows (the last may be shorter).
    A batch of every row is never shuffled. Yields one epoch's list at a time."""
    rng, order = Rng(seed), list(range(n))
    while True:
        if size < n:
            rng.shuffle(order)
        yield [order[k : k + size] for k in range(0, n, size)]


def mse(y_hat, y):
    return ((y_hat - y) ** 2).mean()


def read_trace(path):
    """A chapter's --trace: its header's names and its rows, (steps, 2 + P)."""
    with open(path) as file:
        names = file.readline().strip().split(",")
        rows = [[float(v) for v in line.split(",")] for line in file]
    return names, torch.tensor(rows)


def difference(u, v):
    """|u - v| / |v| (|u - v| where v is 0), the way code/gradient.c compares:
    of whole vectors, so a parameter passing through 0 is no surprise."""
    u, v = torch.as_tensor(u), torch.as_tensor(v)
    size = torch.linalg.vector_norm(v)
    gap = torch.linalg.vector_norm(u - v)
    return (gap / size if size > 0 else gap).item()


def largest(ours, theirs):
    """The largest difference of rows of the same shape, row by row."""
    return max(difference(u, v) for u, v in zip(ours, theirs))


def c_gradients(tool, model, x1, y, parameters):
    """The library's loss and gradient over all the points (x1, y) at each row
    of parameters (reference/gradients.c): a tensor of rows (loss, g...)."""
    with tempfile.TemporaryDirectory() as folder:
        data, trace = f"{folder}/data.csv", f"{folder}/a.csv"
        with open(data, "w") as file:
            file.writelines(f"{x1!r},{y1!r}\n" for x1, y1 in zip(x1.tolist(), y.tolist()))
        with open(trace, "w") as file:
            file.write("step,loss" + "".join(f",a{k + 1}" for k in range(parameters.shape[1])))
            file.writelines(f"\n0,0,{','.join(map(repr, a))}" for a in parameters.tolist())
            file.write("\n")
        out = subprocess.run([tool, model, data, trace], capture_output=True, text=True, check=True)
    return torch.tensor([[float(v) for v in line.split(",")] for line in out.stdout.split()])


class Verdict:
    """What a chapter's counterpart found: each check's largest difference
    against its tolerance, said in one line; the exit status says if all held."""

    def __init__(self, chapter):
        self.chapter, self.parts, self.agree = chapter, [], True

    def check(self, what, found, tolerance=1e-12):
        self.agree = self.agree and found <= tolerance
        self.parts.append(f"{what} {found:.1e}" + ("" if found <= tolerance else f" > {tolerance:g}"))

    def note(self, text):
        self.parts.append(text)

    def end(self):
        word = "agrees with PyTorch" if self.agree else "DIFFERS from PyTorch"
        print(f"{self.chapter} {word}: " + "; ".join(self.parts))
        sys.exit(0 if self.agree else 1)


def torch_gradients(loss_of, parameters):
    """torch.autograd's loss and gradient at each row of parameters, with the
    loss as loss_of(a) records it: rows (loss, g...), like c_gradients()."""
    rows = []
    for values in parameters:
        a = values.clone().requires_grad_(True)
        loss = loss_of(a)
        loss.backward()
        rows.append(torch.cat([loss.detach().reshape(1), a.grad]))
    return torch.stack(rows)


def check_gradients(verdict, tool, model, x1, y, loss_of, parameters):
    """The library's loss and gradient against torch.autograd's at the same
    parameters, on the same points (x1, y)."""
    ours = c_gradients(tool, model, x1, y, parameters)
    theirs = torch_gradients(loss_of, parameters)
    verdict.check(f"gradients at {len(parameters)} of its a", largest(ours[:, 1:], theirs[:, 1:]))


def check_path(verdict, trace, path, what="steps"):
    """A chapter's trace against the same path taken here: the loss and the
    parameters at every step."""
    path = torch.tensor(path)
    if path.shape != trace.shape:
        verdict.check(f"{what}: {len(trace)} in the trace, {len(path)} here,", float("inf"))
        return
    loss = max(difference(u, v) for u, v in zip(path[:, 1], trace[:, 1]))
    verdict.check(f"{len(trace) - 1} {what}: loss {loss:.1e}, a", largest(path[:, 2:], trace[:, 2:]))


def line_verdict(chapter, x, y, path, what, model="line"):
    """A line chapter's checks, its trace in sys.argv[1]: the path, and the
    gradient of the library (sys.argv[2], model) at every a of the trace."""
    trace = read_trace(sys.argv[1])[1]
    verdict = Verdict(chapter)
    check_path(verdict, trace, path, what)
    check_gradients(verdict, sys.argv[2], model, x[:, 0], y, lambda a: mse(x @ a, y), trace[:, 2:])
    return verdict, trace
