package io.spate.connectors.jdbc;

import java.util.UUID;

/**
 * What a checkpoint keeps of an exactly-once JDBC writer: the tag of the job run whose transaction
 * ids it wrote and the checkpoint's id. A restored writer rolls back that run's prepared
 * transactions that began at or after the checkpoint, since no completed checkpoint covers them.
 *
 * @param tag the job run's tag
 * @param checkpointId the checkpoint this state belongs to
 */
record XaWriterState(UUID tag, long checkpointId) {}
