/*
 * format.h — how the course prints a number, and its machine-readable last lines.
 * Introduced in chapter 01.
 */
#ifndef SGD_FORMAT_H
#define SGD_FORMAT_H

#include <stddef.h>

/* A number as the course prints it: four decimals, or, from a million up
 * (badly scaled data), scientific notation such as 2.4793e+18, which says its
 * size in a few characters instead of twenty digits. Both read back with %lf.
 * A number past the largest double (inf, or the nan that arithmetic on it
 * gives) is the word "overflow": the row where a run blew up says so in
 * words, and no output of the course shows inf or nan. Returns text. */
enum { NUMBER_TEXT = 32 };
const char *format_number(double v, char text[NUMBER_TEXT]);

/* The same with decimals digits after the point (or in the mantissa, from
 * a million up): format_number() is format_decimals(v, 4). A value that
 * rounds to zero prints without a sign, 0.0000, never -0.0000. */
const char *format_decimals(double v, int decimals, char text[NUMBER_TEXT]);

/* v with the fewest significant digits (6 to 17) that read back as exactly
 * v: a learning rate of 1.0000001 is not "1", which would read as the
 * stable bound it is past; a label of 2.0000000001 is not "2"; a figure
 * draws it where rounding would not move it. Returns text. */
const char *format_exact(double v, char text[NUMBER_TEXT]);

/* Room for a program's last line. */
enum { LAST_LINE_SIZE = 512 };

/* The last line of a training chapter, in the one format the tests and your
 * scripts can read: "final: a = [A1, A2], loss = L\n", each number as
 * format_number() writes it, into text. Returns text. a: 2 */
const char *final_line(char text[LAST_LINE_SIZE], const double a[2], double loss);

/* The last line of a chapter that trains a neural network (chapter 10),
 * whose parameters are too many for one line: its size instead,
 * "final: hidden = H, loss = L\n", the loss as format_number() writes it. */
const char *network_final_line(char text[LAST_LINE_SIZE], size_t hidden, double loss);

/* The last line of a chapter that trains a classifier (chapter 11), in the
 * lecture's metric: "final: error_rate = E, loss = L\n", E the fraction of
 * held-out examples it gets wrong and L its loss on them, each as
 * format_number() writes it, into text. Returns text. */
const char *classifier_final_line(char text[LAST_LINE_SIZE], double error_rate, double loss);

#endif
