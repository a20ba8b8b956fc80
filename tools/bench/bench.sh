#!/bin/sh
# The benchmark behind `make bench`: chapter 13 and the trainers of chapters
# 04 and 05 at a few sizes, each timed with /usr/bin/time (wall and CPU
# seconds, peak memory), beside the same work in NumPy when NumPy is at hand
# (tools/bench/notebook_numpy.py). Prints one table. Speed is never part of
# `make test`: timings depend on the machine and on what else it is doing,
# so the load average is printed with them.
#
#     sh tools/bench/bench.sh BUILD_DIR
#
# BENCH_REPEAT=N   runs of each C command, the fastest kept (default 3)
# BENCH_LARGE=1    also the issue's large runs: ch05 on 10^8 points (about a
#                  minute and 3.2 GB) and ch13 up to 10^8 points (4 GB)
set -eu
build=${1:-build}
repeat=${BENCH_REPEAT:-3}
large=${BENCH_LARGE:-0}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ ! -x /usr/bin/time ]; then
    echo "bench: needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2
    exit 1
fi
python=
for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import numpy' 2>/dev/null; then
        python=$candidate
        break
    fi
done

# run CMD...: the best of $repeat runs; sets wall, cpu, peak_kb and last (the
# program's last line of output).
run() {
    wall=
    i=0
    while [ "$i" -lt "$repeat" ]; do
        /usr/bin/time -f '%e %U %S %M' -o "$out/time" "$@" --out "$out" >"$out/stdout"
        read -r w u s m <"$out/time"
        if [ -z "$wall" ] || awk "BEGIN { exit !($w < $wall) }"; then
            wall=$w cpu=$(awk "BEGIN { printf \"%.2f\", $u + $s }") peak_kb=$m
        fi
        i=$((i + 1))
    done
    # The run's result, short: "loss 0.0834" from a final line, "roofline 0.88".
    last=$(tail -n 1 "$out/stdout" | sed -e 's/^final: .*loss = \(.*\)$/loss \1/' \
        -e 's/^roofline: \([0-9.]*\).*$/roofline \1/')
}

# numpy MODE ARGS...: one run of the NumPy peer; sets numpy_wall.
numpy() {
    numpy_wall=-
    [ -n "$python" ] || return 0
    /usr/bin/time -f '%e' -o "$out/time" "$python" tools/bench/notebook_numpy.py "$@" \
        >/dev/null
    numpy_wall=$(cat "$out/time")
}

row() { # label n
    bytes=$(awk "BEGIN { printf \"%.1f\", $peak_kb * 1024 / $2 }")
    speedup=-
    if [ "$numpy_wall" != - ]; then
        speedup=$(awk "BEGIN { printf \"%.1fx\", $numpy_wall / $wall }")
    fi
    printf '%-48s %6s %6s %7s %7s %7s %8s  %s\n' "$1" "$wall" "$cpu" \
        "$((peak_kb / 1024))" "$bytes" "$numpy_wall" "$speedup" "$last"
}

echo "make bench on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "C runs: the fastest of $repeat; NumPy: one run of the same work$([ -n "$python" ] || echo ' (NumPy not found: skipped)')"
printf '%-48s %6s %6s %7s %7s %7s %8s  %s\n' "run" "wall s" "cpu s" "peak MB" "B/point" \
    "numpy s" "C faster" "result"

for n in 1000000 10000000; do
    run "$build/ch04" --n "$n" --epochs 10 --quiet
    numpy full --n "$n" --epochs 10
    row "ch04 --n $n --epochs 10 --quiet" "$n"
done

run "$build/ch05" --n 1000000 --epochs 1 --batch 64 --quiet
numpy chapter05 --n 1000000 --epochs 1 --batch 64
row "ch05 --n 1000000 --epochs 1 --batch 64 --quiet" 1000000
numpy minibatch --n 1000000 --epochs 1 --batch 64
row "  numpy: its batch-64 run only, vs all of ch05" 1000000

run "$build/ch05" --n 10000000 --epochs 1 --batch 64 --quiet
numpy_wall=-
row "ch05 --n 10000000 --epochs 1 --batch 64 --quiet" 10000000

if [ "$large" = 1 ]; then
    repeat=1
    run "$build/ch05" --n 100000000 --epochs 1
    row "ch05 --n 100000000 --epochs 1" 100000000
fi

repeat=1
ch13_n=10000000
[ "$large" = 1 ] && ch13_n=100000000
run "$build/ch13" --n "$ch13_n" --epochs 10
row "ch13 --n $ch13_n --epochs 10" "$ch13_n"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
