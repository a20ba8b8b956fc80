#!/bin/sh
# Renders every gnuplot script in a folder into the image it names
# (each script writes NAME.png or NAME.gif beside itself).
set -eu
dir=${1:?usage: render-figures.sh DIR}
cd "$dir"
for script in *.gp; do
    [ -e "$script" ] || continue
    gnuplot "$script" || { echo "gnuplot failed on $dir/$script" >&2; exit 1; }
done
echo "rendered $(ls ./*.gp | wc -l) figures in $dir/"
