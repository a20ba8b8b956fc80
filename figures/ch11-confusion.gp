# ch11-confusion.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch11-confusion.gp    (writes ch11-confusion.png beside it)
# reset: gnuplot a.gp b.gp draws b as if it came first.
reset
set terminal pngcairo size 800,720 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch11-confusion') . '.png'
set termoption noenhanced
set title 'The network on the 359 held-out examples: 4 mistakes, the diagonal right'
set xlabel 'predicted class'
set ylabel 'true class'
set grid
unset grid
unset key
set size ratio -1
set xtics 1 out
set ytics 1 out
set xrange [-0.5:9.5]
set yrange [9.5:-0.5]
set palette defined (0 '#ffffff', 1 '#a50026')
set cbrange [0:1]
set cbtics 1
set cblabel 'examples taken for another class'
$mistakes << EOD
0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 1 0
0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 1 0 0 0 0
0 0 0 0 0 0 0 0 1 0
0 1 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0
EOD
$counts << EOD
0 0 36
1 1 36
2 2 35
3 3 37
4 4 35
8 4 1
5 5 36
5 6 1
6 6 35
7 7 35
8 7 1
1 8 1
8 8 34
9 9 36
EOD
plot $mistakes matrix with image, $counts using 1:2:3 with labels
