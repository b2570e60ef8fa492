#include "harness.h"
#include "suites.h"
#include "wc/status.h"

static const wc_status_config CFG = { 0.05, 5.0, 3300 };

static wc_status_inputs quiet(void)
{
    wc_status_inputs in = { 0, 1, 1, 3700, 1 };
    return in;
}

static uint16_t flags_of(wc_status_state *st, const wc_status_inputs *in, const wc_reading *r, size_t n, uint64_t now)
{
    return wc_status_flags(st, &CFG, in, r, n, now);
}

static void nothing_to_report(void)
{
    wc_status_state st;
    wc_status_init(&st);
    wc_status_inputs in = quiet();
    const wc_reading r[] = { { WC_Q_PH, 7.0, 0 }, { WC_Q_FLOW, 12.0, 0 }, { WC_Q_PRESSURE, 300.0, 0 } };
    CHECK(flags_of(&st, &in, r, 3, 1000) == 0);
}

static void tamper(void)
{
    wc_status_state st;
    wc_status_init(&st);
    wc_status_inputs in = quiet();
    const wc_reading r[] = { { WC_Q_PH, 7.0, 0 } };
    in.tamper_open = 1;
    CHECK(flags_of(&st, &in, r, 1, 0) == WC_FLAG_TAMPER);
}

static void leak_flow_without_demand(void)
{
    wc_status_state st;
    wc_status_init(&st);
    wc_status_inputs in = quiet();
    wc_reading r[] = { { WC_Q_FLOW, 0.2, WC_QUALITY_GOOD } };

    in.demand = 0;
    CHECK(flags_of(&st, &in, r, 1, 0) == WC_FLAG_LEAK);
    r[0].quality = WC_QUALITY_SUSPECT;
    CHECK(flags_of(&st, &in, r, 1, 0) == WC_FLAG_LEAK);
    /* A BAD or maintenance flow reading proves nothing. */
    r[0].quality = WC_QUALITY_BAD;
    CHECK(flags_of(&st, &in, r, 1, 0) == 0);
    r[0].quality = WC_QUALITY_MAINTENANCE;
    CHECK(flags_of(&st, &in, r, 1, 0) == 0);
    r[0].quality = WC_QUALITY_GOOD;

    /* At or below the threshold, flow is meter creep, not a leak. */
    r[0].value = 0.05;
    CHECK(flags_of(&st, &in, r, 1, 0) == 0);
    r[0].value = 0.2;
    in.demand = 1;
    CHECK(flags_of(&st, &in, r, 1, 0) == 0);
    in.demand = -1; /* unknown */
    CHECK(flags_of(&st, &in, r, 1, 0) == 0);

    /* Threshold 0 switches the rule off. */
    wc_status_config off = CFG;
    off.leak_flow_m3h = 0.0;
    in.demand = 0;
    CHECK(wc_status_flags(&st, &off, &in, r, 1, 0) == 0);
}

static void leak_pressure_falling(void)
{
    wc_status_state st;
    wc_status_init(&st);
    wc_status_inputs in = quiet();
    wc_reading r[] = { { WC_Q_PRESSURE, 300.0, WC_QUALITY_GOOD } };

    /* The first sample has nothing to compare with. */
    CHECK(flags_of(&st, &in, r, 1, 0) == 0);
    /* 4 kPa in one minute: below 5 kPa/min. */
    r[0].value = 296.0;
    CHECK(flags_of(&st, &in, r, 1, 60000) == 0);
    /* 12 kPa in two minutes: 6 kPa/min. */
    r[0].value = 284.0;
    CHECK(flags_of(&st, &in, r, 1, 180000) == WC_FLAG_LEAK);
    /* Rising pressure is no leak. */
    r[0].value = 320.0;
    CHECK(flags_of(&st, &in, r, 1, 240000) == 0);
    /* An hourly interval: 60 kPa in an hour is 1 kPa/min, a slow drift. */
    r[0].value = 260.0;
    CHECK(flags_of(&st, &in, r, 1, 240000 + 3600000) == 0);
    /* A BAD reading is skipped and does not become the reference. */
    r[0].value = 0.0;
    r[0].quality = WC_QUALITY_BAD;
    CHECK(flags_of(&st, &in, r, 1, 240000 + 3660000) == 0);
    r[0].value = 250.0;
    r[0].quality = WC_QUALITY_GOOD;
    CHECK(flags_of(&st, &in, r, 1, 240000 + 3720000) == 0); /* 10 kPa over 2 minutes */
    r[0].value = 230.0;
    CHECK(flags_of(&st, &in, r, 1, 240000 + 3780000) == WC_FLAG_LEAK); /* 20 kPa in 1 minute */
}

static void low_battery(void)
{
    wc_status_state st;
    wc_status_init(&st);
    wc_status_inputs in = quiet();
    const wc_reading r[] = { { WC_Q_PH, 7.0, 0 } };
    in.battery_mv = 3299;
    CHECK(flags_of(&st, &in, r, 1, 0) == WC_FLAG_LOW_BATTERY);
    in.battery_mv = 3300;
    CHECK(flags_of(&st, &in, r, 1, 0) == 0);
    in.battery_mv = 0;
    in.battery_known = 0;
    CHECK(flags_of(&st, &in, r, 1, 0) == 0);
}

static void clock_unsynced(void)
{
    wc_status_state st;
    wc_status_init(&st);
    wc_status_inputs in = quiet();
    const wc_reading r[] = { { WC_Q_PH, 7.0, 0 } };
    in.clock_synced = 0;
    CHECK(flags_of(&st, &in, r, 1, 0) == WC_FLAG_CLOCK_UNSYNCED);
}

static void all_at_once_never_gateway(void)
{
    wc_status_state st;
    wc_status_init(&st);
    wc_status_inputs in = { 1, 0, 1, 3000, 0 };
    const wc_reading r[] = { { WC_Q_FLOW, 3.0, 0 } };
    uint16_t f = flags_of(&st, &in, r, 1, 0);
    CHECK(f == (WC_FLAG_TAMPER | WC_FLAG_LEAK | WC_FLAG_LOW_BATTERY | WC_FLAG_CLOCK_UNSYNCED));
    CHECK((f & WC_FLAG_GATEWAY_SIGNED) == 0);
}

void suite_status(void)
{
    t_run("status nothing to report", nothing_to_report);
    t_run("status tamper switch", tamper);
    t_run("status leak: flow with no demand", leak_flow_without_demand);
    t_run("status leak: pressure falling faster than the rate", leak_pressure_falling);
    t_run("status low battery", low_battery);
    t_run("status clock unsynced", clock_unsynced);
    t_run("status all flags together, never gateway-signed", all_at_once_never_gateway);
}
