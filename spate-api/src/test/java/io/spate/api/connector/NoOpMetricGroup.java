package io.spate.api.connector;

import io.spate.api.metrics.UnregisteredMetricsGroup;

/** A metric group that keeps counters but reports nothing, for connector tests. */
public final class NoOpMetricGroup extends UnregisteredMetricsGroup {}
