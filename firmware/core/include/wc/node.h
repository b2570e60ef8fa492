#ifndef WC_NODE_H
#define WC_NODE_H

#include <stddef.h>
#include <stdint.h>

#include "wc/ed25519.h"
#include "wc/frame.h"
#include "wc/hal.h"
#include "wc/record.h"
#include "wc/status.h"

/* The sensor node: says HELLO at start and when asked, then pushes one
 * signed record right after the first HELLO and one every interval; sets
 * its clock from TIME. It has no threads and never blocks on its own:
 * the board's main loop calls wc_node_poll with a monotonic millisecond
 * count, and may sleep for wc_node_ms_until_due in between (waking on
 * UART input). All I/O goes through the wc_hal given to wc_node_init. */

#define WC_NODE_DEFAULT_INTERVAL_MS 3600000u /* hourly */
#define WC_FIRMWARE_VERSION         "0.1.0"

typedef struct {
    const char *device_id;       /* 1-32 characters '!'..'~' */
    const char *model;           /* UTF-8, sent in HELLO */
    const char *firmware;        /* UTF-8, sent in HELLO */
    uint32_t interval_ms;        /* push interval; HELLO reports it in whole seconds, rounded up */
    const uint16_t *channels;    /* quantity codes, read in this order */
    uint8_t n_channels;          /* 1..32 */
    wc_status_config status;
} wc_node_config;

typedef struct {
    uint32_t records_sent;
    uint32_t hellos_sent;
    uint32_t time_set;
    uint32_t hello_requests;
    uint32_t unknown_type;       /* frame fine, message type not for a device */
    uint32_t malformed;          /* frame fine, fields did not parse exactly */
    uint32_t storage_errors;
    uint32_t uart_errors;
    uint32_t sensor_errors;      /* channel reads that failed or gave NaN/infinity */
} wc_node_stats;

typedef struct {
    const wc_hal *hal;
    wc_node_config cfg;
    uint8_t seed[WC_ED25519_SEED_LEN];
    uint8_t public_key[WC_ED25519_PUBKEY_LEN];
    int64_t last_seq;            /* last sequence number persisted (0: none yet) */
    int started;
    int hello_pending;
    int clock_synced;
    int tamper_seen;             /* latched between records, so a brief opening is not missed */
    uint64_t next_record_ms;
    wc_status_state status;
    wc_node_stats stats;
    wc_frame_decoder rx;         /* its counters are the frame-level rejections */
    uint8_t tx[WC_FRAME_MAX_ENCODED];
} wc_node;

#define WC_NODE_OK          0
#define WC_NODE_ERR_ARG     (-1) /* missing HAL function or NULL argument */
#define WC_NODE_ERR_CONFIG  (-2)
#define WC_NODE_ERR_STORAGE (-3) /* seed or sequence unreadable, or no seed and no entropy */

/* Fills the defaults: hourly, leak at 0.05 m3/h with no demand or a fall
 * of 5 kPa per minute, low battery below 3300 mV. The caller still sets
 * device_id, model, firmware and channels. */
void wc_node_config_defaults(wc_node_config *cfg);

/* Loads the key seed (creating and storing one on first start) and the
 * last sequence number. Strings and channels in cfg must outlive the node. */
int wc_node_init(wc_node *node, const wc_hal *hal, const wc_node_config *cfg);

/* Handles waiting input, then whatever is due at now_ms (monotonic). */
void wc_node_poll(wc_node *node, uint64_t now_ms);

/* How long the board may sleep before the next poll is needed, unless
 * input arrives first. */
uint64_t wc_node_ms_until_due(const wc_node *node, uint64_t now_ms);

#endif
