/** The log reporter: writes every metric to the log through SLF4J at its interval, as Flink's does. */
package io.spate.metrics.slf4j;
