#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen, fchmod, sigprocmask */

#include "plot.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* A script being written: to temp_path first, renamed to final_path at the end. */
typedef struct {
    FILE *file;
    char final_path[PATH_MAX];
    char temp_path[PATH_MAX];
    sigset_t saved_mask; /* the signal mask to restore once the script is done */
} Script;

/* Ctrl-C (SIGINT), kill (SIGTERM), a closed terminal (SIGHUP) and Ctrl-\
 * (SIGQUIT) stop a program wherever it is; between mkstemp() and rename() that
 * would leave a stray temporary file behind. Writing a script takes a few
 * milliseconds, so script_open() blocks these signals and script_close()
 * restores the mask only after the rename (or the unlink): a signal sent
 * meanwhile waits, then stops the program as usual, with the figure either
 * wholly replaced or untouched. A handler that deleted the temporary file
 * would need its path in a global variable; blocking needs no global state.
 * (sigprocmask is for single-threaded programs, which the chapters are.
 * SIGKILL cannot be blocked, so it can still leave a hidden .NAME.gp.XXXXXX.) */
static void block_stop_signals(sigset_t *saved_mask)
{
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGHUP);
    sigaddset(&stop_signals, SIGQUIT);
    sigprocmask(SIG_BLOCK, &stop_signals, saved_mask);
}

static void restore_signals(const sigset_t *saved_mask)
{
    sigprocmask(SIG_SETMASK, saved_mask, NULL);
}

Status make_directory(const char *dir, Error *err)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return fail(err, STATUS_IO, "%.60s...: folder name too long", dir);
    /* Create each prefix ending at a '/', then the whole path; a prefix that
     * already exists is fine, anything else is not. */
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        struct stat info;
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            return fail(err, STATUS_IO, "cannot create folder %s: %s", path,
                        strerror(errno));
        if (stat(path, &info) != 0 || !S_ISDIR(info.st_mode))
            return fail(err, STATUS_IO, "cannot use folder %s: %s is not a folder",
                        dir, path);
        *p = saved;
        if (saved == '\0')
            return STATUS_OK;
    }
}

/* Writes a gnuplot string literal: single quotes, with ' doubled. */
static void write_quoted(FILE *file, const char *text)
{
    fputc('\'', file);
    for (const char *c = text; *c; c++) {
        if (*c == '\'')
            fputc('\'', file);
        fputc(*c, file);
    }
    fputc('\'', file);
}

static Status script_open(Script *script, const char *dir, const char *name,
                          const char *terminal, const char *image_extension,
                          Error *err)
{
    Status status = make_directory(dir, err);
    if (status != STATUS_OK)
        return status;
    if (snprintf(script->final_path, PATH_MAX, "%s/%s.gp", dir, name) >= PATH_MAX ||
        snprintf(script->temp_path, PATH_MAX, "%s/.%s.gp.XXXXXX", dir, name) >= PATH_MAX)
        return fail(err, STATUS_IO, "%.60s...: path too long", dir);
    block_stop_signals(&script->saved_mask);
    int fd = mkstemp(script->temp_path);
    if (fd < 0) {
        int saved = errno;
        restore_signals(&script->saved_mask);
        return fail(err, STATUS_IO, "cannot write in folder %s: %s", dir, strerror(saved));
    }
    fchmod(fd, 0644); /* mkstemp makes it private; a figure is for everyone */
    script->file = fdopen(fd, "w");
    if (script->file == NULL) {
        close(fd);
        unlink(script->temp_path);
        restore_signals(&script->saved_mask);
        return fail(err, STATUS_NO_MEMORY, "cannot open a stream for %s", script->final_path);
    }
    fprintf(script->file,
            "# %s.gp — a figure from \"SGD from scratch, in C\".\n"
            "# The data is inline, so this file alone redraws the figure:\n"
            "#     gnuplot %s.gp    (writes %s.%s beside it)\n"
            "set terminal %s\n"
            "set output (ARG0 ne '' ? ARG0[:strlen(ARG0) - 3] : '%s') . '.%s'\n"
            "set termoption noenhanced\n",
            name, name, name, image_extension, terminal, name, image_extension);
    return STATUS_OK;
}

/* Finishes the script: every write must have succeeded before it replaces the
 * old figure; otherwise the old figure stays and the temporary file goes. */
static Status script_close(Script *script, Error *err)
{
    int write_failed = ferror(script->file);
    int close_failed = fclose(script->file);
    int saved = errno;
    script->file = NULL;
    Status status = STATUS_OK;
    if (write_failed || close_failed) {
        unlink(script->temp_path);
        status = fail(err, STATUS_IO, "cannot write %s: %s", script->final_path,
                      strerror(saved));
    } else if (rename(script->temp_path, script->final_path) != 0) {
        saved = errno;
        unlink(script->temp_path);
        status = fail(err, STATUS_IO, "cannot write %s: %s", script->final_path,
                      strerror(saved));
    }
    restore_signals(&script->saved_mask);
    return status;
}

Status plot_script(const char *dir, const char *name, ScriptBody write_body,
                   const void *context, Error *err)
{
    Script script;
    Status status = script_open(&script, dir, name, "pngcairo size 800,640 font 'Sans,12'",
                                "png", err);
    if (status != STATUS_OK)
        return status;
    write_body(script.file, context);
    return script_close(&script, err);
}

static void write_labels(FILE *file, const char *title, const char *x_label,
                         const char *y_label)
{
    fputs("set title ", file);
    write_quoted(file, title);
    fputs("\nset xlabel ", file);
    write_quoted(file, x_label);
    fputs("\nset ylabel ", file);
    write_quoted(file, y_label);
    fputs("\nset grid\n", file);
}

/* $points: a fixed, evenly spread sample of at most PLOT_MAX_POINTS rows. */
static void write_points_block(FILE *file, const Dataset *data)
{
    size_t rows[PLOT_MAX_POINTS];
    size_t count = data_plot_sample(data, PLOT_MAX_POINTS, rows);
    fprintf(file, "$points << EOD\n# x1 y (%zu of the %zu points)\n", count, data->n);
    for (size_t k = 0; k < count; k++)
        fprintf(file, "%.6g %.6g\n", data->x[2 * rows[k]], data->y[rows[k]]);
    fputs("EOD\n", file);
}

static const char POINTS_STYLE[] = "with points pt 7 ps 0.7 lc rgb '#7f7f7f'";

/* True when y tends to grow with x1 (their covariance is positive). */
static bool data_rises(const Dataset *data)
{
    double mean_x = 0.0, mean_y = 0.0, covariance = 0.0;
    for (size_t i = 0; i < data->n; i++) {
        mean_x += data->x[2 * i] / (double)data->n;
        mean_y += data->y[i] / (double)data->n;
    }
    for (size_t i = 0; i < data->n; i++)
        covariance += (data->x[2 * i] - mean_x) * (data->y[i] - mean_y);
    return covariance >= 0.0;
}

/* Opens a script for a scatter of the data in x1 and y, with its title, axes,
 * key and $points datablock written: what every picture of the data shares.
 * The key goes in the top corner the data leaves empty. */
static Status start_scatter(Script *script, const char *dir, const char *name,
                            const char *terminal, const char *image_extension,
                            const char *title, const Dataset *data, Error *err)
{
    Status status = script_open(script, dir, name, terminal, image_extension, err);
    if (status != STATUS_OK)
        return status;
    write_labels(script->file, title, "x1", "y");
    fprintf(script->file, "set key top %s box opaque Left reverse\n",
            data_rises(data) ? "left" : "right");
    write_points_block(script->file, data);
    return STATUS_OK;
}

Status plot_fit(const char *dir, const char *name, const char *title,
                const Dataset *data, const Line *lines, size_t line_count, Error *err)
{
    Script script;
    Status status = start_scatter(&script, dir, name, "pngcairo size 800,500 font 'Sans,12'",
                                  "png", title, data, err);
    if (status != STATUS_OK)
        return status;
    FILE *file = script.file;
    fprintf(file, "plot $points %s title 'data (x1, y)'", POINTS_STYLE);
    for (size_t k = 0; k < line_count; k++) {
        fprintf(file, ", \\\n     (%.6g)*x + (%.6g) with lines lw 3 title ",
                lines[k].a[0], lines[k].a[1]);
        write_quoted(file, lines[k].label);
    }
    fputc('\n', file);
    return script_close(&script, err);
}

static void write_curve_block(FILE *file, size_t index, const Curve *curve)
{
    /* Every k-th point and always the last, so the curve keeps its ends. */
    size_t stride = (curve->count + PLOT_MAX_CURVE_POINTS - 1) / PLOT_MAX_CURVE_POINTS;
    if (stride == 0)
        stride = 1;
    fprintf(file, "$curve%zu << EOD\n", index);
    for (size_t i = 0; i < curve->count; i += stride)
        fprintf(file, "%.6g %.6g\n", curve->x[i], curve->y[i]);
    if (curve->count > 0 && (curve->count - 1) % stride != 0)
        fprintf(file, "%.6g %.6g\n", curve->x[curve->count - 1],
                curve->y[curve->count - 1]);
    fputs("EOD\n", file);
}

Status plot_curves(const char *dir, const char *name, const Axes *axes,
                   const Curve *curves, size_t curve_count, Error *err)
{
    Script script;
    Status status = script_open(&script, dir, name,
                                "pngcairo size 800,500 font 'Sans,12'", "png", err);
    if (status != STATUS_OK)
        return status;
    FILE *file = script.file;
    write_labels(file, axes->title, axes->x_label, axes->y_label);
    fputs("set key top right box opaque Left reverse\n", file);
    if (axes->log_x)
        fputs("set logscale x\n", file);
    if (axes->log_y)
        fputs("set logscale y\n", file);
    if (axes->y_from_zero)
        fputs("set yrange [0:*]\n", file);
    for (size_t k = 0; k < curve_count; k++)
        write_curve_block(file, k, &curves[k]);
    for (size_t k = 0; k < curve_count; k++) {
        fprintf(file, "%s$curve%zu with %s title ", k == 0 ? "plot " : ", \\\n     ", k,
                curves[k].style);
        write_quoted(file, curves[k].label);
    }
    fputc('\n', file);
    return script_close(&script, err);
}

/* A fixed y range for every frame, so the axes stay still while the line moves. */
static void write_fixed_ranges(FILE *file, const Dataset *data)
{
    double x_min = data->x[0], x_max = data->x[0], y_min = data->y[0], y_max = data->y[0];
    for (size_t i = 1; i < data->n; i++) {
        double x1 = data->x[2 * i], y = data->y[i];
        x_min = x1 < x_min ? x1 : x_min;
        x_max = x1 > x_max ? x1 : x_max;
        y_min = y < y_min ? y : y_min;
        y_max = y > y_max ? y : y_max;
    }
    double x_pad = 0.05 * (x_max - x_min), y_pad = 0.25 * (y_max - y_min);
    fprintf(file, "set xrange [%.6g:%.6g]\nset yrange [%.6g:%.6g]\n", x_min - x_pad,
            x_max + x_pad, y_min - y_pad, y_max + y_pad);
}

static void write_array(FILE *file, const char *array_name, const double *values,
                        size_t count)
{
    fprintf(file, "array %s[%zu] = [", array_name, count);
    for (size_t k = 0; k < count; k++)
        fprintf(file, "%s%.6g", k == 0 ? "" : ", ", values[k]);
    fputs("]\n", file);
}

Status plot_animation(const char *dir, const char *name, const char *title,
                      const Dataset *data, const double *path, size_t steps,
                      Error *err)
{
    Script script;
    Status status = start_scatter(&script, dir, name,
                                  "gif animate delay 8 loop 0 size 640,400 font 'Sans,11'",
                                  "gif", title, data, err);
    if (status != STATUS_OK)
        return status;
    FILE *file = script.file;
    /* The GIF terminal draws its own fonts and sizes a key box too tightly. */
    fputs("set key nobox noopaque\n", file);
    write_fixed_ranges(file, data);

    size_t frames = steps + 1 < PLOT_MAX_FRAMES ? steps + 1 : PLOT_MAX_FRAMES;
    double step_of[PLOT_MAX_FRAMES], a1[PLOT_MAX_FRAMES], a2[PLOT_MAX_FRAMES];
    for (size_t f = 0; f < frames; f++) {
        /* Frame f shows step f*steps/(frames-1): the first and the last included. */
        size_t step = frames == 1 ? 0 : (size_t)((double)f * (double)steps / (double)(frames - 1));
        step_of[f] = (double)step;
        a1[f] = path[2 * step];
        a2[f] = path[2 * step + 1];
    }
    write_array(file, "STEP", step_of, frames);
    write_array(file, "A1", a1, frames);
    write_array(file, "A2", a2, frames);
    fprintf(file,
            "frame(k) = sprintf('step %%d: y = %%.2f*x1 + %%.2f', STEP[k], A1[k], A2[k])\n"
            "# The last frame is drawn 15 more times: a pause before the loop restarts.\n"
            "do for [f = 1:%zu] {\n"
            "    k = (f <= %zu ? f : %zu)\n"
            "    plot $points with points pt 7 ps 1.2 lc rgb '#7f7f7f' title 'data (x1, y)', \\\n"
            "         A1[k]*x + A2[k] with lines lw 3 lc rgb '#56b4e9' title frame(k)\n"
            "}\n",
            frames + 15, frames, frames);
    return script_close(&script, err);
}
