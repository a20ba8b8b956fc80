#!/bin/sh
# make reference: each chapter with --trace into a temporary folder, its
# PyTorch counterpart beside it on the same data, one line a chapter, and the
# count. A counterpart compares its own path with the chapter's trace and
# exits 1 when a difference is past its tolerance (reference/common.py).
#
# What a counterpart prints before its verdict is what it prints alone
# (python3 reference/chNN.py), shown in the book from reference/output/:
# a fresh run that prints something else rewrites that file and fails, so
# the book is never left showing an old run. Its last line must be the
# chapter's own last line, the same numbers from the other program.
#
#     sh reference/run.sh BUILD PYTHON
set -u
build=$1
python=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# chapter and the flags of its run (chapter 09: 1000 of its 50000 epochs,
# the same early stopping, a minute less)
runs="ch04:
ch05:
ch07:--momentum 0.9 --decay 100 --batch 10
ch08:
ch09:--epochs 1000
ch10:"

agree=0
total=0
for run in $(echo "$runs" | tr ' ' '+'); do
    chapter=${run%%:*}
    flags=$(echo "${run#*:}" | tr '+' ' ')
    total=$((total + 1))
    # shellcheck disable=SC2086 # $flags is a list of words on purpose
    if ! "$build/$chapter" --quiet --out "$scratch/out" --trace "$scratch/$chapter.csv" $flags \
        >"$scratch/$chapter.last"; then
        echo "$chapter: the chapter failed"
        continue
    fi
    "$python" "reference/$chapter.py" "$scratch/$chapter.csv" "$build/reference-gradients" \
        >"$scratch/$chapter.txt"
    status=$?
    tail -n 1 "$scratch/$chapter.txt"
    sed '$d' "$scratch/$chapter.txt" >"$scratch/$chapter.alone"
    if [ "$(tail -n 1 "$scratch/$chapter.alone")" != "$(cat "$scratch/$chapter.last")" ]; then
        echo "$chapter: its last line is not the chapter's: $(cat "$scratch/$chapter.last")"
        status=1
    fi
    if ! cmp -s "$scratch/$chapter.alone" "reference/output/$chapter.txt"; then
        cp "$scratch/$chapter.alone" "reference/output/$chapter.txt"
        echo "$chapter: reference/output/$chapter.txt was not this run's: rewritten (make book)"
        status=1
    fi
    [ "$status" -eq 0 ] && agree=$((agree + 1))
done
echo "reference: $agree of $total chapters agree with PyTorch"
[ "$agree" -eq "$total" ]
