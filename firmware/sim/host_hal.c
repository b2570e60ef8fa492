#include "host_hal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "wc/message.h"
#include "wc/record.h"

uint64_t sim_monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

int64_t sim_realtime_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- sensors ---- */

static int read_channel(void *ctx, uint16_t quantity, double *value, uint8_t *quality)
{
    struct sim_host *h = ctx;
    /* The node reads its channels in order, so the first one starts a
     * new sample and the rest come from the same moment. */
    if (quantity == h->sensors.channels[0]) {
        int64_t now = h->clock_base_ms + (int64_t)(sim_monotonic_ms() - h->clock_base_mono);
        sim_sensors_sample(&h->sensors, now);
    }
    *quality = WC_QUALITY_GOOD;
    return sim_sensors_value(&h->sensors, quantity, value) == 0 ? WC_HAL_OK : -1;
}

/* ---- clock ---- */

static int64_t clock_now(void *ctx)
{
    struct sim_host *h = ctx;
    return h->clock_base_ms + (int64_t)(sim_monotonic_ms() - h->clock_base_mono);
}

static void clock_set(void *ctx, int64_t ms)
{
    struct sim_host *h = ctx;
    h->clock_base_ms = ms;
    h->clock_base_mono = sim_monotonic_ms();
}

/* ---- storage ---- */

static int state_path(const struct sim_host *h, const char *name, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s/%s", h->state_dir, name);
    return n > 0 && (size_t)n < cap ? 0 : -1;
}

/* Returns WC_HAL_OK, WC_HAL_NONE when the file does not exist, or -1. */
static int read_state(const struct sim_host *h, const char *name, char *buf, size_t cap)
{
    char path[PATH_MAX];
    if (state_path(h, name, path, sizeof path) != 0) {
        return -1;
    }
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return errno == ENOENT ? WC_HAL_NONE : -1;
    }
    size_t n = fread(buf, 1, cap - 1, f);
    int err = ferror(f);
    fclose(f);
    if (err) {
        return -1;
    }
    buf[n] = '\0';
    return WC_HAL_OK;
}

/* Written to a temporary file, synced, then renamed over the old one, so
 * a power cut leaves either the old value or the new, never half of one;
 * the directory is synced too, or the rename itself could be lost. */
static int write_state(const struct sim_host *h, const char *name, const char *text, mode_t mode)
{
    char path[PATH_MAX], tmp[PATH_MAX];
    if (state_path(h, name, path, sizeof path) != 0 || snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        return -1;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0) {
        return -1;
    }
    size_t len = strlen(text);
    int ok = write(fd, text, len) == (ssize_t)len && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    int dir = open(h->state_dir, O_RDONLY);
    if (dir >= 0) {
        (void)fsync(dir);
        close(dir);
    }
    return WC_HAL_OK;
}

static int unhex(uint8_t *out, size_t n, const char *hex)
{
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1) {
            return -1;
        }
        out[i] = (uint8_t)v;
    }
    return 0;
}

static int load_seed(void *ctx, uint8_t seed[32])
{
    struct sim_host *h = ctx;
    if (h->have_fixed_seed) {
        memcpy(seed, h->fixed_seed, 32);
        return WC_HAL_OK;
    }
    if (h->state_dir == NULL) {
        if (!h->mem_have_seed) return WC_HAL_NONE;
        memcpy(seed, h->mem_seed, 32);
        return WC_HAL_OK;
    }
    char text[80];
    int r = read_state(h, "seed", text, sizeof text);
    if (r != WC_HAL_OK) {
        return r;
    }
    size_t n = strcspn(text, "\r\n");
    if (n != 64 || unhex(seed, 32, text) != 0) {
        fprintf(stderr, "wc-sim: %s/seed is not 64 hex digits\n", h->state_dir);
        return -1;
    }
    return WC_HAL_OK;
}

static int store_seed(void *ctx, const uint8_t seed[32])
{
    struct sim_host *h = ctx;
    if (h->state_dir == NULL) {
        memcpy(h->mem_seed, seed, 32);
        h->mem_have_seed = 1;
        return WC_HAL_OK;
    }
    char text[66];
    for (int i = 0; i < 32; i++) {
        snprintf(text + 2 * i, 3, "%02x", seed[i]);
    }
    text[64] = '\n';
    text[65] = '\0';
    return write_state(h, "seed", text, 0600);
}

static int load_seq(void *ctx, int64_t *last)
{
    struct sim_host *h = ctx;
    if (h->state_dir == NULL) {
        if (!h->mem_have_seq) return WC_HAL_NONE;
        *last = h->mem_seq;
        return WC_HAL_OK;
    }
    char text[32];
    int r = read_state(h, "seq", text, sizeof text);
    if (r != WC_HAL_OK) {
        return r;
    }
    char *end;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    if (end == text || (*end != '\0' && *end != '\n') || errno != 0 || v < 0) {
        fprintf(stderr, "wc-sim: %s/seq is not a sequence number\n", h->state_dir);
        return -1;
    }
    *last = v;
    return WC_HAL_OK;
}

static int store_seq(void *ctx, int64_t last)
{
    struct sim_host *h = ctx;
    if (h->state_dir == NULL) {
        h->mem_seq = last;
        h->mem_have_seq = 1;
        return WC_HAL_OK;
    }
    char text[32];
    snprintf(text, sizeof text, "%" PRId64 "\n", last);
    return write_state(h, "seq", text, 0644);
}

static int random_bytes(void *ctx, uint8_t *out, size_t len)
{
    (void)ctx;
    FILE *f = fopen("/dev/urandom", "rb");
    if (f == NULL) {
        return -1;
    }
    size_t n = fread(out, 1, len, f);
    fclose(f);
    return n == len ? WC_HAL_OK : -1;
}

/* ---- UART ---- */

static int uart_write(void *ctx, const uint8_t *data, size_t len)
{
    struct sim_host *h = ctx;
    size_t done = 0;
    while (done < len) {
        ssize_t n = write(h->uart_fd, data + done, len - done);
        if (n > 0) {
            done += (size_t)n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            return -1;
        }
        /* The reader is behind (or gone, with the line's buffer full):
         * wait rather than drop a record, but not past a stop request. */
        if (*h->stop) {
            return -1;
        }
        struct pollfd p = { h->uart_fd, POLLOUT, 0 };
        (void)poll(&p, 1, 100);
    }
    return WC_HAL_OK;
}

static int queue_fill(struct sim_host *h)
{
    if (h->rx_len == 0) {
        h->rx_head = 0;
    }
    size_t tail = h->rx_head + h->rx_len;
    if (tail >= sizeof h->rx) {
        /* Compact; the queue only wraps this way when the node lags. */
        memmove(h->rx, h->rx + h->rx_head, h->rx_len);
        h->rx_head = 0;
        tail = h->rx_len;
        if (tail >= sizeof h->rx) {
            return 0;
        }
    }
    ssize_t n = read(h->uart_fd, h->rx + tail, sizeof h->rx - tail);
    if (n <= 0) {
        return 0;
    }
    h->rx_len += (size_t)n;
    return (int)n;
}

static int uart_read(void *ctx)
{
    struct sim_host *h = ctx;
    if (h->rx_len == 0 && queue_fill(h) == 0) {
        return -1;
    }
    uint8_t b = h->rx[h->rx_head++];
    h->rx_len--;
    return b;
}

int sim_host_wait_input(struct sim_host *host, int timeout_ms)
{
    if (host->rx_len > 0) {
        return 1;
    }
    struct pollfd p = { host->uart_fd, POLLIN, 0 };
    return poll(&p, 1, timeout_ms) > 0 && (p.revents & POLLIN);
}

int sim_host_wait_for_node(struct sim_host *host)
{
    static wc_frame_decoder dec;
    wc_frame_decoder_init(&dec);
    size_t seen = host->rx_len; /* bytes already looked at stay queued */
    while (!*host->stop) {
        for (; seen < host->rx_len; seen++) {
            int n = wc_frame_decoder_push(&dec, host->rx[host->rx_head + seen]);
            wc_device_msg msg;
            if (n >= 0 && wc_msg_parse_device(&msg, dec.payload, (size_t)n) == WC_MSG_OK) {
                return 0;
            }
        }
        if (host->rx_head + host->rx_len >= sizeof host->rx) {
            /* A full queue of noise holds no request; keep listening. */
            host->rx_head = host->rx_len = seen = 0;
        }
        if (sim_host_wait_input(host, 200)) {
            queue_fill(host);
        }
    }
    return -1;
}

/* ---- the rest ---- */

static int tamper_open(void *ctx)
{
    return ((struct sim_host *)ctx)->tamper;
}

static int battery_mv(void *ctx, uint32_t *mv)
{
    *mv = ((struct sim_host *)ctx)->battery_mv;
    return WC_HAL_OK;
}

void sim_host_hal(struct sim_host *host, wc_hal *hal)
{
    memset(hal, 0, sizeof *hal);
    hal->ctx = host;
    hal->read_channel = read_channel;
    hal->clock_now_ms = clock_now;
    hal->clock_set_ms = clock_set;
    hal->clock_valid = NULL; /* the host clock is a guess until TIME */
    hal->load_seed = load_seed;
    hal->store_seed = store_seed;
    hal->load_seq = load_seq;
    hal->store_seq = store_seq;
    hal->random = random_bytes;
    hal->uart_write = uart_write;
    hal->uart_read = uart_read;
    hal->tamper_open = tamper_open;
    hal->battery_mv = battery_mv;
    hal->demand = NULL; /* no flow channel, so no flow-based leak rule */
}
