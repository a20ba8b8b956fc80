# ch11-samples.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch11-samples.gp    (writes ch11-samples.png beside it)
# reset: gnuplot a.gp b.gp draws b as if it came first.
reset
set terminal pngcairo size 800,332 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch11-samples') . '.png'
set termoption noenhanced
set title 'Training digits from data/digits.csv: 8x8 pixels, 0 (white) to 16 (black)'
unset xtics
unset ytics
unset key
set border 0
set size ratio -1
set xrange [-0.5:97.5]
set yrange [32.5:-0.5]
set palette defined (0 '#ffffff', 1 '#252525')
set cbrange [0:16]
unset colorbox
set object 1 rectangle from -0.5,2.5 to 7.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 1 '0' at 3.5,1.5 center front
set object 2 rectangle from 9.5,2.5 to 17.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 2 '1' at 13.5,1.5 center front
set object 3 rectangle from 19.5,2.5 to 27.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 3 '2' at 23.5,1.5 center front
set object 4 rectangle from 29.5,2.5 to 37.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 4 '3' at 33.5,1.5 center front
set object 5 rectangle from 39.5,2.5 to 47.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 5 '4' at 43.5,1.5 center front
set object 6 rectangle from 49.5,2.5 to 57.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 6 '5' at 53.5,1.5 center front
set object 7 rectangle from 59.5,2.5 to 67.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 7 '6' at 63.5,1.5 center front
set object 8 rectangle from 69.5,2.5 to 77.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 8 '7' at 73.5,1.5 center front
set object 9 rectangle from 79.5,2.5 to 87.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 9 '8' at 83.5,1.5 center front
set object 10 rectangle from 89.5,2.5 to 97.5,10.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 10 '9' at 93.5,1.5 center front
set object 11 rectangle from -0.5,13.5 to 7.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 11 '0' at 3.5,12.5 center front
set object 12 rectangle from 9.5,13.5 to 17.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 12 '1' at 13.5,12.5 center front
set object 13 rectangle from 19.5,13.5 to 27.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 13 '2' at 23.5,12.5 center front
set object 14 rectangle from 29.5,13.5 to 37.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 14 '3' at 33.5,12.5 center front
set object 15 rectangle from 39.5,13.5 to 47.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 15 '4' at 43.5,12.5 center front
set object 16 rectangle from 49.5,13.5 to 57.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 16 '5' at 53.5,12.5 center front
set object 17 rectangle from 59.5,13.5 to 67.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 17 '6' at 63.5,12.5 center front
set object 18 rectangle from 69.5,13.5 to 77.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 18 '7' at 73.5,12.5 center front
set object 19 rectangle from 79.5,13.5 to 87.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 19 '8' at 83.5,12.5 center front
set object 20 rectangle from 89.5,13.5 to 97.5,21.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 20 '9' at 93.5,12.5 center front
set object 21 rectangle from -0.5,24.5 to 7.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 21 '0' at 3.5,23.5 center front
set object 22 rectangle from 9.5,24.5 to 17.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 22 '1' at 13.5,23.5 center front
set object 23 rectangle from 19.5,24.5 to 27.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 23 '2' at 23.5,23.5 center front
set object 24 rectangle from 29.5,24.5 to 37.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 24 '3' at 33.5,23.5 center front
set object 25 rectangle from 39.5,24.5 to 47.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 25 '4' at 43.5,23.5 center front
set object 26 rectangle from 49.5,24.5 to 57.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 26 '5' at 53.5,23.5 center front
set object 27 rectangle from 59.5,24.5 to 67.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 27 '6' at 63.5,23.5 center front
set object 28 rectangle from 69.5,24.5 to 77.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 28 '7' at 73.5,23.5 center front
set object 29 rectangle from 79.5,24.5 to 87.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 29 '8' at 83.5,23.5 center front
set object 30 rectangle from 89.5,24.5 to 97.5,32.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 30 '9' at 93.5,23.5 center front
$grid << EOD
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 5 13 9 1 0 0 0 0 0 0 0 12 13 5 0 0 0 0 0 0 0 4 15 12 0 0 0 0 0 0 7 15 13 1 0 0 0 0 0 0 0 1 11 0 0 0 0 0 0 0 12 10 0 0 0 0 0 0 0 0 0 12 13 0 0 0 0 0 0 0 7 8 13 16 15 1 0 0 0 0 9 14 8 1 0 0 0 0 0 0 6 14 4 0 0 0
0 0 13 15 10 15 5 0 0 0 0 0 0 11 16 9 0 0 0 0 0 0 3 16 15 14 0 0 0 0 0 8 13 6 15 4 0 0 0 0 0 0 0 7 8 0 0 0 0 0 0 0 14 16 16 14 0 0 0 0 0 0 5 16 8 0 0 0 0 0 0 0 7 7 4 11 12 0 0 0 0 0 12 14 14 12 0 0 0 0 0 0 11 16 10 0 0 0
0 3 15 2 0 11 8 0 0 0 0 0 3 15 16 6 0 0 0 0 0 0 8 13 8 16 0 0 0 0 0 2 1 13 13 0 0 0 0 0 0 0 1 13 6 2 2 0 0 0 0 0 13 16 15 10 1 0 0 0 0 0 13 16 3 0 0 0 0 0 0 0 0 0 8 13 1 0 0 0 0 0 9 10 0 15 4 0 0 0 0 0 8 14 16 2 0 0
0 4 12 0 0 8 8 0 0 0 0 7 15 16 16 2 0 0 0 0 0 0 1 6 15 11 0 0 0 0 0 0 2 15 11 1 0 0 0 0 0 0 7 15 0 9 8 0 0 0 0 0 11 16 16 7 0 0 0 0 0 0 14 13 0 0 0 0 0 0 0 4 8 8 15 15 6 0 0 0 0 0 3 16 12 14 2 0 0 0 0 0 1 12 12 11 0 0
0 5 8 0 0 9 8 0 0 0 0 0 1 16 16 3 0 0 0 0 0 1 8 13 15 1 0 0 0 0 0 0 0 1 12 12 1 0 0 0 0 5 16 10 0 16 6 0 0 0 0 0 0 4 7 16 7 0 0 0 0 0 15 12 7 2 0 0 0 0 0 2 11 15 15 4 0 0 0 0 0 0 4 16 16 2 0 0 0 0 0 0 0 0 0 11 3 0
0 4 11 0 1 12 7 0 0 0 0 0 1 16 16 6 0 0 0 0 0 9 16 16 5 0 0 0 0 0 0 0 0 0 1 10 8 0 0 0 0 4 15 16 13 16 1 0 0 0 0 0 0 0 4 16 9 0 0 0 0 0 13 16 13 16 3 0 0 0 0 0 0 16 5 0 0 0 0 0 0 3 16 8 10 13 2 0 0 0 0 0 0 0 0 5 11 0
0 2 14 5 10 12 0 0 0 0 0 0 1 16 16 6 0 0 0 0 0 3 13 16 16 11 5 0 0 0 0 0 8 4 5 14 9 0 0 0 0 0 0 3 15 10 0 0 0 0 0 0 5 4 12 16 4 0 0 0 0 0 7 16 11 15 8 0 0 0 0 0 9 15 1 0 0 0 0 0 0 1 15 1 3 16 8 0 0 0 0 0 1 4 4 7 16 2
0 0 6 13 10 0 0 0 0 0 0 0 0 11 16 10 0 0 0 0 0 0 0 3 11 16 9 0 0 0 0 0 7 13 13 9 0 0 0 0 0 0 0 2 16 4 0 0 0 0 0 0 9 16 16 10 0 0 0 0 0 0 1 9 15 11 3 0 0 0 0 0 13 5 0 0 0 0 0 0 0 0 11 16 15 11 1 0 0 0 0 0 7 16 16 13 11 1
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 1 9 15 11 0 0 0 0 0 0 0 0 14 13 1 0 0 0 0 0 5 12 1 0 0 0 0 0 0 2 9 15 14 9 3 0 0 0 0 0 0 8 15 1 0 0 0 0 0 5 12 13 16 16 2 0 0 0 0 0 1 13 14 3 0 0 0 0 0 0 1 8 15 10 0 0 0 0 0 0 10 7 13 9 0 0 0 0 0 0 9 13 7 0 0 0
0 0 11 16 8 14 6 0 0 0 0 0 0 5 16 16 2 0 0 0 0 0 15 14 7 0 0 0 0 0 0 4 13 8 9 16 8 0 0 0 0 0 1 14 13 1 1 0 0 0 0 11 16 15 8 4 0 0 0 0 0 0 8 16 13 2 0 0 0 0 0 3 13 15 14 14 0 0 0 0 0 0 9 10 12 15 2 0 0 0 0 0 12 16 16 2 0 0
0 2 16 10 0 9 9 0 0 0 0 0 0 14 16 12 0 0 0 0 0 0 13 1 12 0 0 0 0 0 0 0 0 6 14 15 3 0 0 0 0 0 10 15 3 15 11 0 0 0 0 8 14 11 1 0 0 0 0 0 0 2 16 16 3 0 0 0 0 0 0 5 10 0 10 12 0 0 0 0 0 0 4 11 10 11 0 0 0 0 0 0 12 13 16 6 0 0
0 1 16 4 0 8 8 0 0 0 0 1 10 16 16 12 0 0 0 0 0 2 10 0 14 0 0 0 0 0 0 0 0 11 14 2 0 0 0 0 0 7 16 7 1 16 8 0 0 0 0 8 16 16 14 0 0 0 0 0 0 3 16 12 1 0 0 0 0 0 0 0 3 5 15 10 2 0 0 0 0 0 1 16 10 1 0 0 0 0 0 0 6 16 16 14 0 0
0 4 16 4 0 8 8 0 0 0 0 3 12 14 16 9 0 0 0 0 0 0 2 0 16 1 0 0 0 0 0 0 0 2 15 11 0 0 0 0 0 9 16 13 14 16 5 0 0 0 0 1 6 6 16 0 0 0 0 0 0 5 16 14 5 0 0 0 0 0 0 0 16 16 16 16 12 0 0 0 0 0 12 13 4 0 0 0 0 0 0 0 0 0 2 16 3 0
0 1 16 5 1 11 3 0 0 0 0 0 0 5 16 15 0 0 0 0 0 0 0 6 15 0 0 0 0 0 0 0 0 0 2 15 4 0 0 0 0 1 10 15 16 14 0 0 0 0 0 0 0 5 16 3 0 0 0 0 0 3 16 16 16 16 6 0 0 0 0 1 8 12 14 8 3 0 0 0 0 0 12 1 12 0 0 0 0 0 0 0 0 0 0 9 10 0
0 0 12 12 10 10 0 0 0 0 0 0 0 4 16 14 0 0 0 0 0 0 9 16 15 9 8 2 0 0 0 1 5 6 13 16 6 0 0 0 0 0 0 1 16 10 0 0 0 0 0 1 5 15 13 0 0 0 0 0 0 1 14 16 16 16 12 0 0 0 0 0 0 10 13 0 0 0 0 0 0 1 10 2 14 0 0 0 0 0 0 0 3 7 12 14 16 2
0 0 1 10 13 3 0 0 0 0 0 0 0 1 13 16 1 0 0 0 0 0 3 11 8 13 12 4 0 0 0 2 12 12 13 11 0 0 0 0 0 0 0 10 15 4 0 0 0 0 0 4 15 16 2 0 0 0 0 0 0 0 3 12 15 14 7 0 0 0 0 0 0 11 9 0 0 0 0 0 0 0 11 14 5 0 0 0 0 0 0 0 7 12 12 12 11 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 3 13 11 7 0 0 0 0 0 0 0 2 16 16 2 0 0 0 0 0 8 16 5 0 0 0 0 0 0 1 8 12 15 14 4 0 0 0 0 0 0 0 12 2 0 0 0 0 0 0 12 8 8 7 0 0 0 0 0 0 0 10 13 1 0 0 0 0 0 0 0 8 14 14 2 0 0 0 0 0 10 11 4 0 0 0 0 0 0 0 2 13 8 0 0 0
0 0 11 16 16 16 2 0 0 0 0 0 0 4 16 16 2 0 0 0 0 1 13 11 16 0 0 0 0 0 0 3 11 8 8 12 12 0 0 0 0 0 0 6 14 1 0 0 0 0 0 3 16 16 11 7 0 0 0 0 0 1 11 12 7 0 0 0 0 0 0 0 0 6 10 15 11 0 0 0 0 0 10 15 13 13 1 0 0 0 0 0 6 16 16 6 0 0
0 4 16 9 1 14 2 0 0 0 0 1 4 12 16 12 0 0 0 0 0 0 10 0 13 3 0 0 0 0 0 0 0 0 2 13 7 0 0 0 0 0 4 16 7 8 0 0 0 0 0 2 14 1 0 0 0 0 0 0 0 2 16 12 0 0 0 0 0 0 0 0 0 0 0 14 10 0 0 0 0 0 8 11 0 14 4 0 0 0 0 0 5 15 13 11 0 0
0 4 16 0 0 16 2 0 0 0 0 7 16 16 16 12 0 0 0 0 0 0 3 1 16 1 0 0 0 0 0 0 0 2 15 12 1 0 0 0 0 0 13 9 0 16 6 0 0 0 0 5 14 5 0 0 0 0 0 0 0 4 16 11 0 0 0 0 0 0 0 2 8 11 12 16 8 0 0 0 0 0 0 13 15 13 0 0 0 0 0 0 0 7 16 15 0 0
0 0 16 1 0 12 8 0 0 0 0 0 3 10 16 14 0 0 0 0 0 0 0 9 12 0 0 0 0 0 0 0 0 0 13 5 0 0 0 0 0 6 16 10 11 16 0 0 0 0 0 2 15 16 9 0 0 0 0 0 0 4 16 15 8 4 0 0 0 0 0 8 16 16 16 16 7 0 0 0 0 1 11 16 16 0 0 0 0 0 0 0 0 0 0 14 3 0
0 0 15 9 0 13 6 0 0 0 0 0 0 8 16 12 0 0 0 0 0 0 3 15 5 0 0 0 0 0 0 0 0 0 9 13 0 0 0 0 0 0 5 10 13 16 0 0 0 0 0 0 0 2 16 2 0 0 0 0 0 4 16 16 13 16 6 0 0 0 0 0 0 0 11 15 1 0 0 0 0 1 15 3 9 10 0 0 0 0 0 0 0 0 0 7 11 0
0 0 9 14 9 14 1 0 0 0 0 0 0 6 16 16 2 0 0 0 0 0 14 15 8 8 3 0 0 0 0 0 7 8 14 15 0 0 0 0 0 0 0 0 6 16 0 0 0 0 0 0 4 8 16 4 0 0 0 0 0 0 7 16 7 13 14 0 0 0 0 0 0 9 16 7 0 0 0 0 0 0 14 6 15 10 0 0 0 0 0 0 0 3 4 4 16 2
0 0 2 12 13 4 0 0 0 0 0 0 0 2 12 15 4 0 0 0 0 0 7 12 12 12 13 1 0 0 0 0 14 15 11 2 0 0 0 0 0 0 0 0 12 8 0 0 0 0 0 0 11 14 9 0 0 0 0 0 0 0 0 7 15 15 5 0 0 0 0 0 0 12 13 1 0 0 0 0 0 0 8 14 7 1 0 0 0 0 0 0 2 15 13 14 13 2
EOD
plot $grid matrix with image
