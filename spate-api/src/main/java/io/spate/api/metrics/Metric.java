package io.spate.api.metrics;

import io.spate.api.annotation.Public;

/** A value that a {@link MetricGroup} holds and reporters read: a counter, gauge, histogram or meter. */
@Public
public interface Metric {}
