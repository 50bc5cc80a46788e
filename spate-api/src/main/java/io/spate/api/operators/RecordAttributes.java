package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * Flink's statement about the records that follow it in a stream: whether they are backlog (old data
 * being caught up on). Spate's runtime never sends one (its sources report no backlog status), so
 * operators never receive one; the type exists so that an operator overriding {@code
 * processRecordAttributes} compiles.
 *
 * @param isBacklog whether the records that follow are backlog
 */
@PublicEvolving
public record RecordAttributes(boolean isBacklog) {

  /** Attributes of records that are not backlog. */
  public static final RecordAttributes EMPTY_RECORD_ATTRIBUTES = new RecordAttributes(false);
}
