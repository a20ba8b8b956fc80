/*
 * test_errors.c — nothing breaks. A reader experimenting types wrong flags,
 * feeds odd files, picks wild learning rates, points --out somewhere odd and
 * presses Ctrl-C. Each must end in one clear sentence on stderr, a non-zero
 * exit, no `final:` line (and no nan) on stdout, and nothing already on disk
 * damaged. Most tests run the chapter programs exactly as a reader would.
 *
 * The last tests replay the fuzzers' seed corpus and every input that ever
 * crashed them (fuzz/regressions/) through the fuzzers' own harness.
 */
#define _POSIX_C_SOURCE 200809L /* fmemopen, scandir, setrlimit */
#define _XOPEN_SOURCE 700       /* posix_openpt, grantpt, unlockpt, ptsname */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../fuzz/fuzz_harness.h"
#include "csv.h"
#include "minibatch.h"
#include "rng.h"
#include "run_program.h"
#include "sgd.h"
#include "suites.h"

enum { MAX_ARGS = 16, TEXT_SIZE = 512 };

/* snprintf into a TEXT_SIZE buffer, failing the test if the text is cut. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void format_text(char *text, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int length = vsnprintf(text, TEXT_SIZE, format, args);
    va_end(args);
    ck_assert_int_lt(length, TEXT_SIZE);
}

/* A scratch folder per test case, made and removed by the parent process
 * (an unchecked fixture), so it goes even when a test fails. */
static char scratch[TEXT_SIZE];

static void make_scratch(void)
{
    ck_assert(make_temp_dir(scratch, sizeof scratch));
}

static void remove_scratch(void)
{
    remove_temp_dir(scratch);
}

/* The path scratch/name: each test uses names of its own. */
static void scratch_path(char *path, const char *name)
{
    format_text(path, "%s/%s", scratch, name);
}

/* Runs BUILD_DIR/program with the words of args (NULL-terminated), stdin
 * from in_path (NULL: /dev/null) and stdout to out_path (NULL: kept). */
static ProgramRun run_chapter_redirected(const char *program, const char *const *args,
                                         const char *in_path, const char *out_path)
{
    char path[TEXT_SIZE];
    format_text(path, "%s/%s", BUILD_DIR, program);
    const char *argv[MAX_ARGS + 2] = {path};
    size_t argc = 1;
    for (; args[argc - 1] != NULL; argc++) {
        ck_assert_uint_le(argc, MAX_ARGS);
        argv[argc] = args[argc - 1];
    }
    argv[argc] = NULL;
    ProgramRun run;
    ck_assert_msg(run_program_redirected(argv, in_path, out_path, &run), "cannot run %s",
                  path);
    return run;
}

static ProgramRun run_chapter(const char *program, const char *const *args)
{
    return run_chapter_redirected(program, args, NULL, NULL);
}

#define RUN(program, ...) run_chapter(program, (const char *const[]){__VA_ARGS__, NULL})

static size_t count_lines(const char *text)
{
    size_t lines = 0;
    for (; *text; text++)
        lines += *text == '\n';
    return lines;
}

/* True if text shows a non-number: "nan", "inf", in any case. */
static bool shows_non_number(const char *text)
{
    for (; *text; text++) {
        char word[4] = {0};
        for (int k = 0; k < 3 && text[k]; k++)
            word[k] = (char)(text[k] | 0x20); /* ASCII lower case */
        if (strcmp(word, "nan") == 0 || strcmp(word, "inf") == 0)
            return true;
    }
    return false;
}

/* What every refusal promises: the exit code; stderr is one line, "NAME: …"
 * holding expected, plus for a usage error a second line pointing to --help;
 * stdout has no final line and no nan. */
static void assert_refused(const ProgramRun *run, const char *program, int exit_code,
                           const char *expected)
{
    ck_assert_msg(run->exit_code == exit_code, "exit %d, expected %d; stderr: %s",
                  run->exit_code, exit_code, run->err);
    ck_assert_msg(strstr(run->err, expected) != NULL, "stderr '%s' lacks '%s'", run->err,
                  expected);
    ck_assert_msg(strncmp(run->err, program, strlen(program)) == 0 &&
                      run->err[strlen(program)] == ':',
                  "stderr '%s' does not start with '%s:'", run->err, program);
    size_t lines = count_lines(run->err);
    if (exit_code == 2) {
        ck_assert_msg(lines == 2, "stderr is not 2 lines: %s", run->err);
        ck_assert_ptr_nonnull(strstr(run->err, "--help"));
    } else {
        ck_assert_msg(lines == 1, "stderr is not 1 line: %s", run->err);
    }
    ck_assert_msg(strstr(run->out, "final:") == NULL, "stdout has a final line: %s",
                  run->out);
    ck_assert_msg(!shows_non_number(run->out), "stdout shows nan or inf: %s", run->out);
}

/* ---- 1. Flags ---------------------------------------------------------- */

typedef struct {
    const char *program;
    const char *args[5];
    const char *expected; /* in stderr: the flag and the bad value */
} FlagCase;

static const FlagCase FLAG_CASES[] = {
    {"ch04", {"--lr", "abc"}, "--lr: 'abc' is not a number"},
    {"ch04", {"--lr", "0,1"}, "--lr: '0,1' is not a number"},
    {"ch04", {"--lr", "0"}, "--lr: '0' must be above 0"},
    {"ch05", {"--lr", "-0.5"}, "--lr: '-0.5' must be above 0: a negative step"},
    {"ch04", {"--lr", "1e-400"}, "--lr: '1e-400' is too small"},
    {"ch04", {"--lr", "-0"}, "--lr: '-0' must be above 0: a step of 0"},
    {"ch04", {"--lr", "nan"}, "--lr: 'nan' is not a finite number"},
    {"ch04", {"--lr", "1e999"}, "--lr: '1e999' is too large: a double holds numbers up to"},
    {"ch04", {"--lr="}, "--lr: '' is not a number"},
    {"ch01", {"--n", "0"}, "--n: '0' is out of range"},
    {"ch05", {"--n", "-5"}, "--n: '-5' is not a whole number"},
    {"ch02", {"--n", "12abc"}, "--n: '12abc' is not a whole number"},
    {"ch03", {"--n", "99999999999999999999999"}, "--n: '99999999999999999999999' is out"},
    {"ch05", {"--batch", "0"}, "--batch: '0' is out of range"},
    {"ch05", {"--batch", "-1"}, "--batch: '-1' is not a whole number"},
    {"ch04", {"--epochs", "0"}, "--epochs: '0' is out of range"},
    {"ch04", {"--epochs", "2.5"}, "--epochs: '2.5' is not a whole number"},
    {"ch01", {"--seed", "-1"}, "--seed: '-1' is not a whole number"},
    {"ch04", {"--bogus"}, "unknown flag '--bogus'"},
    {"ch04", {"--lrate", "0.5"}, "unknown flag '--lrate'"},
    {"ch04", {"--quiet", "-xh"}, "unknown flag '-x'"},
    {"ch04", {"--lr"}, "--lr: needs a value"},
    {"ch05", {"--quiet", "--batch"}, "--batch: needs a value"},
    {"ch01", {"--data"}, "--data: needs a value"},
    {"ch04", {"--quiet=yes"}, "--quiet takes no value, but got '--quiet=yes'"},
    {"ch04", {"--batch", "5"}, "--batch is not used by ch04"},
    {"ch01", {"--lr", "0.1"}, "--lr is not used by ch01"},
    {"ch04", {"stray"}, "unexpected argument 'stray'"},
    {"ch04", {"--lr", "1\n2"}, "--lr: '1\\x0a2' is not a number"}, /* still one line */
    {"ch04", {"--lr", "0.1\xc2\xa0"}, "--lr: '0.1\\xc2\\xa0' is not a number"},
    {"ch04", {"--lr", "0x10"}, "--lr: '0x10' is hexadecimal: write numbers in decimal"},
    {"ch05", {"--batch", "0x10"}, "--batch: '0x10' is hexadecimal"},
    {"ch04", {"--lr", "0.1", "--lr", "0.5"}, "--lr is given twice; give each flag once"},
    {"ch01", {"--quiet", "--quiet"}, "--quiet is given twice"},
    {"ch01", {"--seed", "7", "--data", "x.csv"}, "--seed and --data do not go together in ch01"},
    {"ch04", {"--data", "x.csv", "--seed", "7"}, "--seed and --data do not go together in ch04"},
    {"ch04", {"--out", ""}, "--out: needs a non-empty path"},
    {"ch04", {"--n", "50", "--data", "x.csv"}, "--n and --data do not go together"},
    {"ch11", {"--test", ""}, "--test: needs a non-empty path"},
    {"ch11", {"--wd", "-0.1"}, "--wd: '-0.1' must be 0 or more"},
    {"ch11", {"--n", "50"}, "--n is not used by ch11"},
    {"ch10", {"--test", "t.csv"}, "--test is not used by ch10"},
    {"ch12", {"--hidden", "16"}, "--hidden is not used by ch12"},
    {"ch12", {"--wd", "0"}, "--wd is not used by ch12"},
    {"ch12", {"--lr", "-1"}, "--lr: '-1'"},
};
enum { FLAG_CASE_COUNT = sizeof FLAG_CASES / sizeof FLAG_CASES[0] };

START_TEST(a_bad_flag_is_refused_naming_flag_and_value)
{
    const FlagCase *c = &FLAG_CASES[_i];
    const char *args[MAX_ARGS + 1] = {0};
    size_t count = 0;
    for (; c->args[count] != NULL; count++)
        args[count] = c->args[count];
    ProgramRun run = run_chapter(c->program, args);
    assert_refused(&run, c->program, 2, c->expected);
    ck_assert_str_eq(run.out, ""); /* a usage error stops before any output */
    program_run_free(&run);
}
END_TEST

/* ---- 2. CSV files ------------------------------------------------------ */

typedef struct {
    const char *file; /* in tests/data/bad/ */
    const char *expected;
} CsvCase;

#define BAD "tests/data/bad/"
static const CsvCase CSV_CASES[] = {
    {"empty.csv", BAD "empty.csv: the file is empty"},
    {"header-only.csv", BAD "header-only.csv: found 0 data rows"},
    {"one-row.csv", BAD "one-row.csv: found 1 data row after the header; fitting a line "
                    "needs at least 2"},
    {"not-a-number.csv", BAD "not-a-number.csv:3: y value 'abc' is not a number"},
    {"nan.csv", BAD "nan.csv:3: x value 'nan' is not a finite number"},
    {"inf.csv", BAD "inf.csv:3: y value '-inf' is not a finite number"},
    {"overflow.csv", BAD "overflow.csv:2: x value '1e999' is too large: the loss squares"},
    {"overflow-1e309.csv", BAD "overflow-1e309.csv:3: x value '1e309' is too large"},
    {"number-then-letters.csv", BAD "number-then-letters.csv:1: x value '0.5x' is not a "
                                "number"},
    {"tab-separated.csv", BAD "tab-separated.csv:1: expected 2 columns (x,y), found 1; "
                          "separate x and y with a comma, not a tab"},
    {"space-separated.csv", BAD "space-separated.csv:1: expected 2 columns (x,y), found 1; "
                            "separate x and y with a comma, not spaces"},
    {"decimal-commas-semicolons.csv", BAD "decimal-commas-semicolons.csv:1: expected 2 "
                                      "columns (x,y), found 3; decimal commas?"},
    {"non-breaking-space.csv", BAD "non-breaking-space.csv:3: y value '5.2\\xc2\\xa0' "
                               "is not a number (each \\xNN is a byte of a character"},
    {"bom-on-line-2.csv", BAD "bom-on-line-2.csv:2: x value '\\xef\\xbb\\xbf0.5' is "
                          "not a number"},
    {"latin-1-space.csv", BAD "latin-1-space.csv:3: y value '5.2\\xa0' is not a number"},
    {"too-large.csv", BAD "too-large.csv:3: y value '2e150' is too large"},
    {"three-columns.csv", BAD "three-columns.csv:3: expected 2 columns (x,y), found 3"},
    {"decimal-commas.csv", BAD "decimal-commas.csv:2: expected 2 columns (x,y), found 4; "
                           "decimal commas? write 1.5,2.5"},
    {"semicolons.csv", BAD "semicolons.csv:1: expected 2 columns (x,y), found 1; "
                       "separate x and y with a comma, not ';'"},
    {"empty-field.csv", BAD "empty-field.csv:3: y value '' is empty"},
    {"old-mac-line-ends.csv", BAD "old-mac-line-ends.csv:1: has a carriage return"},
    {"hexadecimal.csv", BAD "hexadecimal.csv:3: x value '0x1' is hexadecimal: write numbers "
                        "in decimal"},
    {"x-too-close.csv", BAD "x-too-close.csv: the x values span only 2e-200 (from 0 to "
                        "2e-200), too little to tell them apart; keep their spread at least "
                        "1e-50"},
    {"past-1e50.csv", BAD "past-1e50.csv:3: y value '1e51' is too large: the loss squares "
                      "it, and the chapters square squares, so keep values between -1e50 "
                      "and 1e50"},
};
enum { CSV_CASE_COUNT = sizeof CSV_CASES / sizeof CSV_CASES[0] };

/* Refused: exit 1 with the message, and the --out folder never made. */
static void assert_data_refused(const char *program, const char *data_path,
                                const char *expected)
{
    char out[TEXT_SIZE];
    scratch_path(out, "never-made");
    ProgramRun run = RUN(program, "--data", data_path, "--out", out);
    assert_refused(&run, program, 1, expected);
    struct stat info;
    ck_assert_msg(stat(out, &info) != 0, "%s made %s", program, out);
    program_run_free(&run);
}

START_TEST(a_bad_csv_file_is_refused_naming_file_and_line)
{
    char path[TEXT_SIZE];
    format_text(path, BAD "%s", CSV_CASES[_i].file);
    assert_data_refused("ch04", path, CSV_CASES[_i].expected);
}
END_TEST

START_TEST(every_chapter_refuses_a_bad_file_the_same_way)
{
    const char *programs[] = {"ch01", "ch02", "ch03", "ch04", "ch05"};
    for (size_t k = 0; k < 5; k++)
        assert_data_refused(programs[k], BAD "nan.csv",
                            BAD "nan.csv:3: x value 'nan' is not a finite number");
}
END_TEST

START_TEST(a_missing_file_or_a_folder_is_refused)
{
    assert_data_refused("ch04", "/no/such/folder/data.csv",
                        "/no/such/folder/data.csv: cannot open: No such file");
    assert_data_refused("ch01", "tests/data", "tests/data: is a directory, not a CSV file");
    /* Unreadable even for root: a path through a regular file. */
    assert_data_refused("ch05", "Makefile/data.csv",
                        "Makefile/data.csv: cannot open: Not a directory");
}
END_TEST

START_TEST(a_binary_file_is_refused)
{
    /* A chapter program itself: an ELF file starts "\x7f" "ELF". */
    char program[TEXT_SIZE], expected[TEXT_SIZE];
    format_text(program, "%s/ch01", BUILD_DIR);
    format_text(expected,
                "%s:1: contains the control character 0x7f; this looks like a binary file",
                program);
    assert_data_refused("ch04", program, expected);

    char path[TEXT_SIZE];
    scratch_path(path, "nul.csv");
    FILE *file = fopen(path, "wb");
    ck_assert_ptr_nonnull(file);
    fwrite("0,1\n1,3\n2,\0\0\0\n", 1, 14, file);
    ck_assert_int_eq(fclose(file), 0);
    format_text(expected, "%s:3: contains a NUL byte", path);
    assert_data_refused("ch05", path, expected);
}
END_TEST

START_TEST(a_device_or_a_named_pipe_is_refused_at_once)
{
    /* Opening a named pipe used to wait for a writer, forever (until the
     * test's timeout); reading /dev/zero or a terminal never ends either. */
    char fifo[TEXT_SIZE], expected[TEXT_SIZE];
    scratch_path(fifo, "rows.fifo");
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    format_text(expected, "%s: is a named pipe, not a CSV file; give a regular file, or "
                          "pipe the rows in and use --data -", fifo);
    assert_data_refused("ch04", fifo, expected);
    assert_data_refused("ch02", "/dev/zero", "/dev/zero: is a device, not a CSV file");
}
END_TEST

START_TEST(data_from_standard_input_is_read_once)
{
    /* The same rows through a pipe-like stdin and from the file give the
     * same fit, line for line. */
    char out[TEXT_SIZE];
    scratch_path(out, "stdin-out");
    ProgramRun piped = run_chapter_redirected(
        "ch03", (const char *const[]){"--data", "-", "--out", out, NULL}, "tests/data/line.csv",
        NULL);
    ProgramRun file = RUN("ch03", "--data", "tests/data/line.csv", "--out", out);
    ck_assert_msg(piped.exit_code == 0, "%s", piped.err);
    ck_assert_int_eq(file.exit_code, 0);
    char piped_line[256], file_line[256];
    last_line(piped.out, piped_line, sizeof piped_line);
    last_line(file.out, file_line, sizeof file_line);
    ck_assert_str_eq(piped_line, file_line);
    program_run_free(&piped);
    program_run_free(&file);

    /* An endless stream is refused at its first bad byte, not read to the end. */
    ProgramRun zeros = run_chapter_redirected(
        "ch02", (const char *const[]){"--data", "-", "--out", out, NULL}, "/dev/zero", NULL);
    assert_refused(&zeros, "ch02", 1, "stdin:1: contains a NUL byte");
    program_run_free(&zeros);

    /* A terminal would wait, silently, for rows typed by hand: refused. */
    int terminal = posix_openpt(O_RDWR | O_NOCTTY);
    ck_assert_int_ge(terminal, 0);
    ck_assert(grantpt(terminal) == 0 && unlockpt(terminal) == 0);
    ProgramRun typed = run_chapter_redirected(
        "ch04", (const char *const[]){"--data", "-", "--out", out, NULL}, ptsname(terminal),
        NULL);
    close(terminal);
    assert_refused(&typed, "ch04", 1, "ch04: --data -: standard input is a terminal; pipe "
                                      "the rows in");
    program_run_free(&typed);
}
END_TEST

START_TEST(the_seed_shuffles_the_rows_of_a_file_in_chapter_05)
{
    /* Chapter 05 accepts --seed with --data because it uses it: another seed,
     * other shuffles, another end point; the same seed, the same one. */
    char out[TEXT_SIZE], lines[3][256];
    scratch_path(out, "seeded");
    const char *seeds[3] = {"1", "2", "1"};
    for (int k = 0; k < 3; k++) {
        ProgramRun run = RUN("ch05", "--quiet", "--data", "tests/data/line.csv", "--seed",
                             seeds[k], "--out", out);
        ck_assert_msg(run.exit_code == 0, "%s", run.err);
        last_line(run.out, lines[k], sizeof lines[k]);
        program_run_free(&run);
    }
    ck_assert_str_ne(lines[0], lines[1]);
    ck_assert_str_eq(lines[0], lines[2]);
}
END_TEST

START_TEST(a_read_error_names_the_line_and_the_reason)
{
    /* A "file" the kernel refuses to read: page 0 of the program's memory. */
    assert_data_refused("ch01", "/proc/self/mem",
                        "/proc/self/mem:1: cannot read this line: Input/output error");
}
END_TEST

/* ---- 2b. Chapter 11's labelled files ----------------------------------- */

/* Rows of 2 inputs and a label: count rows of each class 0 … classes − 1,
 * then the text of more (may be ""), into scratch/name. */
static void write_labelled(char *path, const char *name, size_t classes, size_t count,
                           const char *more)
{
    scratch_path(path, name);
    char text[4096] = "";
    for (size_t c = 0; c < classes; c++)
        for (size_t k = 0; k < count; k++) {
            char row[64];
            snprintf(row, sizeof row, "%zu,%zu,%zu\n", k, c, c);
            strcat(text, row);
        }
    strcat(text, more);
    ck_assert(write_text_file(path, text));
}

typedef struct {
    const char *name;
    size_t classes, count; /* rows of each class before the more */
    const char *more;
    const char *expected;  /* after "PATH" */
} LabelCase;

static const LabelCase LABEL_CASES[] = {
    {"not-whole.csv", 3, 5, "1,2,1.5\n", ":16: label '1.5' is not a whole number"},
    {"negative.csv", 3, 5, "1,2,-2\n", ":16: label '-2' is negative"},
    {"ragged.csv", 3, 5, "1,2\n", ":16: expected 3 columns, as on the first data row, found 2"},
    {"too-few.csv", 3, 5, "1,2,3\n1,2,3\n", ": class 3 has only 2 examples; holding out a "
                                              "fifth of each class needs at least 3"},
    {"no-class-1.csv", 1, 5, "1,2,2\n1,2,2\n1,2,2\n", ": class 1 has no example to train on"},
    {"huge-label.csv", 2, 5, "1,2,5000\n", ":11: label '5000' is too large"},
};
enum { LABEL_CASE_COUNT = sizeof LABEL_CASES / sizeof LABEL_CASES[0] };

START_TEST(chapter_12_refuses_inputs_that_are_no_8x8_digit)
{
    /* Two numbers an example, three classes: chapter 11 classifies them;
     * chapter 12's network reads 8x8 images of 10 classes only. */
    char path[TEXT_SIZE], expected[TEXT_SIZE];
    write_labelled(path, "two-inputs.csv", 3, 5, "");
    format_text(expected, "the network reads 8x8 images of 10 classes; these are 2 numbers "
                "of 3 classes");
    assert_data_refused("ch12", path, expected);
}
END_TEST

START_TEST(chapter_11_refuses_a_file_it_cannot_classify)
{
    const LabelCase *c = &LABEL_CASES[_i];
    char path[TEXT_SIZE], expected[TEXT_SIZE];
    write_labelled(path, c->name, c->classes, c->count, c->more);
    format_text(expected, "%s%s", path, c->expected);
    assert_data_refused("ch11", path, expected);
}
END_TEST

START_TEST(chapter_11_refuses_a_held_out_file_that_does_not_fit)
{
    /* Another width, and a class the training file never shows: refused
     * before any training, nothing written. */
    char train[TEXT_SIZE], test[TEXT_SIZE], wide[TEXT_SIZE], out[TEXT_SIZE], expected[TEXT_SIZE];
    write_labelled(train, "train.csv", 2, 5, "");
    write_labelled(test, "test.csv", 3, 2, "");
    scratch_path(wide, "wide.csv");
    ck_assert(write_text_file(wide, "1,2,3,0\n"));
    scratch_path(out, "never-made");
    ProgramRun run = RUN("ch11", "--data", train, "--test", wide, "--out", out);
    format_text(expected, "%s: has 4 columns, %s has 3", wide, train);
    assert_refused(&run, "ch11", 1, expected);
    program_run_free(&run);
    run = RUN("ch11", "--data", train, "--test", test, "--out", out);
    format_text(expected, "%s: class 2 has no example to train on", train);
    assert_refused(&run, "ch11", 1, expected);
    program_run_free(&run);
    struct stat info;
    ck_assert_msg(stat(out, &info) != 0, "ch11 made %s", out);
    /* Both from standard input cannot be: a usage error. */
    run = RUN("ch11", "--data", "-", "--test", "-");
    assert_refused(&run, "ch11", 2, "--data - and --test - would both read standard input");
    program_run_free(&run);
}
END_TEST

START_TEST(a_header_line_is_skipped_and_said)
{
    char path[TEXT_SIZE], out[TEXT_SIZE], expected[TEXT_SIZE], line[256];
    scratch_path(path, "with-header.csv");
    scratch_path(out, "header-out");
    ck_assert(write_text_file(path, "# x in m\nx (m),y\n0,1\n1,3\n2,5\n"));
    ProgramRun run = RUN("ch01", "--data", path, "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    format_text(expected, "%s:2: skipped a header line: 'x (m),y'\n", path);
    ck_assert_msg(strstr(run.out, expected) != NULL, "stdout lacks '%s': %s", expected,
                  run.out);
    last_line(run.out, line, sizeof line);
    ck_assert_str_eq(line, "data: 3 points, x1 in [0.0000, 2.0000], y in [1.0000, 5.0000]");
    program_run_free(&run);
    run = RUN("ch01", "--quiet", "--data", path, "--out", out); /* the last line only */
    ck_assert_ptr_null(strstr(run.out, "header"));
    program_run_free(&run);
}
END_TEST

START_TEST(output_that_cannot_be_written_is_a_failure)
{
    /* `--help > /dev/full` used to exit 0 with nothing written. */
    ProgramRun run = run_chapter_redirected("ch04", (const char *const[]){"--help", NULL},
                                            NULL, "/dev/full");
    assert_refused(&run, "ch04", 1,
                   "ch04: cannot write the help to standard output: No space left on device");
    program_run_free(&run);
    char out[TEXT_SIZE];
    scratch_path(out, "full-out");
    run = run_chapter_redirected("ch01", (const char *const[]){"--out", out, NULL}, NULL,
                                 "/dev/full");
    assert_refused(&run, "ch01", 1,
                   "ch01: cannot write to standard output: No space left on device");
    program_run_free(&run);
}
END_TEST

enum { LONG_PATH_SIZE = 2048 };

/* scratch/a…/b…/c…/name, three folder names of 250 bytes: about 800 bytes,
 * far past the 512 of a message. make_folders: create the three folders. */
static void long_path(char path[LONG_PATH_SIZE], const char *name, bool make_folders)
{
    size_t length = (size_t)snprintf(path, LONG_PATH_SIZE, "%s", scratch);
    for (int k = 0; k < 3; k++) {
        path[length++] = '/';
        memset(path + length, 'a' + k, 250);
        length += 250;
        path[length] = '\0';
        if (make_folders)
            ck_assert_int_eq(mkdir(path, 0755), 0);
    }
    snprintf(path + length, LONG_PATH_SIZE - length, "/%s", name);
}

/* The run failed with one line on stderr that fits the message and still
 * ends with reason. */
static void assert_reason_kept(const ProgramRun *run, const char *program,
                               const char *reason)
{
    assert_refused(run, program, 1, reason);
    size_t length = strlen(run->err), reason_length = strlen(reason);
    ck_assert_uint_le(length, strlen(program) + 2 + sizeof(Error) + 1);
    const char *end = run->err + length - 1 - reason_length; /* before the "\n" */
    ck_assert_msg(length > reason_length && end[reason_length] == '\n' &&
                      strncmp(end, reason, reason_length) == 0,
                  "stderr does not end with '%s': %s", reason, run->err);
    ck_assert_ptr_nonnull(strstr(run->err, "..."));
}

START_TEST(a_long_path_does_not_push_the_reason_out_of_the_message)
{
    /* The message is cut in its middle, not at its end: the start of the path
     * and the reason both stay. */
    char missing[LONG_PATH_SIZE], bad[LONG_PATH_SIZE], under[LONG_PATH_SIZE + 16];
    long_path(missing, "data.csv", false);
    ProgramRun run = RUN("ch04", "--data", missing);
    assert_reason_kept(&run, "ch04", ": cannot open: No such file or directory");
    program_run_free(&run);

    long_path(bad, "nan.csv", true);
    ck_assert(write_text_file(bad, "x,y\n1,2\nnan,3\n"));
    run = RUN("ch01", "--data", bad);
    assert_reason_kept(&run, "ch01", "/nan.csv:3: x value 'nan' is not a finite number");
    program_run_free(&run);

    /* plot.c's message names two long paths. */
    snprintf(under, sizeof under, "%s/deeper", bad);
    run = RUN("ch01", "--out", under);
    assert_reason_kept(&run, "ch01", "/nan.csv is not a folder");
    program_run_free(&run);
}
END_TEST



START_TEST(a_very_long_line_is_refused)
{
    char path[TEXT_SIZE], expected[TEXT_SIZE];
    scratch_path(path, "long.csv");
    enum { LENGTH = 100000 };
    char *text = malloc(LENGTH + 16);
    ck_assert_ptr_nonnull(text);
    strcpy(text, "0,1\n");
    memset(text + 4, '7', LENGTH);
    strcpy(text + 4 + LENGTH, ",2\n");
    ck_assert(write_text_file(path, text));
    free(text);
    format_text(expected, "%s:2: line is longer than %d characters", path, CSV_MAX_LINE);
    assert_data_refused("ch04", path, expected);
}
END_TEST

static Status read_csv_text(const char *text, size_t length, Dataset *data, Error *err)
{
    FILE *file = fmemopen((void *)(uintptr_t)text, length, "r");
    ck_assert_ptr_nonnull(file);
    Status status = csv_read(data, file, "t.csv", NULL, err);
    fclose(file);
    return status;
}

START_TEST(a_byte_order_mark_and_crlf_line_ends_load_correctly)
{
    static const char *const texts[] = {
        "\xEF\xBB\xBFx,y\r\n0,1\r\n1,3\r\n2,5\r\n",  /* Excel's "CSV UTF-8" */
        ("\xEF\xBB\xBF" "0,1\r\n1,3\r\n2,5"),        /* no header, no last newline */
        "x,y\r\n# a comment\r\n\r\n0 , 1\r\n1,3\r\n2,5\r\n", /* blank, comment */
    };
    for (size_t t = 0; t < 3; t++) {
        Dataset data;
        Error err = {""};
        ck_assert_msg(read_csv_text(texts[t], strlen(texts[t]), &data, &err) == STATUS_OK,
                      "text %zu: %s", t, err.message);
        ck_assert_uint_eq(data.n, 3);
        for (size_t i = 0; i < 3; i++) {
            ck_assert_double_eq(data.x[2 * i], (double)i);
            ck_assert_double_eq(data.x[2 * i + 1], 1.0);
            ck_assert_double_eq(data.y[i], 2.0 * (double)i + 1.0);
        }
        data_free(&data);
    }

    /* And end to end: what chapter 01 says about such a file. */
    char path[TEXT_SIZE], out[TEXT_SIZE], line[256];
    scratch_path(path, "excel.csv");
    scratch_path(out, "excel-out");
    ck_assert(write_text_file(path, texts[0]));
    ProgramRun run = RUN("ch01", "--quiet", "--data", path, "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    last_line(run.out, line, sizeof line);
    ck_assert_str_eq(line, "data: 3 points, x1 in [0.0000, 2.0000], y in [1.0000, 5.0000]");
    program_run_free(&run);
}
END_TEST

/* ---- 3. Divergence ----------------------------------------------------- */

typedef struct {
    const char *program;
    const char *args[5];
    const char *expected;
    size_t last_step; /* it must stop by this step: at once, not after many */
} DivergeCase;

static const DivergeCase DIVERGE_CASES[] = {
    {"ch04", {"--lr", "1.5"}, "with learning rate 1.5; on this data full-batch", 10},
    {"ch04", {"--lr", "1e300"}, "diverged at step 1 with learning rate 1e+300", 1},
    {"ch05", {"--batch", "1", "--lr", "1e6"}, "learning rate 1e+06 and batches of 1;", 2},
    {"ch05", {"--batch", "1", "--lr", "1e300"}, "learning rate 1e+300 and batches of 1", 2},
    {"ch05", {"--lr", "2"}, "learning rate 2 and batches of 10;", 10},
    {"ch05", {"--batch", "500", "--lr", "1e300"}, "full-batch descent is stable only", 1},
    /* x up to 10: the bound comes from the data, far below the default 0.1. */
    {"ch04", {"--data", "WIDE"}, "learning rate 0.1; on this data", 10},
};
enum { DIVERGE_CASE_COUNT = sizeof DIVERGE_CASES / sizeof DIVERGE_CASES[0] };

/* args plus "--quiet --out out", with "WIDE" replaced by wide_csv and, if lr
 * is not NULL, the learning rate set to lr. */
static void diverge_args(const DivergeCase *c, const char *wide_csv, const char *out,
                         const char *lr, const char **args)
{
    size_t count = 0;
    bool lr_set = false;
    for (size_t k = 0; c->args[k] != NULL; k++) {
        bool is_lr_value = k > 0 && strcmp(c->args[k - 1], "--lr") == 0;
        args[count++] = strcmp(c->args[k], "WIDE") == 0 ? wide_csv
                        : is_lr_value && lr != NULL   ? lr
                                                      : c->args[k];
        lr_set |= is_lr_value;
    }
    if (lr != NULL && !lr_set) {
        args[count++] = "--lr";
        args[count++] = lr;
    }
    args[count++] = "--quiet";
    args[count++] = "--out";
    args[count++] = out;
    args[count] = NULL;
}

START_TEST(divergence_stops_at_once_and_suggests_a_rate_that_works)
{
    const DivergeCase *c = &DIVERGE_CASES[_i];
    char wide[TEXT_SIZE], out[TEXT_SIZE];
    format_text(wide, "%s/wide-%d.csv", scratch, _i);
    format_text(out, "%s/out-%d", scratch, _i);
    ck_assert(write_text_file(wide, "x,y\n0,1.1\n2,4.9\n4,9.2\n6,12.8\n8,17.1\n10,21\n"));
    const char *args[MAX_ARGS + 1];
    diverge_args(c, wide, out, NULL, args);
    ProgramRun run = run_chapter(c->program, args);
    assert_refused(&run, c->program, 1, c->expected);

    size_t step;
    double bound;
    char suggested[32];
    /* Chapter 04 counts steps; chapter 05 iterations, in its own words. */
    const char *said = strstr(run.err, "diverged at ");
    ck_assert_msg(said != NULL && (sscanf(said, "diverged at step %zu", &step) == 1 ||
                                   sscanf(said, "diverged at iteration %zu", &step) == 1),
                  "no step in: %s", run.err);
    ck_assert_msg(step <= c->last_step, "stopped only at step %zu: %s", step, run.err);
    const char *bound_text = strstr(run.err, "lr < ");
    ck_assert_msg(bound_text != NULL && sscanf(bound_text, "lr < %lf, so try --lr %31s",
                                               &bound, suggested) == 2,
                  "no bound and suggestion in: %s", run.err);
    ck_assert_double_lt(strtod(suggested, NULL), bound);
    program_run_free(&run);

    /* Nothing was written, not even the folder. */
    struct stat info;
    ck_assert_msg(stat(out, &info) != 0, "a diverging run made %s", out);

    /* Taking the advice works. */
    diverge_args(c, wide, out, suggested, args);
    run = run_chapter(c->program, args);
    ck_assert_msg(run.exit_code == 0, "--lr %s failed too: %s", suggested, run.err);
    ck_assert_ptr_nonnull(strstr(run.out, "final:"));
    ck_assert(!shows_non_number(run.out));
    program_run_free(&run);
}
END_TEST

START_TEST(minibatch_training_stops_before_anything_overflows)
{
    Dataset data;
    Rng rng = rng_seeded(42);
    const double a_true[2] = {3, 2};
    ck_assert_int_eq(data_synthetic(&data, 100, a_true, &rng, NULL), STATUS_OK);
    History history;
    ck_assert_int_eq(history_allocate(&history, 100, NULL), STATUS_OK);
    double a[2] = {-1, 1};
    Error err;
    ck_assert_int_eq(train_minibatch(&data, a, 1e6, 100, 1, &rng, &history, &err),
                     STATUS_DIVERGED);
    /* One batch shows the blow-up (its loss times m/n is a lower bound of the
     * full loss), long before the coefficients overflow to inf and nan. */
    ck_assert_uint_le(history.iterations, 2);
    ck_assert(isfinite(a[0]) && isfinite(a[1]));
    ck_assert_ptr_nonnull(strstr(err.message, "batches of 1"));
    history_free(&history);
    data_free(&data);
}
END_TEST

START_TEST(a_blow_up_is_shown_in_words_never_as_nan)
{
    /* --lr 1e308 overflows on the first step: the row of step 1 used to read
     * "1   -nan   [inf, inf]" in chapters 06 and 07, and chapters 08 to 10
     * showed no row for it. Every chapter that trains shows the rows up to
     * the blow-up, a number past the largest double as "overflow". */
    const char *programs[] = {"ch04", "ch05", "ch06", "ch07", "ch08", "ch09", "ch10"};
    for (size_t k = 0; k < 7; k++) {
        char out[TEXT_SIZE];
        format_text(out, "%s/blow-up-%zu", scratch, k);
        ProgramRun run = RUN(programs[k], "--lr", "1e308", "--out", out);
        assert_refused(&run, programs[k], 1, "diverged at ");
        ck_assert_msg(strstr(run.out, " 1   overflow") != NULL,
                      "%s shows no row for the blow-up: %s", programs[k], run.out);
        program_run_free(&run);
    }
}
END_TEST

/* True if some script in folder holds a non-number ("inf", "nan" in any
 * case) as a word: gnuplot would draw nothing there. */
static bool figures_show_non_number(const char *folder)
{
    DIR *dir = opendir(folder);
    ck_assert_ptr_nonnull(dir);
    bool found = false;
    struct dirent *entry;
    while (!found && (entry = readdir(dir)) != NULL) {
        if (strstr(entry->d_name, ".gp") == NULL)
            continue;
        char path[TEXT_SIZE];
        format_text(path, "%s/%s", folder, entry->d_name);
        char *script = read_text_file(path);
        ck_assert_ptr_nonnull(script);
        for (const char *word = strtok(script, " \t\n,:[]()'"); word != NULL && !found;
             word = strtok(NULL, " \t\n,:[]()'"))
            found = strcasecmp(word, "inf") == 0 || strcasecmp(word, "-inf") == 0 ||
                    strcasecmp(word, "nan") == 0 || strcasecmp(word, "-nan") == 0;
        free(script);
    }
    closedir(dir);
    return found;
}

START_TEST(data_at_the_limits_gives_numbers_everywhere)
{
    /* At the edges of what the loader accepts (csv.h): x spread over 5e-50
     * with y near 1e49 (a slope near 1e99, a condition number near 1e99), and
     * x near 5e49. Chapter 06 printed "condition number inf" and drew inf for
     * the predicted steps (1 - 1e-99 rounds to 1); chapter 07's contours
     * were nan. Now every number printed or drawn is a number. */
    static const struct {
        const char *name, *text, *lr;
    } cases[] = {
        {"narrow.csv", "0,0\n1e-50,3e49\n2e-50,1e49\n3e-50,4e49\n4e-50,1e49\n5e-50,5e49\n",
         "0.1"},
        {"wide.csv", "1e49,3e49\n2e49,-1e49\n3e49,4e49\n4e49,-1e49\n5e49,5e49\n", "1e-100"},
    };
    const char *programs[] = {"ch06", "ch07"};
    for (size_t c = 0; c < 2; c++)
        for (size_t k = 0; k < 2; k++) {
            char path[TEXT_SIZE], out[TEXT_SIZE];
            scratch_path(path, cases[c].name);
            format_text(out, "%s/limits-%zu-%zu", scratch, c, k);
            ck_assert(write_text_file(path, cases[c].text));
            ProgramRun run = RUN(programs[k], "--data", path, "--lr", cases[c].lr, "--out", out);
            ck_assert_msg(run.exit_code == 0, "%s %s: %s", programs[k], path, run.err);
            ck_assert_msg(!shows_non_number(run.out), "%s %s: %s", programs[k], path, run.out);
            ck_assert_msg(!figures_show_non_number(out), "%s %s drew inf or nan", programs[k],
                          path);
            program_run_free(&run);
        }
    /* Just past them: refused, with the limit named. */
    char path[TEXT_SIZE];
    scratch_path(path, "closer.csv");
    ck_assert(write_text_file(path, "0,0\n1e-200,1\n2e-200,2\n"));
    assert_data_refused("ch06", path, "the x values span only 2e-200 (from 0 to 2e-200), too "
                                      "little to tell them apart; keep their spread at least "
                                      "1e-50");
}
END_TEST

START_TEST(a_run_short_of_an_exact_line_gives_no_ratio_to_zero)
{
    /* Points exactly on y = 2*x1 + 1: the least-squares loss is 0, and
     * chapter 04 said its loss was "still inf times" it. */
    char path[TEXT_SIZE], out[TEXT_SIZE];
    scratch_path(path, "exact.csv");
    scratch_path(out, "exact");
    ck_assert(write_text_file(path, "0,1\n1,3\n2,5\n3,7\n"));
    ProgramRun run = RUN("ch04", "--data", path, "--lr", "0.01", "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    ck_assert_msg(!shows_non_number(run.out), "%s", run.out);
    ck_assert_ptr_nonnull(strstr(run.out, "the least-squares line, on which the\npoints lie, "
                                          "has loss 0"));
    program_run_free(&run);
}
END_TEST

START_TEST(a_rate_just_past_the_bound_fails_however_slowly_it_grows)
{
    /* The notebook's data has the bound 0.9997 (chapter 06 prints it). At
     * lr = 1 the error along the steep direction grows by 1.0006 a step:
     * after 1000 steps the loss was 8.5655, above its start 8.1193 but far
     * below ten times it, and chapters 04, 06, 07 and 08 exited 0. */
    const char *programs[] = {"ch04", "ch06", "ch07", "ch08"};
    for (size_t k = 0; k < 4; k++) {
        char out[TEXT_SIZE];
        format_text(out, "%s/past-bound-%zu", scratch, k);
        ProgramRun run = RUN(programs[k], "--lr", "1", "--epochs", "1000", "--out", out);
        assert_refused(&run, programs[k], 1, "with learning rate 1; on this data full-batch "
                                             "descent is stable only for lr < 0.9997");
        ck_assert_ptr_nonnull(strstr(run.out, "1000   8.5655")); /* the rows were shown */
        program_run_free(&run);
    }
}
END_TEST

START_TEST(a_rate_at_the_bound_is_said_to_swing_for_ever)
{
    /* Standardized, the bowl is round with both curvatures 2: the bound is
     * exactly 1, and at lr = 1 every step flips the error and keeps its
     * size, so the loss never moves from the start. Not a blow-up, but no
     * fit either, and the program must say so. */
    char out[TEXT_SIZE];
    scratch_path(out, "at-bound");
    ProgramRun run = RUN("ch06", "--standardize", "--lr", "1", "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    ck_assert_msg(strstr(run.out, "lr = 1 is not below the stable bound 2/lambda_max = 1:") &&
                      strstr(run.out, "swings back and forth for ever and gets no closer"),
                  "%s", run.out);
    program_run_free(&run);
}
END_TEST

/* The least-squares loss of the points (x, y), from centred sums. */
static double least_squares_loss(const double *x, const double *y, size_t n)
{
    double x_mean = 0, y_mean = 0, sxx = 0, sxy = 0, loss = 0;
    for (size_t i = 0; i < n; i++) {
        x_mean += x[i] / (double)n;
        y_mean += y[i] / (double)n;
    }
    for (size_t i = 0; i < n; i++) {
        sxx += (x[i] - x_mean) * (x[i] - x_mean);
        sxy += (x[i] - x_mean) * (y[i] - y_mean);
    }
    for (size_t i = 0; i < n; i++) {
        double miss = y_mean + sxy / sxx * (x[i] - x_mean) - y[i];
        loss += miss * miss / (double)n;
    }
    return loss;
}

START_TEST(standardizing_says_how_many_steps_a_far_start_needs)
{
    /* x near 1e30, y near 5: standardized, the bowl is round and lr 0.1
     * shrinks the distance by 0.8 a step, but the notebook's starting line
     * y = -x + 1 is 1e30 away, and 100 steps cover only 0.8^100 = 2e-10 of
     * it. The program said the loss "shrinks by only rho = 0.8": it now says
     * how many steps it takes, and that many do reach least squares. */
    static const double y[10] = {1, 3, 2, 5, 4, 6, 8, 7, 9, 9};
    double x[10];
    char text[TEXT_SIZE] = "", row[64], path[TEXT_SIZE], out[TEXT_SIZE];
    for (size_t k = 0; k < 10; k++) {
        x[k] = (double)k * 1e30;
        snprintf(row, sizeof row, "%.17g,%g\n", x[k], y[k]);
        strcat(text, row);
    }
    scratch_path(path, "far.csv");
    scratch_path(out, "far");
    ck_assert(write_text_file(path, text));
    double floor = least_squares_loss(x, y, 10), loss;
    ProgramRun run = RUN("ch06", "--standardize", "--data", path, "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    const char *said = strstr(run.out, "within 1% of it (--epochs ");
    size_t epochs = 0;
    ck_assert_msg(said != NULL && sscanf(said, "within 1%% of it (--epochs %zu)", &epochs) == 1,
                  "%s", run.out);
    char line[TEXT_SIZE];
    last_line(run.out, line, sizeof line);
    ck_assert(sscanf(line, "final: a = [%*[^]]], loss = %lf", &loss) == 1);
    ck_assert_double_gt(loss, 1.01 * floor); /* 100 steps were not enough */
    program_run_free(&run);
    char count[32];
    snprintf(count, sizeof count, "%zu", epochs);
    run = RUN("ch06", "--standardize", "--quiet", "--data", path, "--epochs", count, "--out",
              out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    ck_assert(sscanf(run.out, "final: a = [%*[^]]], loss = %lf", &loss) == 1);
    ck_assert_msg(loss <= 1.01 * floor, "%zu steps: loss %g, least squares %g", epochs, loss,
                  floor);
    program_run_free(&run);
}
END_TEST

START_TEST(every_x_the_same_gets_no_advice_to_rescale)
{
    /* Every x = 5: the Hessian 2 [26 5; 5 1] has eigenvalues 52 and 0, so the
     * bound is 2/52 = 0.03846 and the condition number infinite. The message
     * used to call x badly scaled and send the reader to ch06 --standardize,
     * which refuses this file: no rescaling can make a slope determined. */
    char path[TEXT_SIZE];
    scratch_path(path, "five.csv");
    ck_assert(write_text_file(path, "5,1\n5,2\n5,3\n5,4\n"));
    const char *programs[] = {"ch04", "ch05", "ch08"};
    for (size_t k = 0; k < 3; k++) {
        char out[TEXT_SIZE];
        format_text(out, "%s/five-%zu", scratch, k);
        ProgramRun run = RUN(programs[k], "--data", path, "--out", out);
        assert_refused(&run, programs[k], 1, "stable only for lr < 0.03846, so try --lr "
                                             "0.019; every x is 5, so the slope is not "
                                             "determined");
        ck_assert_msg(strstr(run.err, "standardize") == NULL, "%s", run.err);
        program_run_free(&run);
    }
    char out[TEXT_SIZE];
    scratch_path(out, "five-ch06");
    ProgramRun run = RUN("ch06", "--data", path, "--standardize", "--out", out);
    assert_refused(&run, "ch06", 1, "all x values are equal");
    program_run_free(&run);
}
END_TEST

START_TEST(a_one_step_run_reports_the_loss_it_had)
{
    /* Chapter 08's run without zero_() gives the range of its losses from
     * step epochs/2 on; for one step that range was empty, and it printed
     * "the loss ranged from inf to 0.0000". One step has one loss, the
     * start's, which the row of step 0 shows. */
    char out[TEXT_SIZE];
    scratch_path(out, "one-step");
    ProgramRun run = RUN("ch08", "--epochs", "1", "--out", out);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    ck_assert(!shows_non_number(run.out));
    const char *row = strstr(run.out, "\nstep   loss");
    const char *range = strstr(run.out, "loss ranged from ");
    double start, low, high;
    ck_assert(row != NULL && sscanf(row, "\nstep   loss      a\n   0   %lf", &start) == 1);
    ck_assert(range != NULL && sscanf(range, "loss ranged from %lf to %lf", &low, &high) == 2);
    ck_assert_double_eq(low, start);
    ck_assert_double_eq(high, start);
    program_run_free(&run);
}
END_TEST

/* ---- 4. Output folders ------------------------------------------------- */

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Everything about a file that a run could change: its inode (a file
 * replaced by rename gets a new one), its size and its contents. */
static void fingerprint(FILE *snap, const char *path)
{
    struct stat info;
    ck_assert_int_eq(lstat(path, &info), 0);
    fprintf(snap, "== %s inode %lu size %lld\n", path, (unsigned long)info.st_ino,
            (long long)info.st_size);
    if (S_ISREG(info.st_mode)) {
        char *contents = read_text_file(path);
        ck_assert_ptr_nonnull(contents);
        fputs(contents, snap);
        free(contents);
    }
}

/* The fingerprints of the file at path or, for a folder, of every file in it
 * (hidden ones too), as a new string. */
static char *snapshot(const char *path)
{
    char *text = NULL;
    size_t size = 0;
    FILE *snap = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(snap);
    struct dirent **entries;
    int count = scandir(path, &entries, NULL, by_name);
    if (count < 0)
        fingerprint(snap, path);
    for (int k = 0; k < count; k++) {
        char entry_path[TEXT_SIZE];
        format_text(entry_path, "%s/%s", path, entries[k]->d_name);
        fingerprint(snap, entry_path);
        free(entries[k]);
    }
    if (count >= 0)
        free(entries);
    ck_assert_int_eq(fclose(snap), 0);
    return text;
}

/* The folder has no hidden temporary file (".NAME.gp.XXXXXX") left in it. */
static void assert_no_temporary_files(const char *folder)
{
    DIR *dir = opendir(folder);
    ck_assert_ptr_nonnull(dir);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL)
        ck_assert_msg(strstr(entry->d_name, ".gp.") == NULL, "left behind: %s/%s",
                      folder, entry->d_name);
    closedir(dir);
}

START_TEST(a_failing_run_leaves_the_out_folder_exactly_as_it_was)
{
    char out[TEXT_SIZE];
    scratch_path(out, "figures");
    const char *programs[] = {"ch01", "ch04", "ch05"};
    for (size_t k = 0; k < 3; k++) {
        ProgramRun good = RUN(programs[k], "--quiet", "--out", out);
        ck_assert_msg(good.exit_code == 0, "%s", good.err);
        program_run_free(&good);
    }
    char *before = snapshot(out);
    ck_assert_ptr_nonnull(strstr(before, "/ch04-fit.gp inode"));

    ProgramRun runs[] = {
        RUN("ch04", "--lr", "1.5", "--out", out),
        RUN("ch05", "--batch", "1", "--lr", "1e300", "--out", out),
        RUN("ch05", "--lr", "3", "--out", out),
        RUN("ch04", "--data", BAD "nan.csv", "--out", out),
        RUN("ch04", "--lr", "abc", "--out", out),
    };
    for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
        ck_assert_int_ne(runs[k].exit_code, 0);
        char *after = snapshot(out);
        ck_assert_str_eq(after, before);
        free(after);
        program_run_free(&runs[k]);
    }
    free(before);
}
END_TEST

START_TEST(an_out_folder_under_a_regular_file_is_refused)
{
    char file[TEXT_SIZE], under[TEXT_SIZE], expected[TEXT_SIZE];
    scratch_path(file, "a-file");
    format_text(under, "%s/figures/deeper", file);
    ck_assert(write_text_file(file, "precious\n"));
    format_text(expected, "cannot use folder %s: %s is not a folder", under,
             file);
    const char *programs[] = {"ch01", "ch03", "ch04", "ch05"};
    for (size_t k = 0; k < 4; k++) {
        ProgramRun run = RUN(programs[k], "--quiet", "--out", under);
        assert_refused(&run, programs[k], 1, expected);
        program_run_free(&run);
    }
    /* --out naming the file itself */
    ProgramRun run = RUN("ch02", "--out", file);
    assert_refused(&run, "ch02", 1, "is not a folder");
    program_run_free(&run);
    char *contents = read_text_file(file);
    ck_assert_str_eq(contents, "precious\n");
    free(contents);
}
END_TEST

START_TEST(a_read_only_out_folder_is_refused)
{
    if (geteuid() == 0)
        return; /* root writes anywhere: the test above covers a folder root cannot use */
    char out[TEXT_SIZE], expected[TEXT_SIZE];
    scratch_path(out, "read-only");
    ck_assert_int_eq(mkdir(out, 0555), 0);
    ProgramRun run = RUN("ch04", "--quiet", "--out", out);
    format_text(expected, "cannot write in folder %s: Permission denied", out);
    assert_refused(&run, "ch04", 1, expected);
    program_run_free(&run);
    chmod(out, 0755); /* so that the scratch folder can go */
}
END_TEST

START_TEST(a_figure_that_cannot_be_replaced_leaves_the_rest)
{
    char out[TEXT_SIZE], blocker[TEXT_SIZE], expected[TEXT_SIZE];
    scratch_path(out, "figures");
    ProgramRun run = RUN("ch04", "--quiet", "--out", out);
    ck_assert_int_eq(run.exit_code, 0);
    program_run_free(&run);

    /* A folder where ch04-loss.gp should go: rename() cannot replace it. */
    format_text(blocker, "%s/ch04-loss.gp", out);
    ck_assert_int_eq(remove(blocker), 0);
    ck_assert_int_eq(mkdir(blocker, 0755), 0);
    char animation[TEXT_SIZE];
    format_text(animation, "%s/ch04-animation.gp", out);
    char *before = snapshot(animation);

    run = RUN("ch04", "--quiet", "--out", out);
    format_text(expected, "cannot write %s: Is a directory", blocker);
    assert_refused(&run, "ch04", 1, expected);
    program_run_free(&run);
    assert_no_temporary_files(out);
    /* ch04-fit.gp was rewritten (same contents, new inode) before the failure;
     * ch04-animation.gp, due after it, was not touched. */
    char *after = snapshot(animation);
    ck_assert_str_eq(after, before);
    free(before);
    free(after);
}
END_TEST

START_TEST(a_failed_run_removes_the_out_folders_it_made)
{
    /* Issue 18, defect 4: `ch06 --quiet --lr 1e300 --out N/a/b` exited 1
     * and left N/a/b behind. A failed run removes the folders it made for
     * its figures, and only those: N here, not the scratch folder above it. */
    char top[TEXT_SIZE], out[TEXT_SIZE];
    scratch_path(top, "N");
    format_text(out, "%s/a/b", top);
    ProgramRun run = RUN("ch06", "--quiet", "--lr", "1e300", "--out", out);
    assert_refused(&run, "ch06", 1, "diverged");
    program_run_free(&run);
    ck_assert_msg(access(top, F_OK) != 0, "the failed run left %s", top);
    ck_assert_int_eq(access(scratch, F_OK), 0);
}
END_TEST

START_TEST(figures_are_as_private_as_the_umask_says)
{
    /* Issue 18, defect 5: under umask 077 the figures were made 0644. */
    char out[TEXT_SIZE], figure[TEXT_SIZE];
    scratch_path(out, "private");
    mode_t saved = umask(077);
    ProgramRun run = RUN("ch04", "--quiet", "--out", out);
    umask(saved);
    ck_assert_msg(run.exit_code == 0, "%s", run.err);
    program_run_free(&run);
    const char *names[] = {"ch04-fit.gp", "ch04-loss.gp", "ch04-animation.gp"};
    for (size_t k = 0; k < 3; k++) {
        format_text(figure, "%s/%s", out, names[k]);
        struct stat info;
        ck_assert_int_eq(stat(figure, &info), 0);
        ck_assert_msg((info.st_mode & 0777) == 0600, "%s is %03o", figure,
                      (unsigned)(info.st_mode & 0777));
    }
}
END_TEST

/* Every chapter, the name of a figure it draws, the start of its last line,
 * and flags that keep its run short. */
typedef struct {
    const char *program, *figure, *last_line, *flags[3];
} Ending;

static const Ending ENDINGS[] = {
    {"ch01", "ch01-data.gp", "data:", {NULL}},
    {"ch02", "ch02-guess.gp", "loss:", {NULL}},
    {"ch03", "ch03-least-squares.gp", "least squares:", {NULL}},
    {"ch04", "ch04-fit.gp", "final:", {NULL}},
    {"ch05", "ch05-loss-by-epoch.gp", "final:", {NULL}},
    {"ch06", "ch06-fit.gp", "final:", {NULL}},
    {"ch07", "ch07-noise-floor.gp", "final:", {NULL}},
    {"ch08", "ch08-zero-grad.gp", "final:", {NULL}},
    {"ch09", "ch09-fits.gp", "final:", {"--epochs", "200", NULL}},
    {"ch10", "ch10-fit.gp", "final:", {NULL}},
    {"ch11", "ch11-loss.gp", "final:", {"--epochs", "2", NULL}},
    {"ch13", "ch13-bandwidth.gp", "roofline:", {"--n", "1000", NULL}},
};
enum { ENDING_COUNT = sizeof ENDINGS / sizeof ENDINGS[0] };

/* Runs the ending's chapter into out with more words (up to 2), stdout to
 * out_path (NULL: kept). */
static ProgramRun run_ending(const Ending *e, const char *out, const char *more,
                             const char *out_path)
{
    const char *args[MAX_ARGS + 1] = {"--quiet", "--out", out};
    size_t count = 3;
    for (size_t k = 0; e->flags[k] != NULL; k++)
        args[count++] = e->flags[k];
    if (more != NULL)
        args[count++] = more;
    args[count] = NULL;
    return run_chapter_redirected(e->program, args, NULL, out_path);
}

START_TEST(a_run_prints_its_last_line_only_when_its_figures_can_land)
{
    /* Chapter 06 printed "final: ..." and then failed on a folder in the
     * way of a figure; chapters 06, 07 and 08 replaced the figures and then
     * failed on a full standard output. The order now is: check that every
     * figure can be moved, print the last line, then move the figures. */
    const Ending *e = &ENDINGS[_i];
    char out[TEXT_SIZE], blocker[TEXT_SIZE], expected[TEXT_SIZE];
    format_text(out, "%s/ending-%d", scratch, _i);
    ProgramRun run = run_ending(e, out, NULL, NULL);
    ck_assert_msg(run.exit_code == 0, "%s: %s", e->program, run.err);
    ck_assert_ptr_nonnull(strstr(run.out, e->last_line));
    program_run_free(&run);
    char *before = snapshot(out);

    /* A full disk under standard output: no figure replaced. */
    run = run_ending(e, out, NULL, "/dev/full");
    assert_refused(&run, e->program, 1, "cannot write to standard output: No space left");
    program_run_free(&run);
    char *after = snapshot(out);
    ck_assert_msg(strcmp(after, before) == 0, "%s replaced its figures", e->program);
    free(after);

    /* A folder where a figure should go: no last line, no figure replaced. */
    format_text(blocker, "%s/%s", out, e->figure);
    ck_assert_int_eq(remove(blocker), 0);
    ck_assert_int_eq(mkdir(blocker, 0755), 0);
    free(before);
    before = snapshot(out);
    run = run_ending(e, out, NULL, NULL);
    format_text(expected, "cannot write %s: Is a directory", blocker);
    assert_refused(&run, e->program, 1, expected);
    ck_assert_msg(strstr(run.out, e->last_line) == NULL, "%s printed its last line: %s",
                  e->program, run.out);
    program_run_free(&run);
    after = snapshot(out);
    ck_assert_msg(strcmp(after, before) == 0, "%s moved some figures", e->program);
    free(after);
    free(before);
    assert_no_temporary_files(out);
}
END_TEST

START_TEST(a_figure_that_cannot_be_written_names_the_readers_folder)
{
    /* Issue 18, defect 6: a full disk's message named the set's hidden
     * folder (cannot write …/.figures.23032.Lmxv4Y/ch04-fit.gp), not the
     * folder the reader gave. A limit on the size of a file makes every
     * figure's writes fail as a full disk would (with EFBIG, the run's
     * SIGXFSZ ignored, as this process's is), with nothing else to set up. */
    const Ending *e = &ENDINGS[_i];
    char out[TEXT_SIZE], expected[TEXT_SIZE];
    format_text(out, "%s/too-large-%d", scratch, _i);
    format_text(expected, "cannot write %s/%s", out, e->program);
    struct rlimit saved, small;
    ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &saved), 0);
    small = saved;
    small.rlim_cur = 1000; /* every figure is longer; the message is shorter */
    signal(SIGXFSZ, SIG_IGN);
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
    ProgramRun run = run_ending(e, out, NULL, NULL);
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &saved), 0);
    signal(SIGXFSZ, SIG_DFL);
    assert_refused(&run, e->program, 1, expected);
    ck_assert_msg(strstr(run.err, strerror(EFBIG)) != NULL, "%s", run.err);
    ck_assert_msg(strstr(run.err, ".figures.") == NULL, "%s", run.err);
    program_run_free(&run);
    ck_assert_msg(access(out, F_OK) != 0, "the failed run left %s", out); /* it made it */
}
END_TEST

/* ---- 5. The fuzzers' inputs -------------------------------------------- */

/* Runs every file in folder through input; returns how many there were. */
static size_t replay_folder(const char *folder, int (*input)(const uint8_t *, size_t))
{
    DIR *dir = opendir(folder);
    if (dir == NULL)
        return 0;
    size_t replayed = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        char path[TEXT_SIZE];
        format_text(path, "%s/%s", folder, entry->d_name);
        FILE *file = fopen(path, "rb");
        ck_assert_ptr_nonnull(file);
        uint8_t bytes[8192];
        size_t size = fread(bytes, 1, sizeof bytes, file);
        fclose(file);
        input(bytes, size); /* abort()s if a promise is broken */
        replayed++;
    }
    closedir(dir);
    return replayed;
}

START_TEST(the_fuzzers_seeds_and_past_crashes_replay_cleanly)
{
    ck_assert_uint_gt(replay_folder("fuzz/corpus/csv", fuzz_csv_input), 0);
    ck_assert_uint_gt(replay_folder("fuzz/corpus/cli", fuzz_cli_input), 0);
    ck_assert_uint_gt(replay_folder("fuzz/regressions/csv", fuzz_csv_input) +
                          replay_folder("fuzz/regressions/cli", fuzz_cli_input),
                      0);
}
END_TEST

START_TEST(the_fuzzers_past_crashes_stay_fixed)
{
    /* fuzz/regressions/cli: a newline inside a short flag ("-\n") went into
     * the message, which then spanned two lines. */
    const char newline_flag[] = "-\n";
    ck_assert_int_eq(fuzz_cli_input((const uint8_t *)newline_flag, 2), 0);
    /* fuzz/regressions/csv: DEL characters (0x7f) went into the message. */
    Dataset data;
    Error err = {""};
    const char delete_characters[] = "\x7f\x7f" "1e200,9";
    ck_assert_int_eq(read_csv_text(delete_characters, 9, &data, &err), STATUS_BAD_DATA);
    ck_assert_ptr_nonnull(strstr(err.message, "t.csv:1: contains the control character 0x7f"));
}
END_TEST

/* A test case with its own scratch folder and a generous timeout. */
static TCase *add_case(Suite *suite, const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, 20);
    tcase_add_unchecked_fixture(tc, make_scratch, remove_scratch);
    suite_add_tcase(suite, tc);
    return tc;
}

Suite *errors_suite(void)
{
    Suite *suite = suite_create("errors");

    TCase *flags = add_case(suite, "flags");
    tcase_add_loop_test(flags, a_bad_flag_is_refused_naming_flag_and_value, 0,
                        FLAG_CASE_COUNT);

    TCase *csv = add_case(suite, "csv");
    tcase_add_loop_test(csv, a_bad_csv_file_is_refused_naming_file_and_line, 0,
                        CSV_CASE_COUNT);
    tcase_add_test(csv, every_chapter_refuses_a_bad_file_the_same_way);
    tcase_add_test(csv, a_missing_file_or_a_folder_is_refused);
    tcase_add_test(csv, a_binary_file_is_refused);
    tcase_add_test(csv, a_device_or_a_named_pipe_is_refused_at_once);
    tcase_add_test(csv, data_from_standard_input_is_read_once);
    tcase_add_test(csv, a_read_error_names_the_line_and_the_reason);
    tcase_add_test(csv, the_seed_shuffles_the_rows_of_a_file_in_chapter_05);
    tcase_add_test(csv, a_long_path_does_not_push_the_reason_out_of_the_message);
    tcase_add_test(csv, a_header_line_is_skipped_and_said);
    tcase_add_test(csv, a_very_long_line_is_refused);
    tcase_add_test(csv, a_byte_order_mark_and_crlf_line_ends_load_correctly);
    tcase_add_loop_test(csv, chapter_11_refuses_a_file_it_cannot_classify, 0, LABEL_CASE_COUNT);
    tcase_add_test(csv, chapter_12_refuses_inputs_that_are_no_8x8_digit);
    tcase_add_test(csv, chapter_11_refuses_a_held_out_file_that_does_not_fit);

    TCase *divergence = add_case(suite, "divergence");
    tcase_add_loop_test(divergence, divergence_stops_at_once_and_suggests_a_rate_that_works,
                        0, DIVERGE_CASE_COUNT);
    tcase_add_test(divergence, minibatch_training_stops_before_anything_overflows);
    tcase_add_test(divergence, a_blow_up_is_shown_in_words_never_as_nan);
    tcase_add_test(divergence, data_at_the_limits_gives_numbers_everywhere);
    tcase_add_test(divergence, a_one_step_run_reports_the_loss_it_had);
    tcase_add_test(divergence, every_x_the_same_gets_no_advice_to_rescale);
    tcase_add_test(divergence, a_rate_just_past_the_bound_fails_however_slowly_it_grows);
    tcase_add_test(divergence, a_rate_at_the_bound_is_said_to_swing_for_ever);
    tcase_add_test(divergence, standardizing_says_how_many_steps_a_far_start_needs);
    tcase_add_test(divergence, a_run_short_of_an_exact_line_gives_no_ratio_to_zero);

    TCase *output = add_case(suite, "output");
    tcase_add_test(output, a_failing_run_leaves_the_out_folder_exactly_as_it_was);
    tcase_add_test(output, an_out_folder_under_a_regular_file_is_refused);
    tcase_add_test(output, a_read_only_out_folder_is_refused);
    tcase_add_test(output, a_figure_that_cannot_be_replaced_leaves_the_rest);
    tcase_add_test(output, output_that_cannot_be_written_is_a_failure);
    tcase_add_loop_test(output, a_run_prints_its_last_line_only_when_its_figures_can_land, 0,
                        ENDING_COUNT);
    tcase_add_test(output, a_failed_run_removes_the_out_folders_it_made);
    tcase_add_test(output, figures_are_as_private_as_the_umask_says);
    tcase_add_loop_test(output, a_figure_that_cannot_be_written_names_the_readers_folder, 0,
                        ENDING_COUNT);

    TCase *fuzz_inputs = add_case(suite, "fuzz inputs");
    tcase_add_test(fuzz_inputs, the_fuzzers_seeds_and_past_crashes_replay_cleanly);
    tcase_add_test(fuzz_inputs, the_fuzzers_past_crashes_stay_fixed);
    return suite;
}
