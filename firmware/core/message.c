#include "wc/message.h"

#include "codec.h"
#include "wc/frame.h"
#include "wc/record.h"

/* Builders stop at the frame limit too, so a built message always fits. */
static size_t limit(size_t cap)
{
    return cap < WC_FRAME_MAX_PAYLOAD ? cap : WC_FRAME_MAX_PAYLOAD;
}

static int finish(const wc_writer *w)
{
    return w->full ? WC_MSG_ERR_NOSPACE : (int)w->len;
}

int wc_msg_record(uint8_t *out, size_t cap, const uint8_t *body, size_t body_len,
                  const uint8_t sig[WC_ED25519_SIG_LEN], const uint8_t pk[WC_ED25519_PUBKEY_LEN])
{
    if (out == NULL || body == NULL || sig == NULL || pk == NULL) {
        return WC_MSG_ERR_ARG;
    }
    if (body_len == 0 || body_len > WC_RECORD_MAX_BODY) {
        return WC_MSG_ERR_ARG;
    }
    wc_writer w;
    wc_w_init(&w, out, limit(cap));
    wc_w_u8(&w, WC_MSG_RECORD);
    wc_w_text(&w, body, body_len);
    wc_w_raw(&w, sig, WC_ED25519_SIG_LEN);
    wc_w_raw(&w, pk, WC_ED25519_PUBKEY_LEN);
    return finish(&w);
}

static int text_ok(const wc_text *t)
{
    return (t->ptr != NULL || t->len == 0) && t->len <= 0xFFFFu
        && wc_utf8_valid((const uint8_t *)t->ptr, t->len);
}

int wc_msg_hello(uint8_t *out, size_t cap, const wc_hello *h)
{
    if (out == NULL || h == NULL || h->public_key == NULL) {
        return WC_MSG_ERR_ARG;
    }
    if (!wc_device_id_valid((const uint8_t *)h->device_id.ptr, h->device_id.len)
        || !text_ok(&h->model) || !text_ok(&h->firmware)) {
        return WC_MSG_ERR_ARG;
    }
    wc_writer w;
    wc_w_init(&w, out, limit(cap));
    wc_w_u8(&w, WC_MSG_HELLO);
    wc_w_u8(&w, WC_MSG_PROTOCOL);
    wc_w_text(&w, (const uint8_t *)h->device_id.ptr, h->device_id.len);
    wc_w_raw(&w, h->public_key, WC_ED25519_PUBKEY_LEN);
    wc_w_text(&w, (const uint8_t *)h->model.ptr, h->model.len);
    wc_w_text(&w, (const uint8_t *)h->firmware.ptr, h->firmware.len);
    wc_w_u32(&w, h->interval_s);
    return finish(&w);
}

int wc_msg_time(uint8_t *out, size_t cap, int64_t time_ms)
{
    if (out == NULL) {
        return WC_MSG_ERR_ARG;
    }
    wc_writer w;
    wc_w_init(&w, out, limit(cap));
    wc_w_u8(&w, WC_MSG_TIME);
    wc_w_u64(&w, wc_i64_bits(time_ms));
    return finish(&w);
}

int wc_msg_hello_request(uint8_t *out, size_t cap)
{
    if (out == NULL) {
        return WC_MSG_ERR_ARG;
    }
    wc_writer w;
    wc_w_init(&w, out, limit(cap));
    wc_w_u8(&w, WC_MSG_HELLO_REQUEST);
    return finish(&w);
}

int wc_msg_parse_device(wc_device_msg *msg, const uint8_t *p, size_t len)
{
    if (msg == NULL || p == NULL || len == 0) {
        return WC_MSG_ERR_MALFORMED;
    }
    wc_reader r;
    wc_r_init(&r, p, len);
    uint8_t type = wc_r_u8(&r);
    int64_t time_ms = 0;
    switch (type) {
    case WC_MSG_TIME:
        time_ms = wc_bits_i64(wc_r_u64(&r));
        break;
    case WC_MSG_HELLO_REQUEST:
        break;
    default:
        return WC_MSG_ERR_UNKNOWN_TYPE;
    }
    if (!wc_r_done(&r)) {
        return WC_MSG_ERR_MALFORMED;
    }
    msg->type = type;
    msg->time_ms = time_ms;
    return WC_MSG_OK;
}

int wc_msg_parse_record(wc_record_msg *msg, const uint8_t *p, size_t len)
{
    if (msg == NULL || p == NULL || len == 0) {
        return WC_MSG_ERR_MALFORMED;
    }
    wc_reader r;
    wc_r_init(&r, p, len);
    if (wc_r_u8(&r) != WC_MSG_RECORD) {
        return WC_MSG_ERR_UNKNOWN_TYPE;
    }
    size_t body_len;
    const uint8_t *body = wc_r_text(&r, &body_len);
    const uint8_t *sig = wc_r_raw(&r, WC_ED25519_SIG_LEN);
    const uint8_t *pk = wc_r_raw(&r, WC_ED25519_PUBKEY_LEN);
    if (!wc_r_done(&r)) {
        return WC_MSG_ERR_MALFORMED;
    }
    wc_record rec;
    if (wc_record_decode(&rec, body, body_len) != WC_RECORD_OK) {
        return WC_MSG_ERR_MALFORMED;
    }
    msg->body = body;
    msg->body_len = body_len;
    msg->signature = sig;
    msg->public_key = pk;
    return WC_MSG_OK;
}

static wc_text read_text(wc_reader *r)
{
    size_t n;
    const uint8_t *p = wc_r_text(r, &n);
    wc_text t = { (const char *)p, p ? n : 0 };
    return t;
}

int wc_msg_parse_hello(wc_hello *msg, const uint8_t *p, size_t len)
{
    if (msg == NULL || p == NULL || len == 0) {
        return WC_MSG_ERR_MALFORMED;
    }
    wc_reader r;
    wc_r_init(&r, p, len);
    if (wc_r_u8(&r) != WC_MSG_HELLO) {
        return WC_MSG_ERR_UNKNOWN_TYPE;
    }
    wc_hello h;
    h.protocol = wc_r_u8(&r);
    h.device_id = read_text(&r);
    h.public_key = wc_r_raw(&r, WC_ED25519_PUBKEY_LEN);
    h.model = read_text(&r);
    h.firmware = read_text(&r);
    h.interval_s = wc_r_u32(&r);
    if (!wc_r_done(&r) || h.protocol != WC_MSG_PROTOCOL
        || !wc_device_id_valid((const uint8_t *)h.device_id.ptr, h.device_id.len)
        || !wc_utf8_valid((const uint8_t *)h.model.ptr, h.model.len)
        || !wc_utf8_valid((const uint8_t *)h.firmware.ptr, h.firmware.len)) {
        return WC_MSG_ERR_MALFORMED;
    }
    *msg = h;
    return WC_MSG_OK;
}
