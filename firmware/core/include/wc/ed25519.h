#ifndef WC_ED25519_H
#define WC_ED25519_H

#include <stddef.h>
#include <stdint.h>

/* Ed25519 (pure, no context or prehash) as in RFC 8032 section 5.1.
 * The 32-byte seed is what RFC 8032 calls the private key. */

#define WC_ED25519_SEED_LEN   32u
#define WC_ED25519_PUBKEY_LEN 32u
#define WC_ED25519_SIG_LEN    64u

void wc_ed25519_public_key(uint8_t pk[WC_ED25519_PUBKEY_LEN], const uint8_t seed[WC_ED25519_SEED_LEN]);

/* Derives the public key from the seed itself rather than taking it as an
 * argument: signing with a mismatched public key can leak the secret. */
void wc_ed25519_sign(uint8_t sig[WC_ED25519_SIG_LEN], const uint8_t *msg, size_t len,
                     const uint8_t seed[WC_ED25519_SEED_LEN]);

/* Returns 0 if sig is a valid signature of msg under pk, else -1. */
int wc_ed25519_verify(const uint8_t sig[WC_ED25519_SIG_LEN], const uint8_t *msg, size_t len,
                      const uint8_t pk[WC_ED25519_PUBKEY_LEN]);

#endif
