/**
 * Restart strategies as back-off policies, and the pipelined regions that a failover restarts.
 * Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.jobmaster.failover;
