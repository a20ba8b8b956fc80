# ch06-fit.gp — a figure from "SGD from scratch, in C".
# The data is inline, so this file alone redraws the figure:
#     gnuplot ch06-fit.gp    (writes ch06-fit.png beside it)
# reset: gnuplot a.gp b.gp draws b as if it came first.
reset
set terminal pngcairo size 800,560 font 'Sans,12'
set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : 'ch06-fit') . '.png'
set termoption noenhanced
set title 'Gradient descent lands on the least-squares line'
set xlabel 'x1'
set ylabel 'y'
set grid
set key below left Left reverse maxcols 1
$points << EOD
# x1 y (56 of the 56 points)
1959 315.97
1960 316.91
1961 317.64
1962 318.45
1963 318.99
1964 319.62
1965 320.04
1966 321.38
1967 322.16
1968 323.04
1969 324.62
1970 325.68
1971 326.32
1972 327.45
1973 329.68
1974 330.18
1975 331.08
1976 332.05
1977 333.78
1978 335.41
1979 336.78
1980 338.68
1981 340.1
1982 341.44
1983 343.03
1984 344.58
1985 346.04
1986 347.39
1987 349.16
1988 351.56
1989 353.07
1990 354.35
1991 355.57
1992 356.38
1993 357.07
1994 358.82
1995 360.8
1996 362.59
1997 363.71
1998 366.65
1999 368.33
2000 369.52
2001 371.13
2002 373.22
2003 375.77
2004 377.49
2005 379.8
2006 381.9
2007 383.76
2008 385.59
2009 387.37
2010 389.85
2011 391.63
2012 393.82
2013 396.48
2014 398.55
EOD
plot $points with points pt 7 ps 0.7 lc rgb '#7f7f7f' title 'data (x1, y)', \
     (1.5087795620316728)*x + (-2646.4329218803937) with lines lw 3 dt 1 lc rgb '#0072b2' title 'standardized, 100 steps: y = 1.509*x1 - 2646', \
     (0.1761552217329589)*x + (1.0005875940320719) with lines lw 3 dt 1 lc rgb '#8c510a' title 'x as it is, 100 steps: y = 0.1762*x1 + 1.001', \
     (1.5087795625427205)*x + (-2646.4329224196863) with lines lw 3 dt 2 lc rgb '#000000' title 'least squares (chapter 03)'
