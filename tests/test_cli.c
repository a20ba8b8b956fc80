/* Tests for code/cli.c: the notebook's defaults, every flag read, and one
 * clear message for every bad command line. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "shown.h"
#include "suites.h"

static const Chapter TRAINS = {"chXX", "a test chapter", FLAGS_TRAINING | FLAG_BATCH, 10, 0, 0, 0.0};
static const Chapter LOOKS = {"chYY", "a chapter that does not train", FLAGS_DATA_ONLY, 0, 0, 0, 0.0};

/* Parses a NULL-terminated list of words after the program name. */
static Status parse(const Chapter *chapter, const char **words, Options *options,
                    Error *err)
{
    char *argv[16] = {"chXX"};
    int argc = 1;
    for (; words[argc - 1] != NULL; argc++)
        argv[argc] = (char *)words[argc - 1];
    argv[argc] = NULL;
    return cli_parse(argc, argv, chapter, options, err);
}

START_TEST(defaults_are_the_notebooks)
{
    const char *none[] = {NULL};
    Options o;
    ck_assert_int_eq(parse(&TRAINS, none, &o, NULL), STATUS_OK);
    ck_assert_uint_eq(o.seed, 42);
    ck_assert_uint_eq(o.n, 100);
    ck_assert_double_eq(o.lr, 0.1);
    ck_assert_uint_eq(o.epochs, 100);
    ck_assert_uint_eq(o.batch, 10);
    ck_assert_ptr_null(o.data_path);
    ck_assert_str_eq(o.out_dir, "out");
    ck_assert(!o.quiet && !o.help);
}
END_TEST

START_TEST(every_flag_is_read)
{
    const char *words[] = {"--seed", "18446744073709551615", "--lr=2.5e-2", "--epochs",
                           "7", "--batch", "3", "--out", "figs", "--quiet", NULL};
    Options o;
    ck_assert_int_eq(parse(&TRAINS, words, &o, NULL), STATUS_OK);
    ck_assert_uint_eq(o.seed, UINT64_MAX);
    ck_assert_double_eq(o.lr, 0.025);
    ck_assert_uint_eq(o.epochs, 7);
    ck_assert_uint_eq(o.batch, 3);
    ck_assert_str_eq(o.out_dir, "figs");
    ck_assert(o.quiet);

    const char *more[] = {"--data", "my.csv", "-h", NULL};
    ck_assert_int_eq(parse(&TRAINS, more, &o, NULL), STATUS_OK);
    ck_assert_str_eq(o.data_path, "my.csv");
    ck_assert(o.help);
    const char *n[] = {"--n", "1000", NULL};
    ck_assert_int_eq(parse(&LOOKS, n, &o, NULL), STATUS_OK); /* parsing twice works */
    ck_assert_uint_eq(o.n, 1000);
}
END_TEST

static void check_words_refused(const Chapter *chapter, const char **words,
                                const char *expected)
{
    Options o;
    Error err = {""};
    ck_assert_int_eq(parse(chapter, words, &o, &err), STATUS_USAGE);
    ck_assert_msg(strstr(err.message, expected) != NULL, "message '%s' lacks '%s'",
                  err.message, expected);
}

static void check_refused(const Chapter *chapter, const char *first, const char *second,
                          const char *expected)
{
    const char *words[] = {first, second, NULL};
    check_words_refused(chapter, words, expected);
}

START_TEST(bad_values_name_the_flag_and_the_value)
{
    check_refused(&TRAINS, "--lr", "abc", "--lr: 'abc' is not a number");
    check_refused(&TRAINS, "--lr", "0", "--lr: '0' must be above 0");
    check_refused(&TRAINS, "--lr", "-0.1", "--lr: '-0.1' must be above 0");
    check_refused(&TRAINS, "--lr", "inf", "--lr: 'inf' is not a finite number");
    check_refused(&TRAINS, "--lr", "0.1x", "--lr: '0.1x' is not a number");
    check_refused(&TRAINS, "--n", "-5", "--n: '-5' is not a whole number");
    check_refused(&TRAINS, "--n", "0", "--n: '0' is out of range");
    check_refused(&TRAINS, "--n", "1", "--n: '1' is out of range");
    check_refused(&TRAINS, "--n", "2.5", "--n: '2.5' is not a whole number");
    check_refused(&TRAINS, "--epochs", "0", "--epochs: '0' is out of range");
    check_refused(&TRAINS, "--batch", "0", "--batch: '0' is out of range");
    check_refused(&TRAINS, "--seed", "99999999999999999999", "--seed: '99999999999999999999' is out of range");
    check_refused(&TRAINS, "--out", "", "--out: needs a non-empty path");
}
END_TEST

START_TEST(bad_flags_are_named)
{
    check_refused(&TRAINS, "--bogus", NULL, "unknown flag '--bogus'");
    check_refused(&TRAINS, "-x", NULL, "unknown flag '-x'");
    check_refused(&TRAINS, "--lr", NULL, "--lr: needs a value");
    check_refused(&TRAINS, "--quiet=yes", NULL, "--quiet takes no value");
    check_refused(&TRAINS, "stray", NULL, "unexpected argument 'stray'");
    check_refused(&LOOKS, "--lr", "0.5", "--lr is not used by chYY");
    check_refused(&LOOKS, "--batch", "5", "--batch is not used by chYY");
    const char *both[] = {"--n", "10", "--data", "f.csv", NULL};
    Options o;
    Error err;
    ck_assert_int_eq(parse(&TRAINS, both, &o, &err), STATUS_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "--n and --data"));
}
END_TEST

START_TEST(spaces_around_a_number_are_ignored)
{
    /* strtod skips leading spaces but stops at trailing ones: ' 5' used to be
     * read as 5 and '5 ' refused. Now both are 5, for every number. */
    const char *rates[] = {" 5", "5 ", "\t5\t", " 5 "};
    for (size_t k = 0; k < 4; k++) {
        const char *words[] = {"--lr", rates[k], "--epochs", rates[k], "--seed", rates[k],
                               "--batch", rates[k], NULL};
        Options o;
        Error err = {""};
        ck_assert_msg(parse(&TRAINS, words, &o, &err) == STATUS_OK, "'%s': %s", rates[k],
                      err.message);
        ck_assert_double_eq(o.lr, 5.0);
        ck_assert_uint_eq(o.epochs, 5);
        ck_assert_uint_eq(o.seed, 5);
        ck_assert_uint_eq(o.batch, 5);
    }
    check_refused(&TRAINS, "--lr", " ", "--lr: ' ' is not a number");
    check_refused(&TRAINS, "--n", "5 0", "--n: '5 0' is not a whole number");
}
END_TEST

START_TEST(numbers_are_decimal_and_hexadecimal_is_refused)
{
    /* strtod reads "0x10" as 16 and "0x1p3" as 8; nobody means a rate that way. */
    check_refused(&TRAINS, "--lr", "0x10", "--lr: '0x10' is hexadecimal: write numbers in "
                                           "decimal");
    check_refused(&TRAINS, "--lr", "-0X1p3", "--lr: '-0X1p3' is hexadecimal");
    check_refused(&TRAINS, "--n", "0x10", "--n: '0x10' is hexadecimal");
    check_refused(&TRAINS, "--epochs", " 0x5", "--epochs: ' 0x5' is hexadecimal");
    check_refused(&TRAINS, "--lr", "1e", "--lr: '1e' is not a number");
    check_refused(&TRAINS, "--lr", ".", "--lr: '.' is not a number");
    check_refused(&TRAINS, "--lr", "+-1", "--lr: '+-1' is not a number");
    check_refused(&TRAINS, "--lr", "infinity", "--lr: 'infinity' is not a finite number");
    const char *fine[] = {"--lr", ".5e+1", NULL};
    Options o;
    ck_assert_int_eq(parse(&TRAINS, fine, &o, NULL), STATUS_OK);
    ck_assert_double_eq(o.lr, 5.0);
}
END_TEST

/* The options of a command line of one flag and its value, which must be
 * accepted. */
static Options read_one(const Chapter *chapter, const char *flag, const char *value)
{
    const char *words[] = {flag, value, NULL};
    Options o;
    Error err = {""};
    ck_assert_msg(parse(chapter, words, &o, &err) == STATUS_OK, "%s '%s': %s", flag, value,
                  err.message);
    return o;
}

START_TEST(momentum_and_decay_are_read_like_the_rate)
{
    /* They were read with plain strtod: "0x0.8" was 0.5, " 0.5" fine but
     * "0.5 " refused, "1e-400" silently 0, "1e-320" a decay that made the
     * rate exactly 0 after one step, and "-0" printed as -0. */
    static const Chapter STEPS = {"chWW", "a chapter with momentum and decay",
                                  FLAGS_TRAINING | FLAG_MOMENTUM | FLAG_DECAY, 0, 0, 0, 0.0};
    const char *spaced[] = {" 0.5", "0.5 ", "\t0.5\t", "5e-1"};
    for (size_t k = 0; k < 4; k++) {
        ck_assert_double_eq(read_one(&STEPS, "--momentum", spaced[k]).momentum, 0.5);
        ck_assert_double_eq(read_one(&STEPS, "--decay", spaced[k]).decay, 0.5);
    }
    const char *zeros[] = {"--momentum", "-0", "--decay", "-0.0e5", NULL};
    Options o;
    ck_assert_int_eq(parse(&STEPS, zeros, &o, NULL), STATUS_OK);
    ck_assert(o.momentum == 0.0 && !signbit(o.momentum));
    ck_assert(o.decay == 0.0 && !signbit(o.decay));
    check_refused(&STEPS, "--momentum", "0x0.8", "--momentum: '0x0.8' is hexadecimal: write "
                                                 "numbers in decimal");
    check_refused(&STEPS, "--decay", "0x10", "--decay: '0x10' is hexadecimal");
    check_refused(&STEPS, "--momentum", "1e-400", "--momentum: '1e-400' is too small to tell "
                                                  "from 0: write 0 for no momentum");
    check_refused(&STEPS, "--momentum", "1e-320", "--momentum: '1e-320' is too small");
    check_refused(&STEPS, "--decay", "1e-320", "--decay: '1e-320' is too small to tell from "
                                               "0: write 0 for a constant rate");
    check_refused(&STEPS, "--decay", "1e-400", "--decay: '1e-400' is too small");
    check_refused(&STEPS, "--momentum", "0.5x", "--momentum: '0.5x' is not a number");
    check_refused(&STEPS, "--momentum", "nan", "--momentum: 'nan' is not a finite number");
    check_refused(&STEPS, "--decay", "1e999", "--decay: '1e999' is too large");
    check_refused(&STEPS, "--momentum", "1", "--momentum: '1' must be below 1");
    check_refused(&STEPS, "--momentum", "-0.1", "--momentum: '-0.1' must be 0 or more");
    check_refused(&STEPS, "--decay", "-1", "--decay: '-1' must be 0 or more");
    check_refused(&STEPS, "--lr", "1e-320", "--lr: '1e-320' is too small");
}
END_TEST

START_TEST(a_count_may_be_written_with_an_exponent)
{
    /* "--epochs 1e3" was "not a whole number": a count that large is often
     * written so. Whole numbers only, and exact: 1e19 for a seed is past
     * 2^53, where a double skips whole numbers. */
    ck_assert_uint_eq(read_one(&TRAINS, "--epochs", "1e3").epochs, 1000);
    ck_assert_uint_eq(read_one(&TRAINS, "--epochs", "2.5e3").epochs, 2500);
    ck_assert_uint_eq(read_one(&TRAINS, "--n", " 1E6 ").n, 1000000);
    ck_assert_uint_eq(read_one(&TRAINS, "--seed", "1e15").seed, 1000000000000000u);
    check_refused(&TRAINS, "--epochs", "1.5e0", "--epochs: '1.5e0' is not a whole number");
    check_refused(&TRAINS, "--epochs", "-1e3", "--epochs: '-1e3' is not a whole number");
    check_refused(&TRAINS, "--epochs", "1e7", "--epochs: '1e7' is out of range: use 1 to "
                                             "1000000");
    check_refused(&TRAINS, "--epochs", "1e999", "--epochs: '1e999' is out of range");
    check_refused(&TRAINS, "--seed", "1e19", "--seed: '1e19' is too large to write with an "
                                            "exponent: write all its digits");
}
END_TEST

START_TEST(messages_say_what_happened_to_the_number)
{
    /* 1e999 overflows a double: "too large", as a CSV value that size is,
     * not "not a finite number", which is what inf and nan are. */
    check_refused(&TRAINS, "--lr", "1e999", "--lr: '1e999' is too large: a double holds "
                                           "numbers up to about 1.8e308");
    check_refused(&TRAINS, "--lr", "-1e999", "--lr: '-1e999' is too large");
    /* 0.99999999999999999 is below 1, but the nearest double is 1. */
    static const Chapter STEPS = {"chWW", "momentum", FLAGS_TRAINING | FLAG_MOMENTUM, 0, 0, 0, 0.0};
    check_refused(&STEPS, "--momentum", "0.99999999999999999",
                  "--momentum: '0.99999999999999999' rounds to 1 as a double, and must be "
                  "below 1: the largest double below 1 is 0.99999999999999989");
    ck_assert_double_eq(read_one(&STEPS, "--momentum", "0.99999999999999989").momentum,
                        1.0 - 0x1p-53);
}
END_TEST

START_TEST(a_flag_in_place_of_a_path_is_refused)
{
    /* "--out --quiet" made a folder named --quiet, and ran loudly. */
    check_refused(&TRAINS, "--out", "--quiet", "--out: '--quiet' is a flag, not a path: give "
                                              "the path after the flag (for a name that "
                                              "starts with --, write ./--name)");
    check_refused(&TRAINS, "--data", "--lr", "--data: '--lr' is a flag, not a path");
    ck_assert_str_eq(read_one(&TRAINS, "--out", "./--quiet").out_dir, "./--quiet");
    ck_assert_str_eq(read_one(&TRAINS, "--data", "-").data_path, "-");
}
END_TEST

START_TEST(the_flags_given_are_told_from_the_defaults)
{
    const char *words[] = {"--lr", "0.1", "--quiet", NULL};
    Options o;
    ck_assert_int_eq(parse(&TRAINS, words, &o, NULL), STATUS_OK);
    ck_assert_uint_eq(o.given, FLAG_LR | FLAG_QUIET); /* --lr 0.1 is the default, given */
}
END_TEST

START_TEST(a_flag_given_twice_is_refused)
{
    const char *twice[] = {"--lr", "0.1", "--epochs", "5", "--lr", "0.5", NULL};
    check_words_refused(&TRAINS, twice, "--lr is given twice; give each flag once");
    const char *quiet[] = {"--quiet", "--quiet", NULL};
    check_words_refused(&TRAINS, quiet, "--quiet is given twice");
    const char *spelled[] = {"--epochs", "5", "--epochs=6", NULL};
    check_words_refused(&TRAINS, spelled, "--epochs is given twice");
    const char *out[] = {"--out", "a", "--out", "a", NULL};
    check_words_refused(&LOOKS, out, "--out is given twice");
    /* Asking for help twice is still asking for help. */
    const char *help[] = {"--help", "-h", NULL};
    Options o;
    ck_assert_int_eq(parse(&TRAINS, help, &o, NULL), STATUS_OK);
    ck_assert(o.help);
}
END_TEST

START_TEST(a_flag_is_written_in_full)
{
    /* getopt_long took "--da FILE" as --data and "--e 5" as --epochs without
     * a word, and called "--d" (--data, --decay, --degree...) an unknown flag. */
    static const Chapter STEPS = {"chWW", "a chapter with momentum and decay",
                                  FLAGS_TRAINING | FLAG_MOMENTUM | FLAG_DECAY, 0, 0, 0, 0.0};
    check_refused(&TRAINS, "--da", "f.csv", "--da: write the whole flag, --data");
    check_refused(&TRAINS, "--da=f.csv", NULL, "--da: write the whole flag, --data");
    check_refused(&TRAINS, "--e", "5", "--e: write the whole flag, --epochs");
    check_refused(&TRAINS, "--q", NULL, "--q: write the whole flag, --quiet");
    check_refused(&TRAINS, "--qu=yes", NULL, "--qu: write the whole flag, --quiet");
    check_refused(&TRAINS, "--he", NULL, "--he: write the whole flag, --help");
    check_refused(&STEPS, "--mom", "0.5", "--mom: write the whole flag, --momentum");
    check_refused(&STEPS, "--d", "5", "--d: write the whole flag, one of --data, --decay or "
                                      "--degree");
    const char *last[] = {"--lr", "0.1", "--ep", NULL};
    check_words_refused(&TRAINS, last, "--ep: write the whole flag, --epochs");
    check_refused(&TRAINS, "--h", NULL, "--h: write the whole flag, one of --hidden or --help");
    /* Whole names, and their values, are as they were (a path that starts
     * with -- is written ./--da: a_flag_in_place_of_a_path_is_refused). */
    const char *whole[] = {"--data", "./--da", "--epochs", "5", "--help", NULL};
    Options o;
    ck_assert_int_eq(parse(&TRAINS, whole, &o, NULL), STATUS_OK);
    ck_assert_str_eq(o.data_path, "./--da");
    ck_assert_uint_eq(o.epochs, 5);
    ck_assert(o.help);
}
END_TEST

START_TEST(seed_with_data_is_refused_where_it_would_do_nothing)
{
    /* Without minibatches, the seed only makes the synthetic data. */
    const char *both[] = {"--seed", "7", "--data", "f.csv", NULL};
    check_words_refused(&LOOKS, both, "--seed and --data do not go together in chYY: "
                                      "the seed only makes the synthetic data");
    /* With them, it shuffles the file's rows: used, so accepted. */
    Options o;
    ck_assert_int_eq(parse(&TRAINS, both, &o, NULL), STATUS_OK);
    ck_assert_uint_eq(o.seed, 7);
    ck_assert_str_eq(o.data_path, "f.csv");
}
END_TEST

START_TEST(a_quoted_value_shows_what_the_terminal_would_hide)
{
    check_refused(&TRAINS, "--lr", "0.1\xc2\xa0", "--lr: '0.1\\xc2\\xa0' is not a number");
    check_refused(&TRAINS, "--lr", "1\n2", "--lr: '1\\x0a2' is not a number");
    check_refused(&TRAINS, "--lr", "\xff", "--lr: '\\xff' is not a number");
    /* A long value is cut at SHOWN_MAX bytes, and the cut is marked. */
    char long_value[200];
    memset(long_value, '9', sizeof long_value - 2);
    long_value[sizeof long_value - 2] = 'x';
    long_value[sizeof long_value - 1] = '\0';
    char expected[SHOWN_MAX + 32];
    snprintf(expected, sizeof expected, "'%.*s...' is not a number", SHOWN_MAX, long_value);
    check_refused(&TRAINS, "--lr", long_value, expected);
}
END_TEST

static char *help_of(const Chapter *chapter)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(out);
    cli_print_help(out, chapter);
    ck_assert_int_eq(fclose(out), 0);
    return text;
}

START_TEST(help_states_the_rules_of_the_command_line)
{
    char *help = help_of(&LOOKS);
    ck_assert_ptr_nonnull(strstr(help, "Write each flag in full (--epochs, not --ep), and "
                                       "give it at most once."));
    ck_assert_ptr_nonnull(strstr(help, "Numbers are decimal: 0.05, 5e-2 and 100 are fine, "
                                       "0x10 is not"));
    ck_assert_ptr_nonnull(strstr(help, "or - to read the rows from standard input"));
    ck_assert_ptr_nonnull(strstr(help, "--seed N       seed of the synthetic data (default"));
    free(help);
    help = help_of(&TRAINS);
    ck_assert_ptr_nonnull(strstr(help, "seed of the synthetic data, and of the shuffles"));
    free(help);
}
END_TEST

START_TEST(chapter_09s_flags_are_read_and_checked)
{
    /* The chapter that fits polynomials: its own three flags, their
     * defaults, its longer default run, and their limits. */
    static const Chapter FITS = {"chZZ", "a chapter with --degree",
                                 FLAGS_TRAINING | FLAG_DEGREE | FLAG_TRAIN | FLAG_VALIDATION, 5, 0, 0, 0.0};
    const char *none[] = {NULL};
    Options o;
    ck_assert_int_eq(parse(&FITS, none, &o, NULL), STATUS_OK);
    ck_assert_uint_eq(o.degree, 14);
    ck_assert_uint_eq(o.train, 15);
    ck_assert_uint_eq(o.validation, 100);
    ck_assert_uint_eq(o.epochs, 50000);
    const char *words[] = {"--degree", "0", "--train", "2", "--validation", "1", NULL};
    ck_assert_int_eq(parse(&FITS, words, &o, NULL), STATUS_OK);
    ck_assert_uint_eq(o.degree, 0);
    ck_assert_uint_eq(o.train, 2);
    ck_assert_uint_eq(o.validation, 1);
    check_refused(&FITS, "--degree", "31", "--degree: '31' is out of range: use 0 to 30");
    check_refused(&FITS, "--train", "1", "--train: '1' is out of range");
    check_refused(&FITS, "--validation", "0", "--validation: '0' is out of range");
    check_refused(&TRAINS, "--degree", "3", "--degree is not used by chXX");
}
END_TEST

START_TEST(network_flags_are_read_and_checked)
{
    const Chapter network = {"chNN", "a network", FLAGS_TRAINING | FLAG_HIDDEN | FLAG_INIT, 10, 0, 0, 0.0};
    const char *none[] = {NULL};
    Options o;
    ck_assert_int_eq(parse(&network, none, &o, NULL), STATUS_OK);
    ck_assert_uint_eq(o.hidden, 16);
    ck_assert(!o.init_zeros);
    const char *words[] = {"--hidden", "3", "--init", "zeros", NULL};
    ck_assert_int_eq(parse(&network, words, &o, NULL), STATUS_OK);
    ck_assert_uint_eq(o.hidden, 3);
    ck_assert(o.init_zeros);
    const char *random[] = {"--init=random", NULL};
    ck_assert_int_eq(parse(&network, random, &o, NULL), STATUS_OK);
    ck_assert(!o.init_zeros);
    check_refused(&network, "--hidden", "0", "--hidden: '0' is out of range");
    check_refused(&network, "--hidden", "10001", "--hidden: '10001' is out of range");
    check_refused(&network, "--init", "ones", "--init: 'ones' is not random or zeros");
    check_refused(&TRAINS, "--hidden", "3", "--hidden is not used by chXX");
    check_refused(&TRAINS, "--init", "zeros", "--init is not used by chXX");
}
END_TEST

START_TEST(a_classifiers_flags_are_read_and_checked)
{
    /* Chapter 11's: --test FILE and --wd X, its own default of hidden units
     * and weight decay, and help that speaks of labelled rows. */
    const Chapter classifier = {"chCC", "a classifier",
                                FLAGS_TRAINING | FLAG_BATCH | FLAG_HIDDEN | FLAG_TEST |
                                    FLAG_WEIGHT_DECAY,
                                32, 128, 0, 0.0};
    const char *none[] = {NULL};
    Options o;
    ck_assert_int_eq(parse(&classifier, none, &o, NULL), STATUS_OK);
    ck_assert_ptr_null(o.test_path);
    ck_assert_uint_eq(o.hidden, 128);
    ck_assert_double_eq(o.weight_decay, DEFAULT_WEIGHT_DECAY);
    ck_assert(cli_classifies(&classifier) && !cli_classifies(&TRAINS));
    const char *words[] = {"--data", "a.csv", "--test", "b.csv", "--wd", "0", NULL};
    ck_assert_int_eq(parse(&classifier, words, &o, NULL), STATUS_OK);
    ck_assert_str_eq(o.data_path, "a.csv");
    ck_assert_str_eq(o.test_path, "b.csv");
    ck_assert_double_eq(o.weight_decay, 0.0);
    check_refused(&classifier, "--test", "", "--test: needs a non-empty path");
    check_refused(&classifier, "--wd", "-1", "--wd: '-1' must be 0 or more");
    check_refused(&classifier, "--wd", "1e-400", "--wd: '1e-400' is too small to tell from 0");
    check_refused(&TRAINS, "--test", "b.csv", "--test is not used by chXX");
    check_refused(&TRAINS, "--wd", "0.1", "--wd is not used by chXX");
    const char *both_stdin[] = {"--data", "-", "--test", "-", NULL};
    Error err = {""};
    ck_assert_int_eq(parse(&classifier, both_stdin, &o, &err), STATUS_USAGE);
    ck_assert_str_eq(err.message,
                     "--data - and --test - would both read standard input: give one a file");
    /* Elsewhere the weight decay is 0: no chapter before 11 decays. */
    ck_assert_int_eq(parse(&TRAINS, none, &o, NULL), STATUS_OK);
    ck_assert_double_eq(o.weight_decay, 0.0);
    char *help = help_of(&classifier);
    ck_assert_ptr_nonnull(strstr(help, "--hidden N     hidden units of the network (default 128)"));
    ck_assert_ptr_nonnull(strstr(help, "(default data/digits.csv)"));
    ck_assert_ptr_nonnull(strstr(help, "the last the class"));
    ck_assert_ptr_null(strstr(help, "x,y rows"));
    free(help);
}
END_TEST

Suite *cli_suite(void)
{
    Suite *suite = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_add_test(tc, defaults_are_the_notebooks);
    tcase_add_test(tc, every_flag_is_read);
    tcase_add_test(tc, bad_values_name_the_flag_and_the_value);
    tcase_add_test(tc, bad_flags_are_named);
    tcase_add_test(tc, network_flags_are_read_and_checked);
    tcase_add_test(tc, a_classifiers_flags_are_read_and_checked);
    tcase_add_test(tc, chapter_09s_flags_are_read_and_checked);
    tcase_add_test(tc, spaces_around_a_number_are_ignored);
    tcase_add_test(tc, numbers_are_decimal_and_hexadecimal_is_refused);
    tcase_add_test(tc, momentum_and_decay_are_read_like_the_rate);
    tcase_add_test(tc, a_count_may_be_written_with_an_exponent);
    tcase_add_test(tc, messages_say_what_happened_to_the_number);
    tcase_add_test(tc, a_flag_in_place_of_a_path_is_refused);
    tcase_add_test(tc, the_flags_given_are_told_from_the_defaults);
    tcase_add_test(tc, a_flag_given_twice_is_refused);
    tcase_add_test(tc, a_flag_is_written_in_full);
    tcase_add_test(tc, seed_with_data_is_refused_where_it_would_do_nothing);
    tcase_add_test(tc, a_quoted_value_shows_what_the_terminal_would_hide);
    tcase_add_test(tc, help_states_the_rules_of_the_command_line);
    suite_add_tcase(suite, tc);
    return suite;
}
