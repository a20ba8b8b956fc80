/*
 * status.h — how the library says that something went wrong.
 * Introduced in chapter 01.
 *
 * Library code never prints and never calls exit(): a function that can fail
 * returns a Status and, when it fails, writes one sentence into an Error.
 * Only a chapter's main() decides what to print and which exit code to use,
 * so the same functions serve the chapter programs, the tests and the fuzzers.
 */
#ifndef SGD_STATUS_H
#define SGD_STATUS_H

typedef enum {
    STATUS_OK = 0,
    STATUS_USAGE,     /* a bad flag or flag value: exit code 2 */
    STATUS_BAD_DATA,  /* a CSV file we cannot use, or data with no unique fit */
    STATUS_IO,        /* a file or folder we cannot read or write */
    STATUS_NO_MEMORY,
    STATUS_DIVERGED   /* the loss blew up: the learning rate is too large */
} Status;

/* One human-readable sentence, without the program name or a newline. */
typedef struct {
    char message[512];
} Error;

/* Fills err->message printf-style and returns status, so a failing function
 * can say `return fail(err, STATUS_IO, "...", ...);`. A sentence too long for
 * the message loses its middle, not its end: "/a/very/lo...ng/path.csv:3: x
 * value 'nan' is not a finite number" still says what is wrong. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
Status fail(Error *err, Status status, const char *format, ...);

/* The exit code a program returns for status: 0, 2 for usage, else 1. */
int exit_code_for(Status status);

#endif
