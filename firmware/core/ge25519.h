#ifndef WC_GE25519_H
#define WC_GE25519_H

#include <stdint.h>

#include "fe25519.h"

/* Points of edwards25519 in extended homogeneous coordinates
 * (RFC 8032 section 5.1.4): x = X/Z, y = Y/Z, x*y = T/Z. */
typedef struct {
    wc_fe X, Y, Z, T;
} wc_ge;

void wc_ge_neutral(wc_ge *r);
void wc_ge_base(wc_ge *r);
void wc_ge_neg(wc_ge *r, const wc_ge *p);
/* r = p + q; r may alias p or q; also correct for p == q. */
void wc_ge_add(wc_ge *r, const wc_ge *p, const wc_ge *q);
/* r = [s]p for a 256-bit little-endian scalar, in constant time. */
void wc_ge_scalarmult(wc_ge *r, const wc_ge *p, const uint8_t s[32]);
void wc_ge_scalarmult_base(wc_ge *r, const uint8_t s[32]);

/* RFC 8032 section 5.1.2. */
void wc_ge_pack(uint8_t out[32], const wc_ge *p);
/* RFC 8032 section 5.1.3. Returns 0, or -1 if in is not a valid encoding
 * (y not below p, no square root for x, or x = 0 with the sign bit set). */
int wc_ge_unpack(wc_ge *r, const uint8_t in[32]);

#endif
