#include "harness.h"
#include "suites.h"
#include "wc/sha512.h"

/* The 896-bit, two-block message of the FIPS 180 examples. */
static const char TWO_BLOCK_MSG[] =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
    "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

static void check_digest(const uint8_t *msg, size_t len, const char *want_hex)
{
    uint8_t want[64], got[64];
    CHECK(t_unhex(want, sizeof want, want_hex) == 64);
    wc_sha512(msg, len, got);
    CHECK_MEM(got, want, 64);
}

static void nist_abc(void)
{
    check_digest((const uint8_t *)"abc", 3,
                 "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                 "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
}

static void nist_empty(void)
{
    check_digest((const uint8_t *)"", 0,
                 "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                 "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
}

static void nist_two_block(void)
{
    CHECK(sizeof TWO_BLOCK_MSG - 1 == 112);
    check_digest((const uint8_t *)TWO_BLOCK_MSG, sizeof TWO_BLOCK_MSG - 1,
                 "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
                 "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
}

static void nist_million_a(void)
{
    static uint8_t chunk[1000];
    uint8_t want[64], got[64];
    memset(chunk, 'a', sizeof chunk);
    t_unhex(want, sizeof want,
            "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
            "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b");
    wc_sha512_ctx ctx;
    wc_sha512_init(&ctx);
    for (int i = 0; i < 1000; i++) {
        wc_sha512_update(&ctx, chunk, sizeof chunk);
    }
    wc_sha512_final(&ctx, got);
    CHECK_MEM(got, want, 64);
}

/* 111 bytes leave exactly room for the padding in one block, 112 do not,
 * 128 fill a block; digests from an independent implementation. */
static void padding_boundaries(void)
{
    static uint8_t a[128];
    memset(a, 'a', sizeof a);
    check_digest(a, 111,
                 "fa9121c7b32b9e01733d034cfc78cbf67f926c7ed83e82200ef86818196921760"
                 "b4beff48404df811b953828274461673c68d04e297b0eb7b2b4d60fc6b566a2");
    check_digest(a, 112,
                 "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32"
                 "bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca");
    check_digest(a, 128,
                 "b73d1929aa615934e61a871596b3f3b33359f42b8175602e89f7e06e5f658a24"
                 "3667807ed300314b95cacdd579f3e33abdfbe351909519a846d465c59582f321");
}

static void byte_at_a_time_matches_one_shot(void)
{
    const uint8_t *msg = (const uint8_t *)TWO_BLOCK_MSG;
    size_t len = sizeof TWO_BLOCK_MSG - 1;
    uint8_t one_shot[64], pieces[64];
    wc_sha512(msg, len, one_shot);
    wc_sha512_ctx ctx;
    wc_sha512_init(&ctx);
    for (size_t i = 0; i < len; i++) {
        wc_sha512_update(&ctx, msg + i, 1);
    }
    wc_sha512_final(&ctx, pieces);
    CHECK_MEM(pieces, one_shot, 64);
}

void suite_sha512(void)
{
    t_run("sha512 \"abc\"", nist_abc);
    t_run("sha512 empty string", nist_empty);
    t_run("sha512 896-bit two-block message", nist_two_block);
    t_run("sha512 one million 'a'", nist_million_a);
    t_run("sha512 padding boundaries", padding_boundaries);
    t_run("sha512 byte-at-a-time update", byte_at_a_time_matches_one_shot);
}
