#include "ge25519.h"

/* Constants below were derived from their definitions in RFC 8032
 * section 5.1 and are spelled as 16-bit limbs, least significant first. */

/* d = -121665 / 121666 */
static const wc_fe D = { 0x78a3, 0x1359, 0x4dca, 0x75eb, 0xd8ab, 0x4141, 0x0a4d, 0x0070,
                         0xe898, 0x7779, 0x4079, 0x8cc7, 0xfe73, 0x2b6f, 0x6cee, 0x5203 };
/* 2 * d, used by point addition */
static const wc_fe D2 = { 0xf159, 0x26b2, 0x9b94, 0xebd6, 0xb156, 0x8283, 0x149a, 0x00e0,
                          0xd130, 0xeef3, 0x80f2, 0x198e, 0xfce7, 0x56df, 0xd9dc, 0x2406 };
/* sqrt(-1) = 2^((p-1)/4) */
static const wc_fe SQRT_M1 = { 0xa0b0, 0x4a0e, 0x1b27, 0xc4ee, 0xe478, 0xad2f, 0x1806, 0x2f43,
                               0xd7a7, 0x3dfb, 0x0099, 0x2b4d, 0xdf0b, 0x4fc1, 0x2480, 0x2b83 };
/* Base point B: y = 4/5, x the even root */
static const wc_fe BASE_X = { 0xd51a, 0x8f25, 0x2d60, 0xc956, 0xa7b2, 0x9525, 0xc760, 0x692c,
                              0xdc5c, 0xfdd6, 0xe231, 0xc0a4, 0x53fe, 0xcd6e, 0x36d3, 0x2169 };
static const wc_fe BASE_Y = { 0x6658, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666,
                              0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666, 0x6666 };

void wc_ge_neutral(wc_ge *r)
{
    wc_fe_zero(r->X);
    wc_fe_one(r->Y);
    wc_fe_one(r->Z);
    wc_fe_zero(r->T);
}

void wc_ge_base(wc_ge *r)
{
    wc_fe_copy(r->X, BASE_X);
    wc_fe_copy(r->Y, BASE_Y);
    wc_fe_one(r->Z);
    wc_fe_mul(r->T, BASE_X, BASE_Y);
}

void wc_ge_neg(wc_ge *r, const wc_ge *p)
{
    wc_fe_neg(r->X, p->X);
    wc_fe_copy(r->Y, p->Y);
    wc_fe_copy(r->Z, p->Z);
    wc_fe_neg(r->T, p->T);
}

/* The unified formula of section 5.1.4: one code path for addition and
 * doubling, so the ladder below does the same work whatever the bits. */
void wc_ge_add(wc_ge *r, const wc_ge *p, const wc_ge *q)
{
    wc_fe a, b, c, d, e, f, g, h, t;

    wc_fe_sub(a, p->Y, p->X);
    wc_fe_sub(t, q->Y, q->X);
    wc_fe_mul(a, a, t);
    wc_fe_add(b, p->Y, p->X);
    wc_fe_add(t, q->Y, q->X);
    wc_fe_mul(b, b, t);
    wc_fe_mul(c, p->T, q->T);
    wc_fe_mul(c, c, D2);
    wc_fe_mul(d, p->Z, q->Z);
    wc_fe_add(d, d, d);
    wc_fe_sub(e, b, a);
    wc_fe_sub(f, d, c);
    wc_fe_add(g, d, c);
    wc_fe_add(h, b, a);

    wc_fe_mul(r->X, e, f);
    wc_fe_mul(r->Y, g, h);
    wc_fe_mul(r->T, e, h);
    wc_fe_mul(r->Z, f, g);
}

static void cswap(wc_ge *p, wc_ge *q, int swap)
{
    wc_fe_cswap(p->X, q->X, swap);
    wc_fe_cswap(p->Y, q->Y, swap);
    wc_fe_cswap(p->Z, q->Z, swap);
    wc_fe_cswap(p->T, q->T, swap);
}

/* Montgomery ladder: keeps q = acc + p throughout, and every bit costs one
 * addition and one doubling, so timing does not reveal the scalar. */
void wc_ge_scalarmult(wc_ge *r, const wc_ge *p, const uint8_t s[32])
{
    wc_ge acc, q;
    wc_ge_neutral(&acc);
    q = *p;
    for (int i = 255; i >= 0; i--) {
        int bit = (s[i / 8] >> (i % 8)) & 1;
        cswap(&acc, &q, bit);
        wc_ge_add(&q, &q, &acc);
        wc_ge_add(&acc, &acc, &acc);
        cswap(&acc, &q, bit);
    }
    *r = acc;
}

void wc_ge_scalarmult_base(wc_ge *r, const uint8_t s[32])
{
    wc_ge b;
    wc_ge_base(&b);
    wc_ge_scalarmult(r, &b, s);
}

void wc_ge_pack(uint8_t out[32], const wc_ge *p)
{
    wc_fe zi, x, y;
    wc_fe_invert(zi, p->Z);
    wc_fe_mul(x, p->X, zi);
    wc_fe_mul(y, p->Y, zi);
    wc_fe_pack(out, y);
    out[31] |= (uint8_t)(wc_fe_is_negative(x) << 7);
}

int wc_ge_unpack(wc_ge *r, const uint8_t in[32])
{
    int sign = in[31] >> 7;
    wc_fe y, u, v, v3, x, vxx, neg_u, one;
    uint8_t check[32];

    /* Step 1: y must be below p. Re-encoding canonically and comparing
     * catches every y in [p, 2^255). */
    wc_fe_unpack(y, in);
    wc_fe_pack(check, y);
    check[31] |= (uint8_t)(sign << 7);
    for (int i = 0; i < 32; i++) {
        if (check[i] != in[i]) {
            return -1;
        }
    }

    /* Step 2: x^2 = u/v with u = y^2 - 1, v = d y^2 + 1; candidate root
     * x = u v^3 (u v^7)^((p-5)/8). */
    wc_fe_one(one);
    wc_fe_sq(u, y);
    wc_fe_mul(v, u, D);
    wc_fe_sub(u, u, one);
    wc_fe_add(v, v, one);

    wc_fe_sq(v3, v);
    wc_fe_mul(v3, v3, v);   /* v^3 */
    wc_fe_sq(x, v3);
    wc_fe_mul(x, x, v);     /* v^7 */
    wc_fe_mul(x, x, u);     /* u v^7 */
    wc_fe_pow_p58(x, x);
    wc_fe_mul(x, x, v3);
    wc_fe_mul(x, x, u);

    /* Step 3: fix up or reject the candidate. */
    wc_fe_sq(vxx, x);
    wc_fe_mul(vxx, vxx, v);
    wc_fe_neg(neg_u, u);
    if (wc_fe_equal(vxx, neg_u)) {
        wc_fe_mul(x, x, SQRT_M1);
    } else if (!wc_fe_equal(vxx, u)) {
        return -1;
    }

    /* Step 4: choose the root with the requested sign. */
    wc_fe zero;
    wc_fe_zero(zero);
    if (sign && wc_fe_equal(x, zero)) {
        return -1;
    }
    if (wc_fe_is_negative(x) != sign) {
        wc_fe_neg(x, x);
    }

    wc_fe_copy(r->X, x);
    wc_fe_copy(r->Y, y);
    wc_fe_one(r->Z);
    wc_fe_mul(r->T, x, y);
    return 0;
}
