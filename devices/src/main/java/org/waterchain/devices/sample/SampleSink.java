package org.waterchain.devices.sample;

/** Where a source hands its samples. Called on the source's own thread; implementations must not block long. */
@FunctionalInterface
public interface SampleSink {
    void accept(Sample sample);
}
