/* The hostile run's finds (issue 19, section 5), each kept fixed: a run
 * that accepted what it should have refused, said less than what happened,
 * or printed a number no one can read. Each test names the command that
 * showed the find. Expected messages are the facts of the case: how many
 * points a file has, what a double rounds a number to. */
#define _POSIX_C_SOURCE 200809L /* symlink, setenv */

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "data.h"
#include "rng.h"
#include "run_program.h"
#include "suites.h"

#ifndef BUILD_DIR
#error "compile with -DBUILD_DIR='\"build\"'"
#endif

enum { TEXT_SIZE = 512, MAX_WORDS = 16 };

static char scratch[64];

static void make_scratch(void)
{
    ck_assert(make_temp_dir(scratch, sizeof scratch));
}

static void remove_scratch(void)
{
    remove_temp_dir(scratch);
}

/* scratch/name into path (TEXT_SIZE bytes). */
static void in_scratch(char *path, const char *name)
{
    ck_assert_int_lt(snprintf(path, TEXT_SIZE, "%s/%s", scratch, name), TEXT_SIZE);
}

/* scratch/name holding text; its path into path. */
static void scratch_file(char *path, const char *name, const char *text)
{
    in_scratch(path, name);
    ck_assert(write_text_file(path, text));
}

/* BUILD_DIR/program with the words (NULL-terminated). */
static ProgramRun run_words(const char *program, const char *const *words)
{
    char path[TEXT_SIZE];
    snprintf(path, sizeof path, "%s/%s", BUILD_DIR, program);
    const char *argv[MAX_WORDS + 2] = {path};
    for (size_t k = 0; words[k] != NULL; k++) {
        ck_assert_uint_lt(k, MAX_WORDS);
        argv[k + 1] = words[k];
    }
    ProgramRun run;
    ck_assert(run_program(argv, &run));
    return run;
}

#define RUN(program, ...) run_words(program, (const char *const[]){__VA_ARGS__, NULL})

/* The run exited with exit_code and its stderr holds expected. */
static void assert_says(ProgramRun *run, int exit_code, const char *expected)
{
    ck_assert_msg(run->exit_code == exit_code, "exit %d, expected %d; stderr: %s",
                  run->exit_code, exit_code, run->err);
    ck_assert_msg(strstr(run->err, expected) != NULL, "stderr '%s' lacks '%s'", run->err,
                  expected);
    program_run_free(run);
}

/* ---- Silent accepts ------------------------------------------------------ */

START_TEST(a_flag_where_the_out_folder_should_be_is_refused)
{
    /* build/ch04 --out --quiet made a folder named --quiet and ran loudly. */
    ProgramRun run = RUN("ch04", "--out", "--quiet");
    assert_says(&run, 2, "ch04: --out: '--quiet' is a flag, not a path");
    struct stat info;
    ck_assert_msg(stat("--quiet", &info) != 0, "a folder named --quiet was made");
}
END_TEST

START_TEST(chapter_09_says_when_the_sets_cannot_be_as_asked)
{
    char two[TEXT_SIZE], three[TEXT_SIZE], out[TEXT_SIZE], expected[2 * TEXT_SIZE];
    scratch_file(two, "two.csv", "1,2\n2,3\n");
    scratch_file(three, "three.csv", "1,2\n2,3\n3,5\n");
    in_scratch(out, "out");
    /* Two points: --train 2 was "leaves none to validate with (try --train 2)". */
    ProgramRun run = RUN("ch09", "--data", two, "--train", "2", "--out", out);
    snprintf(expected, sizeof expected,
             "%s has 2 points: it takes at least 3, 2 to train on and 1 to validate with", two);
    assert_says(&run, 1, expected);
    run = RUN("ch09", "--data", three, "--train", "3", "--out", out);
    snprintf(expected, sizeof expected,
             "%s has 3 points: --train 3 leaves none to validate with (try --train 2)", three);
    assert_says(&run, 1, expected);
    /* Three points, --train 2 --validation 5: it validated on 1, quietly. */
    run = RUN("ch09", "--data", three, "--train", "2", "--validation", "5", "--out", out);
    snprintf(expected, sizeof expected,
             "%s has 3 points: --train 2 leaves 1 for --validation 5 (give --validation 1, "
             "or leave it out to validate on all the rest)",
             three);
    assert_says(&run, 1, expected);
}
END_TEST

/* ---- Chapter 09 on data of the reader's --------------------------------- */

START_TEST(chapter_09_says_in_true_words_what_happened)
{
    /* Three points, --train 2: the lowest and the highest x train, (0, 1)
     * and (2, 1); the middle one, (1, 0), validates. From a = 0 the line
     * y = 0 passes through it: validation loss 0 at epoch 0, and every step
     * towards y = 1 raises it. It said "lowest after epoch 0" and titled the
     * figure "the validation loss turns up". */
    char csv[TEXT_SIZE], out[TEXT_SIZE], path[2 * TEXT_SIZE];
    scratch_file(csv, "middle.csv", "1,0\n2,1\n0,1\n");
    in_scratch(out, "out");
    ProgramRun run = RUN("ch09", "--data", csv, "--train", "2", "--degree", "1", "--epochs",
                         "300", "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    ck_assert_msg(strstr(run.out, "The validation loss never fell below where it started, at "
                                  "epoch 0: 0.0000.") != NULL &&
                      strstr(run.out, "early stopping keeps the start,\nuntrained.") != NULL &&
                      strstr(run.out, "within the training points' x, from 0 to 2,") != NULL,
                  "%s", run.out);
    program_run_free(&run);
    snprintf(path, sizeof path, "%s/ch09-epochs.gp", out);
    char *script = read_text_file(path);
    ck_assert_ptr_nonnull(script);
    ck_assert_msg(strstr(script, "the validation loss never falls below its start") != NULL,
                  "%s", strstr(script, "set title"));
    free(script);
    snprintf(path, sizeof path, "%s/ch09-fits.gp", out);
    script = read_text_file(path);
    ck_assert_ptr_nonnull(strstr(script, "early stopping kept the untrained start"));
    free(script);
}
END_TEST

START_TEST(chapter_09_says_why_a_degree_has_no_unique_fit)
{
    /* x in {1, 2, 3}, ten points each: 15 training points have at most 3
     * different x (all 3 here: 1 and 3 always train, and 13 draws from the
     * other 28 miss every 2 with odds C(18,13)/C(28,13) = 3e-4), so from
     * degree 3 on a polynomial has more coefficients than x values. */
    char text[TEXT_SIZE] = "", csv[TEXT_SIZE], out[TEXT_SIZE];
    for (int i = 0; i < 30; i++) {
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "%d,%d\n", 1 + i % 3, (i * 7) % 5);
    }
    scratch_file(csv, "three-x.csv", text);
    in_scratch(out, "out");
    ProgramRun run = RUN("ch09", "--data", csv, "--epochs", "10", "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    ck_assert_msg(strstr(run.out, "No unique fit from degree 3: the 15 training points have "
                                  "only 3 different\nx values, and a polynomial of degree 3 or "
                                  "more has more coefficients than\nthat") != NULL,
                  "%s", run.out);
    program_run_free(&run);
}
END_TEST

START_TEST(chapter_09_standardized_starts_from_the_training_mean)
{
    /* The training points are (0, 10) and (2, 12): mean 11. From the flat
     * line y = 11 the training loss is ((10 - 11)^2 + (12 - 11)^2) / 2 = 1
     * and the validation point (1, 11.5) scores 0.25; from y = 0 they were
     * 122 and 132.25. */
    char csv[TEXT_SIZE], out[TEXT_SIZE];
    scratch_file(csv, "offset.csv", "1,11.5\n0,10\n2,12\n");
    in_scratch(out, "out");
    ProgramRun run = RUN("ch09", "--data", csv, "--train", "2", "--degree", "1", "--epochs",
                         "5", "--standardize", "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    ck_assert_msg(strstr(run.out, "\n     0     1.0000       0.2500\n") != NULL &&
                      strstr(run.out, "from the flat line at the training points' mean") != NULL,
                  "%s", run.out);
    program_run_free(&run);
    run = RUN("ch09", "--data", csv, "--train", "2", "--degree", "1", "--epochs", "5", "--out",
              out);
    ck_assert_msg(strstr(run.out, "\n     0   122.0000     132.2500\n") != NULL, "%s", run.out);
    program_run_free(&run);
}
END_TEST

/* ---- Messages ------------------------------------------------------------ */

START_TEST(an_out_folder_that_is_a_loop_of_links_says_so)
{
    /* It said "loop is not a folder": it is a link that never ends. */
    char loop[TEXT_SIZE];
    in_scratch(loop, "loop");
    ck_assert_int_eq(symlink("loop", loop), 0);
    ProgramRun run = RUN("ch04", "--quiet", "--out", loop);
    assert_says(&run, 1, "Too many levels of symbolic links");
}
END_TEST

START_TEST(a_rate_just_past_the_bound_is_printed_as_given)
{
    /* build/ch06 --standardize --lr 1.0000001 said "learning rate 1 ...
     * stable only for lr < 1". Standardized, lambda_max is 2: the bound is 1. */
    char out[TEXT_SIZE];
    in_scratch(out, "out");
    ProgramRun run = RUN("ch06", "--standardize", "--lr", "1.0000001", "--quiet", "--out", out);
    assert_says(&run, 1, "with learning rate 1.0000001; on this data full-batch descent is "
                         "stable only for lr < 1,");
}
END_TEST

START_TEST(a_data_file_name_is_quoted_as_it_is)
{
    /* --data $'a\nb' split the message in two; an ESC reached the terminal. */
    char path[TEXT_SIZE], expected[2 * TEXT_SIZE];
    in_scratch(path, "a\nb\033[31m.csv");
    ck_assert(write_text_file(path, "x,y\n1,2\n2,4\n"));
    ProgramRun run = RUN("ch01", "--data", path, "--out", scratch);
    snprintf(expected, sizeof expected,
             "%s/a\\x0ab\\x1b[31m.csv:1: skipped a header line: 'x,y'", scratch);
    ck_assert_msg(run.exit_code == 0 && strstr(run.out, expected) != NULL,
                  "stdout lacks '%s':\n%s", expected, run.out);
    ck_assert(strchr(run.out, '\033') == NULL);
    program_run_free(&run);
    in_scratch(path, "no\nsuch.csv");
    run = RUN("ch04", "--data", path);
    snprintf(expected, sizeof expected, "ch04: %s/no\\x0asuch.csv: cannot open: No such file",
             scratch);
    assert_says(&run, 1, expected);
}
END_TEST

/* ---- Numbers anyone can read ---------------------------------------------- */

/* True if text has nan or inf as a word ("-nan", "inf]", not "info"). */
static bool has_non_number(const char *text)
{
    for (const char *c = text; *c; c++) {
        bool starts = c == text || !isalpha((unsigned char)c[-1]);
        for (int w = 0; starts && w < 2; w++) {
            const char *word = w == 0 ? "nan" : "inf";
            if (strncasecmp(c, word, 3) == 0 && !isalpha((unsigned char)c[3]) &&
                (w == 1 || c[3] != 'o'))
                return true;
        }
    }
    return false;
}

/* The first run of 20 or more digits in text, a number printed with %f
 * that no one can read (1e50 as 50 digits), or NULL. */
static const char *long_number(const char *text)
{
    for (const char *c = text; *c; c++) {
        size_t digits = strspn(c, "0123456789");
        if (digits >= 20)
            return c;
        c += digits > 0 ? digits - 1 : 0;
    }
    return NULL;
}

/* Fails if text shows nan or inf, a number of 20 digits or more, or a
 * zero with a sign, "-0.0000". where: what text is, for the message */
static void assert_readable(const char *text, const char *where)
{
    ck_assert_msg(!has_non_number(text), "%s shows nan or inf:\n%s", where, text);
    const char *digits = long_number(text);
    ck_assert_msg(digits == NULL, "%s prints a number of %zu digits: %.60s", where,
                  digits != NULL ? strspn(digits, "0123456789") : 0, digits);
    const char *signed_zero = strstr(text, "-0.0000");
    ck_assert_msg(signed_zero == NULL || isdigit((unsigned char)signed_zero[7]),
                  "%s prints -0.0000: %.60s", where, signed_zero);
}

START_TEST(every_number_a_run_prints_or_draws_is_readable)
{
    /* Values as large as the CSV takes (1e50) made chapters 01-03 and 07
     * print numbers of 50 to 100 digits with %.4f; a validation x of 1e50
     * made chapter 09 print -nan and write "set yrange [..:inf]"; a miss
     * just below 0 printed as -0.0000 (chapter 06's rows, on large data). */
    struct {
        const char *name;
        const char *awk; /* rows, from seq 1 30 */
    } files[] = {
        {"large", "{print $1*1e48\",\"$1*3e48+1e48*($1%3)}"},
        {"tiny", "{print $1*1e-3\",\"$1*1e-45}"},
        {"far", "{print 1e6+$1\",\"-$1*1e-6}"},
        {"one-far-x", "{print $1/30\",\"($1/30)^2} END {print \"1e50,5\"}"},
    };
    /* Chapter 10's figures write tiny x exactly, 0.00042619999999999995: only
     * its output is checked (its best line's loss was 96 digits long). */
    const char *chapters[] = {"ch01", "ch02", "ch03", "ch04", "ch05",
                              "ch06", "ch07", "ch08", "ch09", "ch10"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char csv[TEXT_SIZE], command[2 * TEXT_SIZE];
        in_scratch(csv, files[f].name);
        snprintf(command, sizeof command, "seq 1 30 | awk '%s' > %s", files[f].awk, csv);
        const char *make[] = {"sh", "-c", command, NULL};
        ProgramRun run;
        ck_assert(run_program(make, &run) && run.exit_code == 0);
        program_run_free(&run);
        for (size_t c = 0; c < sizeof chapters / sizeof chapters[0]; c++) {
            char out[TEXT_SIZE], where[TEXT_SIZE + 64];
            in_scratch(out, "out");
            remove_temp_dir(out);
            /* chapters 01-03 train nothing: no --epochs */
            run = RUN(chapters[c], "--data", csv, "--out", out, c >= 3 ? "--epochs" : NULL, "300");
            snprintf(where, sizeof where, "%s --data %s", chapters[c], files[f].name);
            assert_readable(run.out, where);
            assert_readable(run.err, where);
            program_run_free(&run);
            if (strcmp(chapters[c], "ch10") == 0)
                continue;
            snprintf(command, sizeof command, "cat %s/*.gp 2>/dev/null", out);
            const char *scripts[] = {"sh", "-c", command, NULL};
            ck_assert(run_program(scripts, &run));
            strncat(where, ": a figure", sizeof where - strlen(where) - 1);
            assert_readable(run.out, where);
            program_run_free(&run);
        }
    }
}
END_TEST

/* ---- Chapter 08's detach ------------------------------------------------- */

START_TEST(chapter_08_shows_detach_with_the_notebooks_error)
{
    /* Its run showed no_grad and zero_ left out, but never detach: only the
     * book did. Now (c) quotes PyTorch's error and prints the numbers
     * tape_value() copies out, a.detach(), which are the trained a of the
     * last line. */
    char out[TEXT_SIZE];
    in_scratch(out, "out");
    ProgramRun run = RUN("ch08", "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    const char *c = strstr(run.out, "(c) Without .detach(): ");
    ck_assert_msg(c != NULL && strstr(c, "Can't call numpy() on Variable that requires grad. "
                                         "Use var.detach().numpy() instead.") != NULL,
                  "%s", run.out);
    double detached[2], a[2], loss;
    const char *numbers = strstr(c, "a.detach() = [");
    ck_assert_ptr_nonnull(numbers);
    ck_assert_int_eq(sscanf(numbers, "a.detach() = [%lf, %lf]", &detached[0], &detached[1]), 2);
    const char *last = strstr(run.out, "final: a = [");
    ck_assert_ptr_nonnull(last);
    ck_assert_int_eq(sscanf(last, "final: a = [%lf, %lf], loss = %lf", &a[0], &a[1], &loss), 3);
    ck_assert(detached[0] == a[0] && detached[1] == a[1]);
    program_run_free(&run);
}
END_TEST

/* ---- Past the stable bound ---------------------------------------------- */

START_TEST(chapters_07_and_08_warn_above_the_stable_bound)
{
    /* build/ch07 --lr 1 and build/ch08 --lr 1 exited 0 with the loss
     * rising slowly, and said nothing. The notebook's data (seed 42): H =
     * (2/n) X^T X = [p q; q 2], p = 2 mean(x1^2), q = 2 mean(x1); its
     * largest eigenvalue, by the closed form for a symmetric 2x2 matrix,
     * gives the bound 2/lambda_max. */
    Dataset data;
    Rng rng = rng_seeded(42);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, 100, a_true, &rng, NULL), STATUS_OK);
    double p = 0.0, q = 0.0;
    for (size_t i = 0; i < data.n; i++) {
        p += 2.0 * data.x[2 * i] * data.x[2 * i] / (double)data.n;
        q += 2.0 * data.x[2 * i] / (double)data.n;
    }
    data_free(&data);
    double lambda_max = (p + 2.0) / 2.0 + sqrt((p - 2.0) * (p - 2.0) / 4.0 + q * q);
    char expected[TEXT_SIZE], out[TEXT_SIZE];
    snprintf(expected, sizeof expected, "lr 1 is not below the stable bound %.4g\n",
             2.0 / lambda_max);
    ck_assert_str_eq(expected, "lr 1 is not below the stable bound 0.9997\n");
    in_scratch(out, "out");
    const char *chapters[] = {"ch07", "ch08"};
    for (int c = 0; c < 2; c++) {
        ProgramRun run = RUN(chapters[c], "--lr", "1", "--out", out);
        ck_assert_msg(run.exit_code == 0 && strstr(run.out, expected) != NULL &&
                          strstr(run.out, "so the loss grows without end") != NULL,
                      "%s: %s", chapters[c], run.out);
        program_run_free(&run);
        run = RUN(chapters[c], "--lr", "0.9", "--out", out); /* below: no word */
        ck_assert_msg(strstr(run.out, "stable bound 0.9997\n") == NULL, "%s", run.out);
        program_run_free(&run);
    }
    /* With momentum 0.5 the bound is 2(1 + beta)/lambda_max, 1.5 times it. */
    snprintf(expected, sizeof expected, "lr 1.6 is not below the stable bound %.4g (with "
                                        "momentum",
             3.0 / lambda_max);
    ProgramRun run = RUN("ch07", "--lr", "1.6", "--momentum", "0.5", "--epochs", "3", "--out",
                         out);
    ck_assert_msg(strstr(run.out, expected) != NULL, "expected '%s' in:\n%s", expected, run.out);
    program_run_free(&run);
}
END_TEST

START_TEST(a_validation_x_far_outside_the_others_prints_no_nan)
{
    /* (seq 0 0.01 0.99 | awk '{print $1","$1*$1}'; echo 1e50,5) >vo.csv;
     * build/ch09 --data vo.csv --seed 1 --quiet printed -nan and wrote
     * "set yrange [..:inf]", and exited 0. Now the point of the largest x
     * trains, and at that scale the others are one x: what it says is about
     * that, in numbers. */
    char csv[TEXT_SIZE], command[2 * TEXT_SIZE], out[TEXT_SIZE];
    const char *far[] = {"1e50", "1e20"};
    for (int k = 0; k < 2; k++) {
        in_scratch(csv, "vo.csv");
        snprintf(command, sizeof command,
                 "(seq 0 0.01 0.99 | awk '{print $1\",\"$1*$1}'; echo %s,5) > %s", far[k], csv);
        const char *make[] = {"sh", "-c", command, NULL};
        ProgramRun run;
        ck_assert(run_program(make, &run) && run.exit_code == 0);
        program_run_free(&run);
        in_scratch(out, "out");
        run = RUN("ch09", "--data", csv, "--seed", "1", "--quiet", "--out", out);
        assert_readable(run.out, "ch09 --data vo.csv");
        assert_readable(run.err, "ch09 --data vo.csv");
        ck_assert_msg(run.exit_code == 0 || (run.exit_code == 1 && run.err[0] != '\0'),
                      "exit %d: %s", run.exit_code, run.err);
        program_run_free(&run);
    }
}
END_TEST

/* ---- Long runs ------------------------------------------------------------ */

START_TEST(a_long_run_says_how_it_is_getting_on)
{
    /* build/ch06 --n 1000000 --epochs 1000000 ran for 73 minutes, silent
     * after 0.1 s. A loop past the note interval (10 s; 0.05 s here) says on
     * stderr where it is and how long it still needs, and stdout keeps only
     * the last line. */
    char out[TEXT_SIZE];
    in_scratch(out, "out");
    setenv("SGD_PROGRESS_SECONDS", "0.05", 1);
    ProgramRun run = RUN("ch06", "--n", "20000", "--epochs", "3000", "--quiet", "--out", out);
    unsetenv("SGD_PROGRESS_SECONDS");
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    ck_assert_msg(strncmp(run.err, "ch06: working: step ", 20) == 0 &&
                      strstr(run.err, " of 3000 after ") != NULL &&
                      strstr(run.err, " more for this loop at this pace") != NULL,
                  "stderr: %s", run.err);
    ck_assert_msg(strncmp(run.out, "final: ", 7) == 0 && strchr(run.out, '\n') ==
                      run.out + strlen(run.out) - 1, "stdout: %s", run.out);
    program_run_free(&run);
}
END_TEST

START_TEST(a_run_too_large_to_be_quick_says_so_up_front)
{
    /* 10000 points times 1000000 epochs, 1e10 point-passes: 10 s at a
     * billion a second, at the very least. (The rate then blows up at
     * once, so the test takes no time.) */
    char out[TEXT_SIZE];
    in_scratch(out, "out");
    ProgramRun run = RUN("ch05", "--n", "10000", "--epochs", "1000000", "--lr", "1e6",
                         "--quiet", "--out", out);
    ck_assert_int_eq(run.exit_code, 1);
    ck_assert_msg(strncmp(run.err, "ch05: note: 10000 points times 1000000 epochs is 1e+10 "
                                   "point-passes: 10 s at the very least,",
                          87) == 0,
                  "stderr: %s", run.err);
    program_run_free(&run);
    run = RUN("ch05", "--n", "10000", "--epochs", "999999", "--lr", "1e6", "--out", out);
    ck_assert_msg(strstr(run.err, "note:") == NULL, "%s", run.err); /* under 1e10: no word */
    program_run_free(&run);
}
END_TEST

Suite *hostile_suite(void)
{
    Suite *suite = suite_create("hostile");
    TCase *accepts = tcase_create("silent accepts");
    tcase_set_timeout(accepts, 30);
    tcase_add_checked_fixture(accepts, make_scratch, remove_scratch);
    tcase_add_test(accepts, a_flag_where_the_out_folder_should_be_is_refused);
    tcase_add_test(accepts, chapter_09_says_when_the_sets_cannot_be_as_asked);
    suite_add_tcase(suite, accepts);

    TCase *ch09 = tcase_create("chapter 09");
    tcase_set_timeout(ch09, 30);
    tcase_add_checked_fixture(ch09, make_scratch, remove_scratch);
    tcase_add_test(ch09, chapter_09_says_in_true_words_what_happened);
    tcase_add_test(ch09, chapter_09_says_why_a_degree_has_no_unique_fit);
    tcase_add_test(ch09, chapter_09_standardized_starts_from_the_training_mean);
    suite_add_tcase(suite, ch09);

    TCase *messages = tcase_create("messages");
    tcase_set_timeout(messages, 30);
    tcase_add_checked_fixture(messages, make_scratch, remove_scratch);
    tcase_add_test(messages, an_out_folder_that_is_a_loop_of_links_says_so);
    tcase_add_test(messages, a_rate_just_past_the_bound_is_printed_as_given);
    tcase_add_test(messages, a_data_file_name_is_quoted_as_it_is);
    suite_add_tcase(suite, messages);

    TCase *numbers = tcase_create("numbers");
    tcase_set_timeout(numbers, 60);
    tcase_add_checked_fixture(numbers, make_scratch, remove_scratch);
    tcase_add_test(numbers, every_number_a_run_prints_or_draws_is_readable);
    tcase_add_test(numbers, a_validation_x_far_outside_the_others_prints_no_nan);
    tcase_add_test(numbers, chapters_07_and_08_warn_above_the_stable_bound);
    tcase_add_test(numbers, chapter_08_shows_detach_with_the_notebooks_error);
    suite_add_tcase(suite, numbers);

    TCase *long_runs = tcase_create("long runs");
    tcase_set_timeout(long_runs, 60);
    tcase_add_checked_fixture(long_runs, make_scratch, remove_scratch);
    tcase_add_test(long_runs, a_long_run_says_how_it_is_getting_on);
    tcase_add_test(long_runs, a_run_too_large_to_be_quick_says_so_up_front);
    suite_add_tcase(suite, long_runs);
    return suite;
}
