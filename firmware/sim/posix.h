#ifndef WC_SIM_POSIX_H
#define WC_SIM_POSIX_H

/* The simulator is host-only and uses POSIX and a few common extensions
 * (posix_openpt, FIONREAD). Every sim source includes this first, since
 * feature macros only work before the first system header. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#define _DARWIN_C_SOURCE 1

#endif
