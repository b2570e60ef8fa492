#include "wc/ed25519.h"

#include "ge25519.h"
#include "sc25519.h"
#include "wc/sha512.h"
#include "wipe.h"

/* Section 5.1.5: hash the seed; the low half, clamped, is the secret
 * scalar s, the high half the prefix that makes nonces deterministic. */
static void expand_seed(uint8_t h[64], const uint8_t seed[32])
{
    wc_sha512(seed, 32, h);
    h[0] &= 248;  /* multiple of the cofactor 8 */
    h[31] &= 127;
    h[31] |= 64;  /* fixed top bit, so s has no short form */
}

/* SHA-512(dom || R || A || M) mod L, with dom empty for pure Ed25519. */
static void challenge(uint8_t k[32], const uint8_t r_enc[32], const uint8_t pk[32],
                      const uint8_t *msg, size_t len)
{
    uint8_t digest[64];
    wc_sha512_ctx ctx;
    wc_sha512_init(&ctx);
    wc_sha512_update(&ctx, r_enc, 32);
    wc_sha512_update(&ctx, pk, 32);
    wc_sha512_update(&ctx, msg, len);
    wc_sha512_final(&ctx, digest);
    wc_sc_reduce(k, digest);
}

void wc_ed25519_public_key(uint8_t pk[32], const uint8_t seed[32])
{
    uint8_t h[64];
    wc_ge a;
    expand_seed(h, seed);
    wc_ge_scalarmult_base(&a, h);
    wc_ge_pack(pk, &a);
    wc_wipe(h, sizeof h);
    wc_wipe(&a, sizeof a);
}

/* Section 5.1.6. */
void wc_ed25519_sign(uint8_t sig[64], const uint8_t *msg, size_t len, const uint8_t seed[32])
{
    uint8_t h[64], pk[32], digest[64], r[32], k[32];
    wc_ge point;
    wc_sha512_ctx ctx;

    expand_seed(h, seed);
    wc_ge_scalarmult_base(&point, h);
    wc_ge_pack(pk, &point);

    wc_sha512_init(&ctx);
    wc_sha512_update(&ctx, h + 32, 32);
    wc_sha512_update(&ctx, msg, len);
    wc_sha512_final(&ctx, digest);
    wc_sc_reduce(r, digest);

    wc_ge_scalarmult_base(&point, r);
    wc_ge_pack(sig, &point);

    challenge(k, sig, pk, msg, len);
    wc_sc_muladd(sig + 32, k, h, r);

    wc_wipe(h, sizeof h);
    wc_wipe(digest, sizeof digest);
    wc_wipe(r, sizeof r);
    wc_wipe(&point, sizeof point);
}

/* Section 5.1.7, checking [S]B = R + [k]A without the optional factor 8.
 * Comparing encodings instead of decoding R also rejects a non-canonical
 * or invalid R, since the left side always packs canonically. */
int wc_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t len, const uint8_t pk[32])
{
    wc_ge a, sb, ka;
    uint8_t k[32], check[32];

    if (!wc_sc_is_canonical(sig + 32)) {
        return -1;
    }
    if (wc_ge_unpack(&a, pk) != 0) {
        return -1;
    }
    challenge(k, sig, pk, msg, len);

    wc_ge_neg(&a, &a);
    wc_ge_scalarmult(&ka, &a, k);
    wc_ge_scalarmult_base(&sb, sig + 32);
    wc_ge_add(&sb, &sb, &ka); /* [S]B - [k]A, which must equal R */
    wc_ge_pack(check, &sb);

    uint8_t diff = 0;
    for (int i = 0; i < 32; i++) {
        diff |= (uint8_t)(check[i] ^ sig[i]);
    }
    return diff == 0 ? 0 : -1;
}
