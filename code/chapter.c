#include "chapter.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "rng.h"

static Status prepare_data(const Chapter *chapter, const Options *options, Dataset *data,
                           Error *err)
{
    if (options->data_path != NULL) {
        CsvHeader header;
        Status status = csv_load(data, options->data_path, &header, err);
        /* A skipped line is said out loud: if it was meant as data, the reader
         * sees that it was not used. */
        if (status == STATUS_OK && header.line != 0)
            say(options, "%s:%zu: skipped a header line: '%s'\n",
                csv_name(options->data_path), header.line, header.text);
        return status;
    }
    if (!(chapter->flags & FLAG_N))
        return STATUS_OK; /* no --n: the chapter makes data of its own (chapter 09) */
    Rng rng = rng_seeded(options->seed);
    return data_synthetic(data, options->n, A_TRUE, &rng, err);
}

int chapter_main(int argc, char **argv, const Chapter *chapter, ChapterBody body)
{
    Options options;
    Error err = {""};
    Status status = cli_parse(argc, argv, chapter, &options, &err);
    if (status == STATUS_OK && options.help) {
        cli_print_help(stdout, chapter);
        /* `--help > /dev/full` or a closed stdout: a help nobody got is a failure. */
        if (fflush(stdout) == 0 && !ferror(stdout))
            return 0;
        status = fail(&err, STATUS_IO, "cannot write the help to standard output: %s",
                      strerror(errno));
        return cli_report(chapter, status, &err);
    }
    Dataset data = {0};
    if (status == STATUS_OK)
        status = prepare_data(chapter, &options, &data, &err);
    if (status == STATUS_OK)
        status = body(&options, &data, &err);
    data_free(&data);
    /* stdout may be a full disk or a closed pipe: a lost final line is a failure. */
    if (status == STATUS_OK && (fflush(stdout) != 0 || ferror(stdout)))
        status = fail(&err, STATUS_IO, "cannot write to standard output: %s",
                      strerror(errno));
    if (status == STATUS_OK)
        return 0;
    /* Whatever the run printed comes first, even when stdout and stderr go
     * to the same pipe: stdout is buffered there, stderr is not. */
    fflush(stdout);
    return cli_report(chapter, status, &err);
}

Status finish_run(FigureSet *figures, Status status, const char *last_line, Error *err)
{
    if (status == STATUS_OK) /* (a) no figure would land on a folder */
        status = figures_check(figures, err);
    if (status == STATUS_OK) { /* (b) the last line, and proof that it was written */
        fputs(last_line, stdout);
        if (fflush(stdout) != 0 || ferror(stdout))
            status = fail(err, STATUS_IO, "cannot write to standard output: %s",
                          strerror(errno));
    }
    return figures_finish(figures, status, err); /* (c) all the figures, or none */
}

void say_progress_row(const Options *options, int width, size_t index, double loss,
                      const double a[2])
{
    char l[NUMBER_TEXT], a1[NUMBER_TEXT], a2[NUMBER_TEXT];
    say(options, "%*zu   %-9s [%s, %s]\n", width, index, format_number(loss, l),
        format_number(a[0], a1), format_number(a[1], a2));
}

size_t first_unshown_row(size_t t, size_t every)
{
    return t == 0 ? 0 : t - (t - 1) % every;
}

void say_wrote(const Options *options, const char *figure_name)
{
    say(options, "Wrote %s/%s.gp (draw it: gnuplot %s/%s.gp)\n", options->out_dir,
        figure_name, options->out_dir, figure_name);
}

void say(const Options *options, const char *format, ...)
{
    if (options->quiet)
        return;
    va_list args;
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
}
