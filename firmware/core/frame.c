#include "wc/frame.h"

#include "wc/crc16.h"

int wc_frame_encode(const uint8_t *payload, size_t len, uint8_t *out, size_t out_cap)
{
    if ((payload == NULL && len > 0) || out == NULL) {
        return WC_FRAME_ERR_ARG;
    }
    if (len > WC_FRAME_MAX_PAYLOAD) {
        return WC_FRAME_ERR_TOO_LONG;
    }
    if (out_cap < 1) {
        return WC_FRAME_ERR_NOSPACE;
    }

    uint16_t crc = wc_crc16(payload, len);
    uint8_t crc_be[WC_FRAME_CRC_LEN] = { (uint8_t)(crc >> 8), (uint8_t)(crc & 0xFF) };

    /* One byte held back for the delimiter. */
    wc_cobs_encoder enc;
    wc_cobs_encoder_begin(&enc, out, out_cap - 1);
    wc_cobs_encoder_put(&enc, payload, len);
    wc_cobs_encoder_put(&enc, crc_be, sizeof crc_be);
    ptrdiff_t n = wc_cobs_encoder_end(&enc);
    if (n < 0) {
        return n == WC_COBS_ERR_NOSPACE ? WC_FRAME_ERR_NOSPACE : WC_FRAME_ERR_ARG;
    }
    out[n] = 0x00;
    return (int)n + 1;
}

void wc_frame_decoder_init(wc_frame_decoder *dec)
{
    /* buf needs no clearing: only bytes below len are ever read. */
    dec->len = 0;
    dec->overflow = 0;
    dec->payload = NULL;
    dec->frames_ok = 0;
    dec->bad_cobs = 0;
    dec->bad_crc = 0;
    dec->too_long = 0;
    dec->empty = 0;
    dec->too_short = 0;
}

/* Called on a delimiter with the bytes buffered since the previous one. */
static int finish_frame(wc_frame_decoder *dec)
{
    if (dec->overflow) {
        dec->too_long++;
        return WC_FRAME_ERR_TOO_LONG;
    }
    if (dec->len == 0) {
        dec->empty++;
        return WC_FRAME_ERR_EMPTY;
    }
    ptrdiff_t n = wc_cobs_decode(dec->buf, dec->len, dec->buf, sizeof dec->buf);
    if (n < 0) {
        dec->bad_cobs++;
        return WC_FRAME_ERR_COBS;
    }
    size_t raw = (size_t)n;
    if (raw < WC_FRAME_CRC_LEN) {
        dec->too_short++;
        return WC_FRAME_ERR_SHORT;
    }
    size_t plen = raw - WC_FRAME_CRC_LEN;
    if (plen > WC_FRAME_MAX_PAYLOAD) {
        dec->too_long++;
        return WC_FRAME_ERR_TOO_LONG;
    }
    uint16_t sent = (uint16_t)((dec->buf[plen] << 8) | dec->buf[plen + 1]);
    if (wc_crc16(dec->buf, plen) != sent) {
        dec->bad_crc++;
        return WC_FRAME_ERR_CRC;
    }
    dec->frames_ok++;
    dec->payload = dec->buf;
    return (int)plen;
}

int wc_frame_decoder_push(wc_frame_decoder *dec, uint8_t byte)
{
    if (dec == NULL) {
        return WC_FRAME_ERR_ARG;
    }
    dec->payload = NULL;
    if (byte == 0x00) {
        int result = finish_frame(dec);
        dec->len = 0;
        dec->overflow = 0;
        return result;
    }
    if (dec->len >= sizeof dec->buf) {
        dec->overflow = 1;
        return WC_FRAME_MORE;
    }
    dec->buf[dec->len++] = byte;
    return WC_FRAME_MORE;
}
