#ifndef WC_MEM_H
#define WC_MEM_H

#include <stddef.h>

/* The few <string.h> functions the core needs. The core is freestanding:
 * a bare arm-none-eabi-gcc ships no C library headers at all. */
void wc_copy(void *dst, const void *src, size_t n);
void wc_zero(void *p, size_t n);
/* Length of s, but at most max + 1, so an over-long string is detected
 * without reading far past a limit. */
size_t wc_strnlen(const char *s, size_t max);

#endif
