#include "wc/cobs.h"

#include <stdint.h>

static void close_block(wc_cobs_encoder *enc)
{
    enc->out[enc->code_pos] = enc->code;
}

/* Reserves the code byte of a new block; its value is only known once the
 * block ends, so it is written by close_block. */
static void open_block(wc_cobs_encoder *enc)
{
    if (enc->len >= enc->cap) {
        enc->err = WC_COBS_ERR_NOSPACE;
        return;
    }
    enc->code_pos = enc->len++;
    enc->code = 1;
}

void wc_cobs_encoder_begin(wc_cobs_encoder *enc, uint8_t *out, size_t cap)
{
    enc->out = out;
    enc->cap = out ? cap : 0;
    enc->len = 0;
    enc->code_pos = 0;
    enc->code = 1;
    enc->err = 0;
    if (out == NULL) {
        enc->err = WC_COBS_ERR_ARG;
        return;
    }
    open_block(enc);
}

void wc_cobs_encoder_put(wc_cobs_encoder *enc, const uint8_t *data, size_t len)
{
    if (enc->err) {
        return;
    }
    if (data == NULL && len > 0) {
        enc->err = WC_COBS_ERR_ARG;
        return;
    }
    for (size_t i = 0; i < len && !enc->err; i++) {
        if (data[i] == 0) {
            close_block(enc);
            open_block(enc);
            continue;
        }
        if (enc->len >= enc->cap) {
            enc->err = WC_COBS_ERR_NOSPACE;
            return;
        }
        enc->out[enc->len++] = data[i];
        if (++enc->code == 0xFF) {
            /* 254 data bytes is the most a block can hold. */
            close_block(enc);
            open_block(enc);
        }
    }
}

ptrdiff_t wc_cobs_encoder_end(wc_cobs_encoder *enc)
{
    if (enc->err) {
        return enc->err;
    }
    close_block(enc);
    if (enc->len > (size_t)PTRDIFF_MAX) {
        return WC_COBS_ERR_NOSPACE;
    }
    return (ptrdiff_t)enc->len;
}

ptrdiff_t wc_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    wc_cobs_encoder enc;
    wc_cobs_encoder_begin(&enc, out, cap);
    wc_cobs_encoder_put(&enc, in, len);
    return wc_cobs_encoder_end(&enc);
}

ptrdiff_t wc_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    if (in == NULL || out == NULL) {
        return WC_COBS_ERR_ARG;
    }
    if (len == 0) {
        return WC_COBS_ERR_TRUNCATED;
    }
    size_t r = 0;
    size_t w = 0;
    while (r < len) {
        uint8_t code = in[r++];
        if (code == 0) {
            return WC_COBS_ERR_ZERO;
        }
        size_t run = (size_t)code - 1;
        if (run > len - r) {
            return WC_COBS_ERR_TRUNCATED;
        }
        if (run > cap - w) {
            return WC_COBS_ERR_NOSPACE;
        }
        /* Byte by byte, not memcpy: in-place decoding overlaps. */
        for (size_t i = 0; i < run; i++) {
            uint8_t b = in[r++];
            if (b == 0) {
                return WC_COBS_ERR_ZERO;
            }
            out[w++] = b;
        }
        /* A short block stood for a zero, except the last one, whose zero
         * is the phantom the encoder appended to the message. */
        if (code != 0xFF && r < len) {
            if (w >= cap) {
                return WC_COBS_ERR_NOSPACE;
            }
            out[w++] = 0;
        }
    }
    if (w > (size_t)PTRDIFF_MAX) {
        return WC_COBS_ERR_NOSPACE;
    }
    return (ptrdiff_t)w;
}
