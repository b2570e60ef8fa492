#include "harness.h"
#include "suites.h"
#include "wc/message.h"
#include "wc/node.h"

/* A board made of plain variables, so every input can be set and every
 * output inspected. */
struct fake {
    double value[32];          /* by quantity code */
    uint8_t quality[32];
    int fail_quantity;         /* read_channel fails for this code */
    int64_t clock_ms;
    int clock_valid;

    int have_seed;
    uint8_t seed[32];
    int seed_load_error;
    int random_calls;
    int have_seq;
    int64_t seq;
    int seq_load_error;
    int store_seq_fails;

    uint8_t out[16384];
    size_t out_len;
    int write_fails;
    int64_t seq_stored_at_write[64]; /* persisted sequence when each write began */
    int writes;
    uint8_t in[2048];
    size_t in_len, in_pos;

    int tamper;
    int battery_ok;
    uint32_t battery_mv;
    int demand;
    int events[64];
    int n_events;
};

static int f_read_channel(void *ctx, uint16_t q, double *v, uint8_t *quality)
{
    struct fake *f = ctx;
    if (q == f->fail_quantity || q >= 32) {
        return -1;
    }
    *v = f->value[q];
    *quality = f->quality[q];
    return WC_HAL_OK;
}
static int64_t f_clock_now(void *ctx) { return ((struct fake *)ctx)->clock_ms; }
static void f_clock_set(void *ctx, int64_t ms) { ((struct fake *)ctx)->clock_ms = ms; }
static int f_clock_valid(void *ctx) { return ((struct fake *)ctx)->clock_valid; }
static int f_load_seed(void *ctx, uint8_t seed[32])
{
    struct fake *f = ctx;
    if (f->seed_load_error) return -5;
    if (!f->have_seed) return WC_HAL_NONE;
    memcpy(seed, f->seed, 32);
    return WC_HAL_OK;
}
static int f_store_seed(void *ctx, const uint8_t seed[32])
{
    struct fake *f = ctx;
    memcpy(f->seed, seed, 32);
    f->have_seed = 1;
    return WC_HAL_OK;
}
static int f_load_seq(void *ctx, int64_t *last)
{
    struct fake *f = ctx;
    if (f->seq_load_error) return -5;
    if (!f->have_seq) return WC_HAL_NONE;
    *last = f->seq;
    return WC_HAL_OK;
}
static int f_store_seq(void *ctx, int64_t last)
{
    struct fake *f = ctx;
    if (f->store_seq_fails) return -5;
    f->seq = last;
    f->have_seq = 1;
    return WC_HAL_OK;
}
static int f_random(void *ctx, uint8_t *out, size_t n)
{
    struct fake *f = ctx;
    f->random_calls++;
    for (size_t i = 0; i < n; i++) out[i] = (uint8_t)(0xC0 + i);
    return WC_HAL_OK;
}
static int f_uart_write(void *ctx, const uint8_t *p, size_t n)
{
    struct fake *f = ctx;
    if (f->write_fails || n > sizeof f->out - f->out_len) return -1;
    if (f->writes < 64) f->seq_stored_at_write[f->writes] = f->have_seq ? f->seq : -1;
    f->writes++;
    memcpy(f->out + f->out_len, p, n);
    f->out_len += n;
    return WC_HAL_OK;
}
static int f_uart_read(void *ctx)
{
    struct fake *f = ctx;
    return f->in_pos < f->in_len ? f->in[f->in_pos++] : -1;
}
static int f_tamper(void *ctx) { return ((struct fake *)ctx)->tamper; }
static int f_battery(void *ctx, uint32_t *mv)
{
    struct fake *f = ctx;
    *mv = f->battery_mv;
    return f->battery_ok ? WC_HAL_OK : -1;
}
static int f_demand(void *ctx) { return ((struct fake *)ctx)->demand; }
static void f_event(void *ctx, const wc_event *ev)
{
    struct fake *f = ctx;
    if (f->n_events < 64) f->events[f->n_events++] = (int)ev->type;
}

static struct fake F;
static wc_hal HAL;
static wc_node NODE;
static const uint16_t CHANNELS[] = { WC_Q_PH, WC_Q_TEMPERATURE, WC_Q_FLOW, WC_Q_PRESSURE };
static wc_node_config CFG;

static void setup(void)
{
    memset(&F, 0, sizeof F);
    F.value[WC_Q_PH] = 7.2;
    F.value[WC_Q_TEMPERATURE] = 18.5;
    F.value[WC_Q_FLOW] = 10.0;
    F.value[WC_Q_PRESSURE] = 300.0;
    F.clock_ms = 1700000000000LL;
    F.battery_ok = 1;
    F.battery_mv = 3700;
    F.demand = 1;

    wc_hal h = {
        &F, f_read_channel, f_clock_now, f_clock_set, NULL,
        f_load_seed, f_store_seed, f_load_seq, f_store_seq, f_random,
        f_uart_write, f_uart_read, f_tamper, f_battery, f_demand, f_event,
    };
    HAL = h;
    wc_node_config_defaults(&CFG);
    CFG.device_id = "R04-A";
    CFG.model = "test board";
    CFG.channels = CHANNELS;
    CFG.n_channels = 4;
}

static int start(void)
{
    return wc_node_init(&NODE, &HAL, &CFG);
}

/* Splits everything written so far into payloads. */
struct sent {
    uint8_t payload[16][WC_FRAME_MAX_PAYLOAD];
    size_t len[16];
    int n;
};

static void sent_frames(struct sent *s)
{
    static wc_frame_decoder dec;
    wc_frame_decoder_init(&dec);
    s->n = 0;
    for (size_t i = 0; i < F.out_len; i++) {
        int r = wc_frame_decoder_push(&dec, F.out[i]);
        if (r >= 0 && s->n < 16) {
            memcpy(s->payload[s->n], dec.payload, (size_t)r);
            s->len[s->n++] = (size_t)r;
        }
    }
    CHECK(dec.bad_cobs + dec.bad_crc + dec.too_long + dec.too_short + dec.empty == 0);
}

static void inject(const uint8_t *payload, size_t len)
{
    int n = wc_frame_encode(payload, len, F.in + F.in_len, sizeof F.in - F.in_len);
    CHECK(n > 0);
    F.in_len += (size_t)n;
}

static void inject_time(int64_t ms)
{
    uint8_t p[WC_MSG_TIME_LEN];
    wc_msg_time(p, sizeof p, ms);
    inject(p, sizeof p);
}

static void inject_hello_request(void)
{
    const uint8_t p[] = { WC_MSG_HELLO_REQUEST };
    inject(p, 1);
}

/* Checks a sent RECORD and returns its decoded body. */
static int record_of(const struct sent *s, int i, wc_record *rec)
{
    wc_record_msg m;
    if (i >= s->n || wc_msg_parse_record(&m, s->payload[i], s->len[i]) != WC_MSG_OK) {
        return 0;
    }
    CHECK(memcmp(m.public_key, NODE.public_key, 32) == 0);
    CHECK(wc_record_verify(m.signature, m.body, m.body_len, m.public_key) == 0);
    return wc_record_decode(rec, m.body, m.body_len) == WC_RECORD_OK;
}

static void first_start_creates_key(void)
{
    setup();
    CHECK(start() == WC_NODE_OK);
    CHECK(F.random_calls == 1 && F.have_seed);
    uint8_t pk[32];
    wc_ed25519_public_key(pk, F.seed);
    CHECK_MEM(NODE.public_key, pk, 32);
    CHECK(NODE.last_seq == 0);

    /* The next start loads the same key and draws no entropy. */
    CHECK(start() == WC_NODE_OK);
    CHECK(F.random_calls == 1);
    CHECK_MEM(NODE.public_key, pk, 32);
}

static void init_refuses_what_it_cannot_trust(void)
{
    setup();
    F.seed_load_error = 1;
    CHECK(start() == WC_NODE_ERR_STORAGE);
    setup();
    F.seq_load_error = 1;
    CHECK(start() == WC_NODE_ERR_STORAGE);
    setup();
    F.have_seq = 1;
    F.seq = -4;
    CHECK(start() == WC_NODE_ERR_STORAGE);
    setup();
    HAL.random = NULL;
    CHECK(start() == WC_NODE_ERR_STORAGE);
    setup();
    HAL.uart_write = NULL;
    CHECK(start() == WC_NODE_ERR_ARG);

    setup();
    CFG.device_id = "R04 A";
    CHECK(start() == WC_NODE_ERR_CONFIG);
    setup();
    CFG.device_id = "R04-A-0123456789012345678901234567";
    CHECK(start() == WC_NODE_ERR_CONFIG);
    setup();
    CFG.n_channels = 0;
    CHECK(start() == WC_NODE_ERR_CONFIG);
    setup();
    CFG.n_channels = 33;
    CHECK(start() == WC_NODE_ERR_CONFIG);
    setup();
    CFG.interval_ms = 0;
    CHECK(start() == WC_NODE_ERR_CONFIG);
    setup();
    CFG.model = "\xff";
    CHECK(start() == WC_NODE_ERR_CONFIG);
}

static void hello_then_record_at_start(void)
{
    setup();
    CHECK(start() == WC_NODE_OK);
    CHECK(F.out_len == 0); /* nothing is sent before the first poll */
    wc_node_poll(&NODE, 5000);

    static struct sent s;
    sent_frames(&s);
    CHECK(s.n == 2);
    wc_hello h;
    CHECK(wc_msg_parse_hello(&h, s.payload[0], s.len[0]) == WC_MSG_OK);
    CHECK(h.device_id.len == 5 && memcmp(h.device_id.ptr, "R04-A", 5) == 0);
    CHECK(memcmp(h.public_key, NODE.public_key, 32) == 0);
    CHECK(h.model.len == 10 && memcmp(h.model.ptr, "test board", 10) == 0);
    CHECK(h.firmware.len == strlen(WC_FIRMWARE_VERSION));
    CHECK(h.interval_s == 3600);

    wc_record rec;
    CHECK(record_of(&s, 1, &rec));
    CHECK(strcmp(rec.device_id, "R04-A") == 0);
    CHECK(rec.seq == 1);
    CHECK(rec.time_ms == 1700000000000LL);
    CHECK(rec.flags == WC_FLAG_CLOCK_UNSYNCED);
    CHECK(rec.n_readings == 4);
    CHECK(rec.readings[0].quantity == WC_Q_PH && rec.readings[0].value == 7.2);
    CHECK(rec.readings[3].quantity == WC_Q_PRESSURE && rec.readings[3].value == 300.0);
    CHECK(NODE.stats.hellos_sent == 1 && NODE.stats.records_sent == 1);
    CHECK(F.n_events == 2 && F.events[0] == WC_EVENT_HELLO_SENT && F.events[1] == WC_EVENT_RECORD_SENT);
}

static void pushes_every_interval(void)
{
    setup();
    CFG.interval_ms = 60000;
    CHECK(start() == WC_NODE_OK);
    wc_node_poll(&NODE, 1000);
    CHECK(NODE.stats.records_sent == 1);
    CHECK(wc_node_ms_until_due(&NODE, 1000) == 60000);
    CHECK(wc_node_ms_until_due(&NODE, 31000) == 30000);
    wc_node_poll(&NODE, 60999);
    CHECK(NODE.stats.records_sent == 1);
    wc_node_poll(&NODE, 61000);
    CHECK(NODE.stats.records_sent == 2);
    /* A late poll does not shift the cadence... */
    wc_node_poll(&NODE, 121500);
    CHECK(NODE.stats.records_sent == 3);
    CHECK(wc_node_ms_until_due(&NODE, 121500) == 59500);
    /* ...but a long stall gives one record, not a burst. */
    wc_node_poll(&NODE, 1000000);
    wc_node_poll(&NODE, 1000001);
    CHECK(NODE.stats.records_sent == 4);
    CHECK(wc_node_ms_until_due(&NODE, 1000000) == 60000);
    CHECK(NODE.stats.hellos_sent == 1);

    static struct sent s;
    sent_frames(&s);
    wc_record rec;
    CHECK(s.n == 5);
    for (int i = 1; i < s.n; i++) {
        CHECK(record_of(&s, i, &rec) && rec.seq == i);
    }
}

static void hello_interval_in_seconds_rounded_up(void)
{
    setup();
    CFG.interval_ms = 90500;
    CHECK(start() == WC_NODE_OK);
    wc_node_poll(&NODE, 0);
    static struct sent s;
    sent_frames(&s);
    wc_hello h;
    CHECK(s.n == 2 && wc_msg_parse_hello(&h, s.payload[0], s.len[0]) == WC_MSG_OK);
    CHECK(h.interval_s == 91);
}

static void hello_on_request_only(void)
{
    setup();
    CHECK(start() == WC_NODE_OK);
    wc_node_poll(&NODE, 0);
    inject_hello_request();
    inject_hello_request();
    wc_node_poll(&NODE, 10);
    CHECK(NODE.stats.hello_requests == 2);
    CHECK(NODE.stats.hellos_sent == 2);
    CHECK(NODE.stats.records_sent == 1);
    static struct sent s;
    sent_frames(&s);
    CHECK(s.n == 3 && s.payload[2][0] == WC_MSG_HELLO);
    wc_node_poll(&NODE, 20);
    CHECK(NODE.stats.hellos_sent == 2);
}

static void time_sets_clock(void)
{
    setup();
    CHECK(start() == WC_NODE_OK);
    /* A TIME waiting before the first poll already counts for the first record. */
    inject_time(1750000000123LL);
    wc_node_poll(&NODE, 0);
    CHECK(F.clock_ms == 1750000000123LL);
    CHECK(NODE.stats.time_set == 1);
    static struct sent s;
    sent_frames(&s);
    wc_record rec;
    CHECK(record_of(&s, 1, &rec));
    CHECK(rec.flags == 0);
    CHECK(rec.time_ms == 1750000000123LL);
    CHECK(F.events[0] == WC_EVENT_TIME_SET);
}

static void unsynced_until_time(void)
{
    setup();
    CFG.interval_ms = 1000;
    CHECK(start() == WC_NODE_OK);
    wc_node_poll(&NODE, 0);
    inject_time(1750000000000LL);
    wc_node_poll(&NODE, 1000);
    static struct sent s;
    sent_frames(&s);
    wc_record rec;
    CHECK(record_of(&s, 1, &rec) && rec.flags == WC_FLAG_CLOCK_UNSYNCED);
    CHECK(record_of(&s, 2, &rec) && rec.flags == 0);

    /* A board whose RTC kept time is synced from the start. */
    setup();
    F.clock_valid = 1;
    HAL.clock_valid = f_clock_valid;
    CHECK(start() == WC_NODE_OK);
    wc_node_poll(&NODE, 0);
    sent_frames(&s);
    CHECK(record_of(&s, 1, &rec) && rec.flags == 0);
}

static void sequence_persisted_before_send(void)
{
    setup();
    CFG.interval_ms = 1000;
    CHECK(start() == WC_NODE_OK);
    for (uint64_t t = 0; t < 3000; t += 1000) {
        wc_node_poll(&NODE, t);
    }
    CHECK(F.writes == 4);
    /* Write 0 is the HELLO; write k is record k, already on "flash". */
    CHECK(F.seq_stored_at_write[0] == -1);
    for (int k = 1; k < 4; k++) {
        CHECK(F.seq_stored_at_write[k] == k);
    }

    /* A restart continues above the last persisted number. */
    F.out_len = 0;
    CHECK(start() == WC_NODE_OK);
    wc_node_poll(&NODE, 0);
    static struct sent s;
    sent_frames(&s);
    wc_record rec;
    CHECK(record_of(&s, 1, &rec) && rec.seq == 4);
}

static void no_record_when_sequence_cannot_be_stored(void)
{
    setup();
    CFG.interval_ms = 1000;
    CHECK(start() == WC_NODE_OK);
    F.store_seq_fails = 1;
    wc_node_poll(&NODE, 0);
    CHECK(NODE.stats.records_sent == 0);
    CHECK(NODE.stats.storage_errors == 1);
    CHECK(F.writes == 1); /* the HELLO only */
    CHECK(F.events[1] == WC_EVENT_STORAGE_ERROR);

    F.store_seq_fails = 0;
    wc_node_poll(&NODE, 1000);
    static struct sent s;
    sent_frames(&s);
    wc_record rec;
    /* Number 1 never left the device, so it is still free to use. */
    CHECK(record_of(&s, 1, &rec) && rec.seq == 1);
}

static void records_wait_for_hello(void)
{
    setup();
    CHECK(start() == WC_NODE_OK);
    F.write_fails = 1;
    wc_node_poll(&NODE, 0);
    CHECK(NODE.stats.uart_errors == 1 && NODE.stats.records_sent == 0);
    F.write_fails = 0;
    wc_node_poll(&NODE, 10);
    static struct sent s;
    sent_frames(&s);
    CHECK(s.n == 2 && s.payload[0][0] == WC_MSG_HELLO && s.payload[1][0] == WC_MSG_RECORD);
}

static void counts_rejected_input(void)
{
    setup();
    CHECK(start() == WC_NODE_OK);
    const uint8_t own_record[] = { WC_MSG_RECORD, 0, 0 };
    const uint8_t unknown[] = { 0x55 };
    const uint8_t short_time[] = { WC_MSG_TIME, 1, 2, 3 };
    const uint8_t long_req[] = { WC_MSG_HELLO_REQUEST, 0 };
    inject(own_record, sizeof own_record);
    inject(unknown, sizeof unknown);
    inject(short_time, sizeof short_time);
    inject(long_req, sizeof long_req);
    /* Line noise, then a frame with a broken CRC. */
    const uint8_t noise[] = { 0x00, 0x07, 0x07, 0x00, 0x04, 0x10, 0x22, 0x33, 0x00 };
    memcpy(F.in + F.in_len, noise, sizeof noise);
    F.in_len += sizeof noise;
    inject_time(5);
    wc_node_poll(&NODE, 0);
    CHECK(NODE.stats.unknown_type == 2);
    CHECK(NODE.stats.malformed == 2);
    CHECK(NODE.rx.empty == 1);
    CHECK(NODE.rx.bad_cobs + NODE.rx.bad_crc == 2);
    CHECK(NODE.stats.time_set == 1 && F.clock_ms == 5);
    CHECK(NODE.stats.hellos_sent == 1);
}

static void bad_sensor_readings_marked_bad(void)
{
    setup();
    F.fail_quantity = WC_Q_TEMPERATURE;
    uint64_t nan_bits = 0x7FF8000000000000ull;
    memcpy(&F.value[WC_Q_PH], &nan_bits, sizeof nan_bits);
    F.quality[WC_Q_FLOW] = WC_QUALITY_MAINTENANCE;
    CHECK(start() == WC_NODE_OK);
    wc_node_poll(&NODE, 0);
    static struct sent s;
    sent_frames(&s);
    wc_record rec;
    CHECK(record_of(&s, 1, &rec));
    CHECK(rec.readings[0].quality == WC_QUALITY_BAD && rec.readings[0].value == 0.0);
    CHECK(rec.readings[1].quality == WC_QUALITY_BAD && rec.readings[1].value == 0.0);
    CHECK(rec.readings[2].quality == WC_QUALITY_MAINTENANCE && rec.readings[2].value == 10.0);
    CHECK(NODE.stats.sensor_errors == 2);
}

static uint16_t flags_at(int i)
{
    static struct sent s;
    sent_frames(&s);
    wc_record rec;
    return record_of(&s, i, &rec) ? rec.flags : 0xFFFF;
}

static void node_tamper_latches_until_reported(void)
{
    setup();
    CFG.interval_ms = 1000;
    F.clock_valid = 1;
    HAL.clock_valid = f_clock_valid;
    CHECK(start() == WC_NODE_OK);
    wc_node_poll(&NODE, 0);
    CHECK(flags_at(1) == 0);
    F.tamper = 1;
    wc_node_poll(&NODE, 400); /* opened between records... */
    F.tamper = 0;
    wc_node_poll(&NODE, 1000); /* ...and closed again when the record is made */
    CHECK(flags_at(2) == WC_FLAG_TAMPER);
    wc_node_poll(&NODE, 2000);
    CHECK(flags_at(3) == 0);
    F.tamper = 1;
    wc_node_poll(&NODE, 3000);
    CHECK(flags_at(4) == WC_FLAG_TAMPER);
}

static void node_leak_and_battery(void)
{
    setup();
    CFG.interval_ms = 60000;
    F.clock_valid = 1;
    HAL.clock_valid = f_clock_valid;
    CHECK(start() == WC_NODE_OK);
    F.demand = 0; /* valves shut, yet 10 m3/h flows */
    wc_node_poll(&NODE, 0);
    CHECK(flags_at(1) == WC_FLAG_LEAK);
    F.demand = 1;
    F.value[WC_Q_PRESSURE] = 290.0; /* 10 kPa in a minute */
    wc_node_poll(&NODE, 60000);
    CHECK(flags_at(2) == WC_FLAG_LEAK);
    F.value[WC_Q_PRESSURE] = 289.0;
    F.battery_mv = 3100;
    wc_node_poll(&NODE, 120000);
    CHECK(flags_at(3) == WC_FLAG_LOW_BATTERY);
    /* Without demand or battery inputs the rules stay quiet. */
    HAL.demand = NULL;
    HAL.battery_mv = NULL;
    F.demand = 0;
    wc_node_poll(&NODE, 180000);
    CHECK(flags_at(4) == 0);
}

void suite_node(void)
{
    t_run("node first start creates and stores a key", first_start_creates_key);
    t_run("node init refuses bad storage, HAL and config", init_refuses_what_it_cannot_trust);
    t_run("node sends HELLO then a record at start", hello_then_record_at_start);
    t_run("node pushes every interval without bursts", pushes_every_interval);
    t_run("node HELLO interval in seconds, rounded up", hello_interval_in_seconds_rounded_up);
    t_run("node answers HELLO_REQUEST with one HELLO", hello_on_request_only);
    t_run("node TIME sets the clock", time_sets_clock);
    t_run("node clock unsynced until TIME or a valid RTC", unsynced_until_time);
    t_run("node persists the sequence before sending", sequence_persisted_before_send);
    t_run("node sends no record it could not persist", no_record_when_sequence_cannot_be_stored);
    t_run("node sends no record before its HELLO", records_wait_for_hello);
    t_run("node counts unknown, malformed and broken frames", counts_rejected_input);
    t_run("node marks failed and NaN readings BAD", bad_sensor_readings_marked_bad);
    t_run("node tamper flag latches until reported", node_tamper_latches_until_reported);
    t_run("node leak and low-battery flags", node_leak_and_battery);
}
