# ch12-optimizers.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch12-optimizers.gp    (writes ch12-optimizers.png beside it)
# reset: gnuplot a.gp b.gp draws b as if it came first.
reset
set terminal pngcairo size 800,560 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch12-optimizers') . '.png'
set termoption noenhanced
set title 'Held-out error_rate per epoch: one network, one start, three optimizers'
set xlabel 'epoch'
set ylabel 'held-out error_rate (0 to 0.1 shown)'
set grid
set key below left Left reverse maxcols 1
set yrange [0:0.1]
$curve0 << EOD
0 0.902507
1 0.415042
2 0.0752089
3 0.0417827
4 0.0194986
5 0.0334262
6 0.0250696
7 0.0194986
8 0.0139276
9 0.0194986
10 0.0139276
11 0.0139276
12 0.0111421
13 0.00835655
14 0.0111421
15 0.0111421
EOD
$curve1 << EOD
0 0.902507
1 0.64624
2 0.0779944
3 0.0306407
4 0.0222841
5 0.0222841
6 0.0167131
7 0.0111421
8 0.0139276
9 0.0167131
10 0.0139276
11 0.0111421
12 0.0167131
13 0.0111421
14 0.0139276
15 0.0111421
EOD
$curve2 << EOD
0 0.902507
1 0.178273
2 0.091922
3 0.0640669
4 0.0362117
5 0.0334262
6 0.0445682
7 0.0167131
8 0.0278552
9 0.0362117
10 0.0222841
11 0.0250696
12 0.0139276
13 0.0194986
14 0.0111421
15 0.0111421
EOD
plot $curve0 with lines lw 2 dt 1 lc rgb '#117733' title 'momentum', \
     $curve1 with lines lw 2 dt 1 lc rgb '#0072b2' title 'sgd', \
     $curve2 with lines lw 2 dt 1 lc rgb '#cc6677' title 'adam'
