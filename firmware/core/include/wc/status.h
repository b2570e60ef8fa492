#ifndef WC_STATUS_H
#define WC_STATUS_H

#include <stddef.h>
#include <stdint.h>

#include "wc/record.h"

/* Works out a record's status flags from the board's inputs and the
 * record's own readings. Kept apart from the node so each rule can be
 * tested on its own. */

typedef struct {
    double leak_flow_m3h;        /* flow above this while there is no demand is a leak; <= 0: off */
    double leak_pressure_kpa_min; /* pressure falling faster than this is a leak; <= 0: off */
    uint32_t low_battery_mv;     /* below this is low battery; 0: off */
} wc_status_config;

/* The last usable pressure reading, for the rate of fall. */
typedef struct {
    int have_pressure;
    double pressure_kpa;
    uint64_t at_ms;              /* monotonic */
} wc_status_state;

typedef struct {
    int tamper_open;             /* seen open since the last record */
    int demand;                  /* 1 demand, 0 none, negative unknown */
    int battery_known;
    uint32_t battery_mv;
    int clock_synced;
} wc_status_inputs;

void wc_status_init(wc_status_state *st);

/* Returns the flags for a sample taken at now_ms (monotonic) with these
 * readings, and remembers its pressure for the next call. Only GOOD and
 * SUSPECT readings count; a board without a flow or pressure channel
 * simply never raises that kind of leak. Never sets GATEWAY_SIGNED. */
uint16_t wc_status_flags(wc_status_state *st, const wc_status_config *cfg, const wc_status_inputs *in,
                         const wc_reading *readings, size_t n, uint64_t now_ms);

#endif
