#ifndef WC_CODEC_H
#define WC_CODEC_H

#include <stddef.h>
#include <stdint.h>

/* Canonical encoding primitives of docs/encoding.md (big-endian). Internal
 * to the core. Both sides keep a sticky error, so a caller can write or read
 * a whole structure and check once at the end instead of after every field. */

typedef struct {
    uint8_t *out;
    size_t cap;
    size_t len;
    int full; /* a write did not fit; nothing after it was written */
} wc_writer;

void wc_w_init(wc_writer *w, uint8_t *out, size_t cap);
void wc_w_u8(wc_writer *w, uint8_t v);
void wc_w_u16(wc_writer *w, uint16_t v);
void wc_w_u32(wc_writer *w, uint32_t v);
void wc_w_u64(wc_writer *w, uint64_t v);
void wc_w_raw(wc_writer *w, const uint8_t *p, size_t n);
/* u16 length, then the bytes; the caller checks n <= 0xFFFF. */
void wc_w_text(wc_writer *w, const uint8_t *p, size_t n);

typedef struct {
    const uint8_t *in;
    size_t len;
    size_t pos;
    int bad; /* ran past the end */
} wc_reader;

void wc_r_init(wc_reader *r, const uint8_t *in, size_t len);
uint8_t wc_r_u8(wc_reader *r);
uint16_t wc_r_u16(wc_reader *r);
uint32_t wc_r_u32(wc_reader *r);
uint64_t wc_r_u64(wc_reader *r);
/* Returns a pointer into the input, or NULL (and sets bad) if truncated. */
const uint8_t *wc_r_raw(wc_reader *r, size_t n);
/* u16 length, then that many bytes; *n gets the length. */
const uint8_t *wc_r_text(wc_reader *r, size_t *n);
/* Nonzero when every byte was read and none was missing. */
int wc_r_done(const wc_reader *r);

/* Two's complement without implementation-defined conversions. */
uint64_t wc_i64_bits(int64_t v);
int64_t wc_bits_i64(uint64_t v);

/* IEEE-754 binary64 bits of a double; the core assumes the target's double
 * is binary64, which C11 Annex F and every supported compiler provide. */
uint64_t wc_f64_bits(double v);
double wc_bits_f64(uint64_t bits);
/* NaN and the infinities have an all-ones exponent; they are never encoded. */
int wc_f64_bits_finite(uint64_t bits);

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF,
 * as Java's reporting decoder on the other side demands. */
int wc_utf8_valid(const uint8_t *p, size_t n);

/* Device ids are 1-32 characters from '!' to '~': printable ASCII without
 * spaces, the rule of the ledger's SensorRecord. */
#define WC_DEVICE_ID_MAX 32u
int wc_device_id_valid(const uint8_t *p, size_t n);

#endif
