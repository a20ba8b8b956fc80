# ch10-units.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch10-units.gp    (writes ch10-units.png beside it)
# reset: gnuplot a.gp b.gp draws b as if it came first.
reset
set terminal pngcairo size 800,560 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch10-units') . '.png'
set termoption noenhanced
set title 'The network''s curve is b2 plus 16 kinks, one per hidden unit'
set xlabel 'x1'
set ylabel 'y'
set grid
set key below left Left reverse maxcols 1
$points << EOD
# x1 y (100 of the 100 points)
0.48313 2.67564
-0.442798 0.231518
-0.92394 -3.31825
-0.56319 -0.157667
-0.320138 1.24812
-0.590196 -0.670927
0.0267922 2.59752
0.330319 2.75795
-0.792852 -2.39751
-0.813145 -2.3953
0.91465 1.47066
0.199633 3.0593
-0.851678 -3.17889
0.483959 3.30051
0.883855 2.22095
0.579817 3.23522
0.294189 3.31853
0.275058 2.90257
-0.87395 -3.41095
0.52241 2.56755
0.0605083 2.32593
-0.453871 0.589174
0.336589 2.87799
-0.831036 -3.11309
0.00974233 2.99822
-0.263667 1.11942
-0.691355 -1.6658
-0.947845 -3.61467
0.367433 3.11824
0.750279 2.03142
-0.481705 0.591531
0.219024 2.51007
-0.350088 1.08266
0.973466 1.43839
0.783079 2.82078
0.79387 2.5336
-0.672237 -0.989122
0.595795 3.1843
-0.802051 -2.16898
-0.364701 0.87028
-0.971726 -3.9619
-0.504386 -0.18113
0.484072 2.71905
0.607096 3.07308
0.700199 2.85615
0.51447 2.94088
-0.659389 -1.21193
0.388436 2.61351
0.344145 2.77117
0.429071 2.77735
0.418614 2.71662
0.554024 3.24351
0.445012 2.57123
-0.585533 -0.70997
-0.487238 0.412307
-0.739592 -1.80206
-0.442191 0.845056
-0.590645 -0.783472
-0.495976 0.404146
-0.0040088 2.98148
0.717925 2.92807
-0.283591 0.876202
-0.609342 -1.20661
-0.898897 -3.53853
-0.914219 -3.57702
0.528432 2.9139
0.942347 1.45479
0.892986 2.07445
0.945578 1.89623
-0.635658 -1.04157
0.268844 3.38383
0.872237 2.34559
-0.112128 1.63198
-0.0473747 2.55634
0.364945 3.32599
0.199323 3.06112
-0.121239 2.39723
0.735268 2.72404
0.922582 1.96055
-0.222339 1.7423
-0.914809 -3.72123
0.872698 2.38555
0.19807 2.95237
0.266019 2.84424
-0.915061 -3.74635
-0.170043 1.375
0.216397 2.81117
-0.134726 1.58608
0.858502 1.73056
0.893364 1.98703
0.291867 2.97119
-0.569026 -0.0300871
-0.736376 -1.47931
-0.581741 -0.585796
0.582479 2.53088
-0.510613 -0.0731249
-0.0107849 2.14334
0.110074 2.57654
0.558999 3.06019
0.285655 3.30039
EOD
$curve0 << EOD
-0.971726 0
0.973466 0
EOD
$curve1 << EOD
-0.971726 -0
0.973466 -0
EOD
$curve2 << EOD
-0.971726 0
0.973466 0
EOD
$curve3 << EOD
-0.971726 0.355366
0.973466 0.565567
EOD
$curve4 << EOD
-0.971726 -2.13818
-0.483595 -0
0.973466 -0
EOD
$curve5 << EOD
-0.971726 -3.66324
0.184041 -0
0.973466 -0
EOD
$curve6 << EOD
-0.971726 0.333748
0.973466 0.00701851
EOD
$curve7 << EOD
-0.971726 -0
0.973466 -0
EOD
$curve8 << EOD
-0.971726 0.237312
0.973466 0.226235
EOD
$curve9 << EOD
-0.971726 0.436509
0.973466 0.00827708
EOD
$curve10 << EOD
-0.971726 -0
0.973466 -0
EOD
$curve11 << EOD
-0.971726 -1.72117
-0.0163063 -3.74871e-18
0.973466 -0
EOD
$curve12 << EOD
-0.971726 -0
0.598585 -1.62643e-16
0.973466 -0.797703
EOD
$curve13 << EOD
-0.971726 0.0584519
0.973466 0.0969576
EOD
$curve14 << EOD
-0.971726 -0
0.973466 -0
EOD
$curve15 << EOD
-0.971726 0.297727
0.973466 0.00663229
EOD
$curve16 << EOD
-0.971726 -4.0102
-0.483595 0.351614
-0.0163063 2.4803
0.184041 3.03205
0.598585 2.85976
0.973466 1.90626
EOD
plot $points with points pt 7 ps 0.7 lc rgb '#7f7f7f' title 'data (x1, y)', \
     $curve0 with lines lw 1 dt 1 lc rgb '#f4a6c4' title 'the hidden units, w2_j * relu(w1_j * x1 + b1_j)', \
     $curve1 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve2 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve3 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve4 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve5 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve6 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve7 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve8 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve9 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve10 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve11 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve12 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve13 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve14 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve15 with lines lw 1 dt 1 lc rgb '#f4a6c4' title '', \
     $curve16 with lines lw 3 dt 1 lc rgb '#ee3377' title 'the network: their sum, plus b2 = 1.79'
