/*
 * gradients.c — the library's loss and gradient at given parameters, for
 * `make reference` to hold beside torch.autograd's.
 *
 *     reference-gradients MODEL DATA TRACE
 *
 * MODEL is the model of a chapter: line (chapters 04, 05, 07: the gradient
 * worked out by hand, loss_and_gradient), tape (chapter 08: the same line
 * recorded on the tape and walked back), legendre:D (chapter 09: D Legendre
 * features, gradient_d), lstsq:D (chapter 09's least-squares coefficients,
 * least_squares_d, once) or network:H (chapter 10: H ReLU units on the
 * tape). DATA is a CSV of x,y rows; TRACE a chapter's --trace, or any CSV
 * of the same shape, whose every row's parameters (after step and loss)
 * are taken in turn. For each row it prints the loss over all of DATA and
 * its gradient, "loss,g1,...,gP", every number with %.17g.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "gradient.h"
#include "loss.h"
#include "network.h"
#include "polynomial.h"
#include "sgd.h"
#include "tape.h"

enum { MAX_PARAMETERS = 1024 };

/* The line y_hat = a1*x1 + a2*x2 and its mean squared error on the tape,
 * in the order chapter 08 records them; the gradient by backward(). */
static double tape_line(const Dataset *d, const double *a, double *grad, Var *squared)
{
    Tape tape = {0};
    Var a1 = tape_leaf(&tape, a[0]), a2 = tape_leaf(&tape, a[1]);
    for (size_t i = 0; i < d->n; i++) {
        Var x1 = tape_leaf(&tape, d->x[2 * i]);
        Var x2 = tape_leaf(&tape, d->x[2 * i + 1]);
        Var a1_x1 = tape_mul(&tape, a1, x1);
        Var a2_x2 = tape_mul(&tape, a2, x2);
        Var y_hat = tape_add(&tape, a1_x1, a2_x2);
        squared[i] = tape_square(&tape, tape_sub(&tape, y_hat, tape_leaf(&tape, d->y[i])));
    }
    Var loss = tape_mean(&tape, squared, d->n);
    tape_backward(&tape, loss);
    double value = tape_value(&tape, loss);
    grad[0] = tape_grad(&tape, a1);
    grad[1] = tape_grad(&tape, a2);
    tape_free(&tape);
    return value;
}

static double network_at(const Dataset *d, size_t hidden, const double *a, double *grad)
{
    Network net = {hidden, ACTIVATION_RELU};
    NetworkTape recorder;
    Error err;
    if (network_tape_init(&recorder, &net, d->n, &err) != STATUS_OK)
        return NAN;
    Var loss = network_record_loss(&recorder, a, d);
    tape_backward(&recorder.tape, loss);
    network_read_grad(&recorder, grad);
    double value = tape_value(&recorder.tape, loss);
    network_tape_free(&recorder);
    return value;
}

/* The model's loss on d at a, and its gradient into grad; P parameters.
 * x: the data's features, for legendre (n×P) */
static double loss_at(const char *model, size_t P, const Dataset *d, const double *x,
                      const double *a, double *grad, Var *scratch)
{
    if (strcmp(model, "line") == 0)
        return loss_and_gradient(d->x, d->y, d->n, a, grad);
    if (strcmp(model, "tape") == 0)
        return tape_line(d, a, grad, scratch);
    if (strncmp(model, "legendre:", 9) == 0) {
        gradient_d(x, d->y, d->n, P, a, grad);
        return loss_of_d(x, d->y, d->n, P, a);
    }
    return network_at(d, (P - 1) / 3, a, grad);
}

static void print_row(double loss, const double *grad, size_t P)
{
    printf("%.17g", loss);
    for (size_t k = 0; k < P; k++)
        printf(",%.17g", grad[k]);
    putchar('\n');
}

/* The Legendre features of degree D − 1 of every x in d. x: n×D */
static double *legendre_features(const Dataset *d, size_t D)
{
    double *x = malloc(d->n * D * sizeof *x);
    for (size_t i = 0; x != NULL && i < d->n; i++)
        feature_row(FEATURES_LEGENDRE, d->x[2 * i], D, &x[D * i]);
    return x;
}

/* Every row of trace, or for lstsq:D the one answer (the trace unread). */
static int run(const char *model, const Dataset *d, const CsvTable *trace)
{
    bool lstsq = strncmp(model, "lstsq:", 6) == 0;
    bool polynomial = lstsq || strncmp(model, "legendre:", 9) == 0;
    size_t P = trace->columns - 2, D = polynomial ? strtoul(strchr(model, ':') + 1, NULL, 10) : 0;
    double *x = polynomial ? legendre_features(d, D) : NULL;
    Var *scratch = malloc(d->n * sizeof *scratch);
    double grad[MAX_PARAMETERS];
    Error err;
    bool fine = (x != NULL || !polynomial) && scratch != NULL && P <= MAX_PARAMETERS &&
                D <= MAX_PARAMETERS && (lstsq || !polynomial || D == P);
    if (!fine)
        fprintf(stderr, "reference-gradients: %s and %zu parameters a row: out of memory, "
                        "too many, or not the model's\n", model, P);
    if (fine && lstsq) {
        fine = least_squares_d(x, d->y, d->n, D, grad, &err) == STATUS_OK;
        if (fine)
            print_row(loss_of_d(x, d->y, d->n, D, grad), grad, D);
        else
            fprintf(stderr, "reference-gradients: %s\n", err.message);
    }
    for (size_t r = 0; fine && !lstsq && r < trace->n; r++)
        print_row(loss_at(model, P, d, x, &trace->values[trace->columns * r + 2], grad, scratch),
                  grad, P);
    free(scratch);
    free(x);
    return fine ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *models[] = {"line", "tape", "legendre:", "lstsq:", "network:"};
    bool known = false;
    for (size_t k = 0; argc == 4 && k < sizeof models / sizeof models[0]; k++)
        known = known || strncmp(argv[1], models[k], strlen(models[k])) == 0;
    if (!known) {
        fputs("usage: reference-gradients line|tape|legendre:D|lstsq:D|network:H DATA TRACE\n",
              stderr);
        return 2;
    }
    Dataset data = {0};
    CsvTable trace = {0};
    Error err;
    int status = csv_load(&data, argv[2], NULL, &err) != STATUS_OK ||
                 csv_load_table(&trace, argv[3], NULL, &err) != STATUS_OK || trace.columns < 3;
    if (status == 0)
        status = run(argv[1], &data, &trace);
    else
        fprintf(stderr, "reference-gradients: %s\n", err.message);
    if (fflush(stdout) != 0 || ferror(stdout))
        status = 1;
    data_free(&data);
    csv_table_free(&trace);
    return status;
}
