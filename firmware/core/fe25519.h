#ifndef WC_FE25519_H
#define WC_FE25519_H

#include <stdint.h>

/* Arithmetic in GF(p), p = 2^255 - 19, for Ed25519 (RFC 8032 section 5.1).
 *
 * An element is 16 signed limbs of nominally 16 bits: value = sum a[i]*2^(16i).
 * The slack in int64 lets additions and subtractions skip carrying; only
 * multiplication and packing normalise. Results are reduced mod p only by
 * wc_fe_pack, which is therefore the one way to compare elements. */
typedef int64_t wc_fe[16];

void wc_fe_zero(wc_fe r);
void wc_fe_one(wc_fe r);
void wc_fe_copy(wc_fe r, const wc_fe a);
void wc_fe_add(wc_fe r, const wc_fe a, const wc_fe b);
void wc_fe_sub(wc_fe r, const wc_fe a, const wc_fe b);
void wc_fe_neg(wc_fe r, const wc_fe a);
void wc_fe_mul(wc_fe r, const wc_fe a, const wc_fe b);
void wc_fe_sq(wc_fe r, const wc_fe a);
void wc_fe_invert(wc_fe r, const wc_fe a);      /* a^(p-2) */
void wc_fe_pow_p58(wc_fe r, const wc_fe a);     /* a^((p-5)/8), for square roots */

/* Swaps a and b when swap is 1, leaves them when 0, in constant time. */
void wc_fe_cswap(wc_fe a, wc_fe b, int swap);

/* Canonical little-endian encoding, value fully reduced mod p. */
void wc_fe_pack(uint8_t out[32], const wc_fe a);
/* Reads 255 bits; bit 255 is ignored (it carries the sign of x in points). */
void wc_fe_unpack(wc_fe r, const uint8_t in[32]);

int wc_fe_equal(const wc_fe a, const wc_fe b);
int wc_fe_is_negative(const wc_fe a); /* RFC 8032: x is "negative" when odd */

#endif
