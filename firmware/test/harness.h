#ifndef WC_TEST_HARNESS_H
#define WC_TEST_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A test case is everything between t_begin and t_end; it passes when no
 * check inside it failed. Only failures are printed, then one summary line. */
void t_begin(const char *name_fmt, ...);
void t_end(void);
void t_run(const char *name, void (*fn)(void));
void t_check(int ok, const char *what, const char *file, int line);
/* Prints "N passed, N failed" and returns the process exit status. */
int t_summary(void);

#define CHECK(cond) t_check((cond) != 0, #cond, __FILE__, __LINE__)
#define CHECK_MEM(a, b, n) \
    t_check(memcmp((a), (b), (n)) == 0, "memcmp(" #a ", " #b ", " #n ") == 0", __FILE__, __LINE__)

/* Parses hex into out; returns the byte count, or (size_t)-1 on bad input. */
size_t t_unhex(uint8_t *out, size_t cap, const char *hex);

/* Deterministic, so a failure reproduces. */
uint32_t t_rand(void);

#endif
