#include "harness.h"
#include "suites.h"
#include "wc/cobs.h"

static const size_t LENGTHS[] = { 0, 1, 253, 254, 255, 256, 508 };
#define N_LENGTHS (sizeof LENGTHS / sizeof LENGTHS[0])

static void roundtrip(size_t len, enum fill_kind kind)
{
    uint8_t in[512], enc[WC_COBS_MAX_ENCODED(512)], dec[512];
    fill(in, len, kind);

    ptrdiff_t n = wc_cobs_encode(in, len, enc, sizeof enc);
    CHECK(n > 0);
    if (n <= 0) {
        return;
    }
    CHECK((size_t)n <= WC_COBS_MAX_ENCODED(len));
    CHECK(memchr(enc, 0, (size_t)n) == NULL);

    ptrdiff_t m = wc_cobs_decode(enc, (size_t)n, dec, sizeof dec);
    CHECK(m == (ptrdiff_t)len);
    CHECK_MEM(dec, in, len);

    /* Exactly enough room must be enough, one byte less must not be. */
    uint8_t tight[WC_COBS_MAX_ENCODED(512)];
    CHECK(wc_cobs_encode(in, len, tight, (size_t)n) == n);
    CHECK(wc_cobs_encode(in, len, tight, (size_t)n - 1) == WC_COBS_ERR_NOSPACE);
    if (len > 0) {
        CHECK(wc_cobs_decode(enc, (size_t)n, dec, len - 1) == WC_COBS_ERR_NOSPACE);
    }

    /* In place, as the frame decoder uses it. */
    CHECK(wc_cobs_decode(enc, (size_t)n, enc, (size_t)n) == (ptrdiff_t)len);
    CHECK_MEM(enc, in, len);
}

static void check_vector(const char *in_hex, const char *enc_hex)
{
    uint8_t in[300], want[300], got[310];
    size_t in_len = t_unhex(in, sizeof in, in_hex);
    size_t want_len = t_unhex(want, sizeof want, enc_hex);
    ptrdiff_t n = wc_cobs_encode(in, in_len, got, sizeof got);
    CHECK(n == (ptrdiff_t)want_len);
    CHECK_MEM(got, want, want_len);
    n = wc_cobs_decode(want, want_len, got, sizeof got);
    CHECK(n == (ptrdiff_t)in_len);
    CHECK_MEM(got, in, in_len);
}

static void known_vectors(void)
{
    check_vector("", "01");
    check_vector("00", "0101");
    check_vector("0000", "010101");
    check_vector("11220033", "0311220233");
    check_vector("11223344", "0511223344");
    check_vector("11000000", "0211010101");
}

/* 254 non-zero bytes fill a block exactly; per the paper the encoder then
 * opens one more (empty) block, while decoders must also accept the form
 * without it. */
static void full_block_boundary(void)
{
    uint8_t in[254], enc[300], dec[300];
    for (size_t i = 0; i < sizeof in; i++) {
        in[i] = (uint8_t)(i + 1);
    }
    ptrdiff_t n = wc_cobs_encode(in, sizeof in, enc, sizeof enc);
    CHECK(n == 256);
    CHECK(enc[0] == 0xFF);
    CHECK(enc[255] == 0x01);
    CHECK(wc_cobs_decode(enc, 256, dec, sizeof dec) == 254);
    CHECK(wc_cobs_decode(enc, 255, dec, sizeof dec) == 254);
    CHECK_MEM(dec, in, sizeof in);
}

static void rejects_malformed(void)
{
    uint8_t out[16];
    const uint8_t zero_inside[] = { 0x03, 0x11, 0x00, 0x22 };
    const uint8_t zero_code[] = { 0x00 };
    const uint8_t zero_code_later[] = { 0x02, 0x11, 0x00 };
    const uint8_t past_end[] = { 0x05, 0x11, 0x22 };
    const uint8_t past_end_later[] = { 0x02, 0x11, 0x04, 0x22 };

    CHECK(wc_cobs_decode(zero_inside, sizeof zero_inside, out, sizeof out) == WC_COBS_ERR_ZERO);
    CHECK(wc_cobs_decode(zero_code, sizeof zero_code, out, sizeof out) == WC_COBS_ERR_ZERO);
    CHECK(wc_cobs_decode(zero_code_later, sizeof zero_code_later, out, sizeof out) == WC_COBS_ERR_ZERO);
    CHECK(wc_cobs_decode(past_end, sizeof past_end, out, sizeof out) == WC_COBS_ERR_TRUNCATED);
    CHECK(wc_cobs_decode(past_end_later, sizeof past_end_later, out, sizeof out) == WC_COBS_ERR_TRUNCATED);
    CHECK(wc_cobs_decode(out, 0, out, sizeof out) == WC_COBS_ERR_TRUNCATED);
}

static void rejects_bad_arguments(void)
{
    uint8_t buf[8] = { 0x01 };
    CHECK(wc_cobs_encode(NULL, 1, buf, sizeof buf) == WC_COBS_ERR_ARG);
    CHECK(wc_cobs_encode(buf, 1, NULL, 8) == WC_COBS_ERR_ARG);
    CHECK(wc_cobs_encode(buf, 1, buf, 0) == WC_COBS_ERR_NOSPACE);
    CHECK(wc_cobs_decode(NULL, 1, buf, sizeof buf) == WC_COBS_ERR_ARG);
    CHECK(wc_cobs_decode(buf, 1, NULL, 8) == WC_COBS_ERR_ARG);
}

void suite_cobs(void)
{
    for (size_t i = 0; i < N_LENGTHS; i++) {
        for (int kind = 0; kind < FILL_KINDS; kind++) {
            t_begin("cobs roundtrip len=%zu %s", LENGTHS[i], fill_name((enum fill_kind)kind));
            roundtrip(LENGTHS[i], (enum fill_kind)kind);
            t_end();
        }
    }
    t_run("cobs known vectors", known_vectors);
    t_run("cobs 254-byte block boundary", full_block_boundary);
    t_run("cobs rejects malformed input", rejects_malformed);
    t_run("cobs rejects bad arguments", rejects_bad_arguments);
}
