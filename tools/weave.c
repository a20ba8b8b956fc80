/*
 * weave: keep the course book in step with the code it talks about.
 *
 * book.md shows C listings and program outputs. Copied by hand they drift:
 * a function is renamed, a bug fix changes an output, and the book quietly
 * lies. So the book holds no hand-made copies. It holds directives, each
 * followed by a fenced code block that this program fills in:
 *
 *     <!-- listing: code/sgd.c sgd_update -->   a region of a source file
 *     <!-- output: build/ch04 --quiet -->       the stdout of a real run
 *
 * A region is marked in the source with whole-line comments, "//> name"
 * before it and "//< name" after it. Regions may nest or overlap; marker
 * lines never appear in a listing, and a listing is dedented so that a region
 * inside a function body reads flush-left.
 *
 * It also checks that every image the book shows, ![alt](path), exists.
 *
 *     weave BOOK           rewrite BOOK in place, only if something changed
 *     weave --check BOOK   change nothing; exit 1 if BOOK is out of date
 *
 * Paths in directives and images, and output commands, are taken relative to
 * the current directory: run it from the root of the repository.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* getline, popen, mkstemp, fchmod, strndup */
#endif

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---------------------------------------------------------------------- */
/* Small helpers                                                            */
/* ---------------------------------------------------------------------- */

/* A weave is a short run over small files: if memory runs out there is
 * nothing sensible to fall back to, so stop. No temporary file exists while
 * we allocate, so there is nothing to clean up either. */
_Noreturn static void out_of_memory(void)
{
    fputs("weave: out of memory\n", stderr);
    exit(1);
}

static void *resize_or_die(void *block, size_t size)
{
    void *resized = realloc(block, size);
    if (resized == NULL)
        out_of_memory();
    return resized;
}

/* Every error is one line, "file:line: what is wrong", so that editors and
 * make can jump straight to it. */
static void report(const char *file, size_t line_number, const char *format, ...)
{
    va_list arguments;
    fprintf(stderr, "%s:%zu: ", file, line_number);
    va_start(arguments, format);
    vfprintf(stderr, format, arguments);
    va_end(arguments);
    fputc('\n', stderr);
}

static bool starts_with(const char *string, const char *prefix)
{
    return strncmp(string, prefix, strlen(prefix)) == 0;
}

static const char *skip_blanks(const char *string)
{
    while (*string == ' ' || *string == '\t')
        string++;
    return string;
}

static bool is_blank(const char *string)
{
    while (isspace((unsigned char)*string))
        string++;
    return *string == '\0';
}

/* How many times MARK repeats at the start of STRING. */
static size_t run_length(const char *string, char mark)
{
    size_t length = 0;
    while (string[length] == mark)
        length++;
    return length;
}

/* ---------------------------------------------------------------------- */
/* Text: a growable byte string. The woven book is built in one, and so is  */
/* each code block, so that old and new blocks compare with one memcmp.     */
/* ---------------------------------------------------------------------- */

struct text {
    char *bytes; /* always '\0'-terminated once anything is appended */
    size_t length;
    size_t capacity;
};

static void text_append_bytes(struct text *text, const char *bytes, size_t count)
{
    if (count == 0)
        return;
    if (text->length + count + 1 > text->capacity) {
        size_t capacity = text->capacity > 0 ? text->capacity : 256;
        while (text->length + count + 1 > capacity)
            capacity *= 2;
        text->bytes = resize_or_die(text->bytes, capacity);
        text->capacity = capacity;
    }
    memcpy(text->bytes + text->length, bytes, count);
    text->length += count;
    text->bytes[text->length] = '\0';
}

static void text_append(struct text *text, const char *string)
{
    text_append_bytes(text, string, strlen(string));
}

static void text_append_line(struct text *text, const char *line)
{
    text_append(text, line);
    text_append_bytes(text, "\n", 1);
}

static bool text_equal(const struct text *a, const struct text *b)
{
    return a->length == b->length
           && (a->length == 0 || memcmp(a->bytes, b->bytes, a->length) == 0);
}

static void text_free(struct text *text)
{
    free(text->bytes);
    *text = (struct text){0};
}

/* ---------------------------------------------------------------------- */
/* Lines: a whole file as an array of lines, each without its '\n'.        */
/* ---------------------------------------------------------------------- */

struct lines {
    char **items;
    size_t count;
    size_t capacity;
    bool ends_with_newline; /* so that a rewrite keeps the file's last byte */
};

static void lines_push(struct lines *lines, char *line)
{
    if (lines->count == lines->capacity) {
        lines->capacity = lines->capacity > 0 ? 2 * lines->capacity : 64;
        lines->items = resize_or_die(lines->items, lines->capacity * sizeof *lines->items);
    }
    lines->items[lines->count++] = line;
}

static void lines_free(struct lines *lines)
{
    for (size_t i = 0; i < lines->count; i++)
        free(lines->items[i]);
    free(lines->items);
    *lines = (struct lines){0};
}

/* Read PATH line by line. getline grows its buffer as needed, so lines of
 * any length work. Returns false, with errno set, if PATH cannot be read. */
static bool lines_read(const char *path, struct lines *lines)
{
    *lines = (struct lines){.ends_with_newline = true};
    FILE *file = fopen(path, "r");
    if (file == NULL)
        return false;

    char *line = NULL;
    size_t size = 0;
    ssize_t length;
    while ((length = getline(&line, &size, file)) != -1) {
        lines->ends_with_newline = line[length - 1] == '\n';
        if (lines->ends_with_newline)
            line[length - 1] = '\0';
        lines_push(lines, line); /* the array owns it now; getline makes a new one */
        line = NULL;
        size = 0;
    }
    bool failed = ferror(file);
    int saved_errno = errno;
    free(line);
    fclose(file);
    if (failed) {
        lines_free(lines);
        errno = saved_errno;
    }
    return !failed;
}

/* ---------------------------------------------------------------------- */
/* Regions in C sources                                                     */
/* ---------------------------------------------------------------------- */

enum marker_kind { NOT_A_MARKER, MARKER_OPEN, MARKER_CLOSE, MARKER_MALFORMED };

struct marker {
    enum marker_kind kind;
    const char *name; /* points into the line, and is not '\0'-terminated */
    size_t name_length;
};

static bool is_name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '-';
}

/* Is LINE "//> name" or "//< name", give or take blanks around it? A line
 * that starts like a marker but is not a well-formed one is an error rather
 * than ordinary code: a typo in a marker must not silently shift a listing. */
static struct marker parse_marker(const char *line)
{
    struct marker marker = {NOT_A_MARKER, NULL, 0};
    const char *p = skip_blanks(line);
    if (starts_with(p, "//>"))
        marker.kind = MARKER_OPEN;
    else if (starts_with(p, "//<"))
        marker.kind = MARKER_CLOSE;
    else
        return marker;

    marker.name = skip_blanks(p + 3);
    while (is_name_char(marker.name[marker.name_length]))
        marker.name_length++;
    if (marker.name_length == 0 || !is_blank(marker.name + marker.name_length))
        marker.kind = MARKER_MALFORMED;
    return marker;
}

static bool is_marker_line(const char *line)
{
    return parse_marker(line).kind != NOT_A_MARKER;
}

struct region {
    const char *name; /* points into the source's marker line */
    size_t name_length;
    size_t open_index;  /* index of the "//>" line */
    size_t close_index; /* index of the "//<" line, once seen */
    bool closed;
};

struct region_table {
    struct region *items;
    size_t count;
    size_t capacity;
};

static struct region *find_region(const struct region_table *table, const char *name,
                                  size_t name_length)
{
    for (size_t i = 0; i < table->count; i++) {
        struct region *region = &table->items[i];
        if (region->name_length == name_length
            && memcmp(region->name, name, name_length) == 0)
            return region;
    }
    return NULL;
}

static void add_region(struct region_table *table, struct marker marker, size_t open_index)
{
    if (table->count == table->capacity) {
        table->capacity = table->capacity > 0 ? 2 * table->capacity : 16;
        table->items = resize_or_die(table->items, table->capacity * sizeof *table->items);
    }
    table->items[table->count++] = (struct region){
        .name = marker.name, .name_length = marker.name_length, .open_index = open_index};
}

/* Enter one marker, found on line INDEX of PATH, into TABLE. */
static bool record_marker(const char *path, size_t index, struct marker marker,
                          struct region_table *table)
{
    struct region *region = find_region(table, marker.name, marker.name_length);
    int shown = (int)marker.name_length; /* printf's precision for a name that is not terminated */

    switch (marker.kind) {
    case MARKER_OPEN:
        if (region != NULL) {
            report(path, index + 1, "region '%.*s' is opened twice (first at line %zu)",
                   shown, marker.name, region->open_index + 1);
            return false;
        }
        add_region(table, marker, index);
        return true;
    case MARKER_CLOSE:
        if (region == NULL || region->closed) {
            report(path, index + 1, "region '%.*s' is closed but not open", shown,
                   marker.name);
            return false;
        }
        region->closed = true;
        region->close_index = index;
        return true;
    case MARKER_MALFORMED:
        report(path, index + 1, "malformed marker: expected '//> name' or '//< name', "
                                "with a name made of letters, digits, '_' and '-'");
        return false;
    case NOT_A_MARKER:
        break;
    }
    return true;
}

/* Find every region of a source and check all its markers, not only those of
 * the region the book asks for: a broken marker anywhere is worth knowing. */
static bool scan_regions(const char *path, const struct lines *source,
                         struct region_table *table)
{
    for (size_t i = 0; i < source->count; i++) {
        struct marker marker = parse_marker(source->items[i]);
        if (marker.kind != NOT_A_MARKER && !record_marker(path, i, marker, table))
            return false;
    }
    for (size_t i = 0; i < table->count; i++) {
        const struct region *region = &table->items[i];
        if (!region->closed) {
            report(path, region->open_index + 1, "region '%.*s' is opened but never closed",
                   (int)region->name_length, region->name);
            return false;
        }
    }
    return true;
}

/* The indentation that all non-blank lines of the region share. Compared
 * character by character, so a tab never counts as matching spaces. */
static size_t common_indent(const struct lines *source, const struct region *region)
{
    const char *first = NULL; /* the first non-blank line bounds all the others */
    size_t indent = 0;
    for (size_t i = region->open_index + 1; i < region->close_index; i++) {
        const char *line = source->items[i];
        if (is_marker_line(line) || is_blank(line))
            continue;
        size_t own = (size_t)(skip_blanks(line) - line);
        if (first == NULL) {
            first = line;
            indent = own;
        }
        size_t shared = 0;
        while (shared < indent && shared < own && line[shared] == first[shared])
            shared++;
        indent = shared;
    }
    return indent;
}

/* The listing of a region: its lines, less any marker lines, dedented. */
static void copy_region(const struct lines *source, const struct region *region,
                        struct text *listing)
{
    size_t indent = common_indent(source, region);
    for (size_t i = region->open_index + 1; i < region->close_index; i++) {
        const char *line = source->items[i];
        if (is_marker_line(line))
            continue;
        text_append_line(listing, is_blank(line) ? "" : line + indent);
    }
}

/* Append the listing of REGION_NAME in SOURCE_PATH to LISTING. Errors name
 * the book's line when the book is wrong, and the source's when it is. */
static bool make_listing(const char *book_path, size_t book_line, const char *source_path,
                         const char *region_name, struct text *listing)
{
    struct lines source;
    if (!lines_read(source_path, &source)) {
        report(book_path, book_line, "cannot read %s: %s", source_path, strerror(errno));
        return false;
    }
    struct region_table table = {0};
    bool ok = scan_regions(source_path, &source, &table);
    if (ok) {
        const struct region *region = find_region(&table, region_name, strlen(region_name));
        if (region != NULL)
            copy_region(&source, region, listing);
        else
            report(book_path, book_line, "no region '%s' in %s", region_name, source_path);
        ok = region != NULL;
    }
    free(table.items);
    lines_free(&source);
    return ok;
}

/* ---------------------------------------------------------------------- */
/* Program outputs                                                          */
/* ---------------------------------------------------------------------- */

static void report_failed_command(const char *book_path, size_t book_line,
                                  const char *command, int status)
{
    if (status == -1)
        report(book_path, book_line, "cannot wait for '%s': %s", command, strerror(errno));
    else if (WIFEXITED(status))
        report(book_path, book_line, "command '%s' failed with exit status %d", command,
               WEXITSTATUS(status));
    else
        report(book_path, book_line, "command '%s' was killed by signal %d", command,
               WTERMSIG(status));
}

/* Run COMMAND through the shell and append what it prints to OUTPUT. A
 * command that fails is an error: a book must not show the output of a
 * broken run as if it were a good one. Its stderr goes to ours, to explain. */
static bool capture_output(const char *book_path, size_t book_line, const char *command,
                           struct text *output)
{
    FILE *command_stdout = popen(command, "r");
    if (command_stdout == NULL) {
        report(book_path, book_line, "cannot run '%s': %s", command, strerror(errno));
        return false;
    }
    char chunk[4096];
    size_t count;
    while ((count = fread(chunk, 1, sizeof chunk, command_stdout)) > 0)
        text_append_bytes(output, chunk, count);
    bool read_failed = ferror(command_stdout);
    int status = pclose(command_stdout);

    if (read_failed) {
        report(book_path, book_line, "cannot read the output of '%s'", command);
        return false;
    }
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        report_failed_command(book_path, book_line, command, status);
        return false;
    }
    if (output->length > 0 && output->bytes[output->length - 1] != '\n')
        text_append_bytes(output, "\n", 1); /* the closing fence needs a line of its own */
    return true;
}

/* ---------------------------------------------------------------------- */
/* Fenced code blocks in the book                                          */
/* ---------------------------------------------------------------------- */

struct fence {
    char mark; /* '`' or '~' */
    size_t length;
};

static const struct fence default_fence = {'`', 3};

/* Does LINE open a fenced code block (three or more ` or ~)? */
static bool fence_opens(const char *line, struct fence *fence)
{
    const char *p = skip_blanks(line);
    if (*p != '`' && *p != '~')
        return false;
    size_t length = run_length(p, *p);
    if (length < 3)
        return false;
    if (*p == '`' && strchr(p + length, '`') != NULL)
        return false; /* Markdown reads ```a`b as inline code, not a fence */
    *fence = (struct fence){*p, length};
    return true;
}

/* Does LINE close a block opened with FENCE: the same mark, at least as
 * many of it, and nothing else? */
static bool fence_closes(const char *line, struct fence fence)
{
    const char *p = skip_blanks(line);
    size_t length = run_length(p, fence.mark);
    return length >= fence.length && is_blank(p + length);
}

/* A block's fence must be longer than any fence-like run at the start of a
 * line inside it, or that line would end the block early. Program output
 * can contain anything, including ```. */
static struct fence fence_for(struct fence fence, const struct text *body)
{
    const char *line = body->length > 0 ? body->bytes : "";
    while (*line != '\0') {
        size_t run = run_length(skip_blanks(line), fence.mark);
        if (run >= fence.length)
            fence.length = run + 1;
        const char *newline = strchr(line, '\n');
        if (newline == NULL)
            break;
        line = newline + 1;
    }
    return fence;
}

static void append_fence_line(struct text *text, struct fence fence, const char *info)
{
    for (size_t i = 0; i < fence.length; i++)
        text_append_bytes(text, &fence.mark, 1);
    text_append_line(text, info);
}

/* ---------------------------------------------------------------------- */
/* Directives                                                              */
/* ---------------------------------------------------------------------- */

enum directive_kind { LISTING, OUTPUT };

struct directive {
    enum directive_kind kind;
    char *arguments;     /* owned: the text between "listing:" or "output:" and "-->" */
    const char *source;  /* LISTING: the file, inside arguments */
    const char *region;  /* LISTING: the region name, inside arguments */
    const char *command; /* OUTPUT: the shell command, which is all of arguments */
};

enum directive_parse { NOT_A_DIRECTIVE, DIRECTIVE, BAD_DIRECTIVE };

/* Where the "-->" that ends the line starts, or NULL if the line does not
 * end with one. Searching from the end lets a command itself contain "-->". */
static const char *comment_end(const char *text)
{
    size_t length = strlen(text);
    while (length > 0 && isspace((unsigned char)text[length - 1]))
        length--;
    if (length < 3 || strncmp(text + length - 3, "-->", 3) != 0)
        return NULL;
    return text + length - 3;
}

static char *copy_trimmed(const char *start, const char *end)
{
    while (start < end && isspace((unsigned char)*start))
        start++;
    while (end > start && isspace((unsigned char)end[-1]))
        end--;
    char *copy = strndup(start, (size_t)(end - start));
    if (copy == NULL)
        out_of_memory();
    return copy;
}

/* "code/sgd.c sgd_update" -> source and region, split in place. */
static bool split_listing_arguments(struct directive *directive)
{
    char *gap = directive->arguments + strcspn(directive->arguments, " \t");
    if (*gap == '\0')
        return false;
    *gap = '\0';
    directive->source = directive->arguments;
    directive->region = skip_blanks(gap + 1);
    return directive->region[strcspn(directive->region, " \t")] == '\0';
}

static bool complete_directive(const char *book_path, size_t line_number,
                               struct directive *directive)
{
    if (directive->kind == OUTPUT) {
        directive->command = directive->arguments;
        if (*directive->command != '\0')
            return true;
        report(book_path, line_number, "expected '<!-- output: COMMAND -->'");
        return false;
    }
    if (split_listing_arguments(directive))
        return true;
    report(book_path, line_number, "expected '<!-- listing: FILE REGION -->'");
    return false;
}

/* Is LINE a directive? Any HTML comment that starts with "listing:" or
 * "output:" is meant as one, so a malformed one is an error, not prose. */
static enum directive_parse parse_directive(const char *book_path, size_t line_number,
                                            const char *line, struct directive *directive)
{
    const char *p = skip_blanks(line);
    if (!starts_with(p, "<!--"))
        return NOT_A_DIRECTIVE;
    p = skip_blanks(p + strlen("<!--"));
    if (starts_with(p, "listing:")) {
        directive->kind = LISTING;
        p += strlen("listing:");
    } else if (starts_with(p, "output:")) {
        directive->kind = OUTPUT;
        p += strlen("output:");
    } else {
        return NOT_A_DIRECTIVE;
    }

    const char *end = comment_end(p);
    if (end == NULL) {
        report(book_path, line_number, "a directive must end with '-->' on the same line");
        return BAD_DIRECTIVE;
    }
    directive->arguments = copy_trimmed(p, end);
    if (complete_directive(book_path, line_number, directive))
        return DIRECTIVE;
    free(directive->arguments);
    directive->arguments = NULL;
    return BAD_DIRECTIVE;
}

/* ---------------------------------------------------------------------- */
/* The weave                                                                */
/* ---------------------------------------------------------------------- */

struct weave_counts {
    size_t listings;
    size_t outputs;
    size_t figures;
    size_t updated;
};

struct weaver {
    const char *book_path;
    const struct lines *book;
    bool check_only;
    bool in_code_block; /* inside an ordinary fenced block of the book */
    struct fence code_fence;
    struct text woven; /* the book as weave would write it */
    struct weave_counts counts;
};

/* The fenced block that follows a directive, as found in the book. */
struct existing_block {
    struct fence fence;
    size_t first; /* index of its opening fence line */
    size_t end;   /* index just past its closing fence line; == first if there is no block */
};

static void keep_line(struct weaver *weaver, size_t index)
{
    text_append_line(&weaver->woven, weaver->book->items[index]);
}

static bool find_existing_block(const struct weaver *weaver, size_t first,
                                struct existing_block *block)
{
    const struct lines *book = weaver->book;
    *block = (struct existing_block){default_fence, first, first};
    if (first >= book->count || !fence_opens(book->items[first], &block->fence))
        return true; /* no block: weave will insert one */
    for (size_t i = first + 1; i < book->count; i++) {
        if (fence_closes(book->items[i], block->fence)) {
            block->end = i + 1;
            return true;
        }
    }
    report(weaver->book_path, first + 1, "the code block after this directive is never closed");
    return false;
}

static void report_stale_block(const struct weaver *weaver, size_t index,
                               const struct directive *directive)
{
    if (directive->kind == LISTING)
        report(weaver->book_path, index + 1, "listing %s %s differs from the source",
               directive->source, directive->region);
    else
        report(weaver->book_path, index + 1, "output of '%s' differs from a fresh run",
               directive->command);
}

/* Write the directive on line INDEX, then a fresh block holding BODY in
 * place of the EXISTING one, and count it as updated if the two differ. */
static void replace_block(struct weaver *weaver, size_t index, const struct directive *directive,
                          const struct existing_block *existing, const struct text *body)
{
    struct text fresh = {0};
    struct text stale = {0};
    struct fence fence = fence_for(existing->fence, body);
    append_fence_line(&fresh, fence, directive->kind == LISTING ? "c" : "text");
    text_append_bytes(&fresh, body->bytes, body->length);
    append_fence_line(&fresh, fence, "");
    for (size_t i = existing->first; i < existing->end; i++)
        text_append_line(&stale, weaver->book->items[i]);

    keep_line(weaver, index);
    text_append_bytes(&weaver->woven, fresh.bytes, fresh.length);
    if (!text_equal(&fresh, &stale)) {
        weaver->counts.updated++;
        if (weaver->check_only)
            report_stale_block(weaver, index, directive);
    }
    text_free(&fresh);
    text_free(&stale);
}

/* Weave the directive on line *INDEX and move *INDEX past its block. */
static bool weave_directive(struct weaver *weaver, const struct directive *directive,
                            size_t *index)
{
    size_t line_number = *index + 1;
    struct text body = {0};
    bool ok;
    if (directive->kind == LISTING) {
        ok = make_listing(weaver->book_path, line_number, directive->source, directive->region,
                          &body);
        weaver->counts.listings++;
    } else {
        ok = capture_output(weaver->book_path, line_number, directive->command, &body);
        weaver->counts.outputs++;
    }
    struct existing_block existing;
    if (ok)
        ok = find_existing_block(weaver, *index + 1, &existing);
    if (ok) {
        replace_block(weaver, *index, directive, &existing, &body);
        *index = existing.end;
    }
    text_free(&body);
    return ok;
}

/* The path of an inline image, from just after its "(": "(path)",
 * "(path "title")" or "(<path with blanks>)". The caller frees it. */
static char *figure_path(const char *destination)
{
    const char *path = skip_blanks(destination);
    if (*path == '<') {
        path++;
        return copy_trimmed(path, path + strcspn(path, ">"));
    }
    return copy_trimmed(path, path + strcspn(path, " \t)"));
}

/* Every ![alt](path) on a prose line must name a file that exists: a book
 * that points at a missing figure is as wrong as a stale listing. */
static bool check_figures(struct weaver *weaver, size_t index)
{
    const char *line = weaver->book->items[index];
    const char *image = line;
    while ((image = strstr(image, "![")) != NULL) {
        const char *alt_end = strchr(image + 2, ']');
        if (alt_end == NULL)
            break;
        image = alt_end + 1;
        if (*image != '(')
            continue; /* "![x] y": not an inline image */
        char *path = figure_path(image + 1);
        bool exists = access(path, F_OK) == 0;
        weaver->counts.figures++;
        if (!exists)
            report(weaver->book_path, index + 1, "figure path does not exist: %s", path);
        free(path);
        if (!exists)
            return false;
    }
    return true;
}

/* Handle the book line at *INDEX, and move *INDEX past what was handled. */
static bool weave_next(struct weaver *weaver, size_t *index)
{
    const char *line = weaver->book->items[*index];
    /* Directives and images inside ordinary code blocks are examples, as in
     * a chapter that explains this very tool: leave them alone. */
    if (weaver->in_code_block) {
        weaver->in_code_block = !fence_closes(line, weaver->code_fence);
        keep_line(weaver, (*index)++);
        return true;
    }
    if (fence_opens(line, &weaver->code_fence)) {
        weaver->in_code_block = true;
        keep_line(weaver, (*index)++);
        return true;
    }

    struct directive directive = {0};
    bool ok = false;
    switch (parse_directive(weaver->book_path, *index + 1, line, &directive)) {
    case NOT_A_DIRECTIVE:
        ok = check_figures(weaver, *index);
        keep_line(weaver, (*index)++);
        break;
    case DIRECTIVE:
        ok = weave_directive(weaver, &directive, index);
        free(directive.arguments);
        break;
    case BAD_DIRECTIVE:
        break;
    }
    return ok;
}

static bool weave_book(struct weaver *weaver)
{
    size_t index = 0;
    while (index < weaver->book->count) {
        if (!weave_next(weaver, &index))
            return false;
    }
    struct text *woven = &weaver->woven;
    if (!weaver->book->ends_with_newline && woven->length > 0)
        woven->bytes[--woven->length] = '\0';
    return true;
}

/* ---------------------------------------------------------------------- */
/* Saving                                                                   */
/* ---------------------------------------------------------------------- */

static bool write_all(int fd, const char *bytes, size_t length)
{
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            return false;
        bytes += written;
        length -= (size_t)written;
    }
    return true;
}

/* mkstemp makes a file only its owner can read; the book keeps its own mode. */
static bool copy_mode(const char *path, int fd)
{
    struct stat status;
    return stat(path, &status) == 0 && fchmod(fd, status.st_mode & 07777) == 0;
}

/* Write a temporary file beside PATH, then rename it over PATH: anyone who
 * reads the book, even after a crash, sees either the old one or the new
 * one, never half of each. The temporary file is removed on any failure. */
static bool replace_file(const char *path, const struct text *contents)
{
    struct text temporary = {0};
    text_append(&temporary, path);
    text_append(&temporary, ".weave-XXXXXX");
    int fd = mkstemp(temporary.bytes);
    if (fd < 0) {
        fprintf(stderr, "weave: cannot create %s: %s\n", temporary.bytes, strerror(errno));
        text_free(&temporary);
        return false;
    }
    bool ok = copy_mode(path, fd) && write_all(fd, contents->bytes, contents->length);
    int saved_errno = errno;
    if (close(fd) != 0 && ok) {
        ok = false;
        saved_errno = errno;
    }
    if (ok && rename(temporary.bytes, path) != 0) {
        ok = false;
        saved_errno = errno;
    }
    if (!ok) {
        fprintf(stderr, "weave: cannot rewrite %s: %s\n", path, strerror(saved_errno));
        unlink(temporary.bytes);
    }
    text_free(&temporary);
    return ok;
}

static bool finish_rewrite(const struct weaver *weaver)
{
    const struct weave_counts *counts = &weaver->counts;
    if (counts->updated > 0 && !replace_file(weaver->book_path, &weaver->woven))
        return false;
    printf("weave: %s: %zu listings, %zu outputs, %zu figures (%zu updated)\n",
           weaver->book_path, counts->listings, counts->outputs, counts->figures,
           counts->updated);
    return true;
}

/* Each stale block has been reported as it was found; add what to do. */
static bool finish_check(const struct weaver *weaver)
{
    if (weaver->counts.updated == 0)
        return true;
    fputs("run 'make book' to rewrite the listings\n", stderr);
    return false;
}

/* ---------------------------------------------------------------------- */
/* Command line                                                             */
/* ---------------------------------------------------------------------- */

struct options {
    bool check_only;
    bool help;
    const char *book_path;
};

static void print_usage(FILE *stream)
{
    fputs("usage: weave [--check] BOOK\n"
          "\n"
          "Fill in the code blocks after each '<!-- listing: FILE REGION -->' and\n"
          "'<!-- output: COMMAND -->' in the Markdown file BOOK, from the marked\n"
          "regions ('//> REGION' ... '//< REGION') of the sources and from fresh\n"
          "runs of the commands, and check that every ![image](path) exists.\n"
          "Paths and commands are relative to the current directory.\n"
          "\n"
          "  --check   change nothing; exit 1 if BOOK is out of date\n"
          "  --help    show this help\n",
          stream);
}

static bool parse_arguments(int argc, char **argv, struct options *options)
{
    *options = (struct options){0};
    for (int i = 1; i < argc; i++) {
        const char *argument = argv[i];
        if (strcmp(argument, "--check") == 0)
            options->check_only = true;
        else if (strcmp(argument, "--help") == 0 || strcmp(argument, "-h") == 0)
            options->help = true;
        else if (argument[0] == '-' || options->book_path != NULL)
            return false;
        else
            options->book_path = argument;
    }
    return options->help || options->book_path != NULL;
}

static int run(const struct options *options)
{
    struct lines book;
    if (!lines_read(options->book_path, &book)) {
        fprintf(stderr, "weave: cannot read %s: %s\n", options->book_path, strerror(errno));
        return 1;
    }
    struct weaver weaver = {
        .book_path = options->book_path, .book = &book, .check_only = options->check_only};
    bool ok = weave_book(&weaver);
    if (ok)
        ok = options->check_only ? finish_check(&weaver) : finish_rewrite(&weaver);
    text_free(&weaver.woven);
    lines_free(&book);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    struct options options;
    if (!parse_arguments(argc, argv, &options)) {
        print_usage(stderr);
        return 2;
    }
    if (options.help) {
        print_usage(stdout);
        return 0;
    }
    return run(&options);
}
