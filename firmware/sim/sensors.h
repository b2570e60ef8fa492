#ifndef WC_SIM_SENSORS_H
#define WC_SIM_SENSORS_H

#include "posix.h"

#include <stddef.h>
#include <stdint.h>

/* Plausible water-quality readings for a simulated station: a diurnal
 * temperature cycle (and pH and oxygen following it), sensor noise, and
 * now and then a pollution episode that rises over a few samples and
 * fades again (conductivity at a regular station, copper and zinc at a
 * heavy-metal one). */

enum sim_kind { SIM_REGULAR, SIM_METAL };

#define SIM_MAX_CHANNELS 8

struct sim_sensors {
    enum sim_kind kind;
    uint64_t rng;
    uint16_t channels[SIM_MAX_CHANNELS];
    uint8_t n_channels;
    double value[SIM_MAX_CHANNELS]; /* the current sample, by channel index */
    int episode_left;               /* samples still to come in an episode */
    int episode_len;
    double episode_peak;            /* 0..1 scale of this episode */
};

/* seed makes runs reproducible per device. */
void sim_sensors_init(struct sim_sensors *s, enum sim_kind kind, uint64_t seed);

/* Takes a new sample of every channel, for this wall-clock time. */
void sim_sensors_sample(struct sim_sensors *s, int64_t time_ms);

/* The current sample's value of a quantity; -1 if not a channel here. */
int sim_sensors_value(const struct sim_sensors *s, uint16_t quantity, double *value);

#endif
