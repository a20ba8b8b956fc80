#include "plot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gnuplot.h"

/* ---- What each colour means ------------------------------------------- */

/* How a role is drawn: its colour and its gnuplot dash type (1 solid, 2 dashed). */
typedef struct {
    const char *colour;
    int dash;
} Style;

/* The one table of colours, from the Okabe–Ito palette, whose colours stay
 * apart for readers with the common kinds of colour blindness. A role left
 * out has no colour, and the tests fail. */
static const Style STYLES[ROLE_COUNT] = {
    [ROLE_DATA] = {"#7f7f7f", 1},          /* grey: the points, behind everything */
    [ROLE_TRUE_LINE] = {"#009e73", 1},     /* bluish green */
    [ROLE_START] = {"#d55e00", 1},         /* vermillion, a red-orange */
    [ROLE_LEAST_SQUARES] = {"#000000", 2}, /* black, dashed: the answer to aim at */
    [ROLE_LOSS] = {"#5e3c99", 1},          /* dark purple */
    [ROLE_FULL_BATCH] = {"#0072b2", 1},    /* blue */
    [ROLE_BATCH_1] = {"#cc79a7", 1},       /* reddish purple */
    [ROLE_BATCH_10] = {"#e69f00", 1},      /* amber (Okabe–Ito's orange) */
    [ROLE_OTHER_BATCH] = {"#56b4e9", 1},   /* sky blue */
    [ROLE_MISTAKE] = {"#a50026", 4},       /* dark red, dash-dot: something went wrong */
    [ROLE_CRAWL] = {"#8c510a", 1},         /* brown: slow */
    [ROLE_BORDERLINE] = {"#ee7733", 1},    /* orange (Paul Tol's), far from descent's blue */
    [ROLE_PREDICTED] = {"#000000", 1},     /* black, solid: the algebra */
    [ROLE_BOUND] = {"#7f7f7f", 2},         /* grey, dashed: a limit, not data */
    [ROLE_MOMENTUM] = {"#117733", 1},      /* dark green (Paul Tol's), far from descent's blue */
    [ROLE_DECAYING] = {"#999933", 1},      /* olive */
    [ROLE_AVERAGED] = {"#332288", 1},      /* indigo (Paul Tol's) */
    [ROLE_CONTOURS] = {"#b0b0b0", 1},      /* light grey: the ground, behind the paths */
    [ROLE_EIGENVECTORS] = {"#606060", 2},  /* dark grey, dashed */
    [ROLE_PASS_TEXTBOOK] = {"#d62728", 1}, /* red */
    [ROLE_PASS_FUSED] = {"#1f77b4", 1},    /* mid blue */
    [ROLE_PASS_LANES] = {"#ff7f0e", 1},    /* light orange */
    [ROLE_PASS_NO_COLUMN] = {"#2ca02c", 1}, /* green */
    [ROLE_PASS_THREADS] = {"#9467bd", 1},  /* lavender */
    /* Chapter 09, from Paul Tol's colour schemes, also safe for colour blindness. */
    [ROLE_TRAINING] = {"#004488", 1},      /* dark blue */
    [ROLE_VALIDATION] = {"#cc6677", 1},    /* rose */
    [ROLE_UNDERFIT] = {"#ddaa33", 1},      /* gold */
    [ROLE_GOOD_FIT] = {"#aa4499", 1},      /* purple */
    [ROLE_EARLY_STOP] = {"#33bbee", 2},    /* cyan, dashed */
    [ROLE_OVERFIT] = {"#882255", 1},       /* wine */
    [ROLE_NETWORK] = {"#ee3377", 1},       /* magenta */
    [ROLE_HIDDEN_UNIT] = {"#f4a6c4", 1},   /* pale magenta: a part of the network */
    [ROLE_LINEAR_TRAINING] = {"#004488", 2}, /* chapter 09's sets, dashed */
    [ROLE_LINEAR_HELD_OUT] = {"#cc6677", 2},
    [ROLE_INK] = {"#252525", 1},           /* near-black: ink on white paper */
    [ROLE_WEIGHT_NEGATIVE] = {"#2166ac", 1}, /* blue and orange (ColorBrewer), */
    [ROLE_WEIGHT_POSITIVE] = {"#b35806", 1}, /* apart from the mistakes' red */
};

/* How a role's points are drawn, as a gnuplot point type: a filled circle
 * (7) unless this table says otherwise. The validation points are open
 * circles, so that the training points stand out among them. */
static const int POINT_TYPES[ROLE_COUNT] = {[ROLE_VALIDATION] = 6};

Role batch_role(size_t batch, size_t n)
{
    return batch >= n ? ROLE_FULL_BATCH
           : batch == 1 ? ROLE_BATCH_1
           : batch == 10 ? ROLE_BATCH_10
                         : ROLE_OTHER_BATCH;
}

int role_dash(Role role)
{
    return STYLES[role].dash;
}

const char *role_colour(Role role)
{
    return STYLES[role].colour;
}

/* " lw WIDTH dt DASH lc rgb 'COLOUR'": the role's look, for a line. */
static void write_line_style(FILE *file, Role role, int width)
{
    fprintf(file, " lw %d dt %d lc rgb '%s'", width, STYLES[role].dash, STYLES[role].colour);
}

/* ---- What every figure shares ----------------------------------------- */

/* The size of a coefficient as a legend shows it: whole numbers as they are,
 * others to two decimals, and very small or very large ones to three
 * significant digits, so that none reads as 0.00. text: 32 bytes */
static void format_size(char *text, double v)
{
    double size = fabs(v);
    if (size == floor(size) && size < 1e15)
        snprintf(text, 32, "%.0f", size);
    else if (size >= 0.01 && size < 1e9)
        snprintf(text, 32, "%.2f", size);
    else
        snprintf(text, 32, "%.3g", size);
}

void line_equation(char *text, size_t size, const double a[2])
{
    char slope[32], intercept[32];
    format_size(slope, a[0]);
    format_size(intercept, a[1]);
    bool unit_slope = strcmp(slope, "1") == 0; /* y = x1 + 2, not 1*x1 */
    snprintf(text, size, "y = %s%s%sx1 %c %s", a[0] < 0 ? "-" : "", unit_slope ? "" : slope,
             unit_slope ? "" : "*", a[1] < 0 ? '-' : '+', intercept);
}

Status plot_script(const char *dir, const char *name, ScriptBody write_body,
                   const void *context, Error *err)
{
    GnuplotScript script;
    Status status = gnuplot_open(&script, dir, name, "pngcairo size 800,640 font 'Sans,12'",
                                "png", err);
    if (status != STATUS_OK)
        return status;
    write_body(script.file, context);
    return gnuplot_close(&script, err);
}

/* The key goes under the plot, where it can hide no line and no point. */
static void write_key(FILE *file)
{
    fputs("set key below left Left reverse maxcols 1\n", file);
}

/* What a scatter of the data shows: the sampled rows and their extent. */
typedef struct {
    size_t rows[PLOT_MAX_POINTS];
    size_t count;
    Range x, y;
} Sample;

static void take_sample(const Dataset *data, Sample *sample)
{
    sample->count = data_plot_sample(data, PLOT_MAX_POINTS, sample->rows);
    sample->x = sample->y = EMPTY_RANGE;
    for (size_t k = 0; k < sample->count; k++) {
        range_include(&sample->x, data->x[2 * sample->rows[k]]);
        range_include(&sample->y, data->y[sample->rows[k]]);
    }
}

/* $points: a fixed, evenly spread sample of at most PLOT_MAX_POINTS rows. */
static void write_points_block(FILE *file, const Dataset *data, const Sample *sample)
{
    int x_digits = range_digits(sample->x), y_digits = range_digits(sample->y);
    fprintf(file, "$points << EOD\n# x1 y (%zu of the %zu points)\n", sample->count,
            data->n);
    for (size_t k = 0; k < sample->count; k++)
        gnuplot_row(file, data->x[2 * sample->rows[k]], x_digits, data->y[sample->rows[k]],
                  y_digits);
    fputs("EOD\n", file);
}

static void write_points_plot(FILE *file, double size)
{
    fprintf(file, "plot $points with points pt 7 ps %.1f lc rgb '%s' title 'data (x1, y)'",
            size, STYLES[ROLE_DATA].colour);
}

/* Opens a script for a scatter of the data in x1 and y, with its title, axes,
 * key and $points datablock written: what every picture of the data shares. */
static Status start_scatter(GnuplotScript *script, const char *dir, const char *name,
                            const char *terminal, const char *image_extension,
                            const char *title, const Dataset *data, const Sample *sample,
                            Error *err)
{
    Status status = gnuplot_open(script, dir, name, terminal, image_extension, err);
    if (status != STATUS_OK)
        return status;
    gnuplot_labels(script->file, title, "x1", "y");
    write_key(script->file);
    write_points_block(script->file, data, sample);
    return STATUS_OK;
}

/* ---- The three kinds of figure ---------------------------------------- */

/* The y extent of the points and of the lines across the x range: what
 * gnuplot's autoscale will span. lines: line_count */
static Range y_extent(const Sample *sample, Range x, const Line *lines, size_t line_count)
{
    Range y = sample->y;
    for (size_t k = 0; k < line_count; k++) {
        range_include(&y, lines[k].a[0] * x.low + lines[k].a[1]);
        range_include(&y, lines[k].a[0] * x.high + lines[k].a[1]);
    }
    return y;
}

/* "(a1)*x + (a2) with lines … title 'label'": a straight line, width wide. */
static void write_line(FILE *file, const Line *line, int width)
{
    fputc('(', file);
    gnuplot_exact(file, line->a[0]);
    fputs(")*x + (", file);
    gnuplot_exact(file, line->a[1]);
    fputs(") with lines", file);
    write_line_style(file, line->role, width);
    fputs(" title ", file);
    gnuplot_quoted(file, line->label);
}

/* On a log axis only values above 0 have a place. */
static bool fits_axis(double v, bool log_scale)
{
    return isfinite(v) && (!log_scale || v > 0.0);
}

/* A curve is drawn through every k-th point and always the last, so that it
 * keeps its ends and at most PLOT_MAX_CURVE_POINTS: this is k. */
static size_t curve_stride(const Curve *curve)
{
    size_t stride = (curve->count + PLOT_MAX_CURVE_POINTS - 1) / PLOT_MAX_CURVE_POINTS;
    return stride == 0 ? 1 : stride;
}

static void include_curves(const Axes *axes, const Curve *curves, size_t curve_count,
                           Range *x, Range *y)
{
    *x = *y = EMPTY_RANGE;
    for (size_t k = 0; k < curve_count; k++)
        for (size_t i = 0; i < curves[k].count; i++)
            if (fits_axis(curves[k].x[i], axes->log_x) && fits_axis(curves[k].y[i], axes->log_y)) {
                range_include(x, curves[k].x[i]);
                range_include(y, curves[k].y[i]);
            }
    if (axes->y_from_zero)
        range_include(y, 0.0);
}

/* The rows of curve: every k-th point and always the last (see curve_stride). */
static void write_curve_rows(FILE *file, const Curve *curve, int x_digits, int y_digits)
{
    size_t stride = curve_stride(curve);
    for (size_t i = 0; i < curve->count; i += stride)
        gnuplot_row(file, curve->x[i], x_digits, curve->y[i], y_digits);
    if (curve->count > 0 && (curve->count - 1) % stride != 0)
        gnuplot_row(file, curve->x[curve->count - 1], x_digits, curve->y[curve->count - 1],
                  y_digits);
}

static void write_curve_block(FILE *file, size_t index, const Curve *curve, int x_digits,
                              int y_digits)
{
    fprintf(file, "$curve%zu << EOD\n", index);
    write_curve_rows(file, curve, x_digits, y_digits);
    fputs("EOD\n", file);
}

/* The y axis: from 0, or on a log scale from just below the lowest value
 * (the floor a loss curve levels off at), never from a decade lower. */
static void write_y_axis(FILE *file, const Axes *axes, Range y)
{
    if (axes->y_low < axes->y_high) { /* a band of the caller's */
        gnuplot_axis(file, "y", (Range){axes->y_low, axes->y_high}, axes->log_y);
        gnuplot_range(file, "y", axes->y_low, axes->y_high);
        return;
    }
    gnuplot_axis(file, "y", y, axes->log_y);
    if (range_is_empty(y) || range_is_flat(y))
        return;
    if (axes->log_y) {
        fputs("set yrange [", file);
        gnuplot_exact(file, y.low / 1.25);
        fputs(":*]\n", file);
    } else if (axes->y_from_zero) {
        fputs("set yrange [0:*]\n", file);
    }
}

/* "plot $curveK with …" (", $curveK …" after the first) or, for a curve
 * with nothing to draw, a key entry; a line width wide. */
static void write_curve_plot(FILE *file, size_t index, const Curve *curve, int width,
                             bool first)
{
    fputs(first ? "plot " : ", \\\n     ", file);
    if (curve->count == 0)
        fputs("keyentry", file);
    else
        fprintf(file, "$curve%zu", index);
    if (curve->points)
        fprintf(file, " with points pt %d ps 1.8 lc rgb '%s'",
                POINT_TYPES[curve->role] > 0 ? POINT_TYPES[curve->role] : 7,
                STYLES[curve->role].colour);
    else {
        fputs(" with lines", file);
        write_line_style(file, curve->role, width);
    }
    fputs(" title ", file);
    gnuplot_quoted(file, curve->label);
}

/* The x and y extent of curves: count each. */
static void include_curve_points(const Curve *curves, size_t count, Range *x, Range *y)
{
    for (size_t k = 0; k < count; k++)
        for (size_t i = 0; i < curves[k].count; i++) {
            range_include(x, curves[k].x[i]);
            range_include(y, curves[k].y[i]);
        }
}

Status plot_fit(const char *dir, const char *name, const char *title,
                const Dataset *data, const Line *lines, size_t line_count, Error *err)
{
    Overlay overlay = {.lines = lines, .line_count = line_count};
    return plot_fit_overlay(dir, name, title, data, &overlay, err);
}

Status plot_fit_overlay(const char *dir, const char *name, const char *title,
                        const Dataset *data, const Overlay *overlay, Error *err)
{
    Sample sample;
    take_sample(data, &sample);
    GnuplotScript script;
    Status status = start_scatter(&script, dir, name, "pngcairo size 800,560 font 'Sans,12'",
                                  "png", title, data, &sample, err);
    if (status != STATUS_OK)
        return status;
    FILE *file = script.file;
    /* The faint curves are $curve0 …, the others follow them. */
    size_t faint_count = overlay->faint_count, curve_count = overlay->curve_count;
    Range x = sample.x, curve_y = EMPTY_RANGE;
    include_curve_points(overlay->faint, faint_count, &x, &curve_y);
    include_curve_points(overlay->curves, curve_count, &x, &curve_y);
    Range y = y_extent(&sample, range_widened(x, false), overlay->lines, overlay->line_count);
    range_include(&y, curve_y.low);
    range_include(&y, curve_y.high);
    gnuplot_axis(file, "x", x, false);
    gnuplot_axis(file, "y", y, false);
    for (size_t k = 0; k < faint_count + curve_count; k++) {
        const Curve *curve = k < faint_count ? &overlay->faint[k]
                                             : &overlay->curves[k - faint_count];
        if (curve->count > 0)
            write_curve_block(file, k, curve, range_digits(x), range_digits(y));
    }
    write_points_plot(file, 0.7);
    for (size_t k = 0; k < faint_count; k++)
        write_curve_plot(file, k, &overlay->faint[k], 1, false);
    for (size_t k = 0; k < overlay->line_count; k++) {
        fputs(", \\\n     ", file);
        write_line(file, &overlay->lines[k], 3);
    }
    for (size_t k = 0; k < curve_count; k++)
        write_curve_plot(file, faint_count + k, &overlay->curves[k], 3, false);
    fputc('\n', file);
    return gnuplot_close(&script, err);
}

/* True if a point of the curves lies above 0 in x (y_axis false) or in y. */
static bool any_above_zero(const Curve *curves, size_t curve_count, bool y_axis)
{
    for (size_t k = 0; k < curve_count; k++)
        for (size_t i = 0; i < curves[k].count; i++)
            if ((y_axis ? curves[k].y[i] : curves[k].x[i]) > 0.0)
                return true;
    return false;
}

/* Log scales where they can show something. A loss that is exactly 0 at
 * every step (the data on the starting line) has no place on a log axis:
 * that axis turns linear, and the figure says why. */
static Axes settle_scales(FILE *file, const Axes *axes, const Curve *curves,
                          size_t curve_count)
{
    Axes settled = *axes;
    settled.log_x = axes->log_x && any_above_zero(curves, curve_count, false);
    settled.log_y = axes->log_y && any_above_zero(curves, curve_count, true);
    if (settled.log_x)
        fputs("set logscale x\n", file);
    if (settled.log_y)
        fputs("set logscale y\n", file);
    if (settled.log_x != axes->log_x || settled.log_y != axes->log_y)
        fputs("set label 1 'no value above 0: a log scale could show none, so this "
              "axis is linear' at graph 0.5, 0.9 center\n",
              file);
    return settled;
}

Status plot_curves(const char *dir, const char *name, const Axes *axes,
                   const Curve *curves, size_t curve_count, Error *err)
{
    GnuplotScript script;
    Status status = gnuplot_open(&script, dir, name,
                                "pngcairo size 800,560 font 'Sans,12'", "png", err);
    if (status != STATUS_OK)
        return status;
    FILE *file = script.file;
    gnuplot_labels(file, axes->title, axes->x_label, axes->y_label);
    write_key(file);
    Axes settled = settle_scales(file, axes, curves, curve_count);
    Range x, y;
    include_curves(&settled, curves, curve_count, &x, &y);
    gnuplot_axis(file, "x", x, settled.log_x);
    write_y_axis(file, &settled, y);
    /* gnuplot cannot draw a key with no point at all: give it axes. */
    bool nothing_to_draw = range_is_empty(x) || range_is_empty(y);
    if (nothing_to_draw)
        fputs("set xrange [1:10]\nset yrange [1:10]\n", file);
    for (size_t k = 0; k < curve_count; k++)
        if (curves[k].count > 0)
            write_curve_block(file, k, &curves[k], range_digits(x), range_digits(y));
    for (size_t k = 0; k < curve_count; k++)
        write_curve_plot(file, k, &curves[k], 2, k == 0);
    if (nothing_to_draw)
        fputs(curve_count == 0 ? "plot NaN notitle" : ", NaN notitle", file);
    fputc('\n', file);
    return gnuplot_close(&script, err);
}

/* Fixed ranges for every frame, so the axes stay still while the line moves:
 * x and y's with a margin (wider in y, where the line swings). */
/* The box an animation's axes hold still: x and y, in the data's units. */
typedef struct {
    Range x, y;
} Box;

static Box write_fixed_ranges(FILE *file, Range x_shown, Range y_shown)
{
    Range x = range_widened(x_shown, false), y = range_widened(y_shown, false);
    double x_pad = 0.05 * (x.high - x.low), y_pad = 0.25 * (y.high - y.low);
    Box box = {{x.low - x_pad, x.high + x_pad}, {y.low - y_pad, y.high + y_pad}};
    gnuplot_axis(file, "x", x_shown, false);
    gnuplot_axis(file, "y", y_shown, false);
    gnuplot_range(file, "x", box.x.low, box.x.high);
    gnuplot_range(file, "y", box.y.low, box.y.high);
    return box;
}

/* The part of the line y = a1 x + a2 inside box, from x_from to x_to;
 * false if it misses the box. */
static bool clip_line(const double a[2], Box box, double *x_from, double *x_to)
{
    *x_from = box.x.low;
    *x_to = box.x.high;
    if (a[0] == 0.0)
        return a[1] >= box.y.low && a[1] <= box.y.high;
    double at_low = (box.y.low - a[1]) / a[0], at_high = (box.y.high - a[1]) / a[0];
    *x_from = fmax(*x_from, fmin(at_low, at_high));
    *x_to = fmin(*x_to, fmax(at_low, at_high));
    return *x_from < *x_to;
}

/* $dashes: line as dashes inside box, one block of two rows each, a dash
 * every 3% of the box's size along the line. gnuplot's GIF terminal (libgd)
 * draws every dash type solid, so an animation's dashed line is drawn as
 * the dashes themselves. */
static void write_dashes(FILE *file, const Line *line, Box box)
{
    const double period = 0.03, on = 0.018; /* of the box's width and height */
    double x_from, x_to;
    fputs("$dashes << EOD\n", file);
    if (!clip_line(line->a, box, &x_from, &x_to)) {
        fputs("NaN NaN\nEOD\n", file); /* off the axes: draws nothing */
        return;
    }
    double du = (x_to - x_from) / (box.x.high - box.x.low);
    double dv = line->a[0] * (x_to - x_from) / (box.y.high - box.y.low);
    double length = hypot(du, dv); /* along the line, in box sizes */
    for (double s = 0.0; s < length; s += period) {
        double ends[2] = {s, fmin(s + on, length)};
        for (int e = 0; e < 2; e++) {
            double x = x_from + (x_to - x_from) * ends[e] / length;
            gnuplot_exact(file, x);
            fputc(' ', file);
            gnuplot_exact(file, line->a[0] * x + line->a[1]);
            fputc('\n', file);
        }
        fputc('\n', file); /* a blank line: the next dash is a line of its own */
    }
    fputs("EOD\n", file);
}

static void write_array(FILE *file, const char *array_name, const double *values,
                        size_t count)
{
    fprintf(file, "array %s[%zu] = [", array_name, count);
    for (size_t k = 0; k < count; k++) {
        fputs(k == 0 ? "" : ", ", file);
        gnuplot_exact(file, values[k]);
    }
    fputs("]\n", file);
}

/* Which of the states 0 … last an animation shows: frame f shows state
 * f*last/(frames − 1), the first and the last included, in at most
 * PLOT_MAX_FRAMES frames. chosen: PLOT_MAX_FRAMES. Returns frames. */
static size_t pick_frames(size_t last, size_t *chosen)
{
    size_t frames = last + 1 < PLOT_MAX_FRAMES ? last + 1 : PLOT_MAX_FRAMES;
    for (size_t f = 0; f < frames; f++)
        chosen[f] = frames == 1 ? 0 : (size_t)((double)f * (double)last / (double)(frames - 1));
    return frames;
}

/* TITLE[k]: the key entry of frame k. titles: frames */
static void write_titles(FILE *file, const char *const *titles, size_t frames)
{
    fprintf(file, "array TITLE[%zu] = [", frames);
    for (size_t f = 0; f < frames; f++) {
        fputs(f == 0 ? "" : ", \\\n    ", file);
        gnuplot_quoted(file, titles[f]);
    }
    fputs("]\n", file);
}

/* TITLE[k]: "step 10: y = 2.04*x1 + 1.87", the key entry of frame k. */
static void write_frame_titles(FILE *file, const size_t *step_of, const double *a1,
                               const double *a2, size_t frames)
{
    char titles[PLOT_MAX_FRAMES][100];
    const char *title_of[PLOT_MAX_FRAMES];
    for (size_t f = 0; f < frames; f++) {
        char equation[80];
        line_equation(equation, sizeof equation, (const double[2]){a1[f], a2[f]});
        snprintf(titles[f], sizeof titles[f], "step %zu: %s", step_of[f], equation);
        title_of[f] = titles[f];
    }
    write_titles(file, title_of, frames);
}

/* The frame loop, up to its plot of the data points; target (NULL for none)
 * after them, thin, so that it stays behind what moves: there to be reached,
 * not to be looked at. The caller writes the moving clause and closes it. */
static void write_frame_loop(FILE *file, size_t frames, const Line *target, Box box)
{
    bool dashed = target != NULL && STYLES[target->role].dash != 1;
    if (dashed)
        write_dashes(file, target, box);
    fprintf(file,
            "# The last frame is drawn 15 more times: a pause before the loop restarts.\n"
            "do for [f = 1:%zu] {\n"
            "    k = (f <= %zu ? f : %zu)\n"
            "    ",
            frames + 15, frames, frames);
    write_points_plot(file, 1.2);
    if (dashed) {
        fputs(", \\\n         $dashes with lines", file);
        write_line_style(file, target->role, 1);
        fputs(" title ", file);
        gnuplot_quoted(file, target->label);
    } else if (target != NULL) {
        fputs(", \\\n         ", file);
        write_line(file, target, 1);
    }
}

/* Opens an animated GIF's script over a scatter of the data (sampled into
 * sample), like start_scatter(). */
static Status start_animation(GnuplotScript *script, const char *dir, const char *name,
                              const char *title, const Dataset *data, Sample *sample,
                              Error *err)
{
    take_sample(data, sample);
    return start_scatter(script, dir, name,
                         "gif animate delay 8 loop 0 size 640,460 font 'Sans,11'", "gif",
                         title, data, sample, err);
}

Status plot_animation(const char *dir, const char *name, const char *title,
                      const Dataset *data, const Path *path, const Line *target,
                      Error *err)
{
    Sample sample;
    GnuplotScript script;
    Status status = start_animation(&script, dir, name, title, data, &sample, err);
    if (status != STATUS_OK)
        return status;
    FILE *file = script.file;
    Box box = write_fixed_ranges(file, sample.x, sample.y);

    size_t step_of[PLOT_MAX_FRAMES];
    size_t frames = pick_frames(path->steps, step_of);
    double a1[PLOT_MAX_FRAMES] = {0}, a2[PLOT_MAX_FRAMES] = {0};
    for (size_t f = 0; f < frames; f++) {
        a1[f] = path->a[2 * step_of[f]];
        a2[f] = path->a[2 * step_of[f] + 1];
    }
    write_array(file, "A1", a1, frames);
    write_array(file, "A2", a2, frames);
    write_frame_titles(file, step_of, a1, a2, frames);
    write_frame_loop(file, frames, target, box);
    fputs(", \\\n         A1[k]*x + A2[k] with lines", file);
    write_line_style(file, path->role, 3);
    fputs(" title TITLE[k]\n}\n", file);
    return gnuplot_close(&script, err);
}

/* $frames: each frame shown, one block after another (two blank lines
 * apart, so that gnuplot's "index k" picks block k), each at most
 * PLOT_MAX_CURVE_POINTS rows; a frame without points gets a row of NaN,
 * which draws nothing. frame_of: shown */
static void write_frames_block(FILE *file, const Curve *frames, const size_t *frame_of,
                               size_t shown, int x_digits, int y_digits)
{
    fputs("$frames << EOD\n", file);
    for (size_t f = 0; f < shown; f++) {
        const Curve *frame = &frames[frame_of[f]];
        fprintf(file, "%s# frame %zu: x1 y\n", f == 0 ? "" : "\n\n", f + 1);
        if (frame->count == 0)
            fputs("NaN NaN\n", file);
        write_curve_rows(file, frame, x_digits, y_digits);
    }
    fputs("EOD\n", file);
}

Status plot_curve_animation(const char *dir, const char *name, const char *title,
                            const Dataset *data, const Curve *frames, size_t frame_count,
                            const Line *target, Error *err)
{
    Sample sample;
    GnuplotScript script;
    Status status = start_animation(&script, dir, name, title, data, &sample, err);
    if (status != STATUS_OK)
        return status;
    FILE *file = script.file;
    size_t frame_of[PLOT_MAX_FRAMES];
    size_t shown = frame_count == 0 ? 0 : pick_frames(frame_count - 1, frame_of);
    const char *titles[PLOT_MAX_FRAMES];
    /* The axes hold the data and every frame shown, and stay still. */
    Range x = sample.x, y = sample.y;
    for (size_t f = 0; f < shown; f++) {
        titles[f] = frames[frame_of[f]].label;
        include_curve_points(&frames[frame_of[f]], 1, &x, &y);
    }
    Box box = write_fixed_ranges(file, x, y);
    if (shown == 0) { /* nothing moves: the data alone */
        write_points_plot(file, 1.2);
        fputc('\n', file);
        return gnuplot_close(&script, err);
    }
    write_frames_block(file, frames, frame_of, shown, range_digits(x), range_digits(y));
    write_titles(file, titles, shown);
    write_frame_loop(file, shown, target, box);
    fputs(", \\\n         $frames index (k - 1) with lines", file);
    write_line_style(file, frames[0].role, 3);
    fputs(" title TITLE[k]\n}\n", file);
    return gnuplot_close(&script, err);
}
