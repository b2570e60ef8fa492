#include "codec.h"

#include "mem.h"


_Static_assert(sizeof(double) == 8, "the core needs an IEEE-754 binary64 double");

void wc_w_init(wc_writer *w, uint8_t *out, size_t cap)
{
    w->out = out;
    w->cap = out ? cap : 0;
    w->len = 0;
    w->full = 0;
}

static int room(wc_writer *w, size_t n)
{
    if (w->full || n > w->cap - w->len) {
        w->full = 1;
        return 0;
    }
    return 1;
}

static void put_be(wc_writer *w, uint64_t v, unsigned bytes)
{
    if (!room(w, bytes)) {
        return;
    }
    for (unsigned i = bytes; i-- > 0;) {
        w->out[w->len++] = (uint8_t)(v >> (8u * i));
    }
}

void wc_w_u8(wc_writer *w, uint8_t v) { put_be(w, v, 1); }
void wc_w_u16(wc_writer *w, uint16_t v) { put_be(w, v, 2); }
void wc_w_u32(wc_writer *w, uint32_t v) { put_be(w, v, 4); }
void wc_w_u64(wc_writer *w, uint64_t v) { put_be(w, v, 8); }

void wc_w_raw(wc_writer *w, const uint8_t *p, size_t n)
{
    if (n == 0 || !room(w, n)) {
        return;
    }
    wc_copy(w->out + w->len, p, n);
    w->len += n;
}

void wc_w_text(wc_writer *w, const uint8_t *p, size_t n)
{
    wc_w_u16(w, (uint16_t)n);
    wc_w_raw(w, p, n);
}

void wc_r_init(wc_reader *r, const uint8_t *in, size_t len)
{
    r->in = in;
    r->len = in ? len : 0;
    r->pos = 0;
    r->bad = 0;
}

const uint8_t *wc_r_raw(wc_reader *r, size_t n)
{
    if (r->bad || n > r->len - r->pos) {
        r->bad = 1;
        return NULL;
    }
    const uint8_t *p = r->in + r->pos;
    r->pos += n;
    return p;
}

static uint64_t get_be(wc_reader *r, unsigned bytes)
{
    const uint8_t *p = wc_r_raw(r, bytes);
    uint64_t v = 0;
    for (unsigned i = 0; p != NULL && i < bytes; i++) {
        v = v << 8 | p[i];
    }
    return v;
}

uint8_t wc_r_u8(wc_reader *r) { return (uint8_t)get_be(r, 1); }
uint16_t wc_r_u16(wc_reader *r) { return (uint16_t)get_be(r, 2); }
uint32_t wc_r_u32(wc_reader *r) { return (uint32_t)get_be(r, 4); }
uint64_t wc_r_u64(wc_reader *r) { return get_be(r, 8); }

const uint8_t *wc_r_text(wc_reader *r, size_t *n)
{
    *n = wc_r_u16(r);
    return wc_r_raw(r, *n);
}

int wc_r_done(const wc_reader *r)
{
    return !r->bad && r->pos == r->len;
}

uint64_t wc_i64_bits(int64_t v)
{
    return (uint64_t)v; /* conversion to unsigned is defined modulo 2^64 */
}

int64_t wc_bits_i64(uint64_t v)
{
    /* The other direction is implementation-defined for values above
     * INT64_MAX, so negative values are rebuilt arithmetically. */
    if (v <= (uint64_t)INT64_MAX) {
        return (int64_t)v;
    }
    return -(int64_t)(~v) - 1;
}

uint64_t wc_f64_bits(double v)
{
    uint64_t bits;
    wc_copy(&bits, &v, sizeof bits);
    return bits;
}

double wc_bits_f64(uint64_t bits)
{
    double v;
    wc_copy(&v, &bits, sizeof v);
    return v;
}

int wc_f64_bits_finite(uint64_t bits)
{
    return ((bits >> 52) & 0x7FFu) != 0x7FFu;
}

int wc_utf8_valid(const uint8_t *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t b = p[i];
        size_t more;
        uint8_t lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
        if (b < 0x80) {
            i++;
            continue;
        } else if (b >= 0xC2 && b <= 0xDF) {
            more = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            more = 2;
            if (b == 0xE0) lo = 0xA0; /* overlong */
            if (b == 0xED) hi = 0x9F; /* surrogates */
        } else if (b >= 0xF0 && b <= 0xF4) {
            more = 3;
            if (b == 0xF0) lo = 0x90; /* overlong */
            if (b == 0xF4) hi = 0x8F; /* above U+10FFFF */
        } else {
            return 0;
        }
        if (more > n - i - 1) {
            return 0;
        }
        if (p[i + 1] < lo || p[i + 1] > hi) {
            return 0;
        }
        for (size_t k = 2; k <= more; k++) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        i += more + 1;
    }
    return 1;
}

int wc_device_id_valid(const uint8_t *p, size_t n)
{
    if (p == NULL || n == 0 || n > WC_DEVICE_ID_MAX) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (p[i] <= ' ' || p[i] > '~') {
            return 0;
        }
    }
    return 1;
}
