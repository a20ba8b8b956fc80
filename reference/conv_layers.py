"""The convolution and max-pooling layers of code/conv.h, checked against PyTorch.

Reads what build/conv-dump writes (the inputs, and what the C layers computed
from them, at %.17g) and recomputes every output and gradient with
torch.nn.functional.conv2d and max_pool2d in float64, autograd doing the
backward passes. Prints one line per array, OK or NOT OK, and exits 1 if any
differs by more than 1e-12:

    build/conv-dump | /usr/bin/python3 reference/conv_layers.py

(Debian's /usr/bin/python3, which has python3-torch; make conv-reference runs
the line.)

Why 1e-12: every number is a sum of at most a few hundred products of numbers
below 1 in size, which C and PyTorch add in different orders, so they can
differ by a few hundred roundings of 1e-16 each, some 1e-14. A wrong index or
a kernel flipped the wrong way differs by about 1.
"""
import sys

import torch

TOLERANCE = 1e-12


def read_cases(stream):
    """Yields (name, shape, arrays) for each case in the dump."""
    case = None
    for line in stream:
        fields = line.split()
        if not fields:
            continue
        if fields[0] == "case":
            if case is not None:
                yield case
            case = (fields[1], tuple(int(v) for v in fields[2:7]), {})
        else:
            count = int(fields[1])
            values = [float(v) for v in fields[2:]]
            if len(values) != count:
                raise ValueError(f"{fields[0]}: {len(values)} numbers, expected {count}")
            case[2][fields[0]] = torch.tensor(values, dtype=torch.float64)
    if case is not None:
        yield case


def reference(shape, a):
    """What PyTorch computes from the case's inputs, flattened as C lays them out."""
    B, C, H, W, K = shape
    x = a["x"].view(B, C, H, W).clone().requires_grad_(True)
    weight = a["weight"].view(K, C, 3, 3).clone().requires_grad_(True)
    bias = a["bias"].clone().requires_grad_(True)
    out = torch.nn.functional.conv2d(x, weight, bias, padding=1)
    out.backward(a["dout"].view(B, K, H, W))
    # The pool reads C's out, so that PyTorch and C pool the same numbers.
    pool_in = a["out"].view(B, K, H, W).clone().requires_grad_(True)
    pool_out = torch.nn.functional.max_pool2d(pool_in, 2)
    pool_out.backward(a["pool_dout"].view(pool_out.shape))
    return {
        "out": out.detach(), "dx": x.grad, "dweight": weight.grad, "dbias": bias.grad,
        "pool_out": pool_out.detach(), "pool_dx": pool_in.grad,
    }


def main():
    failures = 0
    cases = 0
    for name, shape, arrays in read_cases(sys.stdin):
        cases += 1
        expected = reference(shape, arrays)
        for key in ["out", "dx", "dweight", "dbias", "pool_out", "pool_dx"]:
            for prefix in ["", "fast_"] if not key.startswith("pool") else [""]:
                got = arrays[prefix + key]
                want = expected[key].reshape(-1)
                worst = (got - want).abs().max().item()
                ok = got.shape == want.shape and worst <= TOLERANCE
                failures += not ok
                print(f"{'OK    ' if ok else 'NOT OK'} {name:13} {prefix + key:13} "
                      f"max |C - torch| = {worst:.1e}")
    if cases == 0:
        print("conv_layers.py: no cases read: run build/conv-dump | ...", file=sys.stderr)
        return 1
    print(f"conv_layers.py: {cases} cases, {failures} arrays differ by more than {TOLERANCE:g}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
