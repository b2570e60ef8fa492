#include "wc/record.h"


#include "codec.h"
#include "mem.h"

#define SIGNED_MAX (WC_RECORD_DOMAIN_LEN + 1u + WC_RECORD_MAX_BODY)

static size_t id_len(const wc_record *rec)
{
    /* Bounded, since the array may hold no terminator at all. */
    size_t n = 0;
    while (n < sizeof rec->device_id && rec->device_id[n] != '\0') {
        n++;
    }
    return n;
}

int wc_record_check(const wc_record *rec)
{
    if (rec == NULL) {
        return WC_RECORD_ERR_ARG;
    }
    if (!wc_device_id_valid((const uint8_t *)rec->device_id, id_len(rec))) {
        return WC_RECORD_ERR_DEVICE_ID;
    }
    if (rec->seq < 0) {
        return WC_RECORD_ERR_SEQ;
    }
    if (rec->n_readings < 1 || rec->n_readings > WC_RECORD_MAX_READINGS) {
        return WC_RECORD_ERR_COUNT;
    }
    for (unsigned i = 0; i < rec->n_readings; i++) {
        if (!wc_f64_bits_finite(wc_f64_bits(rec->readings[i].value))) {
            return WC_RECORD_ERR_VALUE;
        }
        if (rec->readings[i].quality > WC_QUALITY_MAINTENANCE) {
            return WC_RECORD_ERR_QUALITY;
        }
    }
    return WC_RECORD_OK;
}

int wc_record_encode(const wc_record *rec, uint8_t *out, size_t cap)
{
    int err = wc_record_check(rec);
    if (err != WC_RECORD_OK) {
        return err;
    }
    if (out == NULL) {
        return WC_RECORD_ERR_ARG;
    }
    wc_writer w;
    wc_w_init(&w, out, cap);
    wc_w_u8(&w, WC_RECORD_VERSION);
    wc_w_text(&w, (const uint8_t *)rec->device_id, id_len(rec));
    wc_w_u64(&w, wc_i64_bits(rec->seq));
    wc_w_u64(&w, wc_i64_bits(rec->time_ms));
    wc_w_u16(&w, rec->flags);
    wc_w_u8(&w, rec->n_readings);
    for (unsigned i = 0; i < rec->n_readings; i++) {
        wc_w_u16(&w, rec->readings[i].quantity);
        wc_w_u64(&w, wc_f64_bits(rec->readings[i].value));
        wc_w_u8(&w, rec->readings[i].quality);
    }
    if (w.full) {
        return WC_RECORD_ERR_NOSPACE;
    }
    return (int)w.len;
}

int wc_record_decode(wc_record *rec, const uint8_t *body, size_t len)
{
    if (rec == NULL || body == NULL) {
        return WC_RECORD_ERR_ARG;
    }
    wc_reader r;
    wc_r_init(&r, body, len);
    if (wc_r_u8(&r) != WC_RECORD_VERSION) {
        return WC_RECORD_ERR_FORMAT;
    }
    size_t n;
    const uint8_t *id = wc_r_text(&r, &n);
    if (id == NULL) {
        return WC_RECORD_ERR_FORMAT;
    }
    if (!wc_device_id_valid(id, n)) {
        return WC_RECORD_ERR_DEVICE_ID;
    }
    wc_zero(rec, sizeof *rec);
    wc_copy(rec->device_id, id, n);
    rec->seq = wc_bits_i64(wc_r_u64(&r));
    rec->time_ms = wc_bits_i64(wc_r_u64(&r));
    rec->flags = wc_r_u16(&r);
    rec->n_readings = wc_r_u8(&r);
    if (r.bad) {
        return WC_RECORD_ERR_FORMAT;
    }
    if (rec->n_readings < 1 || rec->n_readings > WC_RECORD_MAX_READINGS) {
        return WC_RECORD_ERR_COUNT;
    }
    for (unsigned i = 0; i < rec->n_readings; i++) {
        rec->readings[i].quantity = wc_r_u16(&r);
        uint64_t bits = wc_r_u64(&r);
        rec->readings[i].quality = wc_r_u8(&r);
        if (!r.bad && !wc_f64_bits_finite(bits)) {
            return WC_RECORD_ERR_VALUE;
        }
        rec->readings[i].value = wc_bits_f64(bits);
    }
    if (!wc_r_done(&r)) {
        return WC_RECORD_ERR_FORMAT;
    }
    return wc_record_check(rec);
}

/* Ed25519 hashes the message twice, so it is laid out whole once. */
static size_t signed_message(uint8_t out[SIGNED_MAX], const uint8_t *body, size_t len)
{
    wc_copy(out, WC_RECORD_DOMAIN, WC_RECORD_DOMAIN_LEN);
    out[WC_RECORD_DOMAIN_LEN] = 0x00;
    wc_copy(out + WC_RECORD_DOMAIN_LEN + 1, body, len);
    return WC_RECORD_DOMAIN_LEN + 1 + len;
}

int wc_record_sign(uint8_t sig[WC_ED25519_SIG_LEN], const uint8_t *body, size_t len,
                   const uint8_t seed[WC_ED25519_SEED_LEN])
{
    if (sig == NULL || body == NULL || seed == NULL || len > WC_RECORD_MAX_BODY) {
        return WC_RECORD_ERR_ARG;
    }
    uint8_t msg[SIGNED_MAX];
    size_t n = signed_message(msg, body, len);
    wc_ed25519_sign(sig, msg, n, seed);
    return WC_RECORD_OK;
}

int wc_record_verify(const uint8_t sig[WC_ED25519_SIG_LEN], const uint8_t *body, size_t len,
                     const uint8_t pk[WC_ED25519_PUBKEY_LEN])
{
    if (sig == NULL || body == NULL || pk == NULL || len > WC_RECORD_MAX_BODY) {
        return -1;
    }
    uint8_t msg[SIGNED_MAX];
    size_t n = signed_message(msg, body, len);
    return wc_ed25519_verify(sig, msg, n, pk);
}
