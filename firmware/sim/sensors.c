#include "sensors.h"

#include <math.h>

#include "wc/record.h"

static const double PI = 3.14159265358979323846;

static const uint16_t REGULAR[] = { WC_Q_PH, WC_Q_TEMPERATURE, WC_Q_EC, WC_Q_ORP, WC_Q_DO, WC_Q_TURBIDITY, WC_Q_SS };
static const uint16_t METAL[] = { WC_Q_CU, WC_Q_ZN, WC_Q_NI, WC_Q_PB, WC_Q_CD };

/* Chance that a pollution episode starts at a given sample. */
#define EPISODE_CHANCE 0.03

/* xorshift64*: small, and good enough for noise. */
static uint64_t next(struct sim_sensors *s)
{
    s->rng ^= s->rng >> 12;
    s->rng ^= s->rng << 25;
    s->rng ^= s->rng >> 27;
    return s->rng * 2685821657736338717ull;
}

static double uniform(struct sim_sensors *s)
{
    return (double)(next(s) >> 11) / 9007199254740992.0; /* [0, 1) */
}

static double gauss(struct sim_sensors *s)
{
    double u = uniform(s), v = uniform(s);
    return sqrt(-2.0 * log(1.0 - u)) * cos(2.0 * PI * v);
}

static double round_to(double v, double step)
{
    return round(v / step) * step;
}

void sim_sensors_init(struct sim_sensors *s, enum sim_kind kind, uint64_t seed)
{
    const uint16_t *list = kind == SIM_METAL ? METAL : REGULAR;
    size_t n = kind == SIM_METAL ? sizeof METAL / sizeof METAL[0] : sizeof REGULAR / sizeof REGULAR[0];
    s->kind = kind;
    s->rng = seed ? seed : 0x9E3779B97F4A7C15ull;
    s->n_channels = (uint8_t)n;
    for (size_t i = 0; i < n; i++) {
        s->channels[i] = list[i];
        s->value[i] = 0.0;
    }
    s->episode_left = 0;
    s->episode_len = 0;
    s->episode_peak = 0.0;
}

/* 0 outside an episode; within one, rises and falls like half a sine. */
static double episode_step(struct sim_sensors *s)
{
    if (s->episode_left == 0 && uniform(s) < EPISODE_CHANCE) {
        s->episode_len = 3 + (int)(uniform(s) * 6.0);
        s->episode_left = s->episode_len;
        s->episode_peak = 0.4 + 0.6 * uniform(s);
    }
    if (s->episode_left == 0) {
        return 0.0;
    }
    double phase = (double)(s->episode_len - s->episode_left + 1) / (double)(s->episode_len + 1);
    s->episode_left--;
    return s->episode_peak * sin(PI * phase);
}

/* Dissolved-oxygen saturation in fresh water at sea level, mg/L
 * (the usual cubic fit, good from 0 to 40 degrees C). */
static double do_saturation(double t)
{
    return 14.62 - 0.3898 * t + 0.006969 * t * t - 0.00005896 * t * t * t;
}

static void regular(struct sim_sensors *s, double hour, double pollution, double *v)
{
    double temp = 17.0 + 4.0 * sin(2.0 * PI * (hour - 9.0) / 24.0) + 0.08 * gauss(s);
    /* Photosynthesis lifts pH and oxygen in the afternoon. */
    double daylight = sin(2.0 * PI * (hour - 8.0) / 24.0);
    v[0] = round_to(7.35 + 0.12 * daylight + 0.02 * gauss(s) - 0.5 * pollution, 0.01);
    v[1] = round_to(temp, 0.01);
    v[2] = round_to(640.0 + 12.0 * gauss(s) + 1600.0 * pollution, 0.1);
    v[3] = round_to(215.0 + 6.0 * gauss(s) - 90.0 * pollution, 0.1);
    v[4] = round_to(do_saturation(temp) * (0.88 + 0.05 * daylight) + 0.08 * gauss(s) - 2.5 * pollution, 0.01);
    v[5] = round_to(fabs(2.8 + 0.4 * gauss(s) + 18.0 * pollution), 0.01);
    v[6] = round_to(fabs(7.5 + 1.2 * gauss(s) + 35.0 * pollution), 0.1);
}

static void metal(struct sim_sensors *s, double pollution, double *v)
{
    static const double base[] = { 0.015, 0.040, 0.006, 0.002, 0.0003 };
    static const double spill[] = { 1.6, 0.5, 0.06, 0.004, 0.0005 };
    for (int i = 0; i < 5; i++) {
        double x = base[i] * (1.0 + 0.12 * gauss(s)) + spill[i] * pollution;
        v[i] = round_to(x > 0.0 ? x : 0.0, 0.0001);
    }
}

void sim_sensors_sample(struct sim_sensors *s, int64_t time_ms)
{
    double hour = fmod((double)(time_ms % 86400000 + 86400000) / 3600000.0, 24.0);
    double pollution = episode_step(s);
    if (s->kind == SIM_METAL) {
        metal(s, pollution, s->value);
    } else {
        regular(s, hour, pollution, s->value);
    }
}

int sim_sensors_value(const struct sim_sensors *s, uint16_t quantity, double *value)
{
    for (uint8_t i = 0; i < s->n_channels; i++) {
        if (s->channels[i] == quantity) {
            *value = s->value[i];
            return 0;
        }
    }
    return -1;
}
