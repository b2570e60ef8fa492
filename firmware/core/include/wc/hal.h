#ifndef WC_HAL_H
#define WC_HAL_H

#include <stddef.h>
#include <stdint.h>

/* What the portable node logic needs from a board. A board (or the host
 * simulator, or a unit test) fills one wc_hal and passes it to
 * wc_node_init; every call gets ctx back, so several nodes, or a test's
 * fake, can live in one program without globals.
 *
 * Return convention: WC_HAL_OK on success, WC_HAL_NONE where "nothing
 * there" is a normal answer, a negative value on failure. */

#define WC_HAL_OK   0
#define WC_HAL_NONE 1

/* What the node tells the board it did (optional hook). */
enum wc_event_type {
    WC_EVENT_HELLO_SENT = 1,
    WC_EVENT_RECORD_SENT,    /* seq, payload */
    WC_EVENT_TIME_SET,       /* time_ms */
    WC_EVENT_HELLO_REQUEST,
    WC_EVENT_REJECTED,       /* reason: WC_MSG_ERR_UNKNOWN_TYPE or WC_MSG_ERR_MALFORMED */
    WC_EVENT_STORAGE_ERROR,  /* a record was not sent because its sequence could not be persisted */
    WC_EVENT_UART_ERROR
};

typedef struct {
    enum wc_event_type type;
    int64_t seq;
    int64_t time_ms;
    const uint8_t *payload; /* the message sent; valid during the call only */
    size_t len;
    int reason;
} wc_event;

typedef struct {
    void *ctx;

    /* Sensors. Fills a value and a quality (enum wc_quality) and returns
     * WC_HAL_OK; anything else records the channel as BAD. */
    int (*read_channel)(void *ctx, uint16_t quantity, double *value, uint8_t *quality);

    /* Wall clock in ms since the Unix epoch, used for sample times only
     * (scheduling runs on the monotonic time given to wc_node_poll). */
    int64_t (*clock_now_ms)(void *ctx);
    void (*clock_set_ms)(void *ctx, int64_t ms);
    /* Optional: nonzero if the clock was already right at power-up (a set,
     * battery-backed RTC). NULL means the clock is unsynced until TIME. */
    int (*clock_valid)(void *ctx);

    /* Persistent storage. load_* return WC_HAL_OK, WC_HAL_NONE on a fresh
     * device, or a negative error, after which the node refuses to start:
     * guessing a sequence could repeat one. store_seq must not return
     * WC_HAL_OK before the value would survive a power cut. */
    int (*load_seed)(void *ctx, uint8_t seed[32]);
    int (*store_seed)(void *ctx, const uint8_t seed[32]);
    int (*load_seq)(void *ctx, int64_t *last_used);
    int (*store_seq)(void *ctx, int64_t last_used);
    /* Entropy for the key seed; needed only on a device without a seed. */
    int (*random)(void *ctx, uint8_t *out, size_t len);

    /* Serial line to the WaterChain node. uart_write returns WC_HAL_OK
     * once all bytes are written or queued. uart_read returns the next
     * byte (0-255), or a negative value when none is waiting; it must not
     * block. */
    int (*uart_write)(void *ctx, const uint8_t *data, size_t len);
    int (*uart_read)(void *ctx);

    /* Optional inputs; NULL when the board has none. */
    int (*tamper_open)(void *ctx);                 /* nonzero: enclosure open */
    int (*battery_mv)(void *ctx, uint32_t *mv);    /* WC_HAL_OK and the voltage */
    int (*demand)(void *ctx);                      /* 1 demand, 0 none, negative unknown */

    /* Optional: told about what the node did, e.g. for a log or an LED. */
    void (*event)(void *ctx, const wc_event *ev);
} wc_hal;

#endif
