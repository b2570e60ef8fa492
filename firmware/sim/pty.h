#ifndef WC_SIM_PTY_H
#define WC_SIM_PTY_H

#include "posix.h"

/* The simulator's end of a pseudo-terminal. The slave side is held open
 * by the simulator itself for its whole life: without it, reading the
 * master fails with EIO, and poll reports a hang-up, whenever no reader
 * has the slave open, e.g. before the WaterChain node connects and
 * between its reconnects. */
struct sim_pty {
    int master;
    int slave;
    char path[128];
};

/* Returns 0, or -1 with errno set. The line is raw 8N1 at 115200, so a
 * reader that does not configure it still gets the bytes untouched. */
int sim_pty_open(struct sim_pty *pty);

/* Waits until the reader has taken every byte written, or timeout_ms
 * passed: closing the master hangs the line up, and a reader loses
 * whatever it had not read yet. Returns 0 when drained. */
int sim_pty_drain(const struct sim_pty *pty, int timeout_ms);

void sim_pty_close(struct sim_pty *pty);

#endif
