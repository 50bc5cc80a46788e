package io.spate.api.metrics;

/** A value that a {@link MetricGroup} holds and reporters read: a counter, gauge, histogram or meter. */
public interface Metric {}
