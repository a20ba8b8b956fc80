# ch11-mistakes.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch11-mistakes.gp    (writes ch11-mistakes.png beside it)
# reset: gnuplot a.gp b.gp draws b as if it came first.
reset
set terminal pngcairo size 800,170 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch11-mistakes') . '.png'
set termoption noenhanced
set title 'The 4 held-out examples the network gets wrong: true → predicted'
unset xtics
unset ytics
unset key
set border 0
set size ratio -1
set xrange [-0.5:97.5]
set yrange [10.5:-0.5]
set palette defined (0 '#ffffff', 1 '#252525')
set cbrange [0:16]
unset colorbox
set object 1 rectangle from -0.5,2.5 to 7.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 1 '6 → 5' at 3.5,1.5 center front
set object 2 rectangle from 9.5,2.5 to 17.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 2 '8 → 1' at 13.5,1.5 center front
set object 3 rectangle from 19.5,2.5 to 27.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 3 '7 → 8' at 23.5,1.5 center front
set object 4 rectangle from 29.5,2.5 to 37.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 4 '4 → 8' at 33.5,1.5 center front
$grid << EOD
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 7 15 0 0 0 0 0 0 0 0 2 8 7 0 0 0 0 0 0 3 13 16 13 0 0 0 0 0 0 0 11 7 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 15 15 0 0 0 0 0 0 0 0 6 15 16 2 0 0 0 0 0 9 13 8 16 5 1 0 0 0 0 5 16 3 2 14 3 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 3 16 12 4 1 0 0 0 0 0 6 15 11 16 4 0 0 0 0 0 0 8 14 16 16 5 0 0 0 0 9 15 0 12 15 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 6 16 16 16 16 5 0 0 0 0 5 16 10 16 1 0 0 0 0 0 0 8 16 15 2 0 0 0 0 0 6 16 15 16 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 8 16 7 1 15 8 0 0 0 0 2 15 16 13 0 0 0 0 0 0 0 2 16 7 0 0 0 0 0 0 0 6 15 11 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 7 16 0 0 16 4 0 0 0 0 0 2 16 12 9 3 0 0 0 0 0 7 16 4 0 0 0 0 0 0 0 1 16 4 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 2 16 7 10 12 0 0 0 0 0 0 4 14 0 12 14 1 0 0 0 0 15 9 0 0 0 0 0 0 0 0 9 12 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 4 15 13 3 0 0 0 0 0 0 1 12 10 7 0 0 0 0 0 2 15 3 0 0 0 0 0 0 0 0 13 10 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
EOD
plot $grid matrix with image
