# ch12-filters.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch12-filters.gp    (writes ch12-filters.png beside it)
# reset: gnuplot a.gp b.gp draws b as if it came first.
reset
set terminal pngcairo size 880,317 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch12-filters') . '.png'
set termoption noenhanced
set title 'The first layer''s 16 filters, learned: each 3x3 weight for ink there (orange) or against it (blue)'
unset xtics
unset ytics
unset key
set border 0
set size ratio -1
set xrange [-0.5:37.5]
set yrange [11.5:-0.5]
set palette defined (-1 '#2166ac', 0 '#ffffff', 1 '#b35806')
set cbrange [-1.0402365643048765:1.0402365643048765]
set cblabel 'weight'
set object 1 rectangle from -0.5,2.5 to 2.5,5.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 1 '1' at 1,1.5 center front
set object 2 rectangle from 4.5,2.5 to 7.5,5.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 2 '2' at 6,1.5 center front
set object 3 rectangle from 9.5,2.5 to 12.5,5.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 3 '3' at 11,1.5 center front
set object 4 rectangle from 14.5,2.5 to 17.5,5.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 4 '4' at 16,1.5 center front
set object 5 rectangle from 19.5,2.5 to 22.5,5.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 5 '5' at 21,1.5 center front
set object 6 rectangle from 24.5,2.5 to 27.5,5.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 6 '6' at 26,1.5 center front
set object 7 rectangle from 29.5,2.5 to 32.5,5.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 7 '7' at 31,1.5 center front
set object 8 rectangle from 34.5,2.5 to 37.5,5.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 8 '8' at 36,1.5 center front
set object 9 rectangle from -0.5,8.5 to 2.5,11.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 9 '9' at 1,7.5 center front
set object 10 rectangle from 4.5,8.5 to 7.5,11.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 10 '10' at 6,7.5 center front
set object 11 rectangle from 9.5,8.5 to 12.5,11.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 11 '11' at 11,7.5 center front
set object 12 rectangle from 14.5,8.5 to 17.5,11.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 12 '12' at 16,7.5 center front
set object 13 rectangle from 19.5,8.5 to 22.5,11.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 13 '13' at 21,7.5 center front
set object 14 rectangle from 24.5,8.5 to 27.5,11.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 14 '14' at 26,7.5 center front
set object 15 rectangle from 29.5,8.5 to 32.5,11.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 15 '15' at 31,7.5 center front
set object 16 rectangle from 34.5,8.5 to 37.5,11.5 front fillstyle empty border lc rgb '#b0b0b0' lw 1
set label 16 '16' at 36,7.5 center front
$grid << EOD
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0.5003 -0.3045 -0.3723 0 0 -0.4133 0.4124 0.09231 0 0 0.1261 1.021 -0.4191 0 0 -0.0526 0.5379 0.5828 0 0 0.2125 0.6979 -0.2245 0 0 -0.04489 -0.102 -0.002809 0 0 0.1693 -0.1074 -0.04044 0 0 -0.2359 -0.1693 -0.4756
0.6469 -0.4704 -0.8332 0 0 0.8714 0.6395 -0.1819 0 0 0.2977 0.8104 -0.8032 0 0 -0.4513 0.4296 0.9192 0 0 -0.6095 0.5745 0.3149 0 0 0.1958 0.04023 0.09137 0 0 -0.3082 -0.2684 -0.1721 0 0 0.4837 0.5996 0.5855
-0.5806 0.8092 0.5141 0 0 -0.1901 -1.036 -0.7261 0 0 0.6889 0.3187 -0.5634 0 0 -0.2913 0.5315 -0.3304 0 0 -0.7678 0.7857 -0.08907 0 0 0.1046 -0.3201 -0.3059 0 0 0.2768 -0.1029 0.1016 0 0 0.5861 0.239 -0.0343
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
-0.6344 -0.0834 0.3629 0 0 -0.9018 -1.04 -0.3443 0 0 0.3047 -0.4926 -0.4905 0 0 -0.1848 -0.009614 -0.3353 0 0 0.08849 0.869 -0.3622 0 0 -0.3799 -0.4737 0.7937 0 0 0.1375 -0.001744 0.635 0 0 0.2229 -0.06036 -0.2204
0.3922 0.3526 -0.1022 0 0 0.1118 0.3736 0.6526 0 0 0.09741 -0.4004 -0.5256 0 0 0.2473 -0.1489 -0.6075 0 0 0.3039 0.6545 0.9193 0 0 -0.4583 0.2094 0.8931 0 0 0.9252 0.4078 -0.01471 0 0 -0.3935 -0.00647 0.007897
-0.16 0.5201 0.0001287 0 0 0.8178 0.8456 0.1658 0 0 0.9096 0.2223 -0.4515 0 0 -0.1098 -0.457 -0.05986 0 0 -0.9073 -0.8177 -0.0082 0 0 -0.0443 0.435 0.4091 0 0 0.04609 0.09111 -0.3766 0 0 0.4177 -0.01662 -0.303
EOD
plot $grid matrix with image
