#include "frame.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "rng.h"

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
} Frame;

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

/* The reader's CSV or the notebook's data; a chapter that takes no --n
 * (chapter 09) gets no data at all (n = 0) and makes its own, and so does
 * a classifier (chapter 11), whose files are tables it loads itself. */
static void prepare_data(Run *run, Dataset *data)
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
        if (header.line != 0)
            say(run, "%s:%zu: skipped a header line: '%s'\n", csv_name(options->data_path),
                header.line, header.text);
    } else if (run->chapter->flags & FLAG_N) {
        Rng rng = rng_seeded(options->seed);
        run_check(run, data_synthetic(data, options->n, A_TRUE, &rng, &err), &err);
    }
}

/* The end of every run, in the one order that never says more than happened:
 * (a) every figure can be moved into place; (b) the last line is printed and
 * flushed, proof that it went; (c) the figures are moved. A failure at (a)
 * or (b) discards the figures, so a run ends with its last line and its
 * figures or with neither (only a disk failing between (b) and (c) could give
 * the line and a failure). */
static Status finish(Run *run, Error *err)
{
    Status status = run->figures != NULL ? figures_check(run->figures, err) : STATUS_OK;
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
    run->data = &frame.data;
    prepare_data(run, &frame.data);
    lesson(run);
    status = end_run(run, &frame.data, finish(run, &err), &err);
    if (status != STATUS_OK)
        run_fail(run, status, &err);
    return 0;
}
