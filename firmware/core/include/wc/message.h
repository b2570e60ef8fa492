#ifndef WC_MESSAGE_H
#define WC_MESSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "wc/ed25519.h"

/* Messages of the sensor wire protocol v1 (docs/wire.md). A message is the
 * payload of one frame; its first byte is the type.
 *
 *   0x01 RECORD        device -> node  u8 | bytes16 body | raw[64] sig | raw[32] key
 *   0x02 HELLO         device -> node  u8 | u8 protocol=1 | text deviceId | raw[32] key
 *                                      | text model | text firmware | u32 intervalSeconds
 *   0x10 TIME          node -> device  u8 | i64 unixTimeMs
 *   0x11 HELLO_REQUEST node -> device  u8
 *
 * Builders return the payload length or a negative WC_MSG_ERR_*. Parsers
 * return WC_MSG_OK or WC_MSG_ERR_UNKNOWN_TYPE / WC_MSG_ERR_MALFORMED, the
 * two reasons a receiver counts. Parsed fields point into the payload. */

#define WC_MSG_RECORD        0x01u
#define WC_MSG_HELLO         0x02u
#define WC_MSG_TIME          0x10u
#define WC_MSG_HELLO_REQUEST 0x11u

#define WC_MSG_PROTOCOL      1u

/* 1 + 2 + 406 + 64 + 32 */
#define WC_MSG_MAX_RECORD    505u
#define WC_MSG_TIME_LEN      9u

#define WC_MSG_OK               0
#define WC_MSG_ERR_UNKNOWN_TYPE (-1)
#define WC_MSG_ERR_MALFORMED    (-2)
#define WC_MSG_ERR_NOSPACE      (-3)
#define WC_MSG_ERR_ARG          (-4) /* builder: a field breaks a rule */

/* Text fields as length and bytes, since parsed text is not terminated. */
typedef struct {
    const char *ptr;
    size_t len;
} wc_text;

typedef struct {
    uint8_t protocol;
    wc_text device_id;             /* 1-32 characters '!'..'~' */
    const uint8_t *public_key;     /* 32 bytes */
    wc_text model;                 /* UTF-8 */
    wc_text firmware;              /* UTF-8 */
    uint32_t interval_s;
} wc_hello;

typedef struct {
    const uint8_t *body;
    size_t body_len;
    const uint8_t *signature;      /* 64 bytes */
    const uint8_t *public_key;     /* 32 bytes */
} wc_record_msg;

/* What a device can receive. */
typedef struct {
    uint8_t type;                  /* WC_MSG_TIME or WC_MSG_HELLO_REQUEST */
    int64_t time_ms;               /* TIME only */
} wc_device_msg;

int wc_msg_record(uint8_t *out, size_t cap, const uint8_t *body, size_t body_len,
                  const uint8_t sig[WC_ED25519_SIG_LEN], const uint8_t pk[WC_ED25519_PUBKEY_LEN]);
/* hello->protocol is ignored: a v1 device always says 1. */
int wc_msg_hello(uint8_t *out, size_t cap, const wc_hello *hello);
int wc_msg_time(uint8_t *out, size_t cap, int64_t time_ms);
int wc_msg_hello_request(uint8_t *out, size_t cap);

/* Device side: TIME and HELLO_REQUEST; every other type, including the
 * device's own RECORD and HELLO, is WC_MSG_ERR_UNKNOWN_TYPE. */
int wc_msg_parse_device(wc_device_msg *msg, const uint8_t *p, size_t len);

/* Node side, for gateways and tests. A RECORD is malformed unless its body
 * is a valid record body; the signature is checked separately with
 * wc_record_verify, since a bad one is a different reason. */
int wc_msg_parse_record(wc_record_msg *msg, const uint8_t *p, size_t len);
int wc_msg_parse_hello(wc_hello *msg, const uint8_t *p, size_t len);

#endif
