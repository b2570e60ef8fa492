#include "pty.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* cfmakeraw by hand: it is not POSIX, and the flags are the point. */
static int make_raw(int fd)
{
    struct termios t;
    if (tcgetattr(fd, &t) != 0) {
        return -1;
    }
    t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON | IXOFF);
    t.c_oflag &= ~(tcflag_t)OPOST;
    t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t.c_cflag &= ~(tcflag_t)(CSIZE | PARENB | CSTOPB);
    t.c_cflag |= CS8 | CREAD | CLOCAL;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    cfsetispeed(&t, B115200);
    cfsetospeed(&t, B115200);
    return tcsetattr(fd, TCSANOW, &t);
}

int sim_pty_open(struct sim_pty *pty)
{
    pty->master = posix_openpt(O_RDWR | O_NOCTTY);
    pty->slave = -1;
    if (pty->master < 0) {
        return -1;
    }
    const char *name = NULL;
    if (grantpt(pty->master) != 0 || unlockpt(pty->master) != 0 || (name = ptsname(pty->master)) == NULL
        || strlen(name) >= sizeof pty->path) {
        goto fail;
    }
    strcpy(pty->path, name);
    pty->slave = open(pty->path, O_RDWR | O_NOCTTY);
    if (pty->slave < 0 || make_raw(pty->slave) != 0) {
        goto fail;
    }
    int flags = fcntl(pty->master, F_GETFL);
    if (flags < 0 || fcntl(pty->master, F_SETFL, flags | O_NONBLOCK) != 0) {
        goto fail;
    }
    (void)fcntl(pty->master, F_SETFD, FD_CLOEXEC);
    (void)fcntl(pty->slave, F_SETFD, FD_CLOEXEC);
    return 0;
fail:;
    int saved = errno;
    sim_pty_close(pty);
    errno = saved;
    return -1;
}

int sim_pty_drain(const struct sim_pty *pty, int timeout_ms)
{
    const struct timespec tick = { 0, 20 * 1000 * 1000 };
    int empty = 0;
    (void)tcdrain(pty->master);
    for (int waited = 0; waited <= timeout_ms; waited += 20) {
        /* The kernel hands bytes written to the master on to the slave's
         * input queue a moment later, so the queue is looked at only after
         * a pause, and must be empty twice in a row. Our own slave fd sees
         * the same queue the reader does. */
        nanosleep(&tick, NULL);
        int pending = 0;
        if (ioctl(pty->slave, FIONREAD, &pending) != 0) {
            return -1;
        }
        empty = pending == 0 ? empty + 1 : 0;
        if (empty == 2) {
            return 0;
        }
    }
    return -1;
}

void sim_pty_close(struct sim_pty *pty)
{
    if (pty->slave >= 0) {
        close(pty->slave);
        pty->slave = -1;
    }
    if (pty->master >= 0) {
        close(pty->master);
        pty->master = -1;
    }
}
