#include "fe25519.h"

/* Carrying divides limbs by 2^16 with >>, which C leaves
 * implementation-defined for negative values; every compiler we target
 * shifts arithmetically, and this makes sure of it at build time. */
_Static_assert((INT64_C(-1) >> 1) == INT64_C(-1), "arithmetic right shift required");

void wc_fe_zero(wc_fe r)
{
    for (int i = 0; i < 16; i++) {
        r[i] = 0;
    }
}

void wc_fe_one(wc_fe r)
{
    wc_fe_zero(r);
    r[0] = 1;
}

void wc_fe_copy(wc_fe r, const wc_fe a)
{
    for (int i = 0; i < 16; i++) {
        r[i] = a[i];
    }
}

void wc_fe_add(wc_fe r, const wc_fe a, const wc_fe b)
{
    for (int i = 0; i < 16; i++) {
        r[i] = a[i] + b[i];
    }
}

void wc_fe_sub(wc_fe r, const wc_fe a, const wc_fe b)
{
    for (int i = 0; i < 16; i++) {
        r[i] = a[i] - b[i];
    }
}

void wc_fe_neg(wc_fe r, const wc_fe a)
{
    wc_fe z;
    wc_fe_zero(z);
    wc_fe_sub(r, z, a);
}

/* Brings limbs 1..15 into [0, 2^16) and folds the overflow of the top limb
 * back into limb 0, using 2^256 = 38 (mod p). Limb 0 may stay slightly
 * above 2^16; a second pass settles it. */
static void carry(wc_fe a)
{
    for (int i = 0; i < 16; i++) {
        int64_t c = a[i] >> 16;
        a[i] -= c * 65536;
        if (i < 15) {
            a[i + 1] += c;
        } else {
            a[0] += 38 * c;
        }
    }
}

void wc_fe_mul(wc_fe r, const wc_fe a, const wc_fe b)
{
    int64_t t[31] = { 0 };
    for (int i = 0; i < 16; i++) {
        for (int j = 0; j < 16; j++) {
            t[i + j] += a[i] * b[j];
        }
    }
    for (int i = 0; i < 15; i++) {
        t[i] += 38 * t[i + 16];
    }
    for (int i = 0; i < 16; i++) {
        r[i] = t[i];
    }
    carry(r);
    carry(r);
}

void wc_fe_sq(wc_fe r, const wc_fe a)
{
    wc_fe_mul(r, a, a);
}

/* p - 2 = 2^255 - 21: every exponent bit from 254 down to 0 is set except
 * bits 4 and 2. Square-and-multiply over a public exponent, so the
 * sequence of operations does not depend on a. */
void wc_fe_invert(wc_fe r, const wc_fe a)
{
    wc_fe c;
    wc_fe_copy(c, a);
    for (int bit = 253; bit >= 0; bit--) {
        wc_fe_sq(c, c);
        if (bit != 4 && bit != 2) {
            wc_fe_mul(c, c, a);
        }
    }
    wc_fe_copy(r, c);
}

/* (p - 5) / 8 = 2^252 - 3: bits 251 down to 0 set except bit 1. */
void wc_fe_pow_p58(wc_fe r, const wc_fe a)
{
    wc_fe c;
    wc_fe_copy(c, a);
    for (int bit = 250; bit >= 0; bit--) {
        wc_fe_sq(c, c);
        if (bit != 1) {
            wc_fe_mul(c, c, a);
        }
    }
    wc_fe_copy(r, c);
}

void wc_fe_cswap(wc_fe a, wc_fe b, int swap)
{
    int64_t mask = -(int64_t)swap;
    for (int i = 0; i < 16; i++) {
        int64_t t = mask & (a[i] ^ b[i]);
        a[i] ^= t;
        b[i] ^= t;
    }
}

void wc_fe_pack(uint8_t out[32], const wc_fe a)
{
    wc_fe t, m;
    wc_fe_copy(t, a);
    /* Three passes leave every limb in [0, 2^16), so t < 2^256 = 2p + 38,
     * and at most two subtractions of p reach the canonical value. */
    carry(t);
    carry(t);
    carry(t);
    for (int round = 0; round < 2; round++) {
        m[0] = t[0] - 0xffed;
        for (int i = 1; i < 15; i++) {
            m[i] = t[i] - 0xffff - ((m[i - 1] >> 16) & 1);
            m[i - 1] &= 0xffff;
        }
        m[15] = t[15] - 0x7fff - ((m[14] >> 16) & 1);
        m[14] &= 0xffff;
        int borrow = (int)((m[15] >> 16) & 1);
        /* Keep t - p unless it went negative. */
        wc_fe_cswap(t, m, 1 - borrow);
    }
    for (int i = 0; i < 16; i++) {
        out[2 * i] = (uint8_t)(t[i] & 0xff);
        out[2 * i + 1] = (uint8_t)((t[i] >> 8) & 0xff);
    }
}

void wc_fe_unpack(wc_fe r, const uint8_t in[32])
{
    for (int i = 0; i < 16; i++) {
        r[i] = in[2 * i] + ((int64_t)in[2 * i + 1] << 8);
    }
    r[15] &= 0x7fff;
}

int wc_fe_equal(const wc_fe a, const wc_fe b)
{
    uint8_t pa[32], pb[32];
    uint8_t diff = 0;
    wc_fe_pack(pa, a);
    wc_fe_pack(pb, b);
    for (int i = 0; i < 32; i++) {
        diff |= (uint8_t)(pa[i] ^ pb[i]);
    }
    return diff == 0;
}

int wc_fe_is_negative(const wc_fe a)
{
    uint8_t p[32];
    wc_fe_pack(p, a);
    return p[0] & 1;
}
