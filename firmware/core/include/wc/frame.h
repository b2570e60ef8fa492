#ifndef WC_FRAME_H
#define WC_FRAME_H

#include <stddef.h>
#include <stdint.h>

#include "wc/cobs.h"

/* Serial frame of the WaterChain sensor protocol:
 *
 *   COBS( payload || CRC16(payload) ) || 0x00
 *
 * CRC16 is CRC-16/CCITT-FALSE over the payload only, sent high byte first.
 * The single 0x00 ends the frame; COBS guarantees it appears nowhere else. */

#define WC_FRAME_MAX_PAYLOAD 508u
#define WC_FRAME_CRC_LEN     2u
#define WC_FRAME_MAX_RAW     (WC_FRAME_MAX_PAYLOAD + WC_FRAME_CRC_LEN)
#define WC_FRAME_MAX_COBS    WC_COBS_MAX_ENCODED(WC_FRAME_MAX_RAW)
/* Largest complete frame on the wire, delimiter included (514 bytes). */
#define WC_FRAME_MAX_ENCODED (WC_FRAME_MAX_COBS + 1u)

#define WC_FRAME_MORE        (-1) /* decoder: no frame completed by this byte */
#define WC_FRAME_ERR_ARG     (-2)
#define WC_FRAME_ERR_TOO_LONG (-3) /* payload over WC_FRAME_MAX_PAYLOAD */
#define WC_FRAME_ERR_NOSPACE (-4) /* encoder: output buffer too small */
#define WC_FRAME_ERR_COBS    (-5)
#define WC_FRAME_ERR_CRC     (-6)
#define WC_FRAME_ERR_EMPTY   (-7) /* delimiter with nothing before it */
#define WC_FRAME_ERR_SHORT   (-8) /* decodes to fewer bytes than the CRC */

/* Returns the number of bytes written (delimiter included), or a negative
 * WC_FRAME_ERR_*. Nothing useful is left in out on error. */
int wc_frame_encode(const uint8_t *payload, size_t len, uint8_t *out, size_t out_cap);

/* Incremental decoder fed one byte at a time from a UART. Holds the frame
 * in its own buffer, so it needs no allocation and no caller buffer. */
typedef struct {
    uint8_t buf[WC_FRAME_MAX_COBS];
    size_t len;           /* bytes buffered since the last delimiter */
    int overflow;         /* more bytes than any valid frame: drop until 0x00 */
    const uint8_t *payload; /* last good payload, valid until the next push */

    /* Counters, never reset by the decoder itself. */
    uint32_t frames_ok;
    uint32_t bad_cobs;
    uint32_t bad_crc;
    uint32_t too_long;
    uint32_t empty;
    uint32_t too_short;
} wc_frame_decoder;

void wc_frame_decoder_init(wc_frame_decoder *dec);

/* Returns the payload length (>= 0, payload in dec->payload) when this byte
 * completes a good frame; WC_FRAME_MORE while a frame is still arriving; or
 * a negative WC_FRAME_ERR_* when this byte ends a frame that was rejected
 * (and counted). After any delimiter the decoder starts afresh, which is how
 * it resynchronises after line noise. */
int wc_frame_decoder_push(wc_frame_decoder *dec, uint8_t byte);

#endif
