/*
 * chapter.h — the frame every chapter program runs in.
 * Introduced in chapter 01.
 *
 * Each chapter's main.c holds one function, the chapter itself, that gets the
 * parsed flags and the data. chapter_main() does the rest, the same way for
 * every chapter: parse the flags, answer --help, make the notebook's data or
 * load the reader's CSV, run the chapter, free everything, and turn a failure
 * into one message on stderr and a non-zero exit code. A chapter that takes
 * no --n (chapter 09) gets the reader's CSV or, without --data, no data at
 * all (n = 0), and makes its own.
 */
#ifndef SGD_CHAPTER_H
#define SGD_CHAPTER_H

#include "cli.h"
#include "data.h"
#include "figures.h"
#include "plot.h"
#include "status.h"

/* The notebook's true coefficients and its starting guess. */
static const double A_TRUE[2] = {3.0, 2.0};
static const double A_START[2] = {-1.0, 1.0};

typedef Status (*ChapterBody)(const Options *options, const Dataset *data, Error *err);

int chapter_main(int argc, char **argv, const Chapter *chapter, ChapterBody body);

/* A number as the course prints it: four decimals, or, from a million up
 * (badly scaled data), scientific notation such as 2.4793e+18, which says its
 * size in a few characters instead of twenty digits. Both read back with %lf.
 * A number past the largest double (inf, or the nan that arithmetic on it
 * gives) is the word "overflow": the row where a run blew up says so in
 * words, and no output of the course shows inf or nan. Returns text. */
enum { NUMBER_TEXT = 32 };
const char *format_number(double v, char text[NUMBER_TEXT]);

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

/* The end of every chapter: its figures, drawn into a set (figures.h), and its
 * last line, in the one order that never says more than happened:
 *   (a) check that every figure can be moved into place (figures_check);
 *   (b) print last_line and flush standard output, checking that it went;
 *   (c) move the figures into place (figures_finish).
 * A failure at (a) or (b), or a status other than STATUS_OK, discards the
 * figures and prints no last line, so a run either ends with its last line
 * and its figures or fails with neither. (Only a disk failing between (b)
 * and (c) could give the line and a failure.) Returns the status of it all. */
Status finish_run(FigureSet *figures, Status status, const char *last_line, Error *err);

/* How often a progress table prints a row for a run of count steps or epochs:
 * every 10, like the notebook; every one of a short run (10 or fewer); about
 * ten rows of a long one. */
size_t progress_every(size_t count);

/* The first row a blow-up at step or epoch t must print so that no row is
 * hidden: the one right after the last row progress_every() printed before
 * t (1 after row 0), or 0 at the start. A chapter prints rows
 * first_unshown_row(t, every) … t, so the reader watches the loss explode. */
size_t first_unshown_row(size_t t, size_t every);

/* One row of a progress table, the step or epoch right-aligned in width
 * characters: "  10   1.3569    [1.0868, 2.3748]". a: 2 */
void say_progress_row(const Options *options, int width, size_t index, double loss,
                      const double a[2]);

/* "Wrote DIR/NAME.gp (draw it: gnuplot DIR/NAME.gp)", unless --quiet. */
void say_wrote(const Options *options, const char *figure_name);

/* printf, unless --quiet asked for the last line only. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void say(const Options *options, const char *format, ...);

#endif
