#ifndef WC_SC25519_H
#define WC_SC25519_H

#include <stdint.h>

/* Scalars modulo the group order
 * L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 section 5.1),
 * as 32-byte little-endian strings. */

/* out = in mod L, for a 64-byte little-endian number (a SHA-512 digest). */
void wc_sc_reduce(uint8_t out[32], const uint8_t in[64]);

/* out = (a * b + c) mod L. */
void wc_sc_muladd(uint8_t out[32], const uint8_t a[32], const uint8_t b[32], const uint8_t c[32]);

/* 1 if s < L, as verification requires of a signature's S; else 0. */
int wc_sc_is_canonical(const uint8_t s[32]);

#endif
