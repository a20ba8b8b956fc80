#define _POSIX_C_SOURCE 200809L /* fdopen, O_NOFOLLOW, O_CLOEXEC */

#include "gnuplot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"

/* ---- The file ------------------------------------------------------------ */

/* The file is made with mode 0666, which the umask cuts to what the reader
 * wants others to have, as for any file their programs make. It is written
 * in place: in a set's own folder (figures.h) nothing else can see it until
 * the set moves in whole. A link there is never followed (O_NOFOLLOW). */
Status gnuplot_open(GnuplotScript *script, const char *dir, const char *name,
                    const char *terminal, const char *image_extension, Error *err)
{
    if (snprintf(script->path, sizeof script->path, "%s/%s.gp", dir, name) >=
        (int)sizeof script->path)
        return fail(err, STATUS_IO, "%.60s...: path too long", dir);
    int fd = open(script->path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0)
        return fail(err, STATUS_IO, "cannot write %s: %s", script->path, strerror(errno));
    script->file = fdopen(fd, "w");
    if (script->file == NULL) {
        close(fd);
        unlink(script->path);
        return fail(err, STATUS_NO_MEMORY, "cannot open a stream for %s", script->path);
    }
    fprintf(script->file,
            "# %s.gp — a figure from \"SGD from scratch, in C\".\n"
            "# The data is inline, so this file alone redraws the figure:\n"
            "#     gnuplot %s.gp    (writes %s.%s beside it)\n"
            "# reset: gnuplot a.gp b.gp draws b as if it came first.\n"
            "reset\n"
            "set terminal %s\n"
            "set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : '%s') . '.%s'\n"
            "set termoption noenhanced\n",
            name, name, name, image_extension, terminal, name, image_extension);
    return STATUS_OK;
}

/* Every write must have succeeded: a figure cut short is never left behind. */
Status gnuplot_close(GnuplotScript *script, Error *err)
{
    int write_failed = ferror(script->file);
    int close_failed = fclose(script->file);
    int saved = errno;
    script->file = NULL;
    if (!write_failed && !close_failed)
        return STATUS_OK;
    unlink(script->path);
    return fail(err, STATUS_IO, "cannot write %s: %s", script->path, strerror(saved));
}

/* ---- Strings and numbers ------------------------------------------------- */

void gnuplot_quoted(FILE *file, const char *text)
{
    fputc('\'', file);
    for (const char *c = text; *c; c++) {
        if (*c == '\'')
            fputc('\'', file);
        fputc(*c, file);
    }
    fputc('\'', file);
}

void gnuplot_exact(FILE *file, double v)
{
    char text[NUMBER_TEXT];
    fputs(format_exact(v, text), file);
}

void gnuplot_labels(FILE *file, const char *title, const char *x_label, const char *y_label)
{
    fputs("set title ", file);
    gnuplot_quoted(file, title);
    fputs("\nset xlabel ", file);
    gnuplot_quoted(file, x_label);
    fputs("\nset ylabel ", file);
    gnuplot_quoted(file, y_label);
    fputs("\nset grid\n", file);
}

void gnuplot_row(FILE *file, double x, int x_digits, double y, int y_digits)
{
    fprintf(file, "%.*g %.*g\n", x_digits, x, y_digits, y);
}

/* ---- Ranges and axes ----------------------------------------------------- */

void range_include(Range *range, double v)
{
    if (isfinite(v)) {
        range->low = fmin(range->low, v);
        range->high = fmax(range->high, v);
    }
}

bool range_is_empty(Range range)
{
    return !(range.low <= range.high);
}

bool range_is_flat(Range range)
{
    return range.high - range.low <= 1e-12 * fmax(fabs(range.low), fabs(range.high));
}

int range_digits(Range range)
{
    if (range_is_empty(range) || range_is_flat(range))
        return 17; /* all alike: write them exactly */
    double magnitude = fmax(fabs(range.low), fabs(range.high));
    double digits = 6.0 + floor(log10(magnitude / (range.high - range.low)));
    return digits < 6.0 ? 6 : digits > 17.0 ? 17 : (int)digits;
}

Range range_widened(Range range, bool log_scale)
{
    if (range_is_empty(range) || !range_is_flat(range))
        return range;
    double centre = range.low;
    if (log_scale)
        return (Range){centre / 2.0, centre * 2.0};
    double pad = centre == 0.0 ? 1.0 : 0.1 * fabs(centre);
    return (Range){centre - pad, centre + pad};
}

void gnuplot_range(FILE *file, const char *axis, double low, double high)
{
    fprintf(file, "set %srange [", axis);
    gnuplot_exact(file, low);
    fputc(':', file);
    gnuplot_exact(file, high);
    fputs("]\n", file);
}

/* gnuplot's own tic labels have 6 digits: enough unless the values sit 10^4
 * times their spread away from 0, when every label would read the same. */
void gnuplot_axis(FILE *file, const char *axis, Range range, bool log_scale)
{
    int digits = range_digits(range);
    if (digits >= 10 && digits < 17) /* long labels: room for the last one */
        fprintf(file, "set format %s '%%.%dg'\nset rmargin 6\n", axis, digits);
    /* A log axis down to millionths: 1e-06, not gnuplot's 0.00000100. */
    if (log_scale && range.low > 0.0 && range.low < 1e-4)
        fprintf(file, "set format %s '%%g'\n", axis);
    if (range_is_empty(range) || !range_is_flat(range))
        return;
    Range wide = range_widened(range, log_scale);
    gnuplot_range(file, axis, wide.low, wide.high);
}
