#!/bin/sh
# Draws a figure script in the terminal with gnuplot's dumb terminal, for a
# reader with no image viewer (over SSH):   make show FIG=out/ch04-loss.gp
#
# The script is drawn as it is but for its first lines: the terminal and the
# image file it names become the dumb terminal, as wide and tall as this one,
# writing to standard output. An animation shows its last frame.
set -eu
figure=${1:-}
if [ -z "$figure" ]; then
    echo "usage: make show FIG=out/ch04-loss.gp   (any figure script the runs wrote)" >&2
    exit 2
fi
if [ ! -f "$figure" ]; then
    echo "show: no figure script $figure (run a chapter first: it writes out/NAME.gp)" >&2
    exit 1
fi
command -v gnuplot >/dev/null 2>&1 || {
    echo "show: gnuplot is not installed (make deps installs it)" >&2
    exit 1
}
columns=$(tput cols 2>/dev/null || echo 100)
rows=$(tput lines 2>/dev/null || echo 35)
colour=""
[ -t 1 ] && colour=" ansi256" # colours for a terminal, plain text for a file
# An animation's loop, "do for [f = 1:N]", is cut to its last frame, f = N.
sed -e "s/^set terminal .*/set terminal dumb size $columns,$((rows - 1))$colour/" \
    -e "s/^set output .*/set output/" \
    -e 's/^do for \[f = 1:\([0-9]*\)\]/do for [f = \1:\1]/' "$figure" | gnuplot
