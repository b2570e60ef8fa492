#include "harness.h"
#include "suites.h"
#include "wc/frame.h"
#include "wc/message.h"
#include "wc/record.h"

static wc_text text(const char *s)
{
    wc_text t = { s, strlen(s) };
    return t;
}

static void builds_record(void)
{
    uint8_t body[WC_RECORD_MAX_BODY], sig[64], pk[32], out[WC_FRAME_MAX_PAYLOAD];
    for (size_t i = 0; i < sizeof body; i++) body[i] = (uint8_t)i;
    memset(sig, 0xA5, sizeof sig);
    memset(pk, 0x5A, sizeof pk);

    CHECK(wc_msg_record(out, sizeof out, body, 3, sig, pk) == 1 + 2 + 3 + 64 + 32);
    const uint8_t head[] = { 0x01, 0x00, 0x03, 0x00, 0x01, 0x02 };
    CHECK_MEM(out, head, sizeof head);
    CHECK_MEM(out + 6, sig, 64);
    CHECK_MEM(out + 70, pk, 32);

    /* The largest body gives the largest RECORD, 505 bytes. */
    CHECK(wc_msg_record(out, sizeof out, body, WC_RECORD_MAX_BODY, sig, pk) == (int)WC_MSG_MAX_RECORD);
    CHECK(out[1] == 0x01 && out[2] == 0x96);
    CHECK(wc_msg_record(out, WC_MSG_MAX_RECORD - 1, body, WC_RECORD_MAX_BODY, sig, pk) == WC_MSG_ERR_NOSPACE);
    CHECK(wc_msg_record(out, sizeof out, body, WC_RECORD_MAX_BODY + 1, sig, pk) == WC_MSG_ERR_ARG);
    CHECK(wc_msg_record(out, sizeof out, body, 0, sig, pk) == WC_MSG_ERR_ARG);
}

static void builds_hello(void)
{
    uint8_t pk[32], out[WC_FRAME_MAX_PAYLOAD];
    memset(pk, 0x11, sizeof pk);
    wc_hello h = { 1, text("R04-A"), pk, text("M1"), text("0.1"), 3600 };
    int n = wc_msg_hello(out, sizeof out, &h);
    CHECK(n == 1 + 1 + 2 + 5 + 32 + 2 + 2 + 2 + 3 + 4);
    const uint8_t head[] = { 0x02, 0x01, 0x00, 0x05, 'R', '0', '4', '-', 'A' };
    CHECK_MEM(out, head, sizeof head);
    CHECK_MEM(out + 9, pk, 32);
    const uint8_t tail[] = { 0x00, 0x02, 'M', '1', 0x00, 0x03, '0', '.', '1', 0x00, 0x00, 0x0E, 0x10 };
    CHECK_MEM(out + 41, tail, sizeof tail);

    wc_hello back;
    CHECK(wc_msg_parse_hello(&back, out, (size_t)n) == WC_MSG_OK);
    CHECK(back.protocol == 1 && back.interval_s == 3600);
    CHECK(back.device_id.len == 5 && memcmp(back.device_id.ptr, "R04-A", 5) == 0);
    CHECK(back.model.len == 2 && back.firmware.len == 3 && back.public_key == out + 9);

    /* Empty model and firmware are allowed; UTF-8 is. */
    wc_hello u = { 1, text("X"), pk, text(""), text("v\xc3\xa9"), 0 };
    CHECK(wc_msg_hello(out, sizeof out, &u) > 0);

    wc_hello bad_id = { 1, text("has space"), pk, text(""), text(""), 1 };
    CHECK(wc_msg_hello(out, sizeof out, &bad_id) == WC_MSG_ERR_ARG);
    wc_hello bad_utf8 = { 1, text("X"), pk, text("\xc0\xaf"), text(""), 1 };
    CHECK(wc_msg_hello(out, sizeof out, &bad_utf8) == WC_MSG_ERR_ARG);
    CHECK(wc_msg_hello(out, 10, &h) == WC_MSG_ERR_NOSPACE);
}

static void builds_time_and_hello_request(void)
{
    uint8_t out[16];
    CHECK(wc_msg_time(out, sizeof out, 0x0102030405060708LL) == 9);
    const uint8_t want[] = { 0x10, 1, 2, 3, 4, 5, 6, 7, 8 };
    CHECK_MEM(out, want, sizeof want);
    CHECK(wc_msg_hello_request(out, sizeof out) == 1 && out[0] == 0x11);
    CHECK(wc_msg_time(out, 8, 0) == WC_MSG_ERR_NOSPACE);
}

static void parses_device_messages(void)
{
    wc_device_msg m;
    const uint8_t time_msg[] = { 0x10, 0x00, 0x00, 0x01, 0x9b, 0x76, 0xda, 0xa8, 0x00 };
    CHECK(wc_msg_parse_device(&m, time_msg, sizeof time_msg) == WC_MSG_OK);
    CHECK(m.type == WC_MSG_TIME && m.time_ms == 0x19b76daa800LL);

    const uint8_t negative[] = { 0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
    CHECK(wc_msg_parse_device(&m, negative, sizeof negative) == WC_MSG_OK && m.time_ms == -1);
    const uint8_t min[] = { 0x10, 0x80, 0, 0, 0, 0, 0, 0, 0 };
    CHECK(wc_msg_parse_device(&m, min, sizeof min) == WC_MSG_OK && m.time_ms == INT64_MIN);

    const uint8_t req[] = { 0x11 };
    CHECK(wc_msg_parse_device(&m, req, sizeof req) == WC_MSG_OK && m.type == WC_MSG_HELLO_REQUEST);
}

static void device_refuses_the_rest(void)
{
    wc_device_msg m;
    const uint8_t time_short[] = { 0x10, 0, 0, 0, 0, 0, 0, 0 };
    const uint8_t time_long[] = { 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    const uint8_t req_long[] = { 0x11, 0x00 };
    CHECK(wc_msg_parse_device(&m, time_short, sizeof time_short) == WC_MSG_ERR_MALFORMED);
    CHECK(wc_msg_parse_device(&m, time_long, sizeof time_long) == WC_MSG_ERR_MALFORMED);
    CHECK(wc_msg_parse_device(&m, time_short, 1) == WC_MSG_ERR_MALFORMED);
    CHECK(wc_msg_parse_device(&m, req_long, sizeof req_long) == WC_MSG_ERR_MALFORMED);
    CHECK(wc_msg_parse_device(&m, req_long, 0) == WC_MSG_ERR_MALFORMED);

    /* Every type but TIME and HELLO_REQUEST, including the device's own. */
    int refused = 0;
    for (int t = 0; t < 256; t++) {
        uint8_t one[9] = { (uint8_t)t };
        if (t == WC_MSG_TIME || t == WC_MSG_HELLO_REQUEST) continue;
        refused += wc_msg_parse_device(&m, one, 1) == WC_MSG_ERR_UNKNOWN_TYPE;
        refused += wc_msg_parse_device(&m, one, sizeof one) == WC_MSG_ERR_UNKNOWN_TYPE;
    }
    CHECK(refused == 2 * 254);
}

static void parses_record_message(void)
{
    uint8_t seed[32], pk[32], sig[64], body[WC_RECORD_MAX_BODY], out[WC_FRAME_MAX_PAYLOAD];
    memset(seed, 7, sizeof seed);
    wc_ed25519_public_key(pk, seed);
    wc_record rec;
    memset(&rec, 0, sizeof rec);
    strcpy(rec.device_id, "R04-A");
    rec.seq = 1;
    rec.n_readings = 1;
    rec.readings[0] = (wc_reading){ WC_Q_PH, 7.0, WC_QUALITY_GOOD };
    int blen = wc_record_encode(&rec, body, sizeof body);
    CHECK(blen > 0);
    CHECK(wc_record_sign(sig, body, (size_t)blen, seed) == WC_RECORD_OK);
    int n = wc_msg_record(out, sizeof out, body, (size_t)blen, sig, pk);
    CHECK(n > 0);

    wc_record_msg m;
    CHECK(wc_msg_parse_record(&m, out, (size_t)n) == WC_MSG_OK);
    CHECK(m.body_len == (size_t)blen && m.body == out + 3);
    CHECK(wc_record_verify(m.signature, m.body, m.body_len, m.public_key) == 0);

    CHECK(wc_msg_parse_record(&m, out, (size_t)n - 1) == WC_MSG_ERR_MALFORMED);
    out[n] = 0;
    CHECK(wc_msg_parse_record(&m, out, (size_t)n + 1) == WC_MSG_ERR_MALFORMED);
    out[3] = 2; /* body version */
    CHECK(wc_msg_parse_record(&m, out, (size_t)n) == WC_MSG_ERR_MALFORMED);
    out[0] = WC_MSG_HELLO;
    CHECK(wc_msg_parse_record(&m, out, (size_t)n) == WC_MSG_ERR_UNKNOWN_TYPE);
}

static void hello_parser_refuses_malformed(void)
{
    uint8_t pk[32], out[WC_FRAME_MAX_PAYLOAD];
    memset(pk, 0x11, sizeof pk);
    wc_hello h = { 1, text("R04-A"), pk, text("M1"), text("0.1"), 3600 }, back;
    int n = wc_msg_hello(out, sizeof out, &h);
    for (int cut = 0; cut < n; cut++) {
        CHECK(wc_msg_parse_hello(&back, out, (size_t)cut) != WC_MSG_OK);
    }
    out[n] = 0;
    CHECK(wc_msg_parse_hello(&back, out, (size_t)n + 1) == WC_MSG_ERR_MALFORMED);
    out[1] = 2; /* protocol */
    CHECK(wc_msg_parse_hello(&back, out, (size_t)n) == WC_MSG_ERR_MALFORMED);
    out[1] = 1;
    out[43] = 0xFF; /* model text is no longer UTF-8 */
    CHECK(wc_msg_parse_hello(&back, out, (size_t)n) == WC_MSG_ERR_MALFORMED);
}

void suite_message(void)
{
    t_run("message RECORD layout and 505-byte maximum", builds_record);
    t_run("message HELLO layout and round trip", builds_hello);
    t_run("message TIME and HELLO_REQUEST layout", builds_time_and_hello_request);
    t_run("message device parses TIME and HELLO_REQUEST", parses_device_messages);
    t_run("message device refuses malformed and unknown types", device_refuses_the_rest);
    t_run("message RECORD parse and verify", parses_record_message);
    t_run("message HELLO parser refuses malformed", hello_parser_refuses_malformed);
}
