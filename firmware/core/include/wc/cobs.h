#ifndef WC_COBS_H
#define WC_COBS_H

#include <stddef.h>
#include <stdint.h>

/* Consistent Overhead Byte Stuffing (Cheshire & Baker, 1999).
 * Encoded data never contains 0x00, so 0x00 can delimit frames. The
 * encoder follows the paper exactly: a final run of 254 non-zero bytes is
 * followed by a 0x01 code byte. The decoder accepts that form and the
 * shorter form without it. No delimiter is added or expected here. */

#define WC_COBS_ERR_ARG       (-1) /* NULL pointer with non-zero length */
#define WC_COBS_ERR_NOSPACE   (-2) /* output buffer too small */
#define WC_COBS_ERR_ZERO      (-3) /* 0x00 inside encoded data */
#define WC_COBS_ERR_TRUNCATED (-4) /* empty input, or a code byte points past the end */

/* Worst-case encoded size of n input bytes: one code byte per started
 * run of 254, plus the leading one. */
#define WC_COBS_MAX_ENCODED(n) ((n) + (n) / 254u + 1u)

/* Incremental encoder, so a frame can be encoded from several pieces
 * (payload, then CRC) without copying them into a scratch buffer. */
typedef struct {
    uint8_t *out;
    size_t cap;
    size_t len;      /* bytes written so far, including the open code byte */
    size_t code_pos; /* where the open block's code byte goes */
    uint8_t code;    /* 1 + data bytes in the open block */
    int err;         /* sticky: first error seen, or 0 */
} wc_cobs_encoder;

void wc_cobs_encoder_begin(wc_cobs_encoder *enc, uint8_t *out, size_t cap);
void wc_cobs_encoder_put(wc_cobs_encoder *enc, const uint8_t *data, size_t len);
/* Returns the encoded length, or a negative WC_COBS_ERR_*. */
ptrdiff_t wc_cobs_encoder_end(wc_cobs_encoder *enc);

/* Returns the encoded length, or a negative WC_COBS_ERR_*. */
ptrdiff_t wc_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);

/* Returns the decoded length, or a negative WC_COBS_ERR_*. out may equal
 * in (decoding in place), since the output never runs ahead of the input. */
ptrdiff_t wc_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);

#endif
