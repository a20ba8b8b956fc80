/*
 * fuzz_csv.c — libFuzzer feeds arbitrary bytes to csv_read() as if they were
 * a --data file. Built and run by `make fuzz` (mk/fuzz.mk).
 */
#define _POSIX_C_SOURCE 200809L /* fmemopen */

#include <stddef.h>
#include <stdint.h>

#include "fuzz_harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_csv_input(data, size);
}
