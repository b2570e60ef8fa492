#include "sc25519.h"

#include <stddef.h>

#include "wipe.h"

/* L as 32-bit words, least significant first. */
static const uint32_t L_WORDS[8] = {
    0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de, 0x00000000, 0x00000000, 0x00000000, 0x10000000,
};

static void load_words(uint32_t *w, const uint8_t *bytes, size_t nwords)
{
    for (size_t i = 0; i < nwords; i++) {
        w[i] = (uint32_t)bytes[4 * i] | ((uint32_t)bytes[4 * i + 1] << 8)
             | ((uint32_t)bytes[4 * i + 2] << 16) | ((uint32_t)bytes[4 * i + 3] << 24);
    }
}

static void store_words(uint8_t *bytes, const uint32_t *w, size_t nwords)
{
    for (size_t i = 0; i < nwords; i++) {
        bytes[4 * i] = (uint8_t)w[i];
        bytes[4 * i + 1] = (uint8_t)(w[i] >> 8);
        bytes[4 * i + 2] = (uint8_t)(w[i] >> 16);
        bytes[4 * i + 3] = (uint8_t)(w[i] >> 24);
    }
}

/* r = x mod L by binary long division: shift x in one bit at a time,
 * subtracting L whenever the remainder reaches it. Slower than Barrett
 * reduction but obviously correct, and the per-bit work is the same
 * whatever the value, so it leaks nothing about secret nonces. A few
 * hundred microseconds on a Cortex-M4 is nothing next to the point
 * multiplications. */
static void reduce_words(uint32_t r[8], const uint32_t *x, size_t nwords)
{
    uint32_t acc[8] = { 0 };
    uint32_t diff[8];
    for (size_t bit = nwords * 32; bit-- > 0;) {
        /* acc < L < 2^253, so 2*acc + 1 still fits in 256 bits. */
        uint32_t in = (x[bit / 32] >> (bit % 32)) & 1u;
        for (int i = 0; i < 8; i++) {
            uint32_t out = acc[i] >> 31;
            acc[i] = (acc[i] << 1) | in;
            in = out;
        }
        uint32_t borrow = 0;
        for (int i = 0; i < 8; i++) {
            uint64_t t = (uint64_t)acc[i] - L_WORDS[i] - borrow;
            diff[i] = (uint32_t)t;
            borrow = (uint32_t)(t >> 63);
        }
        /* borrow set means acc < L: keep acc, else take acc - L. */
        uint32_t keep = 0u - borrow;
        for (int i = 0; i < 8; i++) {
            acc[i] = (acc[i] & keep) | (diff[i] & ~keep);
        }
    }
    for (int i = 0; i < 8; i++) {
        r[i] = acc[i];
    }
    wc_wipe(acc, sizeof acc);
    wc_wipe(diff, sizeof diff);
}

void wc_sc_reduce(uint8_t out[32], const uint8_t in[64])
{
    uint32_t x[16], r[8];
    load_words(x, in, 16);
    reduce_words(r, x, 16);
    store_words(out, r, 8);
    wc_wipe(x, sizeof x);
    wc_wipe(r, sizeof r);
}

void wc_sc_muladd(uint8_t out[32], const uint8_t a[32], const uint8_t b[32], const uint8_t c[32])
{
    uint32_t aw[8], bw[8], cw[8], r[8];
    /* 17 words: a*b + c can exceed 512 bits by a carry when a, b, c are
     * arbitrary 256-bit strings. */
    uint32_t x[17] = { 0 };
    load_words(aw, a, 8);
    load_words(bw, b, 8);
    load_words(cw, c, 8);

    for (int i = 0; i < 8; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < 8; j++) {
            uint64_t t = (uint64_t)aw[i] * bw[j] + x[i + j] + carry;
            x[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        x[i + 8] = (uint32_t)carry;
    }
    uint64_t carry = 0;
    for (int i = 0; i < 17; i++) {
        uint64_t t = (uint64_t)x[i] + (i < 8 ? cw[i] : 0) + carry;
        x[i] = (uint32_t)t;
        carry = t >> 32;
    }

    reduce_words(r, x, 17);
    store_words(out, r, 8);
    wc_wipe(aw, sizeof aw);
    wc_wipe(bw, sizeof bw);
    wc_wipe(cw, sizeof cw);
    wc_wipe(x, sizeof x);
    wc_wipe(r, sizeof r);
}

int wc_sc_is_canonical(const uint8_t s[32])
{
    uint32_t w[8];
    load_words(w, s, 8);
    for (int i = 7; i >= 0; i--) {
        if (w[i] != L_WORDS[i]) {
            return w[i] < L_WORDS[i];
        }
    }
    return 0; /* s == L */
}
