/*
 * cli.h — the flags every chapter program understands.
 * Introduced in chapter 01.
 *
 * All chapters share one set of flags with the notebook's defaults; each
 * chapter says which of them it uses, and a flag it does not use is an error
 * rather than being silently ignored. Every value is checked: a reader who
 * types --lr 0,1 or --n -5 is told so, instead of training on garbage.
 * Numbers are decimal ("0x10" is refused, not read as 16), spaces around them
 * are ignored, a flag is written in full ("--ep" is refused, though
 * getopt_long would take it for --epochs), and a flag given twice is an
 * error: which one was meant?
 * A flag that would change nothing is refused too: --n with --data, and
 * --seed with --data in a chapter that does not shuffle.
 */
#ifndef SGD_CLI_H
#define SGD_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "status.h"

enum {
    FLAG_SEED = 1 << 0,
    FLAG_N = 1 << 1,
    FLAG_LR = 1 << 2,
    FLAG_EPOCHS = 1 << 3,
    FLAG_BATCH = 1 << 4,
    FLAG_DATA = 1 << 5,
    FLAG_OUT = 1 << 6,
    FLAG_QUIET = 1 << 7,
    FLAG_TRACE = 1 << 20, /* chapters 04, 05, 07-10: every step to a CSV (make reference) */
    FLAG_STANDARDIZE = 1 << 8, /* chapter 06 on: fit on x rescaled to mean 0, sd 1 */
    /* Chapter 07 on: heavy-ball momentum and a decaying learning rate. */
    FLAG_MOMENTUM = 1 << 9,
    FLAG_DECAY = 1 << 10,
    /* Chapter 09: a polynomial's degree, and the sizes of the two sets. */
    FLAG_DEGREE = 1 << 11,
    FLAG_TRAIN = 1 << 12,
    FLAG_VALIDATION = 1 << 13,
    FLAG_HIDDEN = 1 << 14,     /* chapter 10: how many hidden units the network has */
    FLAG_INIT = 1 << 15,       /* chapter 10: how its parameters start, random or zeros */
    /* Chapter 11 on: a held-out file to score a classifier on. A chapter that
     * takes it classifies: its --data and --test are tables of labelled rows
     * (labels.h), which the lesson loads, not the frame's x,y pairs. */
    FLAG_TEST = 1 << 16,
    FLAG_WEIGHT_DECAY = 1 << 17, /* chapter 11 on: each step also shrinks the parameters */
    /* Not a flag: in a chapter's flags, it says that with --standardize the
     * frame hands the lesson its data standardized, and that the lesson
     * reports its line with run_final_line() (frame.h). Without it, a
     * chapter standardizes in its own way (chapters 06 and 09). */
    FRAME_STANDARDIZES = 1 << 30,
    FLAGS_STANDARDIZED = FLAG_STANDARDIZE | FRAME_STANDARDIZES, /* --standardize, by the frame */
    /* The flags of a chapter that only looks at data, and of one that trains. */
    FLAGS_DATA_ONLY = FLAG_SEED | FLAG_N | FLAG_DATA | FLAG_OUT | FLAG_QUIET,
    FLAGS_TRAINING = FLAGS_DATA_ONLY | FLAG_LR | FLAG_EPOCHS
};

/* What a chapter program is, for its --help and its error messages. */
typedef struct {
    const char *name;    /* "ch04" */
    const char *purpose; /* one line: what the program shows */
    unsigned flags;      /* the FLAG_… it accepts */
    size_t default_batch; /* 0: all the data, full batch */
    size_t default_hidden; /* 0: chapter 10's 16 hidden units */
    size_t default_epochs; /* 0: 100 (50,000 with --degree) */
    double default_lr;     /* 0: 0.1 */
} Chapter;

typedef struct {
    uint64_t seed;
    size_t n;
    double lr;
    size_t epochs;
    size_t batch;
    const char *data_path; /* NULL: make the notebook's synthetic data */
    const char *test_path; /* --test: NULL, hold out part of the data instead */
    const char *out_dir;
    const char *trace_path; /* --trace: NULL, or where every step goes (trace.h) */
    bool quiet;
    bool standardize; /* --standardize */
    double momentum; /* --momentum: beta in [0, 1); 0 is plain descent */
    double decay;    /* --decay: T of lr / (1 + t/T); 0 keeps lr constant */
    size_t degree, train, validation; /* chapter 09: --degree, --train, --validation */
    size_t hidden;    /* --hidden */
    bool init_zeros;  /* --init zeros (else random) */
    double weight_decay; /* --wd: wd of a -= lr * (grad + wd * a) */
    bool help;
    unsigned given; /* the FLAG_… on the command line: a default is not a request */
} Options;

/* The weight decay of a chapter that takes --wd, unless the reader
 * gives one: the classifiers' (chapter 11 measures it). */
#define DEFAULT_WEIGHT_DECAY 0.003

enum { MAX_N = 100000000, MAX_EPOCHS = 1000000, MAX_DEGREE = 30, MAX_HIDDEN = 10000 };

/* Fills options from the command line, defaults first. On a bad command line
 * returns STATUS_USAGE with a message naming the flag and the bad value.
 * Uses getopt_long, whose position lives in libc globals: not thread-safe. */
Status cli_parse(int argc, char **argv, const Chapter *chapter, Options *options,
                 Error *err);

void cli_print_help(FILE *out, const Chapter *chapter);

/* Whether chapter classifies: its --data and --test are labelled tables. */
bool cli_classifies(const Chapter *chapter);

/* Prints "NAME: message" on stderr (and, for a usage error, where to find
 * --help) and returns the exit code for status. */
int cli_report(const Chapter *chapter, Status status, const Error *err);

#endif
