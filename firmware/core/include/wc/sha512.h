#ifndef WC_SHA512_H
#define WC_SHA512_H

#include <stddef.h>
#include <stdint.h>

/* SHA-512 as specified in FIPS 180-4. */

#define WC_SHA512_DIGEST_LEN 64u
#define WC_SHA512_BLOCK_LEN  128u

typedef struct {
    uint64_t h[8];
    uint8_t block[WC_SHA512_BLOCK_LEN];
    size_t block_len;  /* bytes waiting in block */
    uint64_t total;    /* message bytes; FIPS allows 2^128 bits, 2^64 bytes is ample here */
} wc_sha512_ctx;

void wc_sha512_init(wc_sha512_ctx *ctx);
void wc_sha512_update(wc_sha512_ctx *ctx, const uint8_t *data, size_t len);
/* Writes the digest and wipes the context. */
void wc_sha512_final(wc_sha512_ctx *ctx, uint8_t out[WC_SHA512_DIGEST_LEN]);

void wc_sha512(const uint8_t *data, size_t len, uint8_t out[WC_SHA512_DIGEST_LEN]);

#endif
