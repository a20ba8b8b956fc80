/*
 * fuzz_cli.c — libFuzzer feeds arbitrary command lines to cli_parse(): the
 * bytes, split at NUL bytes, are the words after the program name. Built and
 * run by `make fuzz` (mk/fuzz.mk).
 */
#define _POSIX_C_SOURCE 200809L

#include <stddef.h>
#include <stdint.h>

#include "fuzz_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_cli_input(data, size);
}
