#ifndef WC_WIPE_H
#define WC_WIPE_H

#include <stddef.h>

/* Clears secrets. A plain memset of memory that is never read again may be
 * removed by the optimiser; writes through a volatile pointer may not. */
void wc_wipe(void *p, size_t n);

#endif
