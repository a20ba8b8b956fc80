/*
 * weave: keep book.md in step with the code. Copies made by hand drift, so
 * the book holds directives, each followed by a fenced block weave fills in:
 *
 *     <!-- listing: code/sgd.c sgd_update -->   the lines between "//> sgd_update"
 *                                                and "//< sgd_update" (#> and #< in .py)
 *     <!-- output: build/ch04 --quiet -->       the stdout of a real run
 *
 * `weave BOOK` rewrites BOOK if a block changed; `weave --check BOOK` names
 * each stale block and fails. The first image on a line, ![alt](path), must
 * exist. Paths are relative to the current directory. An error is one line,
 * FILE:LINE: what is wrong, and leaves BOOK as it was.
 */
#define _POSIX_C_SOURCE 200809L /* getline, popen, open_memstream, strtok_r */

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* "file:line: what is wrong", so that editors and make can jump to it. */
static void report(const char *file, size_t line, const char *format, ...)
{
    va_list arguments;
    fprintf(stderr, "%s:%zu: ", file, line);
    va_start(arguments, format);
    vfprintf(stderr, format, arguments);
    va_end(arguments);
    fputc('\n', stderr);
}

/* A weave is a short run over small files: if memory runs out there is
 * nothing sensible to fall back to, and nothing has been written, so stop. */
static void stop_if_out_of_memory(bool failed)
{
    if (failed) {
        fputs("weave: out of memory\n", stderr);
        exit(1);
    }
}

static bool starts_with(const char *string, const char *prefix)
{
    return strncmp(string, prefix, strlen(prefix)) == 0;
}

/* Is the rest of a line blank? Lines keep their '\n'. */
static bool is_line_end(const char *string)
{
    return string[strspn(string, " \t\r\n")] == '\0';
}

/* Is LINE the marker TAG NAME, "//> name" or "//< name" (or "#> name"), indented or not? */
static bool is_marker(const char *line, char tag, const char *name)
{
    line += strspn(line, " \t");
    size_t comment = starts_with(line, "//") ? 2 : line[0] == '#';
    if (comment == 0 || line[comment] != tag)
        return false;
    line += comment + 1 + strspn(line + comment + 1, " \t");
    return starts_with(line, name) && is_line_end(line + strlen(name));
}

/* A line of the book, and for a directive its words, cut out of the line. */
struct directive {
    enum { PROSE, LISTING, OUTPUT, BAD } kind;
    char *arguments; /* a listing's file, or an output's command */
    char *region;    /* a listing's region name */
};

/* Write a listing's region to LISTING. A missing file or region is the book's
 * mistake, a region never closed the source's: each error names that line. */
static bool copy_region(const char *book, size_t book_line, const struct directive *directive,
                        FILE *listing)
{
    const char *path = directive->arguments, *name = directive->region;
    FILE *source = fopen(path, "r");
    if (source == NULL) {
        report(book, book_line, "cannot read %s: %s", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t capacity = 0, number = 0, opened = 0, indent = 0;
    bool closed = false;
    while (!closed && getline(&line, &capacity, source) != -1) {
        number++;
        if (opened == 0 && is_marker(line, '>', name))
            opened = number, indent = strspn(line, " \t"); /* a region inside a body */
        else if (opened != 0 && !(closed = is_marker(line, '<', name)))
            fputs(line + (strspn(line, " \t") < indent ? strspn(line, " \t") : indent),
                  listing);
    }
    free(line);
    fclose(source);
    if (opened == 0)
        report(book, book_line, "no region '%s' in %s", name, path);
    else if (!closed)
        report(path, opened, "region '%s' is never closed", name);
    return closed;
}

/* Write what an output's command prints to OUTPUT, its stderr to ours. A
 * failing command is an error: a book must not show a broken run as good. */
static bool capture_output(const char *book, size_t book_line,
                           const struct directive *directive, FILE *output)
{
    const char *command = directive->arguments;
    FILE *pipe = popen(command, "r");
    if (pipe == NULL) {
        report(book, book_line, "cannot run '%s': %s", command, strerror(errno));
        return false;
    }
    char chunk[4096], last = '\n';
    size_t count;
    while ((count = fread(chunk, 1, sizeof chunk, pipe)) > 0) {
        fwrite(chunk, 1, count, output);
        last = chunk[count - 1];
    }
    if (last != '\n')
        fputc('\n', output); /* the closing fence needs a line of its own */
    int status = pclose(pipe);
    if (status != 0) /* a signal's number as a shell gives it */
        report(book, book_line, "command '%s' failed with exit status %d", command,
               WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return status == 0;
}

/* What LINE is. An HTML comment that opens with "word:" is meant as a
 * directive, so an unknown word or a malformed one is an error, not prose. */
static struct directive parse_directive(const char *book, size_t number, char *line)
{
    struct directive directive = {PROSE, NULL, NULL};
    if (!starts_with(line, "<!--"))
        return directive;
    line += 4 + strspn(line + 4, " \t");
    size_t word = strspn(line, "abcdefghijklmnopqrstuvwxyz");
    if (word == 0 || line[word] != ':')
        return directive; /* an ordinary comment */
    directive.kind = starts_with(line, "listing:") ? LISTING
                     : starts_with(line, "output:") ? OUTPUT : BAD;
    char *end = strstr(line, "-->"), *rest;
    if (directive.kind != BAD && end != NULL && is_line_end(end + 3)) {
        while (end[-1] == ' ' || end[-1] == '\t')
            end--;
        *end = '\0'; /* the line is woven already, so it may be cut up */
        directive.arguments = line + word + 1 + strspn(line + word + 1, " \t");
        if (directive.kind == OUTPUT && *directive.arguments != '\0')
            return directive;
        directive.arguments = strtok_r(directive.arguments, " \t", &rest);
        directive.region = strtok_r(NULL, " \t", &rest);
        if (directive.region != NULL && strtok_r(NULL, " \t", &rest) == NULL)
            return directive;
    }
    report(book, number, "unknown or malformed marker: expected "
                         "'<!-- listing: FILE REGION -->' or '<!-- output: COMMAND -->'");
    directive.kind = BAD;
    return directive;
}

struct weaver {
    const char *path; /* of the book */
    FILE *book, *woven; /* woven: the book as weave would write it */
    char *line, *woven_bytes; /* line: the current one, with its '\n' */
    size_t capacity, number, woven_length, listings, outputs, figures, stale;
    bool check_only;
};

/* Make the book's next line current; false at its end. */
static bool next_line(struct weaver *weaver)
{
    weaver->number++;
    return getline(&weaver->line, &weaver->capacity, weaver->book) != -1;
}

/* Compare the fenced block after a directive with FRESH, and make the line
 * after it current. No block is fine: weave inserts one, for a new listing. */
static bool read_block(struct weaver *weaver, const char *fresh, bool *same, bool *more)
{
    *same = (*more = next_line(weaver)) && starts_with(weaver->line, "```");
    size_t opened = weaver->number;
    bool closed = !*same;
    while (!closed && *more) {
        *same = *same && starts_with(fresh, weaver->line);
        fresh += *same ? strlen(weaver->line) : 0;
        closed = weaver->number > opened && starts_with(weaver->line, "```")
                 && is_line_end(weaver->line + 3);
        *more = next_line(weaver);
    }
    *same = *same && *fresh == '\0';
    if (!closed)
        report(weaver->path, opened, "the code block opened here is never closed");
    return closed;
}

/* Weave a fresh block after the directive on the current line, in place of
 * the block there, and make the line after it current. */
static bool weave_directive(struct weaver *weaver, const struct directive *directive,
                            bool *more)
{
    char *line = weaver->line; /* DIRECTIVE points into LINE, */
    weaver->line = NULL;       /* which getline must now leave alone */
    weaver->capacity = 0;
    stop_if_out_of_memory(fflush(weaver->woven) != 0);
    size_t number = weaver->number, start = weaver->woven_length;
    bool listing = directive->kind == LISTING, same;
    const char *dot = strrchr(directive->arguments, '.'); /* a .py file's listing is Python */
    bool python = listing && dot != NULL && strcmp(dot, ".py") == 0;
    fputs(python ? "```python\n" : listing ? "```c\n" : "```text\n", weaver->woven);
    bool ok = (listing ? copy_region : capture_output)(weaver->path, number, directive,
                                                       weaver->woven);
    fputs("```\n", weaver->woven);
    stop_if_out_of_memory(fflush(weaver->woven) != 0);
    ok = ok && read_block(weaver, weaver->woven_bytes + start, &same, more);
    weaver->stale += ok && !same;
    if (ok && !same && weaver->check_only)
        report(weaver->path, number, listing ? "listing %s %s differs from the source"
                                             : "output of '%s' differs from a fresh run",
               directive->arguments, directive->region);
    weaver->listings += listing;
    weaver->outputs += !listing;
    free(line);
    return ok;
}

/* The first image on the line, ![alt](path), must name a file that exists:
 * a book that points at a missing figure is as wrong as a stale listing. */
static bool check_figure(struct weaver *weaver)
{
    char *image = strstr(weaver->line, "!["), *path = image ? strstr(image, "](") : NULL;
    if (path == NULL)
        return true;
    path += 2;
    path[strcspn(path, " )\n")] = '\0'; /* the line is woven already */
    weaver->figures++;
    if (access(path, F_OK) == 0)
        return true;
    report(weaver->path, weaver->number, "figure path does not exist: %s", path);
    return false;
}

static bool weave_book(struct weaver *weaver)
{
    bool ok = true, more = next_line(weaver);
    while (ok && more) {
        fputs(weaver->line, weaver->woven); /* a directive's line stays as it is */
        struct directive directive = parse_directive(weaver->path, weaver->number, weaver->line);
        if (directive.kind == PROSE) {
            ok = check_figure(weaver);
            more = next_line(weaver);
        } else {
            ok = directive.kind != BAD && weave_directive(weaver, &directive, &more);
        }
    }
    return ok;
}

/* Rewrite the book with what was woven. */
static bool save(const struct weaver *weaver)
{
    FILE *file = fopen(weaver->path, "w");
    size_t length = weaver->woven_length;
    bool written = file != NULL && fwrite(weaver->woven_bytes, 1, length, file) == length;
    written = file != NULL && fclose(file) == 0 && written;
    if (!written)
        fprintf(stderr, "weave: cannot rewrite %s: %s\n", weaver->path, strerror(errno));
    return written;
}

int main(int argc, char **argv)
{
    bool check_only = argc == 3 && strcmp(argv[1], "--check") == 0;
    if (argc != 2 + check_only || argv[argc - 1][0] == '-') {
        fputs("usage: weave [--check] BOOK\n", stderr);
        return 2;
    }
    struct weaver weaver = {.path = argv[argc - 1], .check_only = check_only};
    weaver.book = fopen(weaver.path, "r");
    if (weaver.book == NULL) {
        fprintf(stderr, "weave: cannot read %s: %s\n", weaver.path, strerror(errno));
        return 1;
    }
    weaver.woven = open_memstream(&weaver.woven_bytes, &weaver.woven_length);
    stop_if_out_of_memory(weaver.woven == NULL);
    bool ok = weave_book(&weaver);
    fclose(weaver.book);
    stop_if_out_of_memory(fclose(weaver.woven) != 0);
    if (ok && check_only && weaver.stale > 0)
        fputs("run 'make book' to rewrite the listings and outputs\n", stderr);
    ok = ok && (check_only ? weaver.stale == 0 : weaver.stale == 0 || save(&weaver));
    if (ok && !check_only)
        printf("weave: %s: %zu listings, %zu outputs, %zu figures (%zu updated)\n", weaver.path,
               weaver.listings, weaver.outputs, weaver.figures, weaver.stale);
    free(weaver.line);
    free(weaver.woven_bytes);
    return ok ? 0 : 1;
}
