#include "harness.h"
#include "suites.h"
#include "wc/ed25519.h"

/* RFC 8032 section 7.1. */
struct vector {
    const char *name;
    const char *secret;
    const char *public_key;
    const char *message;
    const char *signature;
};

static const struct vector VECTORS[] = {
    { "TEST 1",
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
      "",
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
      "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" },
    { "TEST 2",
      "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
      "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
      "72",
      "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
      "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
    { "TEST 3",
      "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
      "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
      "af82",
      "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
      "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" },
    { "TEST SHA(abc)",
      "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
      "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
      "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
      "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
      "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704" },
};

/* L, little-endian: used to forge a non-canonical S = S + L. */
static const uint8_t ORDER[32] = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
};

static void run_vector(const struct vector *v)
{
    uint8_t seed[32], pk_want[32], sig_want[64], msg[64], pk[32], sig[64], bad[64];
    CHECK(t_unhex(seed, sizeof seed, v->secret) == 32);
    CHECK(t_unhex(pk_want, sizeof pk_want, v->public_key) == 32);
    CHECK(t_unhex(sig_want, sizeof sig_want, v->signature) == 64);
    size_t len = t_unhex(msg, sizeof msg, v->message);
    CHECK(len != (size_t)-1);

    wc_ed25519_public_key(pk, seed);
    CHECK_MEM(pk, pk_want, 32);

    wc_ed25519_sign(sig, msg, len, seed);
    CHECK_MEM(sig, sig_want, 64);

    CHECK(wc_ed25519_verify(sig_want, msg, len, pk_want) == 0);

    if (len > 0) {
        memcpy(bad, msg, len);
        bad[len - 1] ^= 0x01;
        CHECK(wc_ed25519_verify(sig_want, bad, len, pk_want) == -1);
    } else {
        /* No bit to flip in an empty message: a one-byte one must fail. */
        const uint8_t one = 0x00;
        CHECK(wc_ed25519_verify(sig_want, &one, 1, pk_want) == -1);
    }

    memcpy(bad, sig_want, 64);
    bad[5] ^= 0x10; /* in R */
    CHECK(wc_ed25519_verify(bad, msg, len, pk_want) == -1);
    memcpy(bad, sig_want, 64);
    bad[40] ^= 0x01; /* in S */
    CHECK(wc_ed25519_verify(bad, msg, len, pk_want) == -1);

    uint8_t bad_pk[32];
    memcpy(bad_pk, pk_want, 32);
    bad_pk[0] ^= 0x01;
    CHECK(wc_ed25519_verify(sig_want, msg, len, bad_pk) == -1);
}

/* S and S + L give the same group equation; only the canonical one may
 * pass, or signatures would be malleable. */
static void rejects_non_canonical_s(void)
{
    uint8_t pk[32], sig[64];
    const struct vector *v = &VECTORS[1];
    uint8_t msg[1] = { 0x72 };
    t_unhex(pk, sizeof pk, v->public_key);
    t_unhex(sig, sizeof sig, v->signature);
    unsigned carry = 0;
    for (int i = 0; i < 32; i++) {
        unsigned sum = sig[32 + i] + ORDER[i] + carry;
        sig[32 + i] = (uint8_t)sum;
        carry = sum >> 8;
    }
    CHECK(carry == 0);
    CHECK(wc_ed25519_verify(sig, msg, 1, pk) == -1);
}

/* With A the neutral element, [k]A vanishes, so (R, S) = ([S]B, S) verifies
 * for any message: that isolates the encoding checks of RFC 8032 5.1.3.
 * The canonical neutral encoding must pass; y = p + 1 (the same point,
 * spelled non-canonically) and x = 0 with the sign bit set must not. */
static void encodes_strictly(void)
{
    uint8_t pk[32], sig[64];
    const uint8_t msg[3] = { 'a', 'b', 'c' };

    memset(sig, 0x66, 32);
    sig[0] = 0x58; /* R = B */
    memset(sig + 32, 0, 32);
    sig[32] = 0x01; /* S = 1 */

    memset(pk, 0, 32);
    pk[0] = 0x01;
    CHECK(wc_ed25519_verify(sig, msg, sizeof msg, pk) == 0);

    memset(pk, 0xFF, 32);
    pk[0] = 0xEE;
    pk[31] = 0x7F;
    CHECK(wc_ed25519_verify(sig, msg, sizeof msg, pk) == -1);

    memset(pk, 0, 32);
    pk[0] = 0x01;
    pk[31] = 0x80;
    CHECK(wc_ed25519_verify(sig, msg, sizeof msg, pk) == -1);
}

/* Same trick for R: S = 0 makes R the neutral element. */
static void rejects_non_canonical_r(void)
{
    uint8_t pk[32], sig[64];
    const uint8_t msg[3] = { 'a', 'b', 'c' };
    memset(pk, 0, 32);
    pk[0] = 0x01;
    memset(sig, 0, 64);

    sig[0] = 0x01;
    CHECK(wc_ed25519_verify(sig, msg, sizeof msg, pk) == 0);

    memset(sig, 0xFF, 32);
    sig[0] = 0xEE;
    sig[31] = 0x7F;
    CHECK(wc_ed25519_verify(sig, msg, sizeof msg, pk) == -1);
}

static void sign_verify_random(void)
{
    uint8_t seed[32], pk[32], sig[64], msg[200];
    for (int round = 0; round < 8; round++) {
        size_t len = t_rand() % sizeof msg;
        for (size_t i = 0; i < 32; i++) {
            seed[i] = (uint8_t)t_rand();
        }
        for (size_t i = 0; i < len; i++) {
            msg[i] = (uint8_t)t_rand();
        }
        wc_ed25519_public_key(pk, seed);
        wc_ed25519_sign(sig, msg, len, seed);
        CHECK(wc_ed25519_verify(sig, msg, len, pk) == 0);
        sig[63] ^= 0x01;
        CHECK(wc_ed25519_verify(sig, msg, len, pk) == -1);
    }
}

void suite_ed25519(void)
{
    for (size_t i = 0; i < sizeof VECTORS / sizeof VECTORS[0]; i++) {
        t_begin("ed25519 RFC 8032 %s", VECTORS[i].name);
        run_vector(&VECTORS[i]);
        t_end();
    }
    t_run("ed25519 rejects non-canonical S", rejects_non_canonical_s);
    t_run("ed25519 public key decoding is strict", encodes_strictly);
    t_run("ed25519 rejects non-canonical R", rejects_non_canonical_r);
    t_run("ed25519 sign/verify random keys", sign_verify_random);
}
