"""Chapter 12's layers in C beside PyTorch, one table: part of `make bench`.

Reads what build/conv-bench prints (each layer's shape and its C times, plain
and fast), times PyTorch on the same shapes, forward and backward, in float64
(the C code's precision) and float32 (PyTorch's usual one), with 1 and with 2
threads, and prints the table:

    build/conv-bench | /usr/bin/python3 tools/bench/conv_torch.py

Without PyTorch (the python3 on PATH may lack it; Debian's /usr/bin/python3
has python3-torch) it prints the C columns alone. Every time is the fastest
of 21 runs of enough calls to take 5 ms. With one thread, as on the C side,
it is the CPU time of the thread doing the work, which other programs on a
shared machine do not inflate; with two threads it has to be wall time,
which they do (the load average is printed to say how busy it was).
"""
import sys
import time

try:
    import torch
except ImportError:
    torch = None

TRIALS = 21
CONFIGS = [("f64", 1), ("f64", 2), ("f32", 1), ("f32", 2)]


def seconds_per_call(run, clock):
    calls = 1
    start = clock()
    while clock() - start < 0.005:
        for _ in range(calls):
            run()
        calls *= 2
    best = float("inf")
    for _ in range(TRIALS):
        start = clock()
        for _ in range(calls):
            run()
        best = min(best, (clock() - start) / calls)
    return best


def torch_layer(kind, B, C, H, W, K, dx, dtype):
    """A function doing the layer's forward and backward passes once."""
    x = torch.rand(B, C, H, W, dtype=dtype, requires_grad=bool(dx))
    if kind == "pool":
        dout = torch.rand(B, C, H // 2, W // 2, dtype=dtype)
        return lambda: torch.nn.functional.max_pool2d(x, 2).backward(dout)
    weight = torch.rand(K, C, 3, 3, dtype=dtype, requires_grad=True)
    bias = torch.rand(K, dtype=dtype, requires_grad=True)
    dout = torch.rand(B, K, H, W, dtype=dtype)
    return lambda: torch.nn.functional.conv2d(x, weight, bias, padding=1).backward(dout)


def label(kind, B, C, H, W, K, dx):
    if kind == "pool":
        return f"max-pool {C}x{H}x{W}"
    return f"conv {C}->{K} on {H}x{W}" + ("" if dx else " (no dx)")


def main():
    rows, ghz = [], None
    for line in sys.stdin:
        f = line.split()
        if f and f[0] == "clock":
            ghz = float(f[1])
        elif len(f) == 11:
            shape = tuple(int(v) for v in f[2:8])
            rows.append((f[1], shape, float(f[8]), float(f[9]), float(f[10])))
    if not rows:
        print("conv_torch.py: nothing read: run build/conv-bench | ...", file=sys.stderr)
        return 1
    batch = rows[0][1][0]
    times = {}  # (row index, config) -> seconds
    if torch is not None:
        for dtype_name, threads in CONFIGS:
            torch.set_num_threads(threads)
            dtype = torch.float64 if dtype_name == "f64" else torch.float32
            clock = time.thread_time if threads == 1 else time.perf_counter
            for r, (kind, shape, *_) in enumerate(rows):
                layer = torch_layer(kind, *shape, dtype)
                times[r, (dtype_name, threads)] = seconds_per_call(layer, clock)
    heads = ["C plain", "C fast"] + ([f"{d} {t}T" for d, t in CONFIGS] if torch else [])
    print(f"chapter 12's layers, forward + backward, one batch of {batch} 8x8 images: "
          f"microseconds (fastest of {TRIALS})")
    print(f"{'layer':26}" + "".join(f"{h:>10}" for h in heads) + f"{'C fast GFLOP/s':>16}")
    totals = [0.0] * len(heads)
    total_flops = 0.0
    for r, (kind, shape, flops, plain, fast) in enumerate(rows):
        cells = [plain, fast] + [times[r, c] for c in CONFIGS if torch]
        totals = [t + c for t, c in zip(totals, cells)]
        total_flops += flops
        rate = f"{flops / fast / 1e9:16.2f}" if flops else f"{'':16}"
        print(f"{label(kind, *shape):26}" + "".join(f"{c * 1e6:10.1f}" for c in cells) + rate)
    print(f"{'all four':26}" + "".join(f"{c * 1e6:10.1f}" for c in totals) +
          f"{total_flops / totals[1] / 1e9:16.2f}")
    if torch:
        best64 = min(totals[2], totals[3])
        best32 = min(totals[4], totals[5])
        print(f"C fast against PyTorch's best: {best64 / totals[1]:.1f}x faster than float64, "
              f"{best32 / totals[1]:.1f}x than float32; C plain {best64 / totals[0]:.1f}x "
              f"float64's speed")
    with open("/proc/loadavg") as f:
        print("load average: " + " ".join(f.read().split()[:3]) + " (1T columns: CPU time; "
              "2T: wall time)")
    if ghz:
        peak = 8 * ghz
        conv_fast = sum(fast for kind, _, _, _, fast in rows if kind == "conv")
        print(f"arithmetic peak at the course's flags (SSE2, no FMA: 8 flops a cycle on Zen 4) "
              f"at {ghz:.2f} GHz: {peak:.1f} GFLOP/s a core; the fast convolutions run at "
              f"{100 * total_flops / conv_fast / 1e9 / peak:.0f}% of it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
