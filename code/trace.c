#define _POSIX_C_SOURCE 200809L /* mkstemp, fchmod, fdopen */

#include "trace.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct Trace {
    FILE *file;
    size_t rows;
    const char *path; /* where the trace goes */
    char temp[];      /* where it is written until then: DIR/.NAME.XXXXXX */
};

static Status cannot_write(Error *err, const char *path, int error)
{
    return fail(err, STATUS_IO, "cannot write the trace %s: %s", path, strerror(error));
}

/* The file of the run's own, made by mkstemp() with mode 0600 and given
 * the mode any new file of the reader's gets, 0666 less their umask. */
static Status open_temp(Trace *trace, Error *err)
{
    int fd = mkstemp(trace->temp);
    if (fd < 0)
        return cannot_write(err, trace->path, errno);
    mode_t mask = umask(0);
    umask(mask);
    trace->file = fchmod(fd, 0666 & ~mask) == 0 ? fdopen(fd, "w") : NULL;
    if (trace->file == NULL) {
        int error = errno;
        close(fd);
        unlink(trace->temp);
        return cannot_write(err, trace->path, error);
    }
    return STATUS_OK;
}

Status trace_begin(Trace **trace, const char *path, Error *err)
{
    *trace = NULL;
    struct stat info;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode))
        return cannot_write(err, path, EISDIR);
    size_t length = strlen(path);
    Trace *t = calloc(1, sizeof *t + length + sizeof "..XXXXXX");
    if (t == NULL)
        return fail(err, STATUS_NO_MEMORY, "out of memory for the trace %s", path);
    t->path = path;
    const char *slash = strrchr(path, '/');
    size_t folder = slash != NULL ? (size_t)(slash + 1 - path) : 0; /* "dir/" or "" */
    sprintf(t->temp, "%.*s.%s.XXXXXX", (int)folder, path, path + folder);
    Status status = open_temp(t, err);
    if (status != STATUS_OK) {
        free(t);
        return status;
    }
    *trace = t;
    return STATUS_OK;
}

void trace_row(Trace *trace, double loss, const double *a, size_t size)
{
    if (trace->rows == 0) {
        fputs("step,loss", trace->file);
        for (size_t k = 0; k < size; k++)
            fprintf(trace->file, ",a%zu", k + 1);
        fputc('\n', trace->file);
    }
    fprintf(trace->file, "%zu,%.17g", trace->rows++, loss);
    for (size_t k = 0; k < size; k++)
        fprintf(trace->file, ",%.17g", a[k]);
    fputc('\n', trace->file);
}

Status trace_check(Trace *trace, Error *err)
{
    if (trace == NULL || (fflush(trace->file) == 0 && !ferror(trace->file)))
        return STATUS_OK;
    return cannot_write(err, trace->path, errno);
}

Status trace_finish(Trace *trace, Status status, Error *err)
{
    if (trace == NULL)
        return status;
    bool written = ferror(trace->file) == 0;
    written = fclose(trace->file) == 0 && written;
    int error = errno;
    if (status == STATUS_OK && !written)
        status = cannot_write(err, trace->path, error);
    else if (status == STATUS_OK && rename(trace->temp, trace->path) != 0)
        status = cannot_write(err, trace->path, errno);
    if (status != STATUS_OK)
        unlink(trace->temp);
    free(trace);
    return status;
}
