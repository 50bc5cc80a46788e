/**
 * The JMX reporter: one MBean per metric in the platform MBean server, optionally reachable through
 * a JMX connector server on a configured port, as Flink's reporter does.
 */
package io.spate.metrics.jmx;
