/* wc-sim: a simulated WaterChain sensor node on a pseudo-terminal, running
 * the same portable core as the firmware. See usage() and README.md. */
#include "posix.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "host_hal.h"
#include "pty.h"
#include "wc/node.h"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

struct options {
    const char *station;
    const char *device;
    enum sim_kind kind;
    uint32_t interval_ms;
    uint64_t count;               /* 0: unlimited */
    const char *state_dir;
    int tamper;
    const char *seed_hex;
    int have_start_time;
    int64_t start_time_ms;
    int wait_for_host;
};

static void usage(FILE *out)
{
    fprintf(out,
        "usage: wc-sim [options]\n"
        "Simulated WaterChain sensor node on its own pseudo-terminal (wire protocol v1).\n"
        "\n"
        "  --station ID          station id (default R04)\n"
        "  --device ID           device id (default <station>-A)\n"
        "  --kind regular|metal  regular: pH, temperature, EC, ORP, DO, turbidity, SS;\n"
        "                        metal: Cu, Zn, Ni, Pb, Cd (default regular)\n"
        "  --interval-ms N       push interval in ms (default 3600000)\n"
        "  --count N             exit after N records (default: run until signalled)\n"
        "  --state-dir DIR       keep the key seed and sequence number in DIR/seed, DIR/seq\n"
        "                        (created on first start; default: memory only)\n"
        "  --seed-hex HEX        fixed 32-byte key seed, 64 hex digits (tests)\n"
        "  --tamper              report the enclosure switch open\n"
        "  --start-time-ms MS    device clock at start (default: host clock); unsynced until TIME\n"
        "  --wait-for-host       send nothing until a TIME or HELLO_REQUEST arrives (default)\n"
        "  --no-wait-for-host    send HELLO and the first record at once\n"
        "  --help\n"
        "\n"
        "stdout, one line each, flushed: 'pty <path>', 'key <public key hex>', then\n"
        "'hello', 'record <seq> <payload hex>' and 'time <ms>' as they happen.\n");
}

static int parse_u64(const char *s, uint64_t max, uint64_t *out)
{
    char *end;
    errno = 0;
    if (*s == '-' || *s == '\0') return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end != '\0' || errno != 0 || v > max) return -1;
    *out = v;
    return 0;
}

static int parse_options(int argc, char **argv, struct options *o)
{
    enum { O_STATION = 256, O_DEVICE, O_KIND, O_INTERVAL, O_COUNT, O_STATE, O_TAMPER, O_SEED, O_START, O_WAIT, O_NOWAIT, O_HELP };
    static const struct option longs[] = {
        { "station", required_argument, NULL, O_STATION },
        { "device", required_argument, NULL, O_DEVICE },
        { "kind", required_argument, NULL, O_KIND },
        { "interval-ms", required_argument, NULL, O_INTERVAL },
        { "count", required_argument, NULL, O_COUNT },
        { "state-dir", required_argument, NULL, O_STATE },
        { "tamper", no_argument, NULL, O_TAMPER },
        { "seed-hex", required_argument, NULL, O_SEED },
        { "start-time-ms", required_argument, NULL, O_START },
        { "wait-for-host", no_argument, NULL, O_WAIT },
        { "no-wait-for-host", no_argument, NULL, O_NOWAIT },
        { "help", no_argument, NULL, O_HELP },
        { NULL, 0, NULL, 0 },
    };
    memset(o, 0, sizeof *o);
    o->station = "R04";
    o->kind = SIM_REGULAR;
    o->interval_ms = WC_NODE_DEFAULT_INTERVAL_MS;
    o->wait_for_host = 1;
    int c;
    uint64_t v;
    while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        switch (c) {
        case O_STATION: o->station = optarg; break;
        case O_DEVICE: o->device = optarg; break;
        case O_KIND:
            if (strcmp(optarg, "regular") == 0) o->kind = SIM_REGULAR;
            else if (strcmp(optarg, "metal") == 0) o->kind = SIM_METAL;
            else { fprintf(stderr, "wc-sim: --kind is regular or metal\n"); return -1; }
            break;
        case O_INTERVAL:
            if (parse_u64(optarg, UINT32_MAX, &v) != 0 || v == 0) {
                fprintf(stderr, "wc-sim: --interval-ms must be 1..%" PRIu32 "\n", UINT32_MAX);
                return -1;
            }
            o->interval_ms = (uint32_t)v;
            break;
        case O_COUNT:
            if (parse_u64(optarg, UINT64_MAX, &o->count) != 0) {
                fprintf(stderr, "wc-sim: --count must be a number\n");
                return -1;
            }
            break;
        case O_STATE: o->state_dir = optarg; break;
        case O_TAMPER: o->tamper = 1; break;
        case O_SEED: o->seed_hex = optarg; break;
        case O_START: {
            char *end;
            errno = 0;
            long long ms = strtoll(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || errno != 0) {
                fprintf(stderr, "wc-sim: --start-time-ms must be a number\n");
                return -1;
            }
            o->have_start_time = 1;
            o->start_time_ms = ms;
            break;
        }
        case O_WAIT: o->wait_for_host = 1; break;
        case O_NOWAIT: o->wait_for_host = 0; break;
        case O_HELP: usage(stdout); exit(0);
        default: usage(stderr); return -1;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "wc-sim: unexpected argument '%s'\n", argv[optind]);
        return -1;
    }
    return 0;
}

static void print_hex(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%02x", p[i]);
    }
}

/* The machine-readable side: one line per thing that happened, flushed at
 * once so a test reading the pipe sees it before the bytes on the pty. */
static void on_event(void *ctx, const wc_event *ev)
{
    (void)ctx;
    switch (ev->type) {
    case WC_EVENT_HELLO_SENT:
        printf("hello\n");
        break;
    case WC_EVENT_RECORD_SENT:
        printf("record %" PRId64 " ", ev->seq);
        print_hex(ev->payload, ev->len);
        printf("\n");
        break;
    case WC_EVENT_TIME_SET:
        printf("time %" PRId64 "\n", ev->time_ms);
        break;
    case WC_EVENT_REJECTED:
        fprintf(stderr, "wc-sim: refused a message (%s)\n", ev->reason == -1 ? "unknown type" : "malformed");
        return;
    case WC_EVENT_STORAGE_ERROR:
        fprintf(stderr, "wc-sim: could not persist the sequence number; record not sent\n");
        return;
    case WC_EVENT_UART_ERROR:
        fprintf(stderr, "wc-sim: write to the pty failed\n");
        return;
    default:
        return;
    }
    fflush(stdout);
}

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    while (*s) {
        h = (h ^ (uint8_t)*s++) * 1099511628211ull;
    }
    return h;
}

static int parse_seed(const char *hex, uint8_t seed[32])
{
    if (strlen(hex) != 64) return -1;
    for (int i = 0; i < 32; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1) return -1;
        seed[i] = (uint8_t)v;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static struct options opt;
    static struct sim_host host;
    static wc_hal hal;
    static wc_node node;
    static wc_node_config cfg;
    static char device[64];

    if (parse_options(argc, argv, &opt) != 0) {
        return 2;
    }
    snprintf(device, sizeof device, "%s", opt.device ? opt.device : "");
    if (opt.device == NULL) {
        snprintf(device, sizeof device, "%s-A", opt.station);
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: a signal must end a wait */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    memset(&host, 0, sizeof host);
    host.stop = &stop_requested;
    host.state_dir = opt.state_dir;
    host.tamper = opt.tamper;
    host.battery_mv = 3700;
    host.clock_base_ms = opt.have_start_time ? opt.start_time_ms : sim_realtime_ms();
    host.clock_base_mono = sim_monotonic_ms();
    if (opt.seed_hex != NULL) {
        if (parse_seed(opt.seed_hex, host.fixed_seed) != 0) {
            fprintf(stderr, "wc-sim: --seed-hex needs 64 hex digits\n");
            return 2;
        }
        host.have_fixed_seed = 1;
    }
    if (opt.state_dir != NULL && mkdir(opt.state_dir, 0700) != 0 && errno != EEXIST) {
        fprintf(stderr, "wc-sim: cannot create %s: %s\n", opt.state_dir, strerror(errno));
        return 1;
    }
    sim_sensors_init(&host.sensors, opt.kind, fnv1a(device) ^ (uint64_t)host.clock_base_ms);

    struct sim_pty pty;
    if (sim_pty_open(&pty) != 0) {
        fprintf(stderr, "wc-sim: cannot open a pseudo-terminal: %s\n", strerror(errno));
        return 1;
    }
    host.uart_fd = pty.master;
    sim_host_hal(&host, &hal);
    hal.event = on_event;

    wc_node_config_defaults(&cfg);
    cfg.device_id = device;
    cfg.model = opt.kind == SIM_METAL ? "wc-sim heavy-metal" : "wc-sim regular";
    cfg.firmware = WC_FIRMWARE_VERSION;
    cfg.interval_ms = opt.interval_ms;
    cfg.channels = host.sensors.channels;
    cfg.n_channels = host.sensors.n_channels;
    int err = wc_node_init(&node, &hal, &cfg);
    if (err != WC_NODE_OK) {
        fprintf(stderr, "wc-sim: cannot start the node: %s\n",
                err == WC_NODE_ERR_CONFIG ? "bad configuration (device id: 1-32 characters '!'..'~')"
                : err == WC_NODE_ERR_STORAGE ? "state unreadable (seed or sequence)" : "internal error");
        sim_pty_close(&pty);
        return 1;
    }

    printf("pty %s\nkey ", pty.path);
    print_hex(node.public_key, sizeof node.public_key);
    printf("\n");
    fflush(stdout);

    if (opt.wait_for_host && sim_host_wait_for_node(&host) != 0) {
        sim_pty_close(&pty);
        return 0; /* stopped before anyone connected */
    }

    uint64_t start = sim_monotonic_ms();
    while (!stop_requested) {
        wc_node_poll(&node, sim_monotonic_ms() - start);
        if (opt.count != 0 && node.stats.records_sent >= opt.count) {
            break;
        }
        uint64_t wait = wc_node_ms_until_due(&node, sim_monotonic_ms() - start);
        sim_host_wait_input(&host, wait > 1000 ? 1000 : (int)wait);
    }

    /* After the last record, let the reader take it before the line goes. */
    if (sim_pty_drain(&pty, stop_requested ? 1000 : 10000) != 0) {
        fprintf(stderr, "wc-sim: the reader did not take every byte before exit\n");
    }
    sim_pty_close(&pty);
    fflush(stdout);
    return 0;
}
