#include "status.h"

#include <stdarg.h>
#include <stdio.h>

Status fail(Error *err, Status status, const char *format, ...)
{
    if (err != NULL) {
        va_list args;
        va_start(args, format);
        vsnprintf(err->message, sizeof err->message, format, args);
        va_end(args);
    }
    return status;
}

int exit_code_for(Status status)
{
    switch (status) {
    case STATUS_OK: return 0;
    case STATUS_USAGE: return 2;
    default: return 1;
    }
}
