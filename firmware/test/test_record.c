#include "harness.h"
#include "suites.h"
#include "wc/record.h"

/* From ledger/src/test/resources/golden/encoding-v1.txt (GoldenVectors):
 * the ledger's own encoding of a record from device R04-A, so the two
 * implementations are pinned to the same bytes. */
static const char GOLDEN_SEED[] = "8bd5a04650f12ae114c0d02bdbe96e8b659df23d31513aa508ebc1fe3d47f356";
static const char GOLDEN_PUBLIC[] = "d3e70304ce9395bb7429667a675d5d3bdb122142252cd36192a4c5c71cd04581";
static const char GOLDEN_BODY[] =
    "0100055230342d41000000000000002a0000019b76daa8000002030006401d00000000000000000240896400000000000000"
    "143fcb851eb851eb8501";
static const char GOLDEN_SIGNATURE[] =
    "24024daff055175e9eaa0b7cf99a261ae94b5b0af7410bd4fa7a83caffb07d1a0a002a143c9905db337ae529d5c940231aab"
    "41b7eba4420ecd42993050f6ca04";

static void golden_record(wc_record *rec)
{
    memset(rec, 0, sizeof *rec);
    strcpy(rec->device_id, "R04-A");
    rec->seq = 42;
    rec->time_ms = 0x19b76daa800LL;
    rec->flags = WC_FLAG_LEAK;
    rec->n_readings = 3;
    rec->readings[0] = (wc_reading){ WC_Q_PH, 7.25, WC_QUALITY_GOOD };
    rec->readings[1] = (wc_reading){ WC_Q_EC, 812.5, WC_QUALITY_GOOD };
    rec->readings[2] = (wc_reading){ WC_Q_CU, 0.215, WC_QUALITY_SUSPECT };
}

static void encodes_golden_body(void)
{
    wc_record rec;
    uint8_t want[128], body[WC_RECORD_MAX_BODY];
    golden_record(&rec);
    size_t n = t_unhex(want, sizeof want, GOLDEN_BODY);
    CHECK(wc_record_encode(&rec, body, sizeof body) == (int)n);
    CHECK_MEM(body, want, n);
    /* Exactly as long as the body needs; one byte less does not fit. */
    CHECK(wc_record_encode(&rec, body, n) == (int)n);
    CHECK(wc_record_encode(&rec, body, n - 1) == WC_RECORD_ERR_NOSPACE);
}

static void signs_golden_body(void)
{
    uint8_t seed[32], pk[32], want_pk[32], body[128], want_sig[64], sig[64];
    t_unhex(seed, sizeof seed, GOLDEN_SEED);
    t_unhex(want_pk, sizeof want_pk, GOLDEN_PUBLIC);
    size_t n = t_unhex(body, sizeof body, GOLDEN_BODY);
    t_unhex(want_sig, sizeof want_sig, GOLDEN_SIGNATURE);
    wc_ed25519_public_key(pk, seed);
    CHECK_MEM(pk, want_pk, 32);
    CHECK(wc_record_sign(sig, body, n, seed) == WC_RECORD_OK);
    CHECK_MEM(sig, want_sig, 64);
    CHECK(wc_record_verify(sig, body, n, pk) == 0);

    /* The domain is part of what is signed: the bare body does not verify. */
    CHECK(wc_ed25519_verify(sig, body, n, pk) != 0);
    body[n - 1] ^= 1;
    CHECK(wc_record_verify(sig, body, n, pk) != 0);
}

static void decodes_golden_body(void)
{
    wc_record want, got;
    uint8_t body[128], again[128];
    golden_record(&want);
    size_t n = t_unhex(body, sizeof body, GOLDEN_BODY);
    CHECK(wc_record_decode(&got, body, n) == WC_RECORD_OK);
    CHECK(strcmp(got.device_id, "R04-A") == 0);
    CHECK(got.seq == 42 && got.time_ms == want.time_ms && got.flags == WC_FLAG_LEAK);
    CHECK(got.n_readings == 3);
    CHECK(got.readings[2].quantity == WC_Q_CU && got.readings[2].value == 0.215
          && got.readings[2].quality == WC_QUALITY_SUSPECT);
    CHECK(wc_record_encode(&got, again, sizeof again) == (int)n);
    CHECK_MEM(again, body, n);
}

static void layout_big_endian(void)
{
    wc_record rec;
    uint8_t body[64];
    memset(&rec, 0, sizeof rec);
    strcpy(rec.device_id, "A");
    rec.seq = 0x0102030405060708LL;
    rec.time_ms = -2; /* before 1970: two's complement */
    rec.flags = 0xABCD;
    rec.n_readings = 1;
    rec.readings[0] = (wc_reading){ 0x1234, -0.0, WC_QUALITY_MAINTENANCE };
    const uint8_t want[] = {
        0x01, 0x00, 0x01, 'A',
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xAB, 0xCD, 0x01,
        0x12, 0x34, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x03,
    };
    CHECK(wc_record_encode(&rec, body, sizeof body) == (int)sizeof want);
    CHECK_MEM(body, want, sizeof want);
}

static void largest_body(void)
{
    wc_record rec, back;
    static uint8_t body[WC_RECORD_MAX_BODY + 16];
    memset(&rec, 0, sizeof rec);
    memset(rec.device_id, 'x', WC_RECORD_MAX_DEVICE_ID);
    rec.n_readings = WC_RECORD_MAX_READINGS;
    for (unsigned i = 0; i < WC_RECORD_MAX_READINGS; i++) {
        rec.readings[i] = (wc_reading){ (uint16_t)(i + 1), i * 1.5, (uint8_t)(i % 4) };
    }
    CHECK(wc_record_encode(&rec, body, sizeof body) == (int)WC_RECORD_MAX_BODY);
    CHECK(wc_record_decode(&back, body, WC_RECORD_MAX_BODY) == WC_RECORD_OK);
    CHECK(back.n_readings == WC_RECORD_MAX_READINGS && back.readings[31].value == 31 * 1.5);
}

static double make_double(uint64_t bits)
{
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

static void rejects_bad_records(void)
{
    wc_record rec;
    uint8_t body[WC_RECORD_MAX_BODY];

    golden_record(&rec);
    rec.readings[1].value = make_double(0x7FF8000000000000ull); /* NaN */
    CHECK(wc_record_encode(&rec, body, sizeof body) == WC_RECORD_ERR_VALUE);
    rec.readings[1].value = make_double(0x7FF0000000000000ull); /* +Inf */
    CHECK(wc_record_encode(&rec, body, sizeof body) == WC_RECORD_ERR_VALUE);
    rec.readings[1].value = make_double(0xFFF0000000000000ull); /* -Inf */
    CHECK(wc_record_encode(&rec, body, sizeof body) == WC_RECORD_ERR_VALUE);
    rec.readings[1].value = make_double(0x7FEFFFFFFFFFFFFFull); /* largest finite */
    CHECK(wc_record_encode(&rec, body, sizeof body) > 0);

    golden_record(&rec);
    rec.n_readings = 0;
    CHECK(wc_record_encode(&rec, body, sizeof body) == WC_RECORD_ERR_COUNT);
    rec.n_readings = 33;
    CHECK(wc_record_encode(&rec, body, sizeof body) == WC_RECORD_ERR_COUNT);

    golden_record(&rec);
    rec.readings[0].quality = 4;
    CHECK(wc_record_encode(&rec, body, sizeof body) == WC_RECORD_ERR_QUALITY);

    golden_record(&rec);
    rec.seq = -1;
    CHECK(wc_record_encode(&rec, body, sizeof body) == WC_RECORD_ERR_SEQ);

    const char *bad_ids[] = { "", "R04 A", "R04\tA", "R\xc3\xa9", "\x7f" };
    for (size_t i = 0; i < sizeof bad_ids / sizeof bad_ids[0]; i++) {
        golden_record(&rec);
        strcpy(rec.device_id, bad_ids[i]);
        CHECK(wc_record_encode(&rec, body, sizeof body) == WC_RECORD_ERR_DEVICE_ID);
    }
    /* 33 characters with no terminator in the array. */
    golden_record(&rec);
    memset(rec.device_id, 'x', sizeof rec.device_id);
    CHECK(wc_record_encode(&rec, body, sizeof body) == WC_RECORD_ERR_DEVICE_ID);
    golden_record(&rec);
    strcpy(rec.device_id, "!~");
    CHECK(wc_record_encode(&rec, body, sizeof body) > 0);

    CHECK(wc_record_encode(NULL, body, sizeof body) == WC_RECORD_ERR_ARG);
    golden_record(&rec);
    CHECK(wc_record_encode(&rec, NULL, 0) == WC_RECORD_ERR_ARG);
}

static void decode_rejects_bad_bodies(void)
{
    wc_record rec;
    uint8_t body[128], bad[130];
    size_t n = t_unhex(body, sizeof body, GOLDEN_BODY);

    for (size_t cut = 0; cut < n; cut++) {
        CHECK(wc_record_decode(&rec, body, cut) != WC_RECORD_OK);
    }
    memcpy(bad, body, n);
    bad[n] = 0;
    CHECK(wc_record_decode(&rec, bad, n + 1) == WC_RECORD_ERR_FORMAT); /* trailing byte */

    memcpy(bad, body, n);
    bad[0] = 2;
    CHECK(wc_record_decode(&rec, bad, n) == WC_RECORD_ERR_FORMAT); /* version */

    memcpy(bad, body, n);
    bad[3] = ' ';
    CHECK(wc_record_decode(&rec, bad, n) == WC_RECORD_ERR_DEVICE_ID);

    memcpy(bad, body, n);
    bad[29] = 0x7F; bad[30] = 0xF8; /* first value becomes NaN */
    CHECK(wc_record_decode(&rec, bad, n) == WC_RECORD_ERR_VALUE);

    memcpy(bad, body, n);
    bad[n - 1] = 4; /* quality */
    CHECK(wc_record_decode(&rec, bad, n) == WC_RECORD_ERR_QUALITY);

    /* Zero readings, with nothing after the count. */
    const uint8_t none[] = { 1, 0, 1, 'A', 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    CHECK(wc_record_decode(&rec, none, sizeof none) == WC_RECORD_ERR_COUNT);
}

void suite_record(void)
{
    t_run("record encodes the ledger's golden body", encodes_golden_body);
    t_run("record signs the ledger's golden body", signs_golden_body);
    t_run("record decodes and re-encodes the golden body", decodes_golden_body);
    t_run("record layout is big-endian, i64 two's complement, f64 bits", layout_big_endian);
    t_run("record of 32-char id and 32 readings is 406 bytes", largest_body);
    t_run("record encoder rejects NaN, Inf, bad counts, ids, quality, seq", rejects_bad_records);
    t_run("record decoder rejects truncated, trailing and invalid bodies", decode_rejects_bad_bodies);
}
