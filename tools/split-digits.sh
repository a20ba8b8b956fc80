#!/bin/sh
# tools/split-digits.sh — another stratified split of a labelled CSV, for
# build/ch11 --data TRAIN --test TEST: a fifth of each class (to the nearest
# row) held out, drawn with awk's rand() from SEED, each file in the order
# of the input. The same seed gives the same split with the same awk; the
# chapter's own split (labels.c) uses the course's RNG instead.
#
#   sh tools/split-digits.sh SEED [DATA [DIR]]
#       writes DIR/train-SEED.csv and DIR/test-SEED.csv
#       (DATA: data/digits.csv; DIR: out/splits)
#
# Blank lines and # comments are dropped; a header line (a first row whose
# last field is not a number) goes to both files. Not part of make test: the
# chapter's tests make their own files.
set -eu
seed=${1:?usage: sh tools/split-digits.sh SEED [DATA [DIR]]}
data=${2:-data/digits.csv}
dir=${3:-out/splits}
case $seed in
    '' | *[!0-9]*) echo "split-digits: SEED must be a whole number, not '$seed'" >&2; exit 2 ;;
esac
[ -r "$data" ] || { echo "split-digits: cannot read $data" >&2; exit 1; }
mkdir -p "$dir"
train=$dir/train-$seed.csv
test=$dir/test-$seed.csv
awk -F, -v seed="$seed" -v train="$train" -v test="$test" '
    /^[ \t]*(#|$)/ { next }
    !seen_row++ && $NF !~ /^[ \t]*[-+.0-9]/ { header = $0; next }
    {
        row[++n] = $0
        label = $NF + 0
        members[label, ++count[label]] = n
    }
    END {
        srand(seed)
        for (c in count) {
            m = count[c]
            # Fisher-Yates on the rows of class c; the first round(m/5) are held out.
            for (i = m; i > 1; i--) {
                j = int(rand() * i) + 1
                t = members[c, i]; members[c, i] = members[c, j]; members[c, j] = t
            }
            keep = int((m + 2) / 5)
            for (i = 1; i <= keep; i++)
                held[members[c, i]] = 1
        }
        if (header != "") { print header > train; print header > test }
        for (i = 1; i <= n; i++)
            print row[i] > (held[i] ? test : train)
    }
' "$data"
echo "split-digits: wrote $train ($(grep -c . "$train") lines) and $test ($(grep -c . "$test") lines)"
