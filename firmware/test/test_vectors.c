#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "suites.h"
#include "wc/frame.h"
#include "wc/message.h"
#include "wc/record.h"

/* Checks firmware/vectors/wire-v1.txt, which the Java side generates
 * (docs/wire.md, "Test vectors"), so both sides agree byte for byte:
 *
 *   [vector name]  a message: built here from its fields, compared with
 *                  body, signature, payload and frame, and decoded back;
 *   [frame name]   framing alone: payload <-> frame both ways;
 *   [reject name]  a frame with the reason it must be refused.
 *
 * A missing or unreadable file is a failure, never a skip. */

#define MAX_FIELDS 64
#define MAX_BYTES  1024 /* larger than any frame a vector holds */

struct block {
    char kind[16];
    char name[96];
    int line;
    int n;
    const char *key[MAX_FIELDS];
    const char *value[MAX_FIELDS];
};

struct coverage {
    int types[256];   /* good messages seen, by type byte */
    int frames;
    int reasons[8];
    int blocks;
};

static const char *const REASONS[8] = {
    "empty", "cobs", "short", "too_long", "crc", "unknown_type", "malformed", "bad_signature",
};

/* The value of the only line with this key, or NULL (a failed check) if
 * there is none or more than one. */
static const char *one(const struct block *b, const char *key)
{
    const char *found = NULL;
    int count = 0;
    for (int i = 0; i < b->n; i++) {
        if (strcmp(b->key[i], key) == 0) {
            found = b->value[i];
            count++;
        }
    }
    if (count != 1) {
        printf("FAIL [%s %s] line %d: expected one '%s' line, found %d\n", b->kind, b->name, b->line, key, count);
        t_check(0, key, __FILE__, __LINE__);
        return NULL;
    }
    return found;
}

static int hex_field(const struct block *b, const char *key, uint8_t *out, size_t cap, size_t *len)
{
    const char *v = one(b, key);
    if (v == NULL) {
        return 0;
    }
    size_t n = t_unhex(out, cap, v);
    CHECK(n != (size_t)-1);
    *len = n;
    return n != (size_t)-1;
}

static int int_field(const struct block *b, const char *key, long long *out)
{
    const char *v = one(b, key);
    if (v == NULL) {
        return 0;
    }
    char *end;
    *out = strtoll(v, &end, 10);
    CHECK(end != v && *end == '\0');
    return end != v && *end == '\0';
}

static void check_bytes(const char *what, const uint8_t *got, size_t got_len, const uint8_t *want, size_t want_len)
{
    int ok = got_len == want_len && memcmp(got, want, want_len) == 0;
    t_check(ok, what, __FILE__, __LINE__);
    if (!ok) {
        printf("  %s differs: %zu bytes here, %zu in the file\n", what, got_len, want_len);
    }
}

/* Feeds a whole frame; returns the payload length of the one good frame it
 * holds (copied to out), or -1. */
static int decode_frame(wc_frame_decoder *dec, const uint8_t *frame, size_t len, uint8_t *out)
{
    int got = -1, good = 0;
    wc_frame_decoder_init(dec);
    for (size_t i = 0; i < len; i++) {
        int r = wc_frame_decoder_push(dec, frame[i]);
        if (r >= 0) {
            memcpy(out, dec->payload, (size_t)r);
            got = r;
            good++;
        }
    }
    return good == 1 ? got : -1;
}

static void check_frame(const uint8_t *payload, size_t plen, const uint8_t *frame, size_t flen)
{
    static uint8_t built[WC_FRAME_MAX_ENCODED], back[WC_FRAME_MAX_ENCODED];
    static wc_frame_decoder dec;
    int n = wc_frame_encode(payload, plen, built, sizeof built);
    CHECK(n > 0);
    check_bytes("frame", built, n > 0 ? (size_t)n : 0, frame, flen);
    int r = decode_frame(&dec, frame, flen, back);
    CHECK(r == (int)plen);
    if (r == (int)plen) {
        check_bytes("decoded payload", back, plen, payload, plen);
    }
}

static int seed_and_key(const struct block *b, uint8_t seed[32], uint8_t pk[32])
{
    size_t n;
    if (!hex_field(b, "seed", seed, 32, &n) || n != 32) {
        CHECK(0);
        return 0;
    }
    wc_ed25519_public_key(pk, seed);
    return 1;
}

static void record_vector(const struct block *b, const uint8_t *payload, size_t plen)
{
    uint8_t seed[32], pk[32], want_body[MAX_BYTES], want_sig[64];
    uint8_t body[WC_RECORD_MAX_BODY], sig[64], built[WC_FRAME_MAX_PAYLOAD];
    size_t body_len, sig_len;
    long long seq, time_ms, flags;
    wc_record rec;
    memset(&rec, 0, sizeof rec);

    const char *device = one(b, "device");
    if (!seed_and_key(b, seed, pk) || device == NULL || strlen(device) > WC_RECORD_MAX_DEVICE_ID
        || !int_field(b, "seq", &seq) || !int_field(b, "time", &time_ms) || !int_field(b, "flags", &flags)
        || !hex_field(b, "body", want_body, sizeof want_body, &body_len)
        || !hex_field(b, "signature", want_sig, sizeof want_sig, &sig_len)) {
        CHECK(0);
        return;
    }
    strcpy(rec.device_id, device);
    rec.seq = seq;
    rec.time_ms = time_ms;
    rec.flags = (uint16_t)flags;
    CHECK(flags >= 0 && flags <= 0xFFFF);
    for (int i = 0; i < b->n; i++) {
        if (strcmp(b->key[i], "reading") != 0) {
            continue;
        }
        unsigned code, quality;
        unsigned long long bits;
        int ok = rec.n_readings < WC_RECORD_MAX_READINGS
            && sscanf(b->value[i], "%u %16llx %u", &code, &bits, &quality) == 3 && code <= 0xFFFF && quality <= 0xFF;
        CHECK(ok);
        if (!ok) {
            return;
        }
        wc_reading *r = &rec.readings[rec.n_readings++];
        r->quantity = (uint16_t)code;
        uint64_t b64 = bits;
        memcpy(&r->value, &b64, sizeof r->value);
        r->quality = (uint8_t)quality;
    }

    int n = wc_record_encode(&rec, body, sizeof body);
    CHECK(n > 0);
    if (n <= 0) {
        return;
    }
    check_bytes("body", body, (size_t)n, want_body, body_len);
    CHECK(wc_record_sign(sig, body, (size_t)n, seed) == WC_RECORD_OK);
    check_bytes("signature", sig, sizeof sig, want_sig, sig_len);
    int m = wc_msg_record(built, sizeof built, body, (size_t)n, sig, pk);
    CHECK(m > 0);
    check_bytes("payload", built, m > 0 ? (size_t)m : 0, payload, plen);

    /* And the other way: what the node would do with it. */
    wc_record_msg msg;
    wc_record back;
    CHECK(wc_msg_parse_record(&msg, payload, plen) == WC_MSG_OK);
    CHECK(wc_record_verify(msg.signature, msg.body, msg.body_len, msg.public_key) == 0);
    CHECK(wc_record_decode(&back, want_body, body_len) == WC_RECORD_OK);
    CHECK(back.seq == rec.seq && back.n_readings == rec.n_readings);
}

static void hello_vector(const struct block *b, const uint8_t *payload, size_t plen)
{
    uint8_t seed[32], pk[32], built[WC_FRAME_MAX_PAYLOAD];
    long long interval;
    const char *device = one(b, "device"), *model = one(b, "model"), *firmware = one(b, "firmware");
    if (!seed_and_key(b, seed, pk) || device == NULL || model == NULL || firmware == NULL
        || !int_field(b, "interval", &interval) || interval < 0 || interval > 0xFFFFFFFFLL) {
        CHECK(0);
        return;
    }
    wc_hello h = { WC_MSG_PROTOCOL, { device, strlen(device) }, pk, { model, strlen(model) },
                   { firmware, strlen(firmware) }, (uint32_t)interval };
    int n = wc_msg_hello(built, sizeof built, &h);
    CHECK(n > 0);
    check_bytes("payload", built, n > 0 ? (size_t)n : 0, payload, plen);

    wc_hello back;
    CHECK(wc_msg_parse_hello(&back, payload, plen) == WC_MSG_OK);
    CHECK(back.interval_s == (uint32_t)interval && memcmp(back.public_key, pk, 32) == 0);
}

static void time_vector(const struct block *b, const uint8_t *payload, size_t plen)
{
    uint8_t built[WC_MSG_TIME_LEN];
    long long ms;
    if (!int_field(b, "time", &ms)) {
        return;
    }
    int n = wc_msg_time(built, sizeof built, ms);
    CHECK(n == (int)WC_MSG_TIME_LEN);
    check_bytes("payload", built, WC_MSG_TIME_LEN, payload, plen);
    wc_device_msg m;
    CHECK(wc_msg_parse_device(&m, payload, plen) == WC_MSG_OK);
    CHECK(m.type == WC_MSG_TIME && m.time_ms == ms);
}

static void hello_request_vector(const uint8_t *payload, size_t plen)
{
    uint8_t built[4];
    CHECK(wc_msg_hello_request(built, sizeof built) == 1);
    check_bytes("payload", built, 1, payload, plen);
    wc_device_msg m;
    CHECK(wc_msg_parse_device(&m, payload, plen) == WC_MSG_OK && m.type == WC_MSG_HELLO_REQUEST);
}

static void run_vector(const struct block *b, struct coverage *cov)
{
    static uint8_t payload[MAX_BYTES], frame[MAX_BYTES];
    size_t plen, flen;
    if (!hex_field(b, "payload", payload, sizeof payload, &plen) || !hex_field(b, "frame", frame, sizeof frame, &flen)) {
        return;
    }
    CHECK(plen > 0);
    if (plen == 0) {
        return;
    }
    switch (payload[0]) {
    case WC_MSG_RECORD: record_vector(b, payload, plen); break;
    case WC_MSG_HELLO: hello_vector(b, payload, plen); break;
    case WC_MSG_TIME: time_vector(b, payload, plen); break;
    case WC_MSG_HELLO_REQUEST: hello_request_vector(payload, plen); break;
    default:
        printf("FAIL [vector %s]: payload type 0x%02x is no message\n", b->name, payload[0]);
        CHECK(0);
        return;
    }
    cov->types[payload[0]]++;
    check_frame(payload, plen, frame, flen);
}

static void run_frame(const struct block *b, struct coverage *cov)
{
    static uint8_t payload[MAX_BYTES], frame[MAX_BYTES];
    size_t plen, flen;
    if (!hex_field(b, "payload", payload, sizeof payload, &plen) || !hex_field(b, "frame", frame, sizeof frame, &flen)) {
        return;
    }
    check_frame(payload, plen, frame, flen);
    cov->frames++;
}

static uint32_t counter(const wc_frame_decoder *d, int reason)
{
    switch (reason) {
    case 0: return d->empty;
    case 1: return d->bad_cobs;
    case 2: return d->too_short;
    case 3: return d->too_long;
    case 4: return d->bad_crc;
    default: return 0;
    }
}

static void refused_message(const struct block *b, int reason, const uint8_t *p, size_t len)
{
    wc_device_msg dm;
    wc_record_msg rm;
    wc_hello hm;
    int type = len > 0 ? p[0] : -1;
    int device_bound = type == WC_MSG_TIME || type == WC_MSG_HELLO_REQUEST;
    if (strcmp(REASONS[reason], "unknown_type") == 0) {
        CHECK(type != WC_MSG_RECORD && type != WC_MSG_HELLO && !device_bound);
        CHECK(wc_msg_parse_device(&dm, p, len) == WC_MSG_ERR_UNKNOWN_TYPE);
    } else if (strcmp(REASONS[reason], "malformed") == 0) {
        /* The device must refuse what it can receive; what only a node
         * receives must at least not pass the node-side parsers here. */
        if (type == WC_MSG_RECORD) {
            CHECK(wc_msg_parse_record(&rm, p, len) == WC_MSG_ERR_MALFORMED);
        } else if (type == WC_MSG_HELLO) {
            CHECK(wc_msg_parse_hello(&hm, p, len) == WC_MSG_ERR_MALFORMED);
        } else {
            CHECK(device_bound || len == 0);
            CHECK(wc_msg_parse_device(&dm, p, len) == WC_MSG_ERR_MALFORMED);
        }
    } else { /* bad_signature */
        CHECK(type == WC_MSG_RECORD);
        int parsed = wc_msg_parse_record(&rm, p, len) == WC_MSG_OK;
        CHECK(parsed);
        if (parsed) {
            CHECK(wc_record_verify(rm.signature, rm.body, rm.body_len, rm.public_key) != 0);
        }
    }
    (void)b;
}

static void run_reject(const struct block *b, struct coverage *cov)
{
    static uint8_t frame[MAX_BYTES + 1], payload[WC_FRAME_MAX_ENCODED];
    static wc_frame_decoder dec;
    size_t flen;
    const char *why = one(b, "reason");
    if (why == NULL || !hex_field(b, "frame", frame, MAX_BYTES, &flen)) {
        return;
    }
    int reason = -1;
    for (int i = 0; i < 8; i++) {
        if (strcmp(why, REASONS[i]) == 0) reason = i;
    }
    if (reason < 0) {
        printf("FAIL [reject %s]: unknown reason '%s'\n", b->name, why);
        CHECK(0);
        return;
    }
    cov->reasons[reason]++;
    CHECK(flen > 0 && frame[flen - 1] == 0x00);

    int len = decode_frame(&dec, frame, flen, payload);
    if (reason <= 4) {
        /* That counter and no other: the reasons are told apart. */
        CHECK(len < 0 && dec.frames_ok == 0);
        for (int r = 0; r <= 4; r++) {
            if (r == reason) {
                CHECK(counter(&dec, r) >= 1);
            } else if (counter(&dec, r) != 0) {
                CHECK(counter(&dec, r) == 0);
                printf("  [reject %s]: also counted as %s\n", b->name, REASONS[r]);
            }
        }
        return;
    }
    /* Message-level reasons travel in good frames. */
    CHECK(len >= 0);
    CHECK(dec.empty + dec.bad_cobs + dec.too_short + dec.too_long + dec.bad_crc == 0);
    if (len >= 0) {
        refused_message(b, reason, payload, (size_t)len);
    }
}

static void run_block(const struct block *b, struct coverage *cov)
{
    t_begin("wire-v1 [%s %s]", b->kind, b->name);
    cov->blocks++;
    if (strcmp(b->kind, "vector") == 0) {
        run_vector(b, cov);
    } else if (strcmp(b->kind, "frame") == 0) {
        run_frame(b, cov);
    } else if (strcmp(b->kind, "reject") == 0) {
        run_reject(b, cov);
    } else {
        printf("FAIL line %d: unknown block kind '%s'\n", b->line, b->kind);
        CHECK(0);
    }
    t_end();
}

static char *strip(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = '\0';
    return s;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf != NULL && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *bigger = realloc(buf, cap * 2 + 1);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL) {
        buf[len] = '\0';
    }
    return buf;
}

/* Parses in place, the way WireVectors.parse does: '#' comments, blank
 * lines, "[kind name]" headers, "key = value" lines (value stripped). */
static void run_file(char *text, struct coverage *cov)
{
    static struct block b;
    int in_block = 0, line_no = 0;
    char *line = text;
    while (line != NULL && *line != '\0') {
        char *next = strchr(line, '\n');
        if (next != NULL) {
            *next++ = '\0';
        }
        line_no++;
        char *t = strip(line);
        line = next;
        if (*t == '\0' || *t == '#') {
            continue;
        }
        if (*t == '[') {
            if (in_block) {
                run_block(&b, cov);
            }
            memset(&b, 0, sizeof b);
            in_block = 1;
            b.line = line_no;
            char *close = strchr(t, ']');
            char *space = strchr(t, ' ');
            int ok = close != NULL && space != NULL && space < close && close[1] == '\0';
            if (ok) {
                *close = '\0';
                *space = '\0';
                snprintf(b.kind, sizeof b.kind, "%s", t + 1);
                snprintf(b.name, sizeof b.name, "%s", space + 1);
            } else {
                t_begin("wire-v1 line %d", line_no);
                printf("FAIL wire-v1 line %d: bad header '%s'\n", line_no, t);
                CHECK(0);
                t_end();
                in_block = 0;
            }
            continue;
        }
        char *eq = strstr(t, " =");
        if (!in_block || eq == NULL || b.n == MAX_FIELDS) {
            t_begin("wire-v1 line %d", line_no);
            printf("FAIL wire-v1 line %d: expected '[kind name]' or 'key = value'\n", line_no);
            CHECK(0);
            t_end();
            continue;
        }
        *eq = '\0';
        b.key[b.n] = t;
        b.value[b.n] = strip(eq + 2);
        b.n++;
    }
    if (in_block) {
        run_block(&b, cov);
    }
}

static void check_coverage(const struct coverage *cov)
{
    t_begin("wire-v1 covers every message type and reject reason");
    CHECK(cov->blocks > 0);
    const int types[] = { WC_MSG_RECORD, WC_MSG_HELLO, WC_MSG_TIME, WC_MSG_HELLO_REQUEST };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (cov->types[types[i]] == 0) {
            printf("FAIL wire-v1: no [vector] of message type 0x%02x\n", types[i]);
            CHECK(cov->types[types[i]] > 0);
        }
    }
    for (int r = 0; r < 8; r++) {
        if (cov->reasons[r] == 0) {
            printf("FAIL wire-v1: no [reject] with reason %s\n", REASONS[r]);
            CHECK(cov->reasons[r] > 0);
        }
    }
    CHECK(cov->frames > 0);
    t_end();
}

static const char *find_vectors(const char *given)
{
    static const char *const candidates[] = {
        "vectors/wire-v1.txt",       /* from firmware/, where make runs the tests */
        "../vectors/wire-v1.txt",
        "../../vectors/wire-v1.txt", /* from target/host/ */
        "firmware/vectors/wire-v1.txt",
    };
    if (given != NULL) {
        return given;
    }
    const char *env = getenv("WC_WIRE_VECTORS");
    if (env != NULL && *env != '\0') {
        return env;
    }
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        FILE *f = fopen(candidates[i], "rb");
        if (f != NULL) {
            fclose(f);
            return candidates[i];
        }
    }
    return candidates[0];
}

void suite_vectors(const char *path)
{
    static struct coverage cov;
    path = find_vectors(path);
    char *text = read_all(path);
    t_begin("wire-v1 vectors file readable");
    if (text == NULL) {
        printf("FAIL wire-v1: cannot read %s (generated by WireVectors on the Java side)\n", path);
    }
    CHECK(text != NULL);
    t_end();
    if (text == NULL) {
        return;
    }
    memset(&cov, 0, sizeof cov);
    run_file(text, &cov);
    check_coverage(&cov);
    free(text);
}
