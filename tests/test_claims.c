/* What the book claims about noise floors and curvature, checked against
 * mathematics worked out here, from the points alone: chapter 07's floors
 * against the steady states of the noisy step, and chapter 10's curvature
 * against the Hessian of the network written out by hand. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bent.h"
#include "data.h"
#include "gradient.h"
#include "network.h"
#include "rng.h"
#include "run_program.h"
#include "suites.h"

#ifndef BUILD_DIR
#error "compile with -DBUILD_DIR='\"build\"'"
#endif

/* Runs BUILD_DIR/chapter --out DIR with up to eight more words; expects success. */
static void run_chapter(const char *chapter, const char *const *words, ProgramRun *run)
{
    ck_assert(run_chapter_program(BUILD_DIR, chapter, scratch_dir, words, run));
    ck_assert_msg(run->exit_code == 0, "%s failed (%d): %s", chapter, run->exit_code,
                  run->err);
}

/* The number after the first "L* + " that follows the line starting with
 * label, and the text after it. */
static double gap_after(const char *text, const char *label, const char **rest)
{
    const char *line = strstr(text, label);
    ck_assert_msg(line != NULL, "no '%s' in:\n%s", label, text);
    const char *gap = strstr(line, "L* + ");
    ck_assert_ptr_nonnull(gap);
    double value;
    ck_assert_int_eq(sscanf(gap, "L* + %lf", &value), 1);
    if (rest != NULL)
        *rest = gap + 5;
    return value;
}

/* ---- Chapter 07: the bowl of the notebook's points, worked out here ---- */

/* What the steady states need of the points: a*, H, its eigenvalues and
 * eigenvectors, and S, the covariance of one point's gradient 2 r_i x_i at
 * a*, where the mean gradient is 0. */
typedef struct {
    Dataset data;
    double a[2], h[2][2], lambda[2], u[2][2], s[2][2];
} Bowl7;

static Bowl7 notebook_bowl(void)
{
    Bowl7 b;
    Rng rng = rng_seeded(42);
    ck_assert_int_eq(data_synthetic(&b.data, 100, (const double[2]){3.0, 2.0}, &rng, NULL),
                     STATUS_OK);
    size_t n = b.data.n;
    ck_assert_int_eq(least_squares(b.data.x, b.data.y, n, b.a, NULL), STATUS_OK);
    memset(b.h, 0, sizeof b.h);
    memset(b.s, 0, sizeof b.s);
    for (size_t i = 0; i < n; i++) {
        const double *x = &b.data.x[2 * i];
        double r = x[0] * b.a[0] + x[1] * b.a[1] - b.data.y[i];
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++) {
                b.h[j][k] += 2.0 * x[j] * x[k] / (double)n;
                b.s[j][k] += 4.0 * r * r * x[j] * x[k] / (double)n;
            }
    }
    /* The symmetric 2×2 eigenproblem by its rotation angle. */
    double theta = 0.5 * atan2(2.0 * b.h[0][1], b.h[0][0] - b.h[1][1]);
    double c = cos(theta), s = sin(theta);
    b.u[0][0] = c, b.u[0][1] = s, b.u[1][0] = -s, b.u[1][1] = c;
    for (int k = 0; k < 2; k++) {
        const double *u = b.u[k];
        b.lambda[k] = u[0] * (b.h[0][0] * u[0] + b.h[0][1] * u[1]) +
                      u[1] * (b.h[1][0] * u[0] + b.h[1][1] * u[1]);
    }
    ck_assert_double_gt(b.lambda[0], b.lambda[1]);
    return b;
}

/* uᵀ S u: the variance of one point's gradient along u. */
static double along(const Bowl7 *b, const double u[2])
{
    return u[0] * (b->s[0][0] * u[0] + b->s[0][1] * u[1]) +
           u[1] * (b->s[1][0] * u[0] + b->s[1][1] * u[1]);
}

/* The stationary variance of the AR(2) error e' = (1 + β − η λ) e − β e_before
 * − η ξ along each eigenvector, ξ of variance S_ii / batch, summed into the
 * gap ½ Σ λ_i Var(e_i). Box–Jenkins: for x = φ1 x_1 + φ2 x_2 + w,
 * Var x = (1 − φ2) σ² / ((1 + φ2)((1 − φ2)² − φ1²)). */
static double ar2_gap(const Bowl7 *b, double eta, double beta, double batch)
{
    double gap = 0.0;
    for (int i = 0; i < 2; i++) {
        double phi1 = 1.0 + beta - eta * b->lambda[i], phi2 = -beta;
        double sigma2 = eta * eta * along(b, b->u[i]) / batch;
        double var = (1.0 - phi2) * sigma2 / ((1.0 + phi2) * ((1.0 - phi2) * (1.0 - phi2) - phi1 * phi1));
        gap += 0.5 * b->lambda[i] * var;
    }
    return gap;
}

/* Solves the d×d system m x = v (d ≤ 4) in place, by elimination with
 * pivoting: x is left in v. */
static void solve(int d, double m[4][4], double v[4])
{
    for (int c = 0; c < d; c++) {
        int p = c;
        for (int r = c + 1; r < d; r++)
            if (fabs(m[r][c]) > fabs(m[p][c]))
                p = r;
        for (int k = 0; k < d; k++) {
            double t = m[c][k];
            m[c][k] = m[p][k];
            m[p][k] = t;
        }
        double t = v[c];
        v[c] = v[p];
        v[p] = t;
        for (int r = 0; r < d; r++)
            if (r != c) {
                double f = m[r][c] / m[c][c];
                for (int k = 0; k < d; k++)
                    m[r][k] -= f * m[c][k];
                v[r] -= f * v[c];
            }
    }
    for (int c = 0; c < d; c++)
        v[c] /= m[c][c];
}

/* The exact steady state of plain SGD with batches of one point drawn with
 * replacement: the error e' = (I − η A_i) e − η g_i, A_i = 2 x_i x_iᵀ and
 * g_i the point's gradient at a*, with i independent of e. The second
 * moment M = E[e eᵀ] then solves M = E[(I − η A) M (I − η A)] + η² S (E[e]
 * is 0 at the steady state, so the cross terms vanish), kicks that depend
 * on where the path is included. Returns ½ tr(H M). */
static double exact_batch_1_gap(const Bowl7 *b, double eta)
{
    double m[4][4] = {{0}}, v[4];
    size_t n = b->data.n;
    for (size_t p = 0; p < n; p++) {
        const double *x = &b->data.x[2 * p];
        double g[2][2]; /* I − η A */
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++)
                g[j][k] = (j == k ? 1.0 : 0.0) - eta * 2.0 * x[j] * x[k];
        /* vec(G M G) = (G ⊗ G) vec(M), rows j*2 + k */
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++)
                for (int l = 0; l < 2; l++)
                    for (int q = 0; q < 2; q++)
                        m[2 * j + k][2 * l + q] -= g[j][l] * g[k][q] / (double)n;
    }
    for (int r = 0; r < 4; r++) {
        m[r][r] += 1.0;
        v[r] = eta * eta * b->s[r / 2][r % 2];
    }
    solve(4, m, v);
    double gap = 0.0;
    for (int j = 0; j < 2; j++)
        for (int k = 0; k < 2; k++)
            gap += 0.5 * b->h[j][k] * v[2 * k + j];
    return gap;
}

START_TEST(chapter_07_floors_are_the_steady_states_of_the_noisy_step)
{
    /* The table's steady state is the AR(2) variance of each direction, to
     * its three printed digits; batch 1 drawn with replacement lands within
     * 10% of the exact steady state of that sampling (over 10 seeds, whose
     * scatter is about 2%). Momentum at lr(1 − β) settles within 20% of
     * plain SGD at lr; at lr itself at least 9 times higher, as the steady
     * states say (0.0104, 0.0114, 0.109). */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch07", none, &run);
    Bowl7 b = notebook_bowl();
    const char *rest;
    double plain = gap_after(run.out, "  plain SGD, lr 0.1 ", &rest);
    double plain_steady = gap_after(rest, "L* + ", NULL);
    double slow = gap_after(run.out, "  heavy ball 0.9, lr 0.01 ", &rest);
    double slow_steady = gap_after(rest, "L* + ", NULL);
    double fast = gap_after(run.out, "  heavy ball 0.9, lr 0.1 ", &rest);
    double fast_steady = gap_after(rest, "L* + ", NULL);
    ck_assert_double_eq_tol(plain_steady, ar2_gap(&b, 0.1, 0.0, 1.0), 0.005 * plain_steady);
    ck_assert_double_eq_tol(slow_steady, ar2_gap(&b, 0.01, 0.9, 1.0), 0.005 * slow_steady);
    ck_assert_double_eq_tol(fast_steady, ar2_gap(&b, 0.1, 0.9, 1.0), 0.005 * fast_steady);
    ck_assert_double_eq_tol(slow, plain, 0.2 * plain);
    ck_assert_double_gt(fast, 9.0 * plain);

    const char *table = strstr(run.out, "The floor against the batch size");
    ck_assert_ptr_nonnull(table);
    const char *row = strstr(table, "\n  1 ");
    ck_assert_ptr_nonnull(row);
    double steady = gap_after(row, "L* + ", &rest);
    double drawn = gap_after(rest, "L* + ", &rest);
    double shuffled = gap_after(rest, "L* + ", NULL);
    double exact = exact_batch_1_gap(&b, 0.1);
    ck_assert_double_eq_tol(drawn, exact, 0.1 * exact);
    ck_assert_double_eq(shuffled, plain); /* the same runs */
    ck_assert_double_eq_tol(steady, plain_steady, 1e-12);
    /* Each larger batch drawn with replacement: its steady state S/B. */
    static const double SIZES[] = {2, 5, 10, 20, 50};
    for (size_t k = 0; k < sizeof SIZES / sizeof SIZES[0]; k++) {
        char label[16];
        snprintf(label, sizeof label, "\n  %.0f ", SIZES[k]);
        row = strstr(table, label);
        ck_assert_ptr_nonnull(row);
        steady = gap_after(row, "L* + ", &rest);
        drawn = gap_after(rest, "L* + ", NULL);
        double want = ar2_gap(&b, 0.1, 0.0, SIZES[k]);
        ck_assert_double_eq_tol(steady, want, 0.005 * want);
        ck_assert_double_eq_tol(drawn, want, 0.15 * want);
    }
    program_run_free(&run);
    data_free(&b.data);
}
END_TEST

START_TEST(chapter_07_averaging_and_a_decay_that_keeps_up_get_below_the_floor)
{
    /* Averaging the constant rate's a (Polyak–Ruppert) over its last 19 001
     * iterates: at most ½ tr(S H⁻¹) / K above L*, what independent kicks
     * would leave (shuffled epochs leave less). The decay's product
     * lr·T·λmin is the one worked out here, and T = 1 is said to be short
     * of 1, with the exponent of its crawl. */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch07", none, &run);
    Bowl7 b = notebook_bowl();
    double constant = gap_after(run.out, "  constant rate 0.1 ", NULL);
    double averaged = gap_after(run.out, "  constant rate, a averaged from 1000 on", NULL);
    double iid = 0.0;
    for (int i = 0; i < 2; i++)
        iid += 0.5 * along(&b, b.u[i]) / b.lambda[i] / (20000.0 - 1000.0 + 1.0);
    ck_assert_double_lt(averaged, iid);
    ck_assert_double_lt(averaged, 1e-3 * constant);
    double product;
    const char *decay = strstr(run.out, "the decay: lr * T * lambda_min = 0.1 * 100 * ");
    ck_assert_ptr_nonnull(decay);
    ck_assert_int_eq(sscanf(strchr(decay + 40, '=') + 1, "%lf", &product), 1);
    ck_assert_double_eq_tol(product, 0.1 * 100 * b.lambda[1], 0.005 * product);
    ck_assert_ptr_nonnull(strstr(decay, "above 1:"));
    program_run_free(&run);

    const char *crawl[] = {"--batch", "1", "--epochs", "2", "--decay", "1", NULL};
    run_chapter("ch07", crawl, &run);
    char want[64];
    snprintf(want, sizeof want, "= %.3g, not above 1", 0.1 * b.lambda[1]);
    ck_assert_msg(strstr(run.out, want) != NULL, "no '%s' in:\n%s", want, run.out);
    snprintf(want, sizeof want, "(1 + t/T)^-%.3g", 0.1 * b.lambda[1]);
    ck_assert_ptr_nonnull(strstr(run.out, want));
    program_run_free(&run);
    data_free(&b.data);
}
END_TEST

/* ---- Chapter 04: the loss above the floor ------------------------------ */

/* The y of the row "t y" of the first curve ($curve0) of the script at path. */
static double curve0_at(const char *path, size_t t)
{
    char *script = read_text_file(path);
    ck_assert_msg(script != NULL, "no %s", path);
    const char *row = strstr(script, "$curve0 << EOD\n");
    ck_assert_ptr_nonnull(row);
    double x = -1.0, y = NAN;
    while ((row = strchr(row, '\n')) != NULL && sscanf(++row, "%lf %lf", &x, &y) == 2 &&
           x != (double)t)
        ;
    ck_assert_msg(x == (double)t, "no row %zu in %s", t, path);
    free(script);
    return y;
}

START_TEST(chapter_04_draws_the_loss_above_the_floor)
{
    /* Gradient descent multiplies the error along eigenvector u_k of H by
     * (1 − lr·λ_k) a step, so after t steps the loss above L* is exactly
     * ½ Σ λ_k (u_k·e₀)² (1 − lr·λ_k)^(2t): at steps 10, 50 and 100 the figure
     * draws that, to its six digits; the loss itself (0.0825 at step 50)
     * would be 25 times more. */
    const char *none[] = {"--quiet", NULL};
    ProgramRun run;
    run_chapter("ch04", none, &run);
    Bowl7 b = notebook_bowl();
    double e[2] = {-1.0 - b.a[0], 1.0 - b.a[1]};
    char path[128];
    snprintf(path, sizeof path, "%s/ch04-loss.gp", scratch_dir);
    static const size_t STEPS[] = {10, 50, 100};
    for (size_t s = 0; s < 3; s++) {
        double want = 0.0;
        for (int k = 0; k < 2; k++) {
            double along = b.u[k][0] * e[0] + b.u[k][1] * e[1];
            want += 0.5 * b.lambda[k] * along * along *
                    pow(1.0 - 0.1 * b.lambda[k], 2.0 * (double)STEPS[s]);
        }
        double got = curve0_at(path, STEPS[s]);
        ck_assert_msg(fabs(got - want) <= 1e-5 * want, "step %zu: drawn %g, L - L* is %g",
                      STEPS[s], got, want);
    }
    program_run_free(&run);
    data_free(&b.data);
}
END_TEST

/* ---- Chapter 06: the best fixed rate ----------------------------------- */

/* The first column of a CSV file's rows "x,y", lines that are not (a
 * header, comments) skipped, into x; returns how many. x: room */
static size_t read_x_column(const char *path, double *x, size_t room)
{
    FILE *file = fopen(path, "r");
    ck_assert_ptr_nonnull(file);
    char line[256];
    size_t n = 0;
    double y;
    while (n < room && fgets(line, sizeof line, file) != NULL)
        if (sscanf(line, "%lf,%lf", &x[n], &y) == 2)
            n++;
    fclose(file);
    return n;
}

START_TEST(chapter_06_names_the_best_fixed_rate)
{
    /* λmax + λmin is the trace of H = 2 [mean(x²), mean(x); mean(x), 1], so
     * the best fixed rate 2/(λmax + λmin) is 1/(mean(x²) + 1), and its
     * factor (κ − 1)/(κ + 1) is 1 − 2λmin/(λmax + λmin), λmin = det H / λmax
     * with det H = 4 var(x): worked out here from the file's years. */
    const char *words[] = {"--data", "data/mauna-loa-co2.csv", "--standardize", NULL};
    ProgramRun run;
    run_chapter("ch06", words, &run);
    double years[256], sum = 0.0, squares = 0.0, variance = 0.0;
    size_t n = read_x_column("data/mauna-loa-co2.csv", years, 256);
    for (size_t i = 0; i < n; i++) {
        sum += years[i];
        squares += years[i] * years[i];
    }
    double mean = sum / (double)n, mean_square = squares / (double)n;
    for (size_t i = 0; i < n; i++)
        variance += (years[i] - mean) * (years[i] - mean) / (double)n;
    double trace = 2.0 * (mean_square + 1.0);
    double lambda_max = trace / 2.0 + sqrt(pow(mean_square - 1.0, 2.0) + 4.0 * mean * mean);
    double shrink = 2.0 * (4.0 * variance / lambda_max) / trace;
    double rate, printed_shrink;
    const char *said = strstr(run.out, "2/(lambda_max + lambda_min)\n= ");
    ck_assert_msg(said != NULL, "no best fixed rate in:\n%s", run.out);
    ck_assert_int_eq(sscanf(said, "2/(lambda_max + lambda_min)\n= %lf", &rate), 1);
    said = strstr(said, "(kappa - 1)/(kappa + 1) = 1 - ");
    ck_assert_ptr_nonnull(said);
    ck_assert_int_eq(sscanf(said, "(kappa - 1)/(kappa + 1) = 1 - %lf", &printed_shrink), 1);
    ck_assert_double_eq_tol(rate, 2.0 / trace, 5e-4 * rate);
    ck_assert_double_eq_tol(printed_shrink, shrink, 0.05 * shrink);
    ck_assert_ptr_null(strstr(run.out, "best safe rate"));
    program_run_free(&run);
}
END_TEST

/* ---- Chapter 10: the network's Hessian, written out ------------------- */

enum { UNITS = 16, P = 3 * UNITS + 1 };

/* The Hessian of the mean squared error of a ReLU network with one input,
 * by hand: (2/n) Σ_i (J_i J_iᵀ + r_i ∇²ŷ_i), where J_i holds ∂ŷ/∂w1_j =
 * w2_j·[z_j > 0]·x, ∂ŷ/∂b1_j = w2_j·[z_j > 0], ∂ŷ/∂w2_j = relu(z_j), ∂ŷ/∂b2
 * = 1, and ∇²ŷ has ∂²ŷ/∂w2_j∂w1_j = [z_j > 0]·x and ∂²ŷ/∂w2_j∂b1_j =
 * [z_j > 0] (relu is straight on either side of its kink). h: P×P */
static void network_hessian(const Dataset *data, const double *a, double h[P][P])
{
    memset(h, 0, sizeof(double[P][P]));
    double scale = 2.0 / (double)data->n;
    for (size_t i = 0; i < data->n; i++) {
        double x = data->x[2 * i], j_row[P], y_hat = a[3 * UNITS];
        bool on[UNITS];
        for (int j = 0; j < UNITS; j++) {
            double z = a[j] * x + a[UNITS + j];
            on[j] = z > 0.0;
            j_row[j] = on[j] ? a[2 * UNITS + j] * x : 0.0;
            j_row[UNITS + j] = on[j] ? a[2 * UNITS + j] : 0.0;
            j_row[2 * UNITS + j] = on[j] ? z : 0.0;
            y_hat += a[2 * UNITS + j] * j_row[2 * UNITS + j];
        }
        j_row[3 * UNITS] = 1.0;
        double r = y_hat - data->y[i];
        for (int p = 0; p < P; p++)
            for (int q = 0; q < P; q++)
                h[p][q] += scale * j_row[p] * j_row[q];
        for (int j = 0; j < UNITS; j++) {
            double cross[2] = {on[j] ? x : 0.0, on[j] ? 1.0 : 0.0};
            for (int k = 0; k < 2; k++) {
                h[2 * UNITS + j][k * UNITS + j] += scale * r * cross[k];
                h[k * UNITS + j][2 * UNITS + j] += scale * r * cross[k];
            }
        }
    }
}

/* The largest eigenvalue of the symmetric h, by power iteration on h + cI,
 * c the largest row sum of |h| (Gershgorin), so that every eigenvalue is
 * ≥ 0 and the largest one leads. */
static double largest_eigenvalue(double h[P][P])
{
    double shift = 0.0, v[P], w[P], lambda = 0.0;
    for (int p = 0; p < P; p++) {
        double row = 0.0;
        for (int q = 0; q < P; q++)
            row += fabs(h[p][q]);
        shift = fmax(shift, row);
        v[p] = 1.0 + 0.01 * p;
    }
    for (int round = 0; round < 20000; round++) {
        double length = 0.0;
        for (int p = 0; p < P; p++) {
            w[p] = shift * v[p];
            for (int q = 0; q < P; q++)
                w[p] += h[p][q] * v[q];
            length += w[p] * w[p];
        }
        length = sqrt(length);
        lambda = 0.0;
        for (int p = 0; p < P; p++) {
            lambda += v[p] * w[p];
            v[p] = w[p] / length;
        }
    }
    return lambda - shift;
}

/* λmax printed for epoch 0 in the curvature table. */
static double printed_start_curvature(const char *out)
{
    const char *table = strstr(out, "  epoch   loss      all the data");
    ck_assert_msg(table != NULL, "no curvature table in:\n%s", out);
    size_t epoch;
    double loss, lambda;
    ck_assert_int_eq(sscanf(strchr(table, '\n') + 1, "%zu %lf %lf", &epoch, &loss, &lambda), 3);
    ck_assert_uint_eq(epoch, 0);
    return lambda;
}

START_TEST(chapter_10_measures_the_curvature_the_hessian_has)
{
    /* At the start, before any step, the network is the one PyTorch's
     * scheme draws from seed 43: the largest eigenvalue of its Hessian,
     * written out above and found by 20 000 rounds of exact products, is
     * what the chapter's power iteration on differences of tape gradients
     * prints, to its four digits. From zeros only b2 matters, and λmax is
     * exactly 2. */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch10", none, &run);
    Dataset data;
    Rng rng = rng_seeded(42);
    ck_assert_int_eq(curve_data(&data, 100, &rng, NULL), STATUS_OK);
    Network net = {UNITS, ACTIVATION_RELU};
    double a[P];
    Rng init = rng_seeded(43);
    network_init_random(&net, &init, a);
    static double h[P][P];
    network_hessian(&data, a, h);
    double want = largest_eigenvalue(h), got = printed_start_curvature(run.out);
    ck_assert_msg(fabs(got - want) <= 5e-4 * want, "printed %g, the Hessian's %g", got, want);
    ck_assert_ptr_nonnull(strstr(run.out, "against 2/lr = 20"));
    program_run_free(&run);

    const char *zeros[] = {"--init", "zeros", NULL};
    run_chapter("ch10", zeros, &run);
    ck_assert_double_eq_tol(printed_start_curvature(run.out), 2.0, 1e-9);
    program_run_free(&run);
    data_free(&data);
}
END_TEST

/* The least-squares polynomial of degree d − 1 (d ≤ 4) of data, by its
 * normal equations, solved here. c: d, c[k] the coefficient of x^k */
static void least_squares_polynomial(const Dataset *data, int d, double c[4])
{
    double m[4][4] = {{0}};
    for (int k = 0; k < 4; k++)
        c[k] = 0.0;
    for (size_t i = 0; i < data->n; i++) {
        double x = data->x[2 * i], power[4] = {1.0, x, x * x, x * x * x};
        for (int j = 0; j < d; j++) {
            c[j] += power[j] * data->y[i];
            for (int k = 0; k < d; k++)
                m[j][k] += power[j] * power[k];
        }
    }
    solve(d, m, c);
}

static double polynomial_loss(const Dataset *data, int d, const double c[4])
{
    double sum = 0.0;
    for (size_t i = 0; i < data->n; i++) {
        double x = data->x[2 * i], y_hat = 0.0;
        for (int k = d - 1; k >= 0; k--)
            y_hat = y_hat * x + c[k];
        sum += (y_hat - data->y[i]) * (y_hat - data->y[i]);
    }
    return sum / (double)data->n;
}

/* The number after label on its line of the held-out table. */
static double held_out(const char *out, const char *label)
{
    const char *line = strstr(out, label);
    ck_assert_msg(line != NULL, "no '%s' in:\n%s", label, out);
    double value;
    ck_assert_int_eq(sscanf(line + strlen(label), "%lf", &value), 1);
    return value;
}

START_TEST(chapter_10_scores_fresh_points_from_the_curve)
{
    /* 20 000 points from the curve of seed 42's, drawn with seed 44: the
     * curve's own loss on them, the best line's and the best quadratic's
     * (both fitted to the 100 training points by their normal equations,
     * solved here) are the ones printed, to four decimals. */
    const char *none[] = {NULL};
    ProgramRun run;
    run_chapter("ch10", none, &run);
    Dataset train, fresh;
    Rng rng = rng_seeded(42), other = rng_seeded(44);
    ck_assert_int_eq(curve_data(&train, 100, &rng, NULL), STATUS_OK);
    ck_assert_int_eq(curve_data(&fresh, 20000, &other, NULL), STATUS_OK);
    ck_assert_ptr_nonnull(strstr(run.out, "On 20000 fresh points from the same curve"));
    double noise = 0.0, line[4], quadratic[4];
    for (size_t i = 0; i < fresh.n; i++) {
        double miss = curve(fresh.x[2 * i]) + 0.5 - fresh.y[i];
        noise += miss * miss / (double)fresh.n;
    }
    least_squares_polynomial(&train, 2, line);
    least_squares_polynomial(&train, 3, quadratic);
    ck_assert_double_eq_tol(held_out(run.out, "the curve itself: the noise alone"), noise, 6e-5);
    ck_assert_double_eq_tol(held_out(run.out, "the best straight line"),
                            polynomial_loss(&fresh, 2, line), 6e-5);
    ck_assert_double_eq_tol(held_out(run.out, "the least-squares quadratic"),
                            polynomial_loss(&fresh, 3, quadratic), 6e-5);
    ck_assert_double_gt(held_out(run.out, "  the network"), noise);
    program_run_free(&run);
    data_free(&train);
    data_free(&fresh);
}
END_TEST

/* Writes n points of the bent curve of seed 7 as x·x_scale + x_shift,
 * y·y_scale + y_shift into path. */
static void write_curve_csv(const char *path, double x_scale, double x_shift, double y_scale,
                            double y_shift)
{
    Dataset data;
    Rng rng = rng_seeded(7);
    ck_assert_int_eq(curve_data(&data, 60, &rng, NULL), STATUS_OK);
    FILE *file = fopen(path, "w");
    ck_assert_ptr_nonnull(file);
    for (size_t i = 0; i < data.n; i++)
        fprintf(file, "%.17g,%.17g\n", data.x[2 * i] * x_scale + x_shift,
                data.y[i] * y_scale + y_shift);
    ck_assert_int_eq(fclose(file), 0);
    data_free(&data);
}

START_TEST(chapter_10_standardized_trains_the_same_in_any_units)
{
    /* x' and y' do not depend on the units the points came in, so neither
     * does training on them: the same points in years (x·1000 + 1990) and
     * in other units of y (y·50 + 300) end at 50² times the loss, to the
     * printed digits. Without --standardize the years blow the run up, and
     * the message names the flag. */
    char small[128], large[128];
    snprintf(small, sizeof small, "%s/small.csv", scratch_dir);
    snprintf(large, sizeof large, "%s/large.csv", scratch_dir);
    write_curve_csv(small, 1.0, 0.0, 10.0, 0.0);
    write_curve_csv(large, 1000.0, 1990.0, 500.0, 300.0);
    double losses[2];
    const char *paths[2] = {small, large};
    for (int k = 0; k < 2; k++) {
        const char *words[] = {"--data", paths[k], "--standardize", "--quiet", NULL};
        ProgramRun run;
        run_chapter("ch10", words, &run);
        ck_assert_int_eq(sscanf(run.out, "final: hidden = 16, loss = %lf", &losses[k]), 1);
        program_run_free(&run);
    }
    ck_assert_double_gt(losses[0], 1.0);
    ck_assert_double_eq_tol(losses[1] / 2500.0, losses[0], 1e-4 * losses[0]);
    const char *words[] = {"--data", large, "--quiet", NULL};
    ProgramRun run;
    ck_assert(run_chapter_program(BUILD_DIR, "ch10", scratch_dir, words, &run));
    ck_assert_int_eq(run.exit_code, 1);
    ck_assert_msg(strstr(run.err, "rescale them, as --standardize does") != NULL, "stderr: %s",
                  run.err);
    program_run_free(&run);
}
END_TEST

Suite *claims_suite(void)
{
    Suite *suite = suite_create("claims");
    TCase *ch07 = tcase_create("chapters 04, 06 and 07: rates and floors");
    tcase_set_timeout(ch07, 60);
    tcase_add_checked_fixture(ch07, scratch_make, scratch_remove);
    tcase_add_test(ch07, chapter_04_draws_the_loss_above_the_floor);
    tcase_add_test(ch07, chapter_06_names_the_best_fixed_rate);
    tcase_add_test(ch07, chapter_07_floors_are_the_steady_states_of_the_noisy_step);
    tcase_add_test(ch07, chapter_07_averaging_and_a_decay_that_keeps_up_get_below_the_floor);
    suite_add_tcase(suite, ch07);
    TCase *ch10 = tcase_create("chapter 10's curvature and held-out loss");
    tcase_set_timeout(ch10, 60);
    tcase_add_checked_fixture(ch10, scratch_make, scratch_remove);
    tcase_add_test(ch10, chapter_10_measures_the_curvature_the_hessian_has);
    tcase_add_test(ch10, chapter_10_scores_fresh_points_from_the_curve);
    tcase_add_test(ch10, chapter_10_standardized_trains_the_same_in_any_units);
    suite_add_tcase(suite, ch10);
    return suite;
}
