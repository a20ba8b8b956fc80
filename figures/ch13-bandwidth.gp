# ch13-bandwidth.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch13-bandwidth.gp    (writes ch13-bandwidth.png beside it)
set terminal pngcairo size 800,560 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch13-bandwidth') . '.png'
set termoption noenhanced
set title 'Beyond the caches the fused pass runs near the roof, the plain read'
set xlabel 'points n (log scale; 24 bytes each)'
set ylabel 'GB of data per second'
set grid
set key below left Left reverse maxcols 1
set logscale x
set yrange [0:*]
$curve0 << EOD
1000 95.0242
3162 98.3021
10000 100.206
31623 89.4221
100000 97.7847
316228 97.3062
1e+06 40.3634
3.16228e+06 28.8887
1e+07 25.5247
3.16228e+07 26.2623
1e+08 22.3604
EOD
$curve1 << EOD
1000 11.0338
3162 11.0143
10000 10.9845
31623 10.9385
100000 10.9275
316228 10.8758
1e+06 9.47882
3.16228e+06 8.5159
1e+07 8.21706
3.16228e+07 8.21219
1e+08 6.77275
EOD
$curve2 << EOD
1000 29.2882
3162 29.2889
10000 29.442
31623 28.7231
100000 29.0682
316228 29.264
1e+06 26.6406
3.16228e+06 23.009
1e+07 22.268
3.16228e+07 23.346
1e+08 24.0452
EOD
$curve3 << EOD
1000 43.3971
3162 43.6436
10000 44.0916
31623 42.9778
100000 43.2868
316228 43.679
1e+06 32.1773
3.16228e+06 25.201
1e+07 23.5585
3.16228e+07 25.9948
1e+08 25.6562
EOD
$curve4 << EOD
1000 19.5469
3162 19.6008
10000 19.6581
31623 19.5065
100000 19.5674
316228 19.5924
1e+06 19.4364
3.16228e+06 19.2774
1e+07 19.0371
3.16228e+07 19.1611
1e+08 17.2641
EOD
$curve5 << EOD
1e+06 21.8368
3.16228e+06 21.3542
1e+07 20.8998
3.16228e+07 22.6443
1e+08 22.8761
EOD
plot $curve0 with lines lw 2 dt 2 lc rgb '#7f7f7f' title 'read (the roof)', \
     $curve1 with lines lw 2 dt 1 lc rgb '#d62728' title '3 passes', \
     $curve2 with lines lw 2 dt 1 lc rgb '#1f77b4' title 'fused', \
     $curve3 with lines lw 2 dt 1 lc rgb '#ff7f0e' title '2 lanes', \
     $curve4 with lines lw 2 dt 1 lc rgb '#2ca02c' title 'no x2', \
     $curve5 with lines lw 2 dt 1 lc rgb '#9467bd' title '2 threads'
