# ch09-degree.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch09-degree.gp    (writes ch09-degree.png beside it)
# reset: gnuplot a.gp b.gp draws b as if it came first.
reset
set terminal pngcairo size 800,560 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch09-degree') . '.png'
set termoption noenhanced
set title 'Training loss falls with every degree; validation loss falls, then climbs'
set xlabel 'degree of the polynomial'
set ylabel 'mean squared error (log scale)'
set grid
set key below left Left reverse maxcols 1
set logscale y
set yrange [0.00040710916615635827:916703.165584655]
$curve0 << EOD
0 0.553758
1 0.401935
2 0.399618
3 0.051469
4 0.0512278
5 0.0455582
6 0.0422706
7 0.0304629
8 0.0292428
9 0.0282104
10 0.0230928
11 0.0218335
12 0.00766512
13 0.00122133
14 5.86213e-26
EOD
$curve1 << EOD
0 0.644069
1 0.493095
2 0.481993
3 0.0920048
4 0.0937002
5 0.0953312
6 0.126433
7 0.258498
8 0.240338
9 0.278364
10 0.872434
11 3.88359
12 6570.1
13 136657
14 305568
EOD
$curve2 << EOD
1 0.493095
EOD
$curve3 << EOD
3 0.0920048
EOD
$curve4 << EOD
14 305568
EOD
$curve5 << EOD
0 0.0854111
14 0.0854111
EOD
plot $curve0 with lines lw 2 dt 1 lc rgb '#004488' title 'training loss', \
     $curve1 with lines lw 2 dt 1 lc rgb '#cc6677' title 'validation loss', \
     $curve2 with points pt 7 ps 1.8 lc rgb '#ddaa33' title 'underfit: degree 1', \
     $curve3 with points pt 7 ps 1.8 lc rgb '#aa4499' title 'lowest validation loss: degree 3', \
     $curve4 with points pt 7 ps 1.8 lc rgb '#882255' title 'overfit: degree 14', \
     $curve5 with lines lw 2 dt 1 lc rgb '#009e73' title 'the true curve''s validation loss: the floor'
