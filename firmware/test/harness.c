#include "harness.h"

#include <stdarg.h>
#include <stdio.h>

static int passed;
static int failed;
static int case_failed;
static char case_name[128];

void t_begin(const char *name_fmt, ...)
{
    va_list ap;
    va_start(ap, name_fmt);
    vsnprintf(case_name, sizeof case_name, name_fmt, ap);
    va_end(ap);
    case_failed = 0;
}

void t_end(void)
{
    if (case_failed) {
        failed++;
    } else {
        passed++;
    }
}

void t_run(const char *name, void (*fn)(void))
{
    t_begin("%s", name);
    fn();
    t_end();
}

void t_check(int ok, const char *what, const char *file, int line)
{
    if (!ok) {
        printf("FAIL %s: %s:%d: %s\n", case_name, file, line, what);
        case_failed = 1;
    }
}

int t_summary(void)
{
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

static int nibble(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

size_t t_unhex(uint8_t *out, size_t cap, const char *hex)
{
    size_t n = 0;
    while (hex[0] != '\0') {
        int hi = nibble(hex[0]);
        int lo = hex[1] != '\0' ? nibble(hex[1]) : -1;
        if (hi < 0 || lo < 0 || n >= cap) {
            return (size_t)-1;
        }
        out[n++] = (uint8_t)(hi << 4 | lo);
        hex += 2;
    }
    return n;
}

uint32_t t_rand(void)
{
    static uint32_t state = 0x2545F491u;
    /* xorshift32 */
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}
