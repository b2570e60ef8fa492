#include "harness.h"
#include "suites.h"
#include "wc/crc16.h"
#include "wc/frame.h"

/* 0 is a good frame (the message layer refuses it, see test_message.c);
 * 252 to 254 put the end of payload plus CRC around a full 254-byte COBS
 * block; 508 is the largest payload. */
static const size_t LENGTHS[] = { 0, 1, 2, 252, 253, 254, 255, 256, 507, 508 };
#define N_LENGTHS (sizeof LENGTHS / sizeof LENGTHS[0])

/* Feeds bytes and returns the result of the last push; any good frame
 * before the last byte is reported through *early_ok. */
static int feed(wc_frame_decoder *dec, const uint8_t *bytes, size_t len, int *early_ok)
{
    int r = WC_FRAME_MORE;
    for (size_t i = 0; i < len; i++) {
        r = wc_frame_decoder_push(dec, bytes[i]);
        if (r >= 0 && i + 1 < len && early_ok) {
            *early_ok = 1;
        }
    }
    return r;
}

static void roundtrip(size_t len, enum fill_kind kind)
{
    uint8_t payload[WC_FRAME_MAX_PAYLOAD], frame[WC_FRAME_MAX_ENCODED];
    fill(payload, len, kind);

    int n = wc_frame_encode(payload, len, frame, sizeof frame);
    CHECK(n >= 4); /* code byte, two CRC bytes, delimiter at least */
    if (n < 4) {
        return;
    }
    CHECK(frame[n - 1] == 0x00);
    CHECK(memchr(frame, 0, (size_t)n - 1) == NULL);

    static wc_frame_decoder dec;
    wc_frame_decoder_init(&dec);
    int early = 0;
    int r = feed(&dec, frame, (size_t)n, &early);
    CHECK(!early);
    CHECK(r == (int)len);
    CHECK(dec.payload != NULL);
    if (r == (int)len && dec.payload != NULL) {
        CHECK_MEM(dec.payload, payload, len);
    }
    CHECK(dec.frames_ok == 1);
}

static void known_vectors(void)
{
    uint8_t frame[32];
    /* CRC of "123456789" is 0x29B1, sent high byte first. */
    const uint8_t want[] = { 0x0C, '1', '2', '3', '4', '5', '6', '7', '8', '9', 0x29, 0xB1, 0x00 };
    CHECK(wc_frame_encode((const uint8_t *)"123456789", 9, frame, sizeof frame) == (int)sizeof want);
    CHECK_MEM(frame, want, sizeof want);

    /* Empty payload: just the CRC of nothing, 0xFFFF. */
    const uint8_t want_empty[] = { 0x03, 0xFF, 0xFF, 0x00 };
    CHECK(wc_frame_encode(NULL, 0, frame, sizeof frame) == (int)sizeof want_empty);
    CHECK_MEM(frame, want_empty, sizeof want_empty);

    /* The smallest message, a lone type byte: HELLO_REQUEST, CRC 0xE3E0. */
    const uint8_t one = 0x11;
    const uint8_t want_one[] = { 0x04, 0x11, 0xE3, 0xE0, 0x00 };
    CHECK(wc_frame_encode(&one, 1, frame, sizeof frame) == (int)sizeof want_one);
    CHECK_MEM(frame, want_one, sizeof want_one);
}

/* The payload's zeros must come back exactly, a leading and a trailing
 * one included. */
static void embedded_zeros(void)
{
    const uint8_t payload[] = { 0x00, 0x10, 0x00, 0x00, 0x7F, 0x00 };
    /* CRC 0x122D; each zero closes a block. */
    const uint8_t want[] = { 0x01, 0x02, 0x10, 0x01, 0x02, 0x7F, 0x03, 0x12, 0x2D, 0x00 };
    uint8_t frame[32];
    static wc_frame_decoder dec;
    int n = wc_frame_encode(payload, sizeof payload, frame, sizeof frame);
    CHECK(n == (int)sizeof want);
    if (n != (int)sizeof want) {
        return;
    }
    CHECK_MEM(frame, want, sizeof want);
    wc_frame_decoder_init(&dec);
    CHECK(feed(&dec, frame, (size_t)n, NULL) == (int)sizeof payload);
    CHECK(dec.payload != NULL && memcmp(dec.payload, payload, sizeof payload) == 0);
}

/* Payload plus CRC of exactly 254 non-zero bytes fills one COBS block;
 * the paper's encoder then ends with a 0x01 code byte (docs/wire.md). */
static void full_block_ends_with_code_one(void)
{
    uint8_t payload[252], frame[WC_FRAME_MAX_ENCODED];
    static wc_frame_decoder dec;
    uint16_t crc;
    unsigned salt = 0;
    do { /* pick content whose CRC has no zero byte */
        for (size_t i = 0; i < sizeof payload; i++) payload[i] = (uint8_t)(1 + (i + salt) % 255);
        crc = wc_crc16(payload, sizeof payload);
        salt++;
    } while ((crc >> 8) == 0 || (crc & 0xFF) == 0);
    int n = wc_frame_encode(payload, sizeof payload, frame, sizeof frame);
    CHECK(n == 1 + 254 + 1 + 1);
    CHECK(frame[0] == 0xFF && frame[n - 2] == 0x01 && frame[n - 1] == 0x00);
    wc_frame_decoder_init(&dec);
    CHECK(feed(&dec, frame, (size_t)n, NULL) == (int)sizeof payload);
    /* The shorter form without the final 0x01 decodes to the same. */
    frame[n - 2] = 0x00;
    CHECK(feed(&dec, frame, (size_t)n - 1, NULL) == (int)sizeof payload);
}

static void encoder_rejects_oversize(void)
{
    static uint8_t payload[WC_FRAME_MAX_PAYLOAD + 1], frame[WC_FRAME_MAX_ENCODED + 8];
    CHECK(wc_frame_encode(payload, WC_FRAME_MAX_PAYLOAD + 1, frame, sizeof frame) == WC_FRAME_ERR_TOO_LONG);
    CHECK(wc_frame_encode(payload, WC_FRAME_MAX_PAYLOAD, frame, sizeof frame) > 0);
}

static void encoder_rejects_small_buffer(void)
{
    uint8_t frame[13];
    const uint8_t *msg = (const uint8_t *)"123456789";
    CHECK(wc_frame_encode(msg, 9, frame, 13) == 13);
    CHECK(wc_frame_encode(msg, 9, frame, 12) == WC_FRAME_ERR_NOSPACE);
    CHECK(wc_frame_encode(msg, 9, frame, 0) == WC_FRAME_ERR_NOSPACE);
    CHECK(wc_frame_encode(msg, 9, NULL, 13) == WC_FRAME_ERR_ARG);
}

/* A well-formed COBS frame whose payload is one byte too long must still
 * be refused by the decoder, whatever the sender's encoder allowed. */
static void decoder_rejects_oversize(void)
{
    static uint8_t raw[WC_FRAME_MAX_PAYLOAD + 1 + 2], enc[WC_COBS_MAX_ENCODED(sizeof raw) + 1];
    static wc_frame_decoder dec;
    size_t plen = WC_FRAME_MAX_PAYLOAD + 1;
    fill(raw, plen, FILL_RANDOM);
    uint16_t crc = wc_crc16(raw, plen);
    raw[plen] = (uint8_t)(crc >> 8);
    raw[plen + 1] = (uint8_t)crc;
    ptrdiff_t n = wc_cobs_encode(raw, sizeof raw, enc, sizeof enc - 1);
    CHECK(n > 0);
    if (n <= 0) {
        return;
    }
    enc[n] = 0x00;

    wc_frame_decoder_init(&dec);
    int early = 0;
    CHECK(feed(&dec, enc, (size_t)n + 1, &early) == WC_FRAME_ERR_TOO_LONG);
    CHECK(!early);
    CHECK(dec.too_long == 1);
    CHECK(dec.frames_ok == 0);
}

static void decoder_rejects_flipped_bit(void)
{
    uint8_t frame[32];
    static wc_frame_decoder dec;
    int n = wc_frame_encode((const uint8_t *)"123456789", 9, frame, sizeof frame);
    CHECK(n == 13);
    frame[3] ^= 0x01; /* '3' -> '2': still non-zero, so only the CRC can notice */

    wc_frame_decoder_init(&dec);
    CHECK(feed(&dec, frame, (size_t)n, NULL) == WC_FRAME_ERR_CRC);
    CHECK(dec.bad_crc == 1);
    CHECK(dec.frames_ok == 0);
    CHECK(dec.payload == NULL);
}

/* Every single-bit error anywhere before the delimiter must be refused,
 * whether it hits data, CRC or COBS code bytes, or makes a new 0x00. */
static void decoder_rejects_every_single_bit_error(void)
{
    uint8_t payload[40], frame[64], bad[64];
    static wc_frame_decoder dec;
    fill(payload, sizeof payload, FILL_SPARSE_ZEROS);
    int n = wc_frame_encode(payload, sizeof payload, frame, sizeof frame);
    CHECK(n > 0);
    int accepted = 0;
    for (int i = 0; i < n - 1; i++) {
        for (int bit = 0; bit < 8; bit++) {
            memcpy(bad, frame, (size_t)n);
            bad[i] ^= (uint8_t)(1u << bit);
            wc_frame_decoder_init(&dec);
            for (int k = 0; k < n; k++) {
                if (wc_frame_decoder_push(&dec, bad[k]) >= 0) {
                    accepted++;
                }
            }
        }
    }
    CHECK(accepted == 0);
}

static void resync_after_garbage(void)
{
    uint8_t frame[32], garbage[100];
    static wc_frame_decoder dec;
    int n = wc_frame_encode((const uint8_t *)"123456789", 9, frame, sizeof frame);
    CHECK(n == 13);

    /* Noise, a delimiter, then a good frame. */
    for (size_t i = 0; i < sizeof garbage; i++) {
        garbage[i] = (uint8_t)(1 + t_rand() % 255);
    }
    wc_frame_decoder_init(&dec);
    CHECK(feed(&dec, garbage, sizeof garbage, NULL) == WC_FRAME_MORE);
    CHECK(wc_frame_decoder_push(&dec, 0x00) < WC_FRAME_MORE);
    CHECK(feed(&dec, frame, (size_t)n, NULL) == 9);
    CHECK(dec.payload != NULL && memcmp(dec.payload, "123456789", 9) == 0);
    CHECK(dec.frames_ok == 1);
    CHECK(dec.bad_cobs + dec.bad_crc + dec.too_long + dec.too_short == 1);

    /* Noise running straight into a frame spoils that frame, but the
     * next one after its delimiter decodes. */
    wc_frame_decoder_init(&dec);
    feed(&dec, garbage, 10, NULL);
    CHECK(feed(&dec, frame, (size_t)n, NULL) < WC_FRAME_MORE);
    CHECK(feed(&dec, frame, (size_t)n, NULL) == 9);
    CHECK(dec.frames_ok == 1);
}

static void resync_after_overflow(void)
{
    uint8_t frame[32];
    static wc_frame_decoder dec;
    int n = wc_frame_encode((const uint8_t *)"123456789", 9, frame, sizeof frame);
    wc_frame_decoder_init(&dec);
    for (int i = 0; i < 2000; i++) {
        CHECK(wc_frame_decoder_push(&dec, 0x5A) == WC_FRAME_MORE);
    }
    CHECK(wc_frame_decoder_push(&dec, 0x00) == WC_FRAME_ERR_TOO_LONG);
    CHECK(dec.too_long == 1);
    CHECK(feed(&dec, frame, (size_t)n, NULL) == 9);
}

static void counts_empty_short_and_bad_cobs(void)
{
    static wc_frame_decoder dec;
    wc_frame_decoder_init(&dec);

    CHECK(wc_frame_decoder_push(&dec, 0x00) == WC_FRAME_ERR_EMPTY);
    CHECK(wc_frame_decoder_push(&dec, 0x00) == WC_FRAME_ERR_EMPTY);
    CHECK(dec.empty == 2);

    const uint8_t one_byte[] = { 0x02, 0x41, 0x00 };
    CHECK(feed(&dec, one_byte, sizeof one_byte, NULL) == WC_FRAME_ERR_SHORT);
    CHECK(dec.too_short == 1);

    const uint8_t truncated[] = { 0x09, 0x41, 0x42, 0x00 };
    CHECK(feed(&dec, truncated, sizeof truncated, NULL) == WC_FRAME_ERR_COBS);
    CHECK(dec.bad_cobs == 1);
    CHECK(dec.frames_ok == 0);
}

void suite_frame(void)
{
    for (size_t i = 0; i < N_LENGTHS; i++) {
        for (int kind = 0; kind < FILL_KINDS; kind++) {
            t_begin("frame roundtrip len=%zu %s", LENGTHS[i], fill_name((enum fill_kind)kind));
            roundtrip(LENGTHS[i], (enum fill_kind)kind);
            t_end();
        }
    }
    t_run("frame known vectors", known_vectors);
    t_run("frame payload with leading, embedded and trailing zeros", embedded_zeros);
    t_run("frame of one full COBS block ends with code 0x01", full_block_ends_with_code_one);
    t_run("frame encoder rejects 509-byte payload", encoder_rejects_oversize);
    t_run("frame encoder rejects small buffer", encoder_rejects_small_buffer);
    t_run("frame decoder rejects 509-byte payload", decoder_rejects_oversize);
    t_run("frame decoder rejects flipped bit (bad CRC)", decoder_rejects_flipped_bit);
    t_run("frame decoder rejects every single-bit error", decoder_rejects_every_single_bit_error);
    t_run("frame decoder resyncs after garbage", resync_after_garbage);
    t_run("frame decoder resyncs after overflow", resync_after_overflow);
    t_run("frame decoder counts empty, short and bad COBS", counts_empty_short_and_bad_cobs);
}
