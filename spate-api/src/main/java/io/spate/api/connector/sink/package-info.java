/**
 * The sink API: {@link io.spate.api.connector.sink.Sink} and its writers, with optional writer
 * state and two-phase commit through a committer. Public-evolving.
 */
package io.spate.api.connector.sink;
