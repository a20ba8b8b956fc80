/*
 * trace.h — every step of a run at full precision, for another program to check.
 * Introduced in chapter 04 (--trace FILE).
 *
 * A progress table shows a loss to four digits every 10 steps; to compare a
 * run with another program's (PyTorch's, in `make reference`) every step is
 * needed, every digit: a CSV with a header,
 *     step,loss,a1,a2
 *     0,8.7655312338826411,-1,1
 * one row a step, each number written with %.17g, enough digits that reading
 * it back gives the same double, bit for bit. The watcher writes the rows
 * (watch.h says what a step is); the frame begins and finishes the file.
 *
 * Like a run's figures, the file appears only when the run ends well: the
 * rows go to a hidden file of the run's own beside it (.FILE.XXXXXX),
 * renamed to FILE at the end, or removed if the run fails. So FILE is never
 * half written, and a run that blows up leaves an older trace as it was.
 */
#ifndef SGD_TRACE_H
#define SGD_TRACE_H

#include <stddef.h>

#include "status.h"

typedef struct Trace Trace;

/* Begins a trace that will be path. A path that cannot be written (no such
 * folder, a folder itself) fails here, before the run does anything. */
Status trace_begin(Trace **trace, const char *path, Error *err);

/* The next row: its step is the number of rows before it, 0 for the first,
 * which also writes the header (step, loss, a1 … a<size>). a: size */
void trace_row(Trace *trace, double loss, const double *a, size_t size);

/* Whether every row so far was written: the frame asks before it prints the
 * last line, so that a run never reports success with its trace lost. */
Status trace_check(Trace *trace, Error *err);

/* status STATUS_OK: the file becomes path; otherwise it is removed. Frees
 * the trace (NULL: nothing to do) and returns status, or why the file could
 * not be put in place. */
Status trace_finish(Trace *trace, Status status, Error *err);

#endif
