#ifndef WC_RECORD_H
#define WC_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "wc/ed25519.h"

/* The sensor record body of docs/encoding.md, which the device signs:
 *
 *   u8 version=1 | text deviceId | i64 seq | i64 sampleTimeMs | u16 statusFlags
 *   | u8 n | n x ( u16 quantityCode | f64 value | u8 quality )
 *
 * The same bytes are checked by the ledger, so every rule the ledger's
 * SensorRecord enforces is enforced here too, before anything is signed. */

#define WC_RECORD_VERSION       1u
#define WC_RECORD_MAX_DEVICE_ID 32u
#define WC_RECORD_MAX_READINGS  32u
#define WC_RECORD_READING_LEN   11u
/* 32-character id and 32 readings: 1 + 2+32 + 8 + 8 + 2 + 1 + 32*11. */
#define WC_RECORD_MAX_BODY      406u

/* The signed message is the domain tag, a zero byte, then the body. */
#define WC_RECORD_DOMAIN        "WaterChain/record/v1"
#define WC_RECORD_DOMAIN_LEN    20u

/* Status flag bits. */
#define WC_FLAG_TAMPER          0x0001u
#define WC_FLAG_LEAK            0x0002u
#define WC_FLAG_LOW_BATTERY     0x0004u
#define WC_FLAG_GATEWAY_SIGNED  0x0008u /* set by gateways only, never by a device */
#define WC_FLAG_CLOCK_UNSYNCED  0x0010u

/* Quantity codes: part of the format, never renumbered. */
enum wc_quantity {
    WC_Q_FLOW = 1,        /* m3/h */
    WC_Q_EC = 2,          /* uS/cm */
    WC_Q_SS = 3,          /* suspended solids, mg/L */
    WC_Q_UV254 = 4,       /* 1/m */
    WC_Q_TURBIDITY = 5,   /* NTU */
    WC_Q_PH = 6,
    WC_Q_TEMPERATURE = 7, /* degrees C */
    WC_Q_ORP = 8,         /* mV */
    WC_Q_DO = 9,          /* dissolved oxygen, mg/L */
    WC_Q_LEVEL = 10,      /* m */
    WC_Q_PRESSURE = 11,   /* kPa */
    WC_Q_CU = 20,         /* metals in mg/L */
    WC_Q_ZN = 21,
    WC_Q_NI = 22,
    WC_Q_PB = 23,
    WC_Q_CD = 24
};

enum wc_quality {
    WC_QUALITY_GOOD = 0,
    WC_QUALITY_SUSPECT = 1,
    WC_QUALITY_BAD = 2,
    WC_QUALITY_MAINTENANCE = 3
};

typedef struct {
    uint16_t quantity;
    double value;    /* finite; NaN and infinities are refused */
    uint8_t quality; /* enum wc_quality */
} wc_reading;

typedef struct {
    char device_id[WC_RECORD_MAX_DEVICE_ID + 1]; /* NUL-terminated */
    int64_t seq;                                 /* >= 0 */
    int64_t time_ms;                             /* sample time, ms since the Unix epoch */
    uint16_t flags;
    uint8_t n_readings;                          /* 1..32 */
    wc_reading readings[WC_RECORD_MAX_READINGS];
} wc_record;

#define WC_RECORD_OK             0
#define WC_RECORD_ERR_ARG        (-1)
#define WC_RECORD_ERR_DEVICE_ID  (-2) /* not 1-32 characters '!'..'~' */
#define WC_RECORD_ERR_SEQ        (-3) /* negative */
#define WC_RECORD_ERR_COUNT      (-4) /* not 1-32 readings */
#define WC_RECORD_ERR_VALUE      (-5) /* NaN or infinite */
#define WC_RECORD_ERR_QUALITY    (-6) /* above 3 */
#define WC_RECORD_ERR_NOSPACE    (-7)
#define WC_RECORD_ERR_FORMAT     (-8) /* decode: wrong version, truncated or trailing bytes */

/* Returns WC_RECORD_OK or the first rule the record breaks. */
int wc_record_check(const wc_record *rec);

/* Writes the canonical body. Returns its length, or a negative
 * WC_RECORD_ERR_*; a record that breaks a rule is never encoded. */
int wc_record_encode(const wc_record *rec, uint8_t *out, size_t cap);

/* Parses a body strictly (decode-then-encode gives back the same bytes).
 * Returns WC_RECORD_OK or a negative WC_RECORD_ERR_*. */
int wc_record_decode(wc_record *rec, const uint8_t *body, size_t len);

/* Signs domain || 0x00 || body. Returns WC_RECORD_OK, or
 * WC_RECORD_ERR_ARG for a body longer than any record. */
int wc_record_sign(uint8_t sig[WC_ED25519_SIG_LEN], const uint8_t *body, size_t len,
                   const uint8_t seed[WC_ED25519_SEED_LEN]);

/* Returns 0 if sig signs body in the record domain under pk, else -1. */
int wc_record_verify(const uint8_t sig[WC_ED25519_SIG_LEN], const uint8_t *body, size_t len,
                     const uint8_t pk[WC_ED25519_PUBKEY_LEN]);

#endif
