#include "mem.h"

void wc_copy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) {
        *d++ = *s++;
    }
}

void wc_zero(void *p, size_t n)
{
    unsigned char *d = p;
    while (n--) {
        *d++ = 0;
    }
}

size_t wc_strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n <= max && s[n] != '\0') {
        n++;
    }
    return n;
}
