#define _GNU_SOURCE /* getopt_long */

#include "cli.h"

#include <errno.h>
#include <float.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "shown.h"

/* One row per flag: its name, its FLAG_ bit, the text of --help. */
typedef struct {
    const char *name;
    unsigned bit;
    const char *value; /* "N", "X", "FILE", "DIR", "HOW" or NULL for a switch */
    const char *help;
} FlagInfo;

static const FlagInfo FLAGS[] = {
    {"seed", FLAG_SEED, "N", "seed of the synthetic data"},
    {"n", FLAG_N, "N", "number of synthetic points (default 100)"},
    {"lr", FLAG_LR, "X", "learning rate, a number above 0"},
    {"epochs", FLAG_EPOCHS, "N", "passes over the data; full batch: steps"},
    {"batch", FLAG_BATCH, "N", "minibatch size; larger than the data means full batch"},
    {"data", FLAG_DATA, "FILE", "fit a CSV of x,y rows instead of synthetic data"},
    {"out", FLAG_OUT, "DIR", "folder for the figure scripts (default out)"},
    {"quiet", FLAG_QUIET, NULL, "print only the last line"},
    {"trace", FLAG_TRACE, "FILE", "every step's loss and a into FILE as CSV, all 17 digits"},
    {"standardize", FLAG_STANDARDIZE, NULL,
     "fit on x rescaled to mean 0, sd 1; report a in the data's units"},
    {"momentum", FLAG_MOMENTUM, "B", "momentum beta, 0 to below 1; 0 is plain (default 0)"},
    {"decay", FLAG_DECAY, "T", "rate lr / (1 + t/T) at iteration t; 0 keeps it (default 0)"},
    {"degree", FLAG_DEGREE, "D", "degree of the polynomial SGD trains, 0 to 30 (default 14)"},
    {"train", FLAG_TRAIN, "N", "number of training points (default 15)"},
    {"validation", FLAG_VALIDATION, "N", "number of validation points (default 100)"},
    {"hidden", FLAG_HIDDEN, "N", "hidden units of the network"},
    {"init", FLAG_INIT, "HOW", "how the network starts: random (default) or zeros"},
    {"test", FLAG_TEST, "FILE", "held-out CSV to score on (default: a fifth of each class)"},
    {"wd", FLAG_WEIGHT_DECAY, "X", "weight decay: each step also takes lr * X * a off a"},
};
enum { FLAG_COUNT = sizeof FLAGS / sizeof FLAGS[0], HELP_INDEX = FLAG_COUNT };

static Status bad_value(Error *err, const char *flag, const char *value,
                        const char *why)
{
    char buffer[SHOWN_SIZE];
    return fail(err, STATUS_USAGE, "--%s: '%s' %s", flag, shown(value, buffer), why);
}

static size_t count_digits(const char *text)
{
    size_t k = 0;
    while (text[k] >= '0' && text[k] <= '9')
        k++;
    return k;
}

/* True if text (length bytes) is a number in decimal: an optional sign,
 * digits with an optional point, an optional exponent: "-1.5", ".5", "2e-3".
 * Not "0x10", "inf" or "1,5", which strtod might half-read or read its own way. */
static bool is_decimal(const char *text, size_t length)
{
    size_t k = text[0] == '+' || text[0] == '-';
    size_t whole = count_digits(text + k);
    k += whole;
    size_t fraction = 0;
    if (text[k] == '.') {
        fraction = count_digits(text + k + 1);
        k += 1 + fraction;
    }
    if (whole + fraction == 0)
        return false;
    if (text[k] == 'e' || text[k] == 'E') {
        size_t sign = text[k + 1] == '+' || text[k + 1] == '-';
        size_t digits = count_digits(text + k + 1 + sign);
        if (digits == 0)
            return false;
        k += 1 + sign + digits;
    }
    return k == length;
}

static const char HEX_REFUSED[] = "is hexadecimal: write numbers in decimal";

/* A count written with an exponent, "1e3" or "2.5e4", as a reader writes a
 * large one: true, with its value, if text (length bytes) is a decimal
 * number (is_decimal) with no sign and no fraction. */
static bool whole_in_exponent_form(const char *text, size_t length, double *value)
{
    if (text[0] == '-' || text[0] == '+' || !is_decimal(text, length))
        return false;
    *value = strtod(text, NULL);
    return *value == floor(*value); /* inf too: out of every range */
}

static Status out_of_range(const char *flag, const char *value, uint64_t low, uint64_t high,
                           Error *err)
{
    char range[80];
    snprintf(range, sizeof range, "is out of range: use %llu to %llu",
             (unsigned long long)low, (unsigned long long)high);
    return bad_value(err, flag, value, range);
}

/* A whole number in [low, high], in decimal digits, or in exponent form
 * ("1e6": whole_in_exponent_form); no sign, no fraction. */
static Status parse_count(const char *flag, const char *value, uint64_t low,
                          uint64_t high, uint64_t *count, Error *err)
{
    size_t length;
    const char *text = strip_blanks(value, &length);
    if (is_hexadecimal(text))
        return bad_value(err, flag, value, HEX_REFUSED);
    /* strtoull quietly turns "-1" into 2^64 − 1: digits only, or a decimal. */
    if (length > 0 && count_digits(text) == length) {
        errno = 0;
        unsigned long long parsed = strtoull(text, NULL, 10);
        if (errno == ERANGE || parsed < low || parsed > high)
            return out_of_range(flag, value, low, high, err);
        *count = parsed;
        return STATUS_OK;
    }
    double parsed;
    if (!whole_in_exponent_form(text, length, &parsed))
        return bad_value(err, flag, value, "is not a whole number");
    if (parsed < (double)low || parsed > (double)high)
        return out_of_range(flag, value, low, high, err);
    /* Past 2^53 a double no longer holds every whole number: 1e19 may not
     * be the number meant. (Only --seed goes that high.) */
    if (parsed > 9007199254740992.0)
        return bad_value(err, flag, value,
                         "is too large to write with an exponent: write all its digits");
    *count = (uint64_t)parsed;
    return STATUS_OK;
}

/* A number in decimal (see is_decimal) with the spaces around it ignored,
 * into *number: the one reader of every flag that takes a fraction (--lr,
 * --momentum, --decay). It refuses hexadecimal, words strtod reads (nan,
 * inf), a number past the largest double (1e999) and, with the reason
 * too_small, a number too close to 0 for a double to hold (1e-400, which
 * strtod makes 0, and 1e-320, which it keeps with only a few digits). -0 is
 * 0, so that it never prints as "-0". */
static Status parse_decimal(const char *flag, const char *value, const char *too_small,
                            double *number, Error *err)
{
    size_t length;
    const char *text = strip_blanks(value, &length);
    if (is_hexadecimal(text))
        return bad_value(err, flag, value, HEX_REFUSED);
    char *end;
    errno = 0;
    double parsed = strtod(text, &end);
    /* strtod reads "nan" and "inf", and gives ±HUGE_VAL on overflow ("1e999"),
     * which a CSV value calls too large too (csv.c). */
    bool decimal = is_decimal(text, length);
    if (decimal && !isfinite(parsed))
        return bad_value(err, flag, value,
                         "is too large: a double holds numbers up to about 1.8e308");
    if (length > 0 && end == text + length && !isfinite(parsed))
        return bad_value(err, flag, value, "is not a finite number");
    if (!decimal)
        return bad_value(err, flag, value, "is not a number");
    if (errno == ERANGE || (parsed != 0.0 && fabs(parsed) < DBL_MIN)) /* underflow */
        return bad_value(err, flag, value, too_small);
    *number = parsed == 0.0 ? 0.0 : parsed;
    return STATUS_OK;
}

static Status parse_learning_rate(const char *value, double *lr, Error *err)
{
    double parsed;
    Status status = parse_decimal("lr", value, "is too small: a step that size never moves",
                                  &parsed, err);
    if (status != STATUS_OK)
        return status;
    if (parsed < 0.0)
        return bad_value(err, "lr", value, "must be above 0: a negative step climbs uphill");
    if (parsed == 0.0)
        return bad_value(err, "lr", value, "must be above 0: a step of 0 never moves");
    *lr = parsed;
    return STATUS_OK;
}

/* parse_decimal() of a value that must be 0 or more: --momentum, --decay. */
static Status parse_non_negative(const char *flag, const char *value, const char *too_small,
                                 double *number, Error *err)
{
    Status status = parse_decimal(flag, value, too_small, number, err);
    if (status == STATUS_OK && *number < 0.0)
        return bad_value(err, flag, value, "must be 0 or more");
    return status;
}

/* --momentum B, 0 <= B < 1: how much of the last step each step keeps. */
static Status parse_momentum(const char *value, double *beta, Error *err)
{
    Status status = parse_non_negative(
        "momentum", value, "is too small to tell from 0: write 0 for no momentum", beta, err);
    /* 0.99999999999999999 is below 1, but no double is nearer to it than 1:
     * the largest double below 1 is 1 − 2^-53 = 0.99999999999999989. A
     * number below 1 that rounds to 1 has a 9 in it; 1 itself has none. */
    size_t length;
    const char *text = strip_blanks(value, &length);
    if (status == STATUS_OK && *beta == 1.0 && memchr(text, '9', length) != NULL)
        return bad_value(err, "momentum", value,
                         "rounds to 1 as a double, and must be below 1: the largest "
                         "double below 1 is 0.99999999999999989");
    if (status == STATUS_OK && *beta >= 1.0)
        return bad_value(err, "momentum", value,
                         "must be below 1: at 1 old gradients never fade, and the steps grow");
    return status;
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
    case FLAG_TEST:
    case FLAG_OUT:
    case FLAG_TRACE:
        if (value[0] == '\0')
            return fail(err, STATUS_USAGE, "--%s: needs a non-empty path", flag->name);
        /* "--out --quiet": the path was forgotten, and getopt took the next
         * flag for it. A path that starts with "--" is written "./--x". */
        if (strncmp(value, "--", 2) == 0)
            return bad_value(err, flag->name, value,
                             "is a flag, not a path: give the path after the flag (for a "
                             "name that starts with --, write ./--name)");
        *(flag->bit == FLAG_DATA    ? &options->data_path
          : flag->bit == FLAG_TEST  ? &options->test_path
          : flag->bit == FLAG_OUT   ? &options->out_dir
                                    : &options->trace_path) = value;
        break;
    case FLAG_QUIET: options->quiet = true; break;
    case FLAG_STANDARDIZE: options->standardize = true; break;
    case FLAG_MOMENTUM: status = parse_momentum(value, &options->momentum, err); break;
    case FLAG_DECAY: /* T of lr / (1 + t/T); 1e-320 would make t/T inf and the rate 0 */
        status = parse_non_negative(flag->name, value,
                                    "is too small to tell from 0: write 0 for a constant rate",
                                    &options->decay, err);
        break;
    case FLAG_DEGREE:
        status = parse_count(flag->name, value, 0, MAX_DEGREE, &count, err);
        options->degree = (size_t)count;
        break;
    case FLAG_TRAIN:
        status = parse_count(flag->name, value, 2, MAX_N, &count, err);
        options->train = (size_t)count;
        break;
    case FLAG_VALIDATION:
        status = parse_count(flag->name, value, 1, MAX_N, &count, err);
        options->validation = (size_t)count;
        break;
    case FLAG_HIDDEN:
        status = parse_count(flag->name, value, 1, MAX_HIDDEN, &count, err);
        options->hidden = (size_t)count;
        break;
    case FLAG_WEIGHT_DECAY:
        status = parse_non_negative(flag->name, value,
                                    "is too small to tell from 0: write 0 for no weight decay",
                                    &options->weight_decay, err);
        break;
    case FLAG_INIT:
        if (strcmp(value, "random") != 0 && strcmp(value, "zeros") != 0)
            return bad_value(err, flag->name, value, "is not random or zeros");
        options->init_zeros = strcmp(value, "zeros") == 0;
        break;
    }
    return status;
}

/* A chapter that takes --batch draws its minibatches from shuffles seeded by
 * --seed, so there the seed matters with --data too; elsewhere it only makes
 * the synthetic data, and with --data it would be silently ignored. */
static bool seed_shuffles(const Chapter *chapter)
{
    return (chapter->flags & FLAG_BATCH) != 0;
}

/* The notebook's 100 passes over the data, or, for the chapter that fits
 * polynomials (chapter 09, the one with --degree), the 50000 it takes a
 * polynomial to overfit its training points. */
static size_t default_epochs(const Chapter *chapter)
{
    if (chapter->default_epochs != 0)
        return chapter->default_epochs;
    return chapter->flags & FLAG_DEGREE ? 50000 : 100;
}

/* Chapter 10's 16 hidden units, unless the chapter says otherwise. */
static size_t default_hidden(const Chapter *chapter)
{
    return chapter->default_hidden != 0 ? chapter->default_hidden : 16;
}

static void set_defaults(Options *options, const Chapter *chapter)
{
    *options = (Options){
        .seed = 42,
        .n = 100,
        .lr = chapter->default_lr != 0.0 ? chapter->default_lr : 0.1,
        .epochs = default_epochs(chapter),
        .batch = chapter->default_batch,
        .data_path = NULL,
        .test_path = NULL,
        .out_dir = "out",
        .trace_path = NULL,
        .quiet = false,
        .standardize = false,
        .degree = 14,
        .train = 15,
        .validation = 100,
        .hidden = default_hidden(chapter),
        .init_zeros = false,
        .weight_decay = chapter->flags & FLAG_WEIGHT_DECAY ? DEFAULT_WEIGHT_DECAY : 0.0,
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

/* The name of flag k of getopt_long's table: FLAGS[k].name, or "help". */
static const char *flag_name(int k)
{
    return k == HELP_INDEX ? "help" : FLAGS[k].name;
}

/* The flags whose names start with the length bytes at prefix, written into
 * text (size bytes) as "--data" or "--data, --decay or --degree". Returns
 * how many there are. */
static int flags_starting_with(const char *prefix, size_t length, char *text, size_t size)
{
    int count = 0, total = 0;
    for (int k = 0; k <= HELP_INDEX; k++)
        total += strncmp(flag_name(k), prefix, length) == 0;
    size_t used = 0;
    text[0] = '\0';
    for (int k = 0; k <= HELP_INDEX && used < size; k++) {
        if (strncmp(flag_name(k), prefix, length) != 0)
            continue;
        count++;
        used += (size_t)snprintf(text + used, size - used, "%s--%s",
                                 count == 1 ? "" : count == total ? " or " : ", ", flag_name(k));
    }
    return total;
}

/* getopt_long takes any unambiguous start of a flag's name ("--da" for
 * --data) and calls one that fits several flags unknown. A reader who
 * types "--d" meant one flag, and one day another flag may start the same
 * way: ask for the whole name instead. word: "--NAME" or "--NAME=VALUE" */
static Status refuse_shortened(const char *word, Error *err)
{
    char buffer[SHOWN_SIZE], names[160];
    const char *name = word + 2;
    size_t length = strcspn(name, "=");
    int count = flags_starting_with(name, length, names, sizeof names);
    return fail(err, STATUS_USAGE, "%.*s: write the whole flag, %s%s", (int)(length + 2),
                shown(word, buffer), count > 1 ? "one of " : "", names);
}

/* The word on the command line that gave the long flag getopt_long just
 * returned, "--da" or "--da=x". getopt_long has moved optind past it, and
 * past its value too when that was the next word. */
static const char *flag_word(char **argv)
{
    bool value_was_next = optarg != NULL && optind >= 2 && optarg == argv[optind - 1];
    return argv[optind - 1 - (value_was_next ? 1 : 0)];
}

/* True if word ("--NAME" or "--NAME=VALUE") spells out flag k's whole name. */
static bool whole_name(const char *word, int k)
{
    const char *name = flag_name(k);
    size_t length = strlen(name);
    return strncmp(word + 2, name, length) == 0 &&
           (word[2 + length] == '\0' || word[2 + length] == '=');
}

/* The message for what getopt_long refused. For a long flag, argv[optind - 1]
 * is the culprit. In a cluster of short flags ("-xh") getopt_long moves optind
 * on only after the cluster's last letter, so there optopt, the letter itself,
 * names it: getopt_long sets optopt to 0 for an unknown long flag and to the
 * flag's index for a value given to a switch ("--quiet=3"). */
static Status refused(int result, char **argv, Error *err)
{
    char buffer[SHOWN_SIZE];
    const char *word = shown(argv[optind - 1], buffer);
    bool long_flag = strncmp(word, "--", 2) == 0;
    /* optopt: the flag's index, for a missing value (where 0 is --seed) or
     * a value given to a switch; else 0 */
    bool known = long_flag && optopt >= (result == ':' ? 0 : 1) && optopt <= HELP_INDEX;
    if (known && !whole_name(argv[optind - 1], optopt))
        return refuse_shortened(argv[optind - 1], err);
    if (result == ':')
        return fail(err, STATUS_USAGE, "%s: needs a value", word);
    if (known && strchr(word, '=') != NULL)
        return fail(err, STATUS_USAGE, "--%s takes no value, but got '%s'", flag_name(optopt),
                    word);
    if (optopt > ' ' && optopt < 127) /* a printable letter: a short flag */
        return fail(err, STATUS_USAGE, "unknown flag '-%c'", optopt);
    char names[160];
    const char *name = argv[optind - 1] + 2;
    if (long_flag && flags_starting_with(name, strcspn(name, "="), names, sizeof names) > 1)
        return refuse_shortened(argv[optind - 1], err); /* "--d": several flags */
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
        if (result >= 0 && result <= HELP_INDEX && !whole_name(flag_word(argv), result))
            return refuse_shortened(flag_word(argv), err);
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
        /* Which of two values did the reader mean? Asking beats guessing. */
        if (seen & flag->bit)
            return fail(err, STATUS_USAGE, "--%s is given twice; give each flag once",
                        flag->name);
        Status status = apply_flag(flag, optarg, options, err);
        if (status != STATUS_OK)
            return status;
        seen |= flag->bit;
    }
    options->given = seen;
    if (optind < argc) {
        char buffer[SHOWN_SIZE];
        return fail(err, STATUS_USAGE, "unexpected argument '%s'",
                    shown(argv[optind], buffer));
    }
    if ((seen & FLAG_N) && (seen & FLAG_DATA))
        return fail(err, STATUS_USAGE,
                    "--n and --data do not go together: the file says how many points");
    if (options->data_path != NULL && options->test_path != NULL &&
        strcmp(options->data_path, "-") == 0 && strcmp(options->test_path, "-") == 0)
        return fail(err, STATUS_USAGE,
                    "--data - and --test - would both read standard input: give one a file");
    if ((seen & FLAG_SEED) && (seen & FLAG_DATA) && !seed_shuffles(chapter))
        return fail(err, STATUS_USAGE,
                    "--seed and --data do not go together in %s: the seed only makes "
                    "the synthetic data",
                    chapter->name);
    return STATUS_OK;
}

bool cli_classifies(const Chapter *chapter)
{
    return (chapter->flags & FLAG_TEST) != 0;
}

/* The help of flag k in this chapter, where it depends on the chapter. */
static void print_flag_help(FILE *out, int k, const Chapter *chapter)
{
    /* Chapter 09's features already put x on [-1, 1]: only y is centred. */
    if (FLAGS[k].bit == FLAG_STANDARDIZE && (chapter->flags & FLAG_DEGREE)) {
        fputs("fit y less its training mean (x is on [-1, 1] already): SGD starts from the "
              "mean", out);
        return;
    }
    bool classifies = cli_classifies(chapter);
    if (FLAGS[k].bit == FLAG_DATA && classifies)
        fputs("train on this CSV of labelled rows (default data/digits.csv)", out);
    else if (FLAGS[k].bit == FLAG_SEED && classifies)
        fputs("seed of the shuffles and of the network's start", out);
    else
        fputs(FLAGS[k].help, out);
    if (FLAGS[k].bit == FLAG_SEED && seed_shuffles(chapter) && !classifies)
        fputs(", and of the shuffles", out);
    if (FLAGS[k].bit == FLAG_HIDDEN)
        fprintf(out, " (default %zu)", default_hidden(chapter));
    if (FLAGS[k].bit == FLAG_WEIGHT_DECAY)
        fprintf(out, " (default %g)", DEFAULT_WEIGHT_DECAY);
    if (FLAGS[k].bit == FLAG_SEED)
        fputs(" (default 42)", out);
    if (FLAGS[k].bit == FLAG_EPOCHS)
        fprintf(out, " (default %zu)", default_epochs(chapter));
    if (FLAGS[k].bit == FLAG_LR)
        fprintf(out, " (default %g)", chapter->default_lr != 0.0 ? chapter->default_lr : 0.1);
    if (FLAGS[k].bit == FLAG_TRACE && seed_shuffles(chapter))
        fputs("\n                 (a step is an update: its batch's loss, then a after it)", out);
    else if (FLAGS[k].bit == FLAG_TRACE)
        fputs("\n                 (step 0 is the start; each row: the loss at a, then a)", out);
    if (FLAGS[k].bit == FLAG_BATCH && chapter->default_batch == 0)
        fputs(" (default: all the data)", out);
    else if (FLAGS[k].bit == FLAG_BATCH)
        fprintf(out, " (default %zu)", chapter->default_batch);
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
        fprintf(out, "  %-14s ", left);
        print_flag_help(out, k, chapter);
        fputc('\n', out);
    }
    fprintf(out, "  %-14s %s\n", "--help", "show this help and exit");
    fprintf(out, "\nWrite each flag in full (--epochs, not --ep), and give it at most once.\n"
                 "Numbers are decimal: 0.05, 5e-2 and 100 are fine, 0x10 is not; a count\n"
                 "may be written 1e6; spaces around a number are ignored.\n");
    if (cli_classifies(chapter))
        fprintf(out, "FILE is a regular file of rows of numbers, the last the class: a whole "
                     "number\n0, 1, 2, ... (a header line, blank lines and # comments are "
                     "skipped), or -\nto read the rows from standard input.\n");
    else if (chapter->flags & FLAG_DATA)
        fprintf(out, "FILE is a regular file of x,y rows (a header line, blank lines and "
                     "# comments\nare skipped), or - to read the rows from standard "
                     "input.\n");
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
