/* Tests for code/cli.c: the notebook's defaults, every flag read, and one
 * clear message for every bad command line. */
#include <string.h>

#include "cli.h"
#include "suites.h"

static const Chapter TRAINS = {"chXX", "a test chapter", FLAGS_TRAINING | FLAG_BATCH, 10};
static const Chapter LOOKS = {"chYY", "a chapter that does not train", FLAGS_DATA_ONLY, 0};

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

static void check_refused(const Chapter *chapter, const char *first, const char *second,
                          const char *expected)
{
    const char *words[] = {first, second, NULL};
    Options o;
    Error err = {""};
    ck_assert_int_eq(parse(chapter, words, &o, &err), STATUS_USAGE);
    ck_assert_msg(strstr(err.message, expected) != NULL, "message '%s' lacks '%s'",
                  err.message, expected);
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

START_TEST(network_flags_are_read_and_checked)
{
    const Chapter network = {"chNN", "a network", FLAGS_TRAINING | FLAG_HIDDEN | FLAG_INIT, 10};
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

Suite *cli_suite(void)
{
    Suite *suite = suite_create("cli");
    TCase *tc = tcase_create("cli");
    tcase_add_test(tc, defaults_are_the_notebooks);
    tcase_add_test(tc, every_flag_is_read);
    tcase_add_test(tc, bad_values_name_the_flag_and_the_value);
    tcase_add_test(tc, bad_flags_are_named);
    tcase_add_test(tc, network_flags_are_read_and_checked);
    suite_add_tcase(suite, tc);
    return suite;
}
