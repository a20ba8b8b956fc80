# ch11-bandwidth.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch11-bandwidth.gp    (writes ch11-bandwidth.png beside it)
set terminal pngcairo size 800,500 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch11-bandwidth') . '.png'
set termoption noenhanced
set title 'Beyond the caches the fused pass runs near the roof, the plain read'
set xlabel 'points n (log scale; 24 bytes each)'
set ylabel 'GB of data per second'
set grid
set key top right box opaque Left reverse
set logscale x
set yrange [0:*]
$curve0 << EOD
1000 95.3268
3162 97.8584
10000 100.317
31623 90.6237
100000 98.1489
316228 97.9476
1e+06 35.1613
3.16228e+06 27.2821
1e+07 26.2941
3.16228e+07 27.2791
1e+08 28.2415
EOD
$curve1 << EOD
1000 11.0639
3162 10.9857
10000 10.9663
31623 10.9022
100000 10.9064
316228 10.8885
1e+06 9.3265
3.16228e+06 8.55717
1e+07 8.47763
3.16228e+07 8.71035
1e+08 8.10945
EOD
$curve2 << EOD
1000 29.2126
3162 29.1711
10000 28.8724
31623 28.856
100000 29.1157
316228 28.9427
1e+06 25.5187
3.16228e+06 22.9743
1e+07 23.5239
3.16228e+07 23.9874
1e+08 24.8164
EOD
$curve3 << EOD
1000 19.5491
3162 19.6012
10000 19.6475
31623 19.6409
100000 19.624
316228 19.6139
1e+06 19.446
3.16228e+06 19.3891
1e+07 19.1652
3.16228e+07 19.0538
1e+08 18.5042
EOD
$curve4 << EOD
1e+06 21.9719
3.16228e+06 22.1745
1e+07 22.4679
3.16228e+07 23.3135
1e+08 23.0655
EOD
plot $curve0 with lines lw 4 dt 2 lc rgb 'black' title 'read (the roof)', \
     $curve1 with linespoints lw 2 pt 7 lc rgb '#d62728' title '3 passes', \
     $curve2 with linespoints lw 3 pt 7 lc rgb '#1f77b4' title 'fused', \
     $curve3 with linespoints lw 2 pt 9 lc rgb '#2ca02c' title 'no x2', \
     $curve4 with linespoints lw 2 pt 11 lc rgb '#9467bd' title '2 threads'
