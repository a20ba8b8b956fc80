#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include "frame.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"
#include "format.h"
#include "render.h"
#include "rng.h"
#include "shown.h"

/* Every block run_alloc() handed out, newest first, so the end of a run,
 * however it ends, frees them all. A block run_defer() made holds no data:
 * it calls release(object) instead, before the blocks made earlier (which
 * may hold the object) are freed. */
struct Allocation {
    Allocation *next;
    void (*release)(void *object); /* NULL for a block of data */
    void *object;
    max_align_t data[]; /* aligned for any type the lesson stores */
};

static void free_allocations(Run *run)
{
    while (run->allocations != NULL) {
        Allocation *next = run->allocations->next;
        if (run->allocations->release != NULL)
            run->allocations->release(run->allocations->object);
        free(run->allocations);
        run->allocations = next;
    }
}

/* What the run owns goes, whichever way it ends. The figures go too, unless
 * status is STATUS_OK and they are moved into place. */
static Status end_run(Run *run, Dataset *data, Status status, Error *err)
{
    status = figures_finish(run->figures, status, err);
    run->figures = NULL;
    status = trace_finish(run->trace, status, err); /* in place with the figures, or gone */
    run->trace = NULL;
    free_allocations(run); /* the last line among them */
    run->last_line = NULL;
    data_free(data);
    return status;
}

/* The frame keeps its one Dataset here, so run_fail(), which gets only the
 * Run, can free it. */
typedef struct {
    Run run;
    Dataset data;
    Scaling scaling; /* what run->scaling points to, with --standardize */
    double began;    /* the clock when the run began, in seconds */
    double noted;    /* run_seconds() of the last progress note, or 0 */
} Frame;

static double clock_seconds(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + 1e-9 * (double)now.tv_nsec;
}

_Noreturn void run_fail(Run *run, Status status, const Error *err)
{
    /* Whatever the run printed comes first, even when stdout and stderr go
     * to the same pipe: stdout is buffered there, stderr is not. */
    fflush(stdout);
    Frame *frame = (Frame *)run; /* every Run is the first member of a Frame */
    Error kept = *err; /* figures_finish() names a staged figure as the reader would */
    end_run(run, &frame->data, status, &kept);
    exit(cli_report(run->chapter, status, &kept));
}

void run_check(Run *run, Status status, const Error *err)
{
    if (status != STATUS_OK)
        run_fail(run, status, err);
}

_Noreturn void run_failf(Run *run, Status status, const char *format, ...)
{
    Error err;
    va_list args;
    va_start(args, format);
    vsnprintf(err.message, sizeof err.message, format, args);
    va_end(args);
    run_fail(run, status, &err);
}

/* A new block of count × size bytes of zeros at the head of the run's list,
 * or NULL when there is no memory for it. */
static Allocation *new_block(Run *run, size_t count, size_t size)
{
    if (size != 0 && count > (SIZE_MAX - sizeof(Allocation)) / size)
        return NULL;
    Allocation *block = calloc(1, sizeof *block + count * size);
    if (block != NULL) {
        block->next = run->allocations;
        run->allocations = block;
    }
    return block;
}

void *run_alloc(Run *run, size_t count, size_t size)
{
    Allocation *block = new_block(run, count, size);
    if (block == NULL)
        run_failf(run, STATUS_NO_MEMORY, "out of memory: %zu items of %zu bytes", count,
                  size);
    return block->data;
}

void run_defer(Run *run, void (*release)(void *object), void *object)
{
    Allocation *block = new_block(run, 0, 1);
    if (block == NULL) {
        release(object);
        run_failf(run, STATUS_NO_MEMORY, "out of memory");
    }
    block->release = release;
    block->object = object;
}

const char *run_figures_dir(Run *run)
{
    if (run->figures == NULL) {
        Error err;
        run_check(run, figures_begin(&run->figures, run->options->out_dir, &err), &err);
    }
    return figures_dir(run->figures);
}

double run_seconds(const Run *run)
{
    return clock_seconds() - ((const Frame *)run)->began;
}

/* A duration as a reader says it: "45 s", "12 min", "1 h 23 min". text: 32 */
static const char *duration(double seconds, char text[32])
{
    double minutes = round(seconds / 60.0); /* whole minutes: never "1 h 60 min" */
    if (seconds < 90.0)
        snprintf(text, 32, "%.0f s", seconds);
    else if (minutes < 90.0)
        snprintf(text, 32, "%.0f min", minutes);
    else
        snprintf(text, 32, "%.0f h %.0f min", floor(minutes / 60.0), fmod(minutes, 60.0));
    return text;
}

/* The seconds between two progress notes: 10, or $SGD_PROGRESS_SECONDS. */
static double note_interval(void)
{
    const char *text = getenv("SGD_PROGRESS_SECONDS");
    char *end;
    double seconds = text != NULL ? strtod(text, &end) : 10.0;
    return text != NULL && end != text && seconds > 0.0 ? seconds : 10.0;
}

void run_progress(Run *run, const char *unit, double done, double total, double started)
{
    Frame *frame = (Frame *)run;
    double now = run_seconds(run);
    if (now - frame->noted < note_interval() || !(done > 0.0))
        return;
    frame->noted = now;
    char elapsed[32], left[32];
    double rest = (now - started) * (total - done) / done;
    fflush(stdout); /* the rows printed so far come first */
    fprintf(stderr, "%s: working: %s %.0f of %.0f after %s; about %s more for this loop at "
                    "this pace (Ctrl-C stops the run)\n",
            run->chapter->name, unit, done, total, duration(now, elapsed),
            duration(rest, left));
}

/* A word up front on a run whose size alone makes it long: n points times
 * --epochs passes of 1e10 or more take 10 s at least, at a billion points
 * a second, and far longer for a model larger than a line (chapter 10's
 * network takes about 50 times as long a point). */
static void say_if_huge(const Run *run)
{
    const Options *o = run->options;
    double passes = (double)run->data->n * (double)o->epochs;
    if (!(run->chapter->flags & FLAG_EPOCHS) || passes < 1e10)
        return;
    char least[32];
    fprintf(stderr, "%s: note: %zu points times %zu epochs is %.3g point-passes: %s at the "
                    "very least,\nmuch more for a model larger than a line; the run says "
                    "how it is getting on every\n10 s (Ctrl-C stops it; a smaller --n or "
                    "--epochs shows the same lesson in seconds)\n",
            run->chapter->name, run->data->n, o->epochs, passes, duration(passes / 1e9, least));
}

const char *run_data_name(const Run *run, char buffer[SHOWN_SIZE])
{
    const char *path = run->options->data_path;
    if (strcmp(path, "-") == 0)
        return "stdin";
    return shows_plainly(path) ? path : shown(path, buffer);
}

void run_final_line(Run *run, const double a[2], double loss)
{
    double in_data_units[2] = {a[0], a[1]};
    if (run->scaling != NULL)
        to_data_units(run->scaling, a, in_data_units);
    char last[LAST_LINE_SIZE];
    run_last_line(run, "%s", final_line(last, in_data_units, loss));
}

void run_last_line(Run *run, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vsnprintf(NULL, 0, format, args);
    va_end(args);
    char *line = run_alloc(run, (size_t)length + 1, 1);
    va_start(args, format);
    vsnprintf(line, (size_t)length + 1, format, args);
    va_end(args);
    run->last_line = line; /* freed with the rest of run_alloc()'s blocks */
}

void say(const Run *run, const char *format, ...)
{
    if (run->options->quiet)
        return;
    va_list args;
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
}

void say_wrote(const Run *run, const char *figure_name)
{
    const char *out = run->options->out_dir;
    say(run, "Wrote %s/%s.gp (draw it: gnuplot %s/%s.gp)\n", out, figure_name, out,
        figure_name);
}

/* With --standardize, where the chapter lets the frame do it: the data in
 * place as x' = (x − x̄)/sd, y' = y − ȳ (scale.h), a round bowl, and a word
 * on the units its numbers now come in. */
static void standardize_data(Run *run, Dataset *data, Scaling *scaling)
{
    Error err;
    run_check(run, standard_scaling(data, scaling, &err), &err);
    standardize(data->x, data->y, data->n, scaling, data->x, data->y);
    run->scaling = scaling;
    char mean[NUMBER_TEXT], sd[NUMBER_TEXT], y_mean[NUMBER_TEXT];
    say(run, "--standardize: fitting x1' = (x1 - %s) / %s and y' = y - %s, where the\n"
             "bowl is round; every a below is in those units, but the last line's is in "
             "yours.\n\n",
        format_number(scaling->x_mean, mean), format_number(scaling->x_sd, sd),
        format_number(scaling->y_mean, y_mean));
}

/* The reader's CSV or the notebook's data; a chapter that takes no --n
 * (chapter 09) gets no data at all (n = 0) and makes its own, and so does
 * a classifier (chapter 11), whose files are tables it loads itself. */
static void prepare_data(Run *run, Dataset *data, Scaling *scaling)
{
    const Options *options = run->options;
    Error err;
    if (cli_classifies(run->chapter)) {
        return;
    } else if (options->data_path != NULL) {
        CsvHeader header;
        run_check(run, csv_load(data, options->data_path, &header, &err), &err);
        /* A skipped line is said out loud: if it was meant as data, the reader
         * sees that it was not used. */
        char name[SHOWN_SIZE];
        if (header.line != 0)
            say(run, "%s:%zu: skipped a header line: '%s'\n", run_data_name(run, name),
                header.line, header.text);
    } else if (run->chapter->flags & FLAG_N) {
        Rng rng = rng_seeded(options->seed);
        run_check(run, data_synthetic(data, options->n, A_TRUE, &rng, &err), &err);
    }
    if (options->standardize && (run->chapter->flags & FRAME_STANDARDIZES))
        standardize_data(run, data, scaling);
}

/* Prints head, then the items of list ("a, b, c"), breaking the line
 * after a comma where it would pass 80 characters. */
static void say_list(const Run *run, const char *head, const char *list)
{
    say(run, "%s", head);
    size_t column = strlen(head);
    for (const char *item = list; *item != '\0';) {
        size_t length = strcspn(item, ",");
        if (item != list) {
            bool fits = column + 1 + length <= 80;
            say(run, fits ? " " : "\n  ");
            column = fits ? column + 1 : 2;
        }
        say(run, "%.*s%s", (int)length, item, item[length] == ',' ? "," : "\n");
        column += length + 1;
        item += length + (item[length] == ',' ? 1 + (item[length + 1] == ' ') : 0);
    }
}

/* The run's figures drawn into images beside their scripts (render.h), and
 * where they are. A script gnuplot could not draw is a warning, not a
 * failure: the run's numbers stand, and no old image stays beside it. */
static void draw_figures(Run *run)
{
    Rendering drawn;
    Error err;
    char out[SHOWN_SIZE], head[SHOWN_SIZE + 64];
    shown(run->options->out_dir, out);
    if (render_figures(figures_dir(run->figures), &drawn, &err) != STATUS_OK) {
        fprintf(stderr, "%s: warning: drew no images: %s\n", run->chapter->name, err.message);
        return;
    }
    if (drawn.refused[0] != '\0') {
        fflush(stdout);
        fprintf(stderr, "%s: warning: gnuplot could not draw %s/%s\n", run->chapter->name,
                out, drawn.refused);
    }
    snprintf(head, sizeof head, "gnuplot drew %s in %s/: ",
             drawn.drawn == 1 ? "the image" : "the images", out);
    if (drawn.drawn > 0)
        say_list(run, head, drawn.images);
    else if (drawn.missing)
        say(run, "No gnuplot here to draw the images: install it (make deps), or see a figure "
                 "in\nthe terminal with make show FIG=%s/NAME.gp\n", out);
}

/* The end of every run, in the one order that never says more than happened:
 * (a) every figure can be moved into place, and every row of the trace was
 * written; (b) the last line is printed and flushed, proof that it went;
 * (c) the figures and the trace are moved. A failure at (a) or (b) discards
 * them, so a run ends with its last line, its figures and its trace or with
 * none of them (only a disk failing between (b) and (c) could give
 * the line and a failure). */
static Status finish(Run *run, Error *err)
{
    Status status = run->figures != NULL ? figures_check(run->figures, err) : STATUS_OK;
    if (status == STATUS_OK)
        status = trace_check(run->trace, err);
    if (status == STATUS_OK && run->figures != NULL)
        draw_figures(run);
    if (status == STATUS_OK && run->last_line != NULL)
        fputs(run->last_line, stdout);
    /* stdout may be a full disk or a closed pipe: a lost last line is a failure. */
    if (status == STATUS_OK && (fflush(stdout) != 0 || ferror(stdout)))
        status = fail(err, STATUS_IO, "cannot write to standard output: %s",
                      strerror(errno));
    return status;
}

int chapter_main(int argc, char **argv, const Chapter *chapter, Lesson lesson)
{
    Options options;
    Frame frame = {.run = {.chapter = chapter, .options = &options}};
    Run *run = &frame.run;
    Error err = {""};
    Status status = cli_parse(argc, argv, chapter, &options, &err);
    if (status != STATUS_OK)
        return cli_report(chapter, status, &err);
    if (options.help) {
        cli_print_help(stdout, chapter);
        /* `--help > /dev/full` or a closed stdout: a help nobody got is a failure. */
        if (fflush(stdout) != 0 || ferror(stdout))
            run_failf(run, STATUS_IO, "cannot write the help to standard output: %s",
                      strerror(errno));
        return 0;
    }
    if (options.trace_path != NULL) /* a bad path fails before the run says a word */
        run_check(run, trace_begin(&run->trace, options.trace_path, &err), &err);
    run->data = &frame.data;
    frame.began = clock_seconds();
    prepare_data(run, &frame.data, &frame.scaling);
    say_if_huge(run);
    lesson(run);
    status = end_run(run, &frame.data, finish(run, &err), &err);
    if (status != STATUS_OK)
        run_fail(run, status, &err);
    return 0;
}
