#include "wc/node.h"


#include "codec.h"
#include "mem.h"
#include "wc/message.h"
#include "wipe.h"

/* Caps the input handled per poll, so a babbling line cannot starve the
 * schedule: two largest frames' worth. */
#define RX_BUDGET (2u * WC_FRAME_MAX_ENCODED)

void wc_node_config_defaults(wc_node_config *cfg)
{
    wc_zero(cfg, sizeof *cfg);
    cfg->model = "";
    cfg->firmware = WC_FIRMWARE_VERSION;
    cfg->interval_ms = WC_NODE_DEFAULT_INTERVAL_MS;
    cfg->status.leak_flow_m3h = 0.05;
    cfg->status.leak_pressure_kpa_min = 5.0;
    cfg->status.low_battery_mv = 3300;
}

/* Config texts are at most this long; config_ok checks it once. */
#define TEXT_MAX 127u

static size_t text_len(const char *s)
{
    return wc_strnlen(s, TEXT_MAX);
}

static int config_ok(const wc_node_config *cfg)
{
    if (cfg->device_id == NULL || cfg->model == NULL || cfg->firmware == NULL || cfg->channels == NULL) {
        return 0;
    }
    if (!wc_device_id_valid((const uint8_t *)cfg->device_id, wc_strnlen(cfg->device_id, WC_DEVICE_ID_MAX))) {
        return 0;
    }
    /* Model and firmware must leave room for the rest of HELLO. */
    size_t model = text_len(cfg->model), firmware = text_len(cfg->firmware);
    if (model > TEXT_MAX || firmware > TEXT_MAX || !wc_utf8_valid((const uint8_t *)cfg->model, model)
        || !wc_utf8_valid((const uint8_t *)cfg->firmware, firmware)) {
        return 0;
    }
    return cfg->interval_ms > 0 && cfg->n_channels >= 1 && cfg->n_channels <= WC_RECORD_MAX_READINGS;
}

static int hal_ok(const wc_hal *h)
{
    return h->read_channel && h->clock_now_ms && h->clock_set_ms && h->load_seed && h->store_seed
        && h->load_seq && h->store_seq && h->uart_write && h->uart_read;
}

static void emit(wc_node *node, const wc_event *ev)
{
    if (node->hal->event) {
        node->hal->event(node->hal->ctx, ev);
    }
}

static void emit_simple(wc_node *node, enum wc_event_type type, int reason)
{
    wc_event ev;
    wc_zero(&ev, sizeof ev);
    ev.type = type;
    ev.reason = reason;
    emit(node, &ev);
}

static int load_key(wc_node *node)
{
    const wc_hal *h = node->hal;
    int r = h->load_seed(h->ctx, node->seed);
    if (r == WC_HAL_NONE) {
        /* First start: the key is born here and never leaves the device. */
        if (h->random == NULL || h->random(h->ctx, node->seed, sizeof node->seed) != WC_HAL_OK
            || h->store_seed(h->ctx, node->seed) != WC_HAL_OK) {
            return WC_NODE_ERR_STORAGE;
        }
    } else if (r != WC_HAL_OK) {
        return WC_NODE_ERR_STORAGE;
    }
    wc_ed25519_public_key(node->public_key, node->seed);
    return WC_NODE_OK;
}

static int load_seq(wc_node *node)
{
    int64_t last = 0;
    int r = node->hal->load_seq(node->hal->ctx, &last);
    if (r == WC_HAL_NONE) {
        last = 0; /* the first record is number 1 */
    } else if (r != WC_HAL_OK || last < 0) {
        return WC_NODE_ERR_STORAGE;
    }
    node->last_seq = last;
    return WC_NODE_OK;
}

int wc_node_init(wc_node *node, const wc_hal *hal, const wc_node_config *cfg)
{
    if (node == NULL || hal == NULL || cfg == NULL || !hal_ok(hal)) {
        return WC_NODE_ERR_ARG;
    }
    if (!config_ok(cfg)) {
        return WC_NODE_ERR_CONFIG;
    }
    wc_zero(node, sizeof *node);
    node->hal = hal;
    node->cfg = *cfg;
    wc_frame_decoder_init(&node->rx);
    wc_status_init(&node->status);
    node->clock_synced = hal->clock_valid != NULL && hal->clock_valid(hal->ctx);

    int err = load_key(node);
    if (err == WC_NODE_OK) {
        err = load_seq(node);
    }
    if (err != WC_NODE_OK) {
        wc_wipe(node->seed, sizeof node->seed);
    }
    return err;
}

/* The frame buffer lives in the node rather than on the stack, which
 * signing already fills with some 4 KB. */
static int send(wc_node *node, const uint8_t *payload, size_t len)
{
    int n = wc_frame_encode(payload, len, node->tx, sizeof node->tx);
    if (n < 0 || node->hal->uart_write(node->hal->ctx, node->tx, (size_t)n) != WC_HAL_OK) {
        node->stats.uart_errors++;
        emit_simple(node, WC_EVENT_UART_ERROR, n < 0 ? n : 0);
        return -1;
    }
    return 0;
}

static int send_hello(wc_node *node)
{
    uint8_t payload[WC_FRAME_MAX_PAYLOAD];
    const wc_node_config *cfg = &node->cfg;
    wc_hello h;
    h.protocol = WC_MSG_PROTOCOL;
    h.device_id.ptr = cfg->device_id;
    h.device_id.len = text_len(cfg->device_id);
    h.public_key = node->public_key;
    h.model.ptr = cfg->model;
    h.model.len = text_len(cfg->model);
    h.firmware.ptr = cfg->firmware;
    h.firmware.len = text_len(cfg->firmware);
    /* Rounded up: a gap check on the node side must never expect records
     * sooner than they come. */
    h.interval_s = cfg->interval_ms / 1000u + (cfg->interval_ms % 1000u != 0);

    int n = wc_msg_hello(payload, sizeof payload, &h);
    if (n < 0 || send(node, payload, (size_t)n) != 0) {
        return -1;
    }
    node->stats.hellos_sent++;
    wc_event ev;
    wc_zero(&ev, sizeof ev);
    ev.type = WC_EVENT_HELLO_SENT;
    ev.payload = payload;
    ev.len = (size_t)n;
    emit(node, &ev);
    return 0;
}

static void read_channels(wc_node *node, wc_record *rec)
{
    const wc_hal *h = node->hal;
    rec->n_readings = node->cfg.n_channels;
    for (unsigned i = 0; i < node->cfg.n_channels; i++) {
        wc_reading *r = &rec->readings[i];
        double v = 0.0;
        uint8_t q = WC_QUALITY_GOOD;
        r->quantity = node->cfg.channels[i];
        /* A failed or nonsensical reading still goes out, as BAD, so the
         * record keeps its shape and the failure is visible downstream. */
        if (h->read_channel(h->ctx, r->quantity, &v, &q) != WC_HAL_OK || !wc_f64_bits_finite(wc_f64_bits(v))
            || q > WC_QUALITY_MAINTENANCE) {
            node->stats.sensor_errors++;
            v = 0.0;
            q = WC_QUALITY_BAD;
        }
        r->value = v;
        r->quality = q;
    }
}

static wc_status_inputs read_inputs(wc_node *node)
{
    const wc_hal *h = node->hal;
    wc_status_inputs in;
    wc_zero(&in, sizeof in);
    in.tamper_open = node->tamper_seen;
    in.demand = h->demand ? h->demand(h->ctx) : -1;
    in.battery_known = h->battery_mv != NULL && h->battery_mv(h->ctx, &in.battery_mv) == WC_HAL_OK;
    in.clock_synced = node->clock_synced;
    return in;
}

static void send_record(wc_node *node, uint64_t now_ms)
{
    const wc_hal *h = node->hal;
    wc_record rec;
    wc_zero(&rec, sizeof rec);
    wc_copy(rec.device_id, node->cfg.device_id, text_len(node->cfg.device_id));
    if (node->last_seq == INT64_MAX) {
        node->stats.storage_errors++;
        emit_simple(node, WC_EVENT_STORAGE_ERROR, 0);
        return;
    }
    rec.seq = node->last_seq + 1;
    rec.time_ms = h->clock_now_ms(h->ctx);
    read_channels(node, &rec);
    wc_status_inputs in = read_inputs(node);
    rec.flags = wc_status_flags(&node->status, &node->cfg.status, &in, rec.readings, rec.n_readings, now_ms);

    uint8_t body[WC_RECORD_MAX_BODY], sig[WC_ED25519_SIG_LEN], payload[WC_MSG_MAX_RECORD];
    int body_len = wc_record_encode(&rec, body, sizeof body);
    if (body_len < 0 || wc_record_sign(sig, body, (size_t)body_len, node->seed) != WC_RECORD_OK) {
        return; /* unreachable with a checked config and sanitised readings */
    }
    int n = wc_msg_record(payload, sizeof payload, body, (size_t)body_len, sig, node->public_key);
    if (n < 0) {
        return;
    }

    /* Persisted before it is sent: a power cut after this line skips the
     * number, and a skipped number is harmless where a repeated one is not. */
    if (h->store_seq(h->ctx, rec.seq) != WC_HAL_OK) {
        node->stats.storage_errors++;
        emit_simple(node, WC_EVENT_STORAGE_ERROR, 0);
        return;
    }
    node->last_seq = rec.seq;
    if (send(node, payload, (size_t)n) != 0) {
        return;
    }
    node->tamper_seen = 0; /* reported; a still-open switch latches again */
    node->stats.records_sent++;
    wc_event ev;
    wc_zero(&ev, sizeof ev);
    ev.type = WC_EVENT_RECORD_SENT;
    ev.seq = rec.seq;
    ev.time_ms = rec.time_ms;
    ev.payload = payload;
    ev.len = (size_t)n;
    emit(node, &ev);
}

static void handle_message(wc_node *node, const uint8_t *p, size_t len)
{
    wc_device_msg msg;
    int r = wc_msg_parse_device(&msg, p, len);
    if (r != WC_MSG_OK) {
        if (r == WC_MSG_ERR_UNKNOWN_TYPE) {
            node->stats.unknown_type++;
        } else {
            node->stats.malformed++;
        }
        emit_simple(node, WC_EVENT_REJECTED, r);
        return;
    }
    if (msg.type == WC_MSG_TIME) {
        node->hal->clock_set_ms(node->hal->ctx, msg.time_ms);
        node->clock_synced = 1;
        node->stats.time_set++;
        wc_event ev;
        wc_zero(&ev, sizeof ev);
        ev.type = WC_EVENT_TIME_SET;
        ev.time_ms = msg.time_ms;
        emit(node, &ev);
    } else {
        /* Several requests before the next poll still get one HELLO. */
        node->hello_pending = 1;
        node->stats.hello_requests++;
        emit_simple(node, WC_EVENT_HELLO_REQUEST, 0);
    }
}

static void receive(wc_node *node)
{
    const wc_hal *h = node->hal;
    for (size_t i = 0; i < RX_BUDGET; i++) {
        int b = h->uart_read(h->ctx);
        if (b < 0) {
            return;
        }
        int n = wc_frame_decoder_push(&node->rx, (uint8_t)b);
        if (n >= 0) {
            handle_message(node, node->rx.payload, (size_t)n);
        }
    }
}

static int due(uint64_t now_ms, uint64_t at_ms)
{
    return now_ms >= at_ms;
}

void wc_node_poll(wc_node *node, uint64_t now_ms)
{
    if (node == NULL || node->hal == NULL) {
        return;
    }
    const wc_hal *h = node->hal;
    receive(node);
    if (h->tamper_open && h->tamper_open(h->ctx)) {
        node->tamper_seen = 1;
    }
    if (!node->started) {
        node->started = 1;
        node->hello_pending = 1;
        node->next_record_ms = now_ms; /* the first record follows the first HELLO */
    }
    if (node->hello_pending && send_hello(node) == 0) {
        node->hello_pending = 0;
    }
    /* Enrollment reads the key from HELLO, so no record goes before it. */
    if (!node->hello_pending && due(now_ms, node->next_record_ms)) {
        send_record(node, now_ms);
        /* Keeps the cadence, but after a long stall (a debugger, a slow
         * flash) pushes once rather than catching up in a burst. */
        node->next_record_ms += node->cfg.interval_ms;
        if (due(now_ms, node->next_record_ms)) {
            node->next_record_ms = now_ms + node->cfg.interval_ms;
        }
    }
}

uint64_t wc_node_ms_until_due(const wc_node *node, uint64_t now_ms)
{
    if (node == NULL || !node->started || node->hello_pending || due(now_ms, node->next_record_ms)) {
        return 0;
    }
    return node->next_record_ms - now_ms;
}
