package org.waterchain.devices.sim;

/**
 * Stations ordered by when their next sample is due, ties by station index so that the order of emission is fully
 * determined. A binary heap over primitive arrays: the simulator pops and re-inserts every station once per sample,
 * and boxing there would cost more than computing the sample.
 */
final class DueQueue {
    private final int[] heap;
    private final long[] due;

    DueQueue(long[] initialDue) {
        due = initialDue.clone();
        heap = new int[due.length];
        for (int i = 0; i < heap.length; i++) {
            heap[i] = i;
        }
        for (int i = heap.length / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    boolean isEmpty() {
        return heap.length == 0;
    }

    /** The earliest due time, or Long.MAX_VALUE when there are no stations. */
    long peekDue() {
        return heap.length == 0 ? Long.MAX_VALUE : due[heap[0]];
    }

    int peekStation() {
        return heap[0];
    }

    /** Gives the earliest station its next due time and restores heap order. */
    void rescheduleTop(long nextDue) {
        due[heap[0]] = nextDue;
        siftDown(0);
    }

    private boolean before(int a, int b) {
        return due[a] < due[b] || (due[a] == due[b] && a < b);
    }

    private void siftDown(int i) {
        int n = heap.length;
        int item = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], item)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }
}
