# ch10-loss.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch10-loss.gp    (writes ch10-loss.png beside it)
# reset: gnuplot a.gp b.gp draws b as if it came first.
reset
set terminal pngcairo size 800,560 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch10-loss') . '.png'
set termoption noenhanced
set title 'The network''s loss falls far below the floor of any straight line'
set xlabel 'epoch'
set ylabel 'mean squared error (log scale)'
set grid
set key below left Left reverse maxcols 1
set logscale y
set yrange [0.06074199842629373:*]
$curve0 << EOD
0 6.47629
1 1.12452
2 0.959706
3 1.25577
4 0.613115
5 0.385742
6 0.314128
7 0.259502
8 0.234125
9 0.322604
10 0.289159
11 0.322594
12 0.269358
13 0.276115
14 0.234434
15 0.205548
16 0.145297
17 0.143302
18 0.149253
19 0.574976
20 0.196871
21 0.228241
22 0.180529
23 0.245267
24 0.119425
25 0.23837
26 0.141492
27 0.121754
28 0.148483
29 0.316781
30 0.159576
31 0.112487
32 0.173031
33 1.70663
34 0.201487
35 0.11899
36 1.19939
37 0.234131
38 0.270111
39 0.17384
40 0.110502
41 0.113493
42 0.184683
43 0.128529
44 0.271304
45 0.151111
46 0.18493
47 0.100271
48 0.117538
49 0.107251
50 0.103217
51 0.107893
52 0.123979
53 0.112179
54 0.0944865
55 0.105467
56 0.0950646
57 0.138795
58 0.106892
59 0.100633
60 0.16041
61 0.106489
62 0.147741
63 0.11664
64 0.112243
65 0.0894733
66 0.128595
67 0.111789
68 0.0935247
69 0.112794
70 0.0944679
71 0.103648
72 0.0847109
73 0.108169
74 0.0892708
75 0.44949
76 0.171764
77 0.223414
78 0.190556
79 0.0837608
80 0.194153
81 0.268493
82 0.112005
83 0.118364
84 0.0808343
85 0.0795752
86 0.408365
87 0.0832358
88 0.0804329
89 0.289017
90 0.114242
91 0.0790361
92 0.119853
93 0.0848791
94 0.234102
95 0.154863
96 0.130334
97 0.0813279
98 0.0764776
99 0.110959
100 0.0759275
EOD
$curve1 << EOD
0 1.38633
100 1.38633
EOD
$curve2 << EOD
0 0.0798205
100 0.0798205
EOD
plot $curve0 with lines lw 2 dt 1 lc rgb '#ee3377' title 'the network''s loss, all the data', \
     $curve1 with lines lw 2 dt 2 lc rgb '#000000' title 'the best straight line''s loss: the floor for a line', \
     $curve2 with lines lw 2 dt 1 lc rgb '#009e73' title 'the loss of the curve the points came from: the noise'
