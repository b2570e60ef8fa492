#include "wc/status.h"

void wc_status_init(wc_status_state *st)
{
    st->have_pressure = 0;
    st->pressure_kpa = 0.0;
    st->at_ms = 0;
}

static const wc_reading *find(const wc_reading *r, size_t n, uint16_t quantity)
{
    for (size_t i = 0; i < n; i++) {
        if (r[i].quantity == quantity && r[i].quality <= WC_QUALITY_SUSPECT) {
            return &r[i];
        }
    }
    return NULL;
}

static int flow_leak(const wc_status_config *cfg, const wc_status_inputs *in, const wc_reading *flow)
{
    /* Unknown demand raises nothing: a false leak alarm costs a site visit. */
    return cfg->leak_flow_m3h > 0.0 && flow != NULL && in->demand == 0
        && flow->value > cfg->leak_flow_m3h;
}

static int pressure_leak(wc_status_state *st, const wc_status_config *cfg, const wc_reading *p, uint64_t now_ms)
{
    if (p == NULL) {
        return 0;
    }
    int leak = 0;
    if (cfg->leak_pressure_kpa_min > 0.0 && st->have_pressure && now_ms > st->at_ms) {
        double minutes = (double)(now_ms - st->at_ms) / 60000.0;
        double falling = (st->pressure_kpa - p->value) / minutes;
        leak = falling > cfg->leak_pressure_kpa_min;
    }
    st->have_pressure = 1;
    st->pressure_kpa = p->value;
    st->at_ms = now_ms;
    return leak;
}

uint16_t wc_status_flags(wc_status_state *st, const wc_status_config *cfg, const wc_status_inputs *in,
                         const wc_reading *readings, size_t n, uint64_t now_ms)
{
    uint16_t flags = 0;
    if (in->tamper_open) {
        flags |= WC_FLAG_TAMPER;
    }
    int leak = flow_leak(cfg, in, find(readings, n, WC_Q_FLOW));
    /* Always evaluated, so the pressure history stays current. */
    if (pressure_leak(st, cfg, find(readings, n, WC_Q_PRESSURE), now_ms)) {
        leak = 1;
    }
    if (leak) {
        flags |= WC_FLAG_LEAK;
    }
    if (cfg->low_battery_mv > 0 && in->battery_known && in->battery_mv < cfg->low_battery_mv) {
        flags |= WC_FLAG_LOW_BATTERY;
    }
    if (!in->clock_synced) {
        flags |= WC_FLAG_CLOCK_UNSYNCED;
    }
    return flags;
}
