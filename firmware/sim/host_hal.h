#ifndef WC_SIM_HOST_HAL_H
#define WC_SIM_HOST_HAL_H

#include "posix.h"

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "sensors.h"
#include "wc/frame.h"
#include "wc/hal.h"

/* The wc_hal of the host simulator: a pseudo-terminal for the UART,
 * files in a state directory for the key seed and sequence number
 * (memory only without one), the host clock, and simulated sensors. */

#define SIM_RX_QUEUE 4096

struct sim_host {
    int uart_fd;                   /* pty master, non-blocking */
    volatile sig_atomic_t *stop;   /* set by signal handlers: give up waiting */

    /* Bytes read from the line but not yet given to the node. */
    uint8_t rx[SIM_RX_QUEUE];
    size_t rx_head, rx_len;

    const char *state_dir;         /* NULL: keep state in memory */
    int have_fixed_seed;
    uint8_t fixed_seed[32];
    int mem_have_seed, mem_have_seq;
    uint8_t mem_seed[32];
    int64_t mem_seq;

    int64_t clock_base_ms;         /* wall clock at clock_base_mono */
    uint64_t clock_base_mono;

    int tamper;
    uint32_t battery_mv;
    struct sim_sensors sensors;
};

/* Milliseconds from an arbitrary fixed point; never jumps. */
uint64_t sim_monotonic_ms(void);
int64_t sim_realtime_ms(void);

/* Fills every HAL function but the event hook. */
void sim_host_hal(struct sim_host *host, wc_hal *hal);

/* Waits until the node has spoken: a TIME or HELLO_REQUEST arriving in a
 * good frame shows a reader has the line open and configured, so nothing
 * sent from then on is lost to a reader not yet there, or flushed when it
 * sets up the port. The bytes stay queued for the node to handle.
 * Returns 0, or -1 when stopped first. */
int sim_host_wait_for_node(struct sim_host *host);

/* Waits up to timeout_ms for input; 1 if some arrived. */
int sim_host_wait_input(struct sim_host *host, int timeout_ms);

#endif
