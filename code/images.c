#include "images.h"

#include <stdio.h>

#include "gnuplot.h"
#include "plot.h"

/* Blank rows above each image, where its caption goes, and blank columns
 * between two images, in pixels of the images. */
enum { CAPTION_ROWS = 3, GAP_COLUMNS = 2 };

/* The grid of tiles as one matrix of (rows, columns) values. */
typedef struct {
    size_t tile_rows, width, height;
} Layout;

static Layout layout_of(const ImageGrid *grid, size_t count)
{
    size_t tile_rows = (count + grid->columns - 1) / grid->columns;
    return (Layout){tile_rows, grid->columns * (grid->side + GAP_COLUMNS) - GAP_COLUMNS,
                    tile_rows * (grid->side + CAPTION_ROWS)};
}

/* The value at matrix row y, column x: a pixel of a tile, or blank (white)
 * between them. tiles: count */
static double value_at(const ImageGrid *grid, const ImageTile *tiles, size_t count, size_t y,
                       size_t x)
{
    size_t side = grid->side, pitch = side + GAP_COLUMNS, row_pitch = side + CAPTION_ROWS;
    size_t t = (y / row_pitch) * grid->columns + x / pitch;
    size_t px = x % pitch, py = y % row_pitch;
    bool blank = t >= count || px >= side || py < CAPTION_ROWS;
    double white = grid->shading == SHADE_INK ? grid->low : 0.0;
    return blank ? white : tiles[t].pixels[(py - CAPTION_ROWS) * side + px];
}

/* A palette from white to colour, or from the negative role's colour
 * through white to the positive's; and its range. */
static void write_palette(FILE *file, const ImageGrid *grid)
{
    if (grid->shading == SHADE_INK) {
        fprintf(file, "set palette defined (0 '#ffffff', 1 '%s')\nset cbrange [", role_colour(ROLE_INK));
        gnuplot_exact(file, grid->low);
        fputc(':', file);
        gnuplot_exact(file, grid->high);
    } else {
        fprintf(file, "set palette defined (-1 '%s', 0 '#ffffff', 1 '%s')\nset cbrange [-",
                role_colour(ROLE_WEIGHT_NEGATIVE), role_colour(ROLE_WEIGHT_POSITIVE));
        gnuplot_exact(file, grid->high);
        fputc(':', file);
        gnuplot_exact(file, grid->high);
    }
    fputs("]\n", file);
    if (grid->scale == NULL) {
        fputs("unset colorbox\n", file);
        return;
    }
    fputs("set cblabel ", file);
    gnuplot_quoted(file, grid->scale);
    fputc('\n', file);
}

/* A thin box around each tile and its caption above it. tiles: count */
static void write_frames(FILE *file, const ImageGrid *grid, const ImageTile *tiles,
                         size_t count)
{
    size_t side = grid->side;
    for (size_t t = 0; t < count; t++) {
        double x0 = (double)((t % grid->columns) * (side + GAP_COLUMNS)) - 0.5;
        double y0 = (double)((t / grid->columns) * (side + CAPTION_ROWS) + CAPTION_ROWS) - 0.5;
        fprintf(file,
                "set object %zu rectangle from %g,%g to %g,%g front fillstyle empty "
                "border lc rgb '#b0b0b0' lw 1\n",
                t + 1, x0, y0, x0 + (double)side, y0 + (double)side);
        fprintf(file, "set label %zu ", t + 1);
        gnuplot_quoted(file, tiles[t].caption);
        fprintf(file, " at %g,%g center front\n", x0 + (double)side / 2.0, y0 - 1.0);
    }
}

Status plot_image_grid(const char *dir, const char *name, const ImageGrid *grid,
                       const ImageTile *tiles, size_t count, Error *err)
{
    if (count > IMAGES_MAX_TILES)
        count = IMAGES_MAX_TILES;
    Layout layout = layout_of(grid, count > 0 ? count : 1);
    /* Square pixels 720 points across, and room for the title (and scale). */
    char terminal[80];
    snprintf(terminal, sizeof terminal, "pngcairo size %d,%d font 'Sans,12'",
             grid->scale != NULL ? 880 : 800,
             (int)((double)layout.height * 720.0 / (double)layout.width) + 90);
    GnuplotScript script;
    Status status = gnuplot_open(&script, dir, name, terminal, "png", err);
    if (status != STATUS_OK)
        return status;
    FILE *file = script.file;
    fputs("set title ", file);
    gnuplot_quoted(file, grid->title);
    fputs("\nunset xtics\nunset ytics\nunset key\nset border 0\nset size ratio -1\n", file);
    fprintf(file, "set xrange [-0.5:%g]\nset yrange [%g:-0.5]\n", (double)layout.width - 0.5,
            (double)layout.height - 0.5); /* top to bottom, as the images are stored */
    write_palette(file, grid);
    write_frames(file, grid, tiles, count);
    fputs("$grid << EOD\n", file);
    for (size_t y = 0; y < layout.height; y++)
        for (size_t x = 0; x < layout.width; x++)
            fprintf(file, "%.4g%c", value_at(grid, tiles, count, y, x),
                    x + 1 < layout.width ? ' ' : '\n');
    fputs("EOD\nplot $grid matrix with image\n", file);
    return gnuplot_close(&script, err);
}

/* The largest count off the diagonal, at least 1. counts: (classes, classes) */
static size_t largest_mistake(const size_t *counts, size_t classes)
{
    size_t largest = 1;
    for (size_t t = 0; t < classes; t++)
        for (size_t p = 0; p < classes; p++)
            if (t != p && counts[t * classes + p] > largest)
                largest = counts[t * classes + p];
    return largest;
}

Status plot_confusion(const char *dir, const char *name, const char *title,
                      const size_t *counts, size_t classes, Error *err)
{
    GnuplotScript script;
    Status status = gnuplot_open(&script, dir, name, "pngcairo size 800,720 font 'Sans,12'",
                                "png", err);
    if (status != STATUS_OK)
        return status;
    FILE *file = script.file;
    gnuplot_labels(file, title, "predicted class", "true class");
    fprintf(file,
            "unset grid\nunset key\nset size ratio -1\nset xtics 1 out\nset ytics 1 out\n"
            "set xrange [-0.5:%g]\nset yrange [%g:-0.5]\n"
            "set palette defined (0 '#ffffff', 1 '%s')\nset cbrange [0:%zu]\n"
            "set cbtics %zu\nset cblabel 'examples taken for another class'\n",
            (double)classes - 0.5, (double)classes - 0.5, role_colour(ROLE_MISTAKE),
            largest_mistake(counts, classes), (largest_mistake(counts, classes) + 9) / 10);
    fputs("$mistakes << EOD\n", file); /* the diagonal white: right answers */
    for (size_t t = 0; t < classes; t++)
        for (size_t p = 0; p < classes; p++)
            fprintf(file, "%zu%c", t == p ? 0 : counts[t * classes + p],
                    p + 1 < classes ? ' ' : '\n');
    /* x = predicted, y = true, the count: past 20 classes too small to read */
    fputs("EOD\n$counts << EOD\n", file);
    for (size_t t = 0; classes <= 20 && t < classes; t++)
        for (size_t p = 0; p < classes; p++)
            if (counts[t * classes + p] > 0)
                fprintf(file, "%zu %zu %zu\n", p, t, counts[t * classes + p]);
    fprintf(file, "EOD\nplot $mistakes matrix with image%s\n",
            classes <= 20 ? ", $counts using 1:2:3 with labels" : "");
    return gnuplot_close(&script, err);
}
