/*
 * frame.h — the program every chapter runs inside: flags in, one message out.
 * Introduced in chapter 01.
 *
 * A chapter's main.c is its lesson: plain loops over plain arrays. Everything
 * around the lesson is the frame's: parse the flags, answer --help, make the
 * notebook's data or load the reader's CSV, hand out memory, say what the
 * run does (unless --quiet), draw the figures into one set, and end with the
 * last line. A failure anywhere (a bad flag, a CSV the run cannot use, a
 * blow-up, a full disk) goes through run_fail(): it prints one message on
 * stderr, discards the run's figures, frees everything the run was handed,
 * and exits with 1 (2 for a bad command line). So lesson code never checks a
 * Status: when a call returns, it worked.
 *
 * This is the one module that prints and exits. The library below it returns
 * a Status and an Error instead (status.h), so that the tests and the fuzzers
 * can call it; the frame turns those into the message.
 */
#ifndef SGD_FRAME_H
#define SGD_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include "cli.h"
#include "data.h"
#include "figures.h"
#include "scale.h"
#include "shown.h"
#include "status.h"
#include "trace.h"

/* The notebook's true coefficients and its starting guess. */
static const double A_TRUE[2] = {3.0, 2.0};
static const double A_START[2] = {-1.0, 1.0};

typedef struct Allocation Allocation;

/* One run of a chapter: what the reader asked for, the data, and what the
 * frame holds on the run's behalf until it ends. */
typedef struct {
    const Chapter *chapter;
    const Options *options;
    const Dataset *data; /* the reader's CSV, the notebook's data, or n = 0 */
    /* --standardize where the frame standardizes (FRAME_STANDARDIZES):
     * data is x' = (x − x̄)/sd, y' = y − ȳ, and this says how; NULL: data
     * as it is */
    const Scaling *scaling;
    Allocation *allocations; /* what run_alloc() and run_defer() took on, newest first */
    FigureSet *figures;      /* begun by the first run_figures_dir() */
    char *last_line;         /* set by run_last_line(), printed at the end */
    Trace *trace;            /* --trace: the run's every step, written by its watcher */
} Run;

/* The lesson itself: it runs, says, draws, and sets its last line. */
typedef void (*Lesson)(Run *run);

/* Parses the flags, prepares the data, runs lesson, and ends the run: the
 * figures are checked, the last line is printed, and then the figures are
 * moved into place (see figures.h), so a run ends with its last line and its
 * figures or fails with neither. Returns the exit status. */
int chapter_main(int argc, char **argv, const Chapter *chapter, Lesson lesson);

/* count × size bytes of zeros, freed when the run ends. Never returns NULL:
 * out of memory fails the run. */
void *run_alloc(Run *run, size_t count, size_t size);

/* release(object) when the run ends, however it ends, before the blocks
 * run_alloc() handed out earlier are freed: for memory the library allocates
 * itself and a lesson cannot take from run_alloc(), such as a tape's nodes
 * (chapter 08) or a sampler's rows. release must be safe to call on an
 * object already freed (tape_free() and data_free() are), so that a lesson
 * may free it sooner. */
void run_defer(Run *run, void (*release)(void *object), void *object);

/* Ends the run with err's message and the exit status for status. */
_Noreturn void run_fail(Run *run, Status status, const Error *err);

/* run_fail() unless status is STATUS_OK: how the frame takes a library call's
 * result, `run_check(run, least_squares(..., &err), &err)`. */
void run_check(Run *run, Status status, const Error *err);

/* run_fail() with a message written printf-style. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
_Noreturn void run_failf(Run *run, Status status, const char *format, ...);

/* The folder the run's figures are drawn into, a staging folder inside
 * --out: the figures appear in --out only when the run ends well. */
const char *run_figures_dir(Run *run);

/* The --data file as a message names it: "stdin" for -, else its path,
 * or if a terminal would not show it plainly, shown() into buffer. */
const char *run_data_name(const Run *run, char buffer[SHOWN_SIZE]);

/* The last line of a run that fitted the line a, in the data's units
 * whichever units it trained in: "final: a = [A1, A2], loss = L" (format.h).
 * The loss is the same in both units. a: 2 */
void run_final_line(Run *run, const double a[2], double loss);

/* What the run prints last, printf-style: "final: a = [...], loss = ...". */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void run_last_line(Run *run, const char *format, ...);

/* printf, unless --quiet asked for the last line only. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void say(const Run *run, const char *format, ...);

/* Seconds since the run began, on a clock that only goes forward. */
double run_seconds(const Run *run);

/* How far a long loop has got, on stderr (so --quiet and the last line are
 * untouched), at most once every 10 seconds of the run (or every
 * $SGD_PROGRESS_SECONDS): "ch10: working: iteration 2000000 of 1000000000
 * after 10 s; about 1 h 23 min more for this loop at this pace". done of
 * total counted in unit ("step", "epoch", "iteration"); started: the
 * run_seconds() when the loop began. A run that ends within 10 s says
 * nothing. */
void run_progress(Run *run, const char *unit, double done, double total, double started);

/* "Wrote DIR/NAME.gp (draw it: gnuplot DIR/NAME.gp)", unless --quiet. */
void say_wrote(const Run *run, const char *figure_name);

#endif
