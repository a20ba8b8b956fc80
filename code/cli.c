#define _GNU_SOURCE /* getopt_long */

#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One row per flag: its name, its FLAG_ bit, the text of --help. */
typedef struct {
    const char *name;
    unsigned bit;
    const char *value; /* "N", "X", "FILE", "DIR", "HOW" or NULL for a switch */
    const char *help;
} FlagInfo;

static const FlagInfo FLAGS[] = {
    {"seed", FLAG_SEED, "N", "seed of the random numbers (default 42)"},
    {"n", FLAG_N, "N", "number of synthetic points (default 100)"},
    {"lr", FLAG_LR, "X", "learning rate, a number above 0 (default 0.1)"},
    {"epochs", FLAG_EPOCHS, "N", "passes over the data; full batch: steps (default 100)"},
    {"batch", FLAG_BATCH, "N", "minibatch size; larger than the data means full batch"},
    {"data", FLAG_DATA, "FILE", "fit a CSV of x,y rows instead of synthetic data"},
    {"out", FLAG_OUT, "DIR", "folder for the figure scripts (default out)"},
    {"quiet", FLAG_QUIET, NULL, "print only the last line"},
    {"standardize", FLAG_STANDARDIZE, NULL,
     "fit on x rescaled to mean 0, sd 1; report a in the data's units"},
    {"hidden", FLAG_HIDDEN, "N", "hidden units of the network (default 16)"},
    {"init", FLAG_INIT, "HOW", "how the network starts: random (default) or zeros"},
};
enum { FLAG_COUNT = sizeof FLAGS / sizeof FLAGS[0], HELP_INDEX = FLAG_COUNT };

enum { SHOWN_MAX = 60 };

/* A word from the command line as a message quotes it: at most SHOWN_MAX
 * characters, with control characters (a newline, an escape) shown as '?',
 * so that the message stays one plain line. buffer: SHOWN_MAX + 1 */
static const char *shown(const char *word, char *buffer)
{
    size_t k = 0;
    for (; word[k] != '\0' && k < SHOWN_MAX; k++) {
        unsigned char c = (unsigned char)word[k];
        buffer[k] = c < ' ' || c == 0x7f ? '?' : (char)c;
    }
    buffer[k] = '\0';
    return buffer;
}

static Status bad_value(Error *err, const char *flag, const char *value,
                        const char *why)
{
    char buffer[SHOWN_MAX + 1];
    return fail(err, STATUS_USAGE, "--%s: '%s' %s", flag, shown(value, buffer), why);
}

/* A whole number in [low, high], in decimal, with nothing after it. */
static Status parse_count(const char *flag, const char *text, uint64_t low,
                          uint64_t high, uint64_t *value, Error *err)
{
    char *end;
    errno = 0;
    /* strtoull quietly turns "-1" into 2^64 − 1: refuse signs up front. */
    if (text[0] < '0' || text[0] > '9')
        return bad_value(err, flag, text, "is not a whole number");
    unsigned long long parsed = strtoull(text, &end, 10);
    if (*end != '\0')
        return bad_value(err, flag, text, "is not a whole number");
    if (errno == ERANGE || parsed < low || parsed > high) {
        char range[80];
        snprintf(range, sizeof range, "is out of range: use %llu to %llu",
                 (unsigned long long)low, (unsigned long long)high);
        return bad_value(err, flag, text, range);
    }
    *value = parsed;
    return STATUS_OK;
}

static Status parse_learning_rate(const char *text, double *lr, Error *err)
{
    char *end;
    errno = 0;
    double parsed = strtod(text, &end);
    if (end == text || *end != '\0')
        return bad_value(err, "lr", text, "is not a number");
    /* strtod flags both overflow (±HUGE_VAL) and underflow (near 0) with ERANGE. */
    if (!isfinite(parsed) || (errno == ERANGE && fabs(parsed) > 1.0))
        return bad_value(err, "lr", text, "is not a finite number");
    if (parsed < 0.0)
        return bad_value(err, "lr", text, "must be above 0: a negative step climbs uphill");
    if (errno == ERANGE)
        return bad_value(err, "lr", text, "is too small: a step that size never moves");
    if (parsed == 0.0)
        return bad_value(err, "lr", text, "must be above 0: a step of 0 never moves");
    *lr = parsed;
    return STATUS_OK;
}

static Status apply_flag(const FlagInfo *flag, const char *value, Options *options,
                         Error *err)
{
    uint64_t count = 0;
    Status status = STATUS_OK;
    switch (flag->bit) {
    case FLAG_SEED:
        status = parse_count(flag->name, value, 0, UINT64_MAX, &options->seed, err);
        break;
    case FLAG_N:
        status = parse_count(flag->name, value, 2, MAX_N, &count, err);
        options->n = (size_t)count;
        break;
    case FLAG_LR: status = parse_learning_rate(value, &options->lr, err); break;
    case FLAG_EPOCHS:
        status = parse_count(flag->name, value, 1, MAX_EPOCHS, &count, err);
        options->epochs = (size_t)count;
        break;
    case FLAG_BATCH:
        status = parse_count(flag->name, value, 1, MAX_N, &count, err);
        options->batch = (size_t)count;
        break;
    case FLAG_DATA:
    case FLAG_OUT:
        if (value[0] == '\0')
            return fail(err, STATUS_USAGE, "--%s: needs a non-empty path", flag->name);
        *(flag->bit == FLAG_DATA ? &options->data_path : &options->out_dir) = value;
        break;
    case FLAG_QUIET: options->quiet = true; break;
    case FLAG_STANDARDIZE: options->standardize = true; break;
    case FLAG_HIDDEN:
        status = parse_count(flag->name, value, 1, MAX_HIDDEN, &count, err);
        options->hidden = (size_t)count;
        break;
    case FLAG_INIT:
        if (strcmp(value, "random") != 0 && strcmp(value, "zeros") != 0)
            return bad_value(err, flag->name, value, "is not random or zeros");
        options->init_zeros = strcmp(value, "zeros") == 0;
        break;
    }
    return status;
}

static void set_defaults(Options *options, const Chapter *chapter)
{
    *options = (Options){
        .seed = 42,
        .n = 100,
        .lr = 0.1,
        .epochs = 100,
        .batch = chapter->default_batch,
        .data_path = NULL,
        .out_dir = "out",
        .quiet = false,
        .standardize = false,
        .hidden = 16,
        .init_zeros = false,
        .help = false,
    };
}

/* getopt_long's table: every flag (so that a flag this chapter does not use
 * gets its own message), plus --help. */
static void long_options(struct option table[FLAG_COUNT + 2])
{
    for (int k = 0; k < FLAG_COUNT; k++)
        table[k] = (struct option){FLAGS[k].name,
                                   FLAGS[k].value ? required_argument : no_argument,
                                   NULL, k};
    table[HELP_INDEX] = (struct option){"help", no_argument, NULL, HELP_INDEX};
    table[HELP_INDEX + 1] = (struct option){NULL, 0, NULL, 0};
}

/* The message for what getopt_long refused. For a long flag, argv[optind - 1]
 * is the culprit. In a cluster of short flags ("-xh") getopt_long moves optind
 * on only after the cluster's last letter, so there optopt, the letter itself,
 * names it: getopt_long sets optopt to 0 for an unknown long flag and to the
 * flag's index for a value given to a switch ("--quiet=3"). */
static Status refused(int result, char **argv, Error *err)
{
    char buffer[SHOWN_MAX + 1];
    const char *word = shown(argv[optind - 1], buffer);
    bool long_flag = strncmp(word, "--", 2) == 0;
    if (result == ':')
        return fail(err, STATUS_USAGE, "%s: needs a value", word);
    if (long_flag && optopt > 0 && optopt <= HELP_INDEX && strchr(word, '=') != NULL)
        return fail(err, STATUS_USAGE, "--%s takes no value, but got '%s'",
                    optopt == HELP_INDEX ? "help" : FLAGS[optopt].name, word);
    if (optopt > ' ' && optopt < 127) /* a printable letter: a short flag */
        return fail(err, STATUS_USAGE, "unknown flag '-%c'", optopt);
    return fail(err, STATUS_USAGE, "unknown flag '%s'", word);
}

Status cli_parse(int argc, char **argv, const Chapter *chapter, Options *options,
                 Error *err)
{
    struct option table[FLAG_COUNT + 2];
    long_options(table);
    set_defaults(options, chapter);
    optind = 0; /* glibc: 0 restarts the scan from scratch */
    opterr = 0; /* we print our own messages */
    unsigned seen = 0;
    int result;
    while ((result = getopt_long(argc, argv, ":h", table, NULL)) != -1) {
        if (result == 'h' || result == HELP_INDEX) {
            options->help = true;
            continue;
        }
        if (result == '?' || result == ':')
            return refused(result, argv, err);
        const FlagInfo *flag = &FLAGS[result];
        if (!(chapter->flags & flag->bit))
            return fail(err, STATUS_USAGE, "--%s is not used by %s", flag->name,
                        chapter->name);
        Status status = apply_flag(flag, optarg, options, err);
        if (status != STATUS_OK)
            return status;
        seen |= flag->bit;
    }
    if (optind < argc) {
        char buffer[SHOWN_MAX + 1];
        return fail(err, STATUS_USAGE, "unexpected argument '%s'",
                    shown(argv[optind], buffer));
    }
    if ((seen & FLAG_N) && (seen & FLAG_DATA))
        return fail(err, STATUS_USAGE,
                    "--n and --data do not go together: the file says how many points");
    return STATUS_OK;
}

void cli_print_help(FILE *out, const Chapter *chapter)
{
    fprintf(out, "Usage: %s [flags]\n%s\n\nFlags:\n", chapter->name, chapter->purpose);
    for (int k = 0; k < FLAG_COUNT; k++) {
        if (!(chapter->flags & FLAGS[k].bit))
            continue;
        char left[32];
        snprintf(left, sizeof left, "--%s%s%s", FLAGS[k].name, FLAGS[k].value ? " " : "",
                 FLAGS[k].value ? FLAGS[k].value : "");
        fprintf(out, "  %-14s %s", left, FLAGS[k].help);
        if (FLAGS[k].bit == FLAG_BATCH)
            fprintf(out, " (default %zu)", chapter->default_batch);
        fputc('\n', out);
    }
    fprintf(out, "  %-14s %s\n", "--help", "show this help and exit");
    fprintf(out, "\nExit status: 0 on success, 1 when the data or the training fails, "
                 "2 for a bad command line.\n");
}

int cli_report(const Chapter *chapter, Status status, const Error *err)
{
    fprintf(stderr, "%s: %s\n", chapter->name, err->message);
    if (status == STATUS_USAGE)
        fprintf(stderr, "Try '%s --help' for the flags.\n", chapter->name);
    return exit_code_for(status);
}
