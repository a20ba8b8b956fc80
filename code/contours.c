#include "contours.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "plot.h"

enum { GRID = 60, LEVELS = 7 };

/* How many of a path's points are drawn: its first PLOT_MAX_CURVE_POINTS. */
static size_t drawn_count(const Trail *path)
{
    return path->count < PLOT_MAX_CURVE_POINTS ? path->count : PLOT_MAX_CURVE_POINTS;
}

/* The box [lo, hi] in a1 and a2 that holds a* and every finite point of
 * every path, with a margin. lo: 2, hi: 2 */
static void bounding_box(const Bowl *bowl, const Trail *paths, size_t path_count,
                         double lo[2], double hi[2])
{
    for (int j = 0; j < 2; j++)
        lo[j] = hi[j] = bowl->a_best[j];
    for (size_t p = 0; p < path_count; p++)
        for (size_t k = 0; k < drawn_count(&paths[p]); k++)
            for (int j = 0; j < 2; j++) {
                double v = paths[p].a[2 * k + j];
                if (isfinite(v)) {
                    lo[j] = fmin(lo[j], v);
                    hi[j] = fmax(hi[j], v);
                }
            }
    /* The same margin on both axes (they have the same scale): 8% of the
     * wider side. Around a* alone (no path, or paths that start at a* and
     * move only by rounding, as from a line through every point) a tenth of
     * a*'s size, at least 0.1: a box gnuplot can tell from a point. */
    double wider = fmax(hi[0] - lo[0], hi[1] - lo[1]);
    double size = fmax(fmax(fabs(bowl->a_best[0]), fabs(bowl->a_best[1])), 1.0);
    double margin = wider > 1e-9 * size ? 0.08 * wider : 0.1 * size;
    for (int j = 0; j < 2; j++) {
        lo[j] -= margin;
        hi[j] += margin;
    }
    /* No side under 85% of the other, so a path that runs straight along one
     * axis still shows the contours around it, not a thin strip of them. */
    for (int j = 0; j < 2; j++) {
        double short_by = 0.85 * (hi[1 - j] - lo[1 - j]) - (hi[j] - lo[j]);
        if (short_by > 0.0) {
            lo[j] -= short_by / 2.0;
            hi[j] += short_by / 2.0;
        }
    }
}

/* How much of the plot the key covers, as fractions of its width and height.
 * At equal scale gnuplot fits the box into about 700×530 pixels of the
 * 800×640 image; the key needs about 20 pixels a line and 9 a character,
 * plus 70 for its line samples. size: 2 */
static void key_size(const Trail *paths, size_t path_count, const double lo[2],
                     const double hi[2], double size[2])
{
    double aspect = (hi[1] - lo[1]) / (hi[0] - lo[0]);
    double width = fmin(700.0, 530.0 / aspect), height = width * aspect;
    size_t longest = strlen("eigenvectors of H");
    for (size_t p = 0; p < path_count; p++)
        longest = strlen(paths[p].label) > longest ? strlen(paths[p].label) : longest;
    /* 15% to spare, for the estimate's sake */
    size[0] = 1.15 * (9.0 * (double)longest + 70.0) / width;
    size[1] = 1.15 * (20.0 * (double)(path_count + 3) + 10.0) / height;
}

/* Adds weight to the count of the corner of the box [lo, hi] whose key,
 * of the given size, would cover a. a: 2, size: 2, in_corner: 4 (bottom
 * left, bottom right, top left, top right) */
static void corner_count(const double a[2], size_t weight, const double lo[2],
                         const double hi[2], const double size[2], size_t in_corner[4])
{
    double u = (a[0] - lo[0]) / (hi[0] - lo[0]), v = (a[1] - lo[1]) / (hi[1] - lo[1]);
    for (int top = 0; top < 2; top++)
        for (int right = 0; right < 2; right++)
            if ((right ? u > 1.0 - size[0] : u < size[0]) &&
                (top ? v > 1.0 - size[1] : v < size[1]))
                in_corner[2 * top + right] += weight;
}

/* Where the key hides nothing: the corner of the box with the fewest points
 * of the paths and a* under it; when every corner has some, outside the box,
 * below a wide one or beside a tall one. Returns gnuplot's words for it. */
static const char *key_place(const Bowl *bowl, const Trail *paths, size_t path_count,
                             const double lo[2], const double hi[2])
{
    static const char *const corners[4] = {"bottom left", "bottom right", "top left",
                                           "top right"};
    double size[2];
    key_size(paths, path_count, lo, hi, size);
    size_t in_corner[4] = {0, 0, 0, 0};
    corner_count(bowl->a_best, 1, lo, hi, size, in_corner);
    for (size_t p = 0; p < path_count; p++)
        for (size_t k = 0; k < drawn_count(&paths[p]); k++) {
            /* the point, and ten points along the line to the next one */
            const double *a = &paths[p].a[2 * k];
            size_t along = k + 1 < drawn_count(&paths[p]) ? 10 : 1;
            for (size_t f = 0; f < along; f++) {
                double t = (double)f / 10.0, b[2] = {a[0], a[1]};
                if (f > 0)
                    for (int j = 0; j < 2; j++)
                        b[j] += t * (a[2 + j] - a[j]);
                corner_count(b, 1, lo, hi, size, in_corner);
            }
        }
    int best = 3;
    for (int c = 2; c >= 0; c--)
        if (in_corner[c] < in_corner[best])
            best = c;
    if (in_corner[best] == 0)
        return corners[best];
    return hi[1] - lo[1] < hi[0] - lo[0] ? "outside below center" : "outside right top";
}

typedef struct {
    const char *title;
    const Bowl *bowl;
    const Trail *paths;
    size_t path_count;
} Landscape;

/* The radius r of the level set L* + r²/2: in coordinates that follow
 * the bowl's axes, each scaled by √λ, every contour is a circle of that radius. */
static double level_radius(const Bowl *bowl, double loss)
{
    return sqrt(2.0 * fmax(loss - bowl->loss_best, 0.0));
}

/* The point at radius r and angle theta of those round coordinates:
 * a* + (r cos θ / √λ1) v1 + (r sin θ / √λ2) v2. a: 2 */
static void round_to_a(const Bowl *bowl, double r, double theta, double a[2])
{
    double u = r * cos(theta) / sqrt(bowl->lambda[0]), v = r * sin(theta) / sqrt(bowl->lambda[1]);
    for (int j = 0; j < 2; j++)
        a[j] = bowl->a_best[j] + u * bowl->axis[0][j] + v * bowl->axis[1][j];
}

/* The contour levels: the one through the paths' starting point, then
 * contours of 2, 1/2, 1/4, … times its size (the size of a contour goes as
 * the square root of its excess over L*). levels: LEVELS, smallest last */
static void contour_levels(const Bowl *bowl, const Trail *paths, size_t path_count,
                           const double lo[2], const double hi[2], double levels[LEVELS])
{
    double excess = 0.0, corner[2] = {lo[0], hi[1]};
    double corner_excess = bowl_loss(bowl, corner) - bowl->loss_best;
    for (size_t p = 0; p < path_count; p++)
        if (paths[p].count > 0)
            excess = fmax(excess, bowl_loss(bowl, paths[p].a) - bowl->loss_best);
    /* No path, or paths that start at a* (up to rounding, 1e-31 above L*
     * on a line through every point): contours through the box's corner. */
    if (!(excess > 1e-9 * corner_excess))
        excess = corner_excess;
    for (int k = 0; k < LEVELS; k++)
        levels[k] = bowl->loss_best + excess / pow(4.0, k - 1);
}

/* $loss: the loss on a GRID×(GRID + 1) mesh for gnuplot's contour lines.
 * A square grid cannot follow the thin ellipses of a badly scaled bowl, so
 * the mesh follows the bowl: GRID rings, geometrically spaced from inside the
 * smallest contour to past the box's corners, each of GRID + 1 points round
 * (the last repeats the first, closing the ring), in gnuplot's grid format. */
static void write_mesh(FILE *file, const Bowl *bowl, const double levels[LEVELS],
                       const double lo[2], const double hi[2])
{
    double corners[4][2] = {{lo[0], lo[1]}, {lo[0], hi[1]}, {hi[0], lo[1]}, {hi[0], hi[1]}};
    double r_hi = 0.0, r_lo = level_radius(bowl, levels[LEVELS - 1]) / 2.0;
    for (int c = 0; c < 4; c++)
        r_hi = fmax(r_hi, 1.05 * level_radius(bowl, bowl_loss(bowl, corners[c])));
    fputs("$loss << EOD\n# a1 a2 loss, on rings around a*\n", file);
    for (int i = 0; i < GRID; i++) {
        double r = r_lo * pow(r_hi / r_lo, (double)i / (GRID - 1));
        for (int k = 0; k <= GRID; k++) {
            double a[2];
            round_to_a(bowl, r, 2.0 * acos(-1.0) * k / GRID, a);
            fprintf(file, "%.8g %.8g %.10g\n", a[0], a[1], bowl_loss(bowl, a));
        }
        fputc('\n', file);
    }
    fputs("EOD\n", file);
}

/* $axes: each eigenvector drawn as a segment through a*, across the box. */
static void write_axes(FILE *file, const Bowl *bowl, const double lo[2], const double hi[2])
{
    double half = hypot(hi[0] - lo[0], hi[1] - lo[1]);
    fputs("$axes << EOD\n# the eigenvectors of H through a*\n", file);
    for (int k = 0; k < 2; k++)
        fprintf(file, "%.6g %.6g\n%.6g %.6g\n\n", bowl->a_best[0] - half * bowl->axis[k][0],
                bowl->a_best[1] - half * bowl->axis[k][1],
                bowl->a_best[0] + half * bowl->axis[k][0],
                bowl->a_best[1] + half * bowl->axis[k][1]);
    fputs("EOD\n", file);
}

/* $pathK: the path's points, its first PLOT_MAX_CURVE_POINTS at most. */
static void write_path(FILE *file, size_t index, const Trail *path)
{
    fprintf(file, "$path%zu << EOD\n", index);
    for (size_t k = 0; k < drawn_count(path); k++)
        fprintf(file, "%.6g %.6g\n", path->a[2 * k], path->a[2 * k + 1]);
    fputs("EOD\n", file);
}

/* The contour lines: gnuplot traces them on $loss into $contours (over the
 * whole mesh: points outside the axes' ranges would cut them short). */
static void write_contours(FILE *file, const double levels[LEVELS])
{
    fputs("set view map\nunset surface\nset contour base\nset cntrparam levels discrete ",
          file);
    for (int k = 0; k < LEVELS; k++)
        fprintf(file, "%s%.10g", k == 0 ? "" : ", ", levels[k]);
    fputs("\nset table $contours\nsplot $loss using 1:2:3 with lines\nunset table\n"
          "unset contour\n",
          file);
}

static void write_landscape(FILE *file, const void *context)
{
    const Landscape *figure = context;
    const Bowl *bowl = figure->bowl;
    double lo[2], hi[2], levels[LEVELS];
    bounding_box(bowl, figure->paths, figure->path_count, lo, hi);
    contour_levels(bowl, figure->paths, figure->path_count, lo, hi, levels);
    write_mesh(file, bowl, levels, lo, hi);
    write_contours(file, levels);
    /* A round bowl curves the same way in every direction: every direction
     * is an eigenvector, and no two are worth drawing. */
    bool round = bowl->lambda[0] <= bowl->lambda[1] * (1.0 + 1e-9);
    if (!round)
        write_axes(file, bowl, lo, hi);
    for (size_t p = 0; p < figure->path_count; p++)
        write_path(file, p, &figure->paths[p]);
    fprintf(file, "$best << EOD\n%.10g %.10g\nEOD\n", bowl->a_best[0], bowl->a_best[1]);
    const char *key = key_place(bowl, figure->paths, figure->path_count, lo, hi);
    /* Equal scale on both axes (size ratio -1), so an ellipse keeps its shape;
     * clip two: draw the part of a line whose both ends lie outside the box. */
    fprintf(file, "set title '%s'\nset xlabel 'a1 (slope)'\nset ylabel 'a2 (intercept)'\n"
                  "set size ratio -1\nset xrange [%.6g:%.6g]\nset yrange [%.6g:%.6g]\n"
                  "set clip two\nset key box opaque %s Left reverse\n",
            figure->title, lo[0], hi[0], lo[1], hi[1],
            key);
    if (strstr(key, "below") != NULL) /* room under the x label for two columns of key */
        fprintf(file, "set bmargin %zu\n", (figure->path_count + 4) / 2 + 4);
    fprintf(file, "plot $contours using 1:2 with lines lc rgb '%s' title 'loss contours'",
            role_colour(ROLE_CONTOURS));
    if (!round)
        fprintf(file, ", \\\n     $axes with lines dt %d lc rgb '%s' title 'eigenvectors of H'",
                role_dash(ROLE_EIGENVECTORS), role_colour(ROLE_EIGENVECTORS));
    for (size_t p = 0; p < figure->path_count; p++) {
        Role role = figure->paths[p].role;
        fprintf(file,
                ", \\\n     $path%zu with linespoints lw 2 pt 7 ps 0.5 dt %d lc rgb '%s' "
                "title '%s'",
                p, role_dash(role), role_colour(role), figure->paths[p].label);
    }
    fprintf(file, ", \\\n     $best with points pt 3 ps 2.5 lw 3 lc rgb '%s' "
                  "title 'least squares a*'\n",
            role_colour(ROLE_LEAST_SQUARES));
}

Status plot_landscape(const char *dir, const char *name, const char *title,
                      const Bowl *bowl, const Trail *paths, size_t path_count, Error *err)
{
    Landscape figure = {title, bowl, paths, path_count};
    return plot_script(dir, name, write_landscape, &figure, err);
}
