package io.spate.connectors.base;

/**
 * What a sink promises about the records it writes when a job fails and recovers from a checkpoint,
 * with Flink's names. A sink that cannot give a guarantee rejects it when the job is built.
 */
public enum DeliveryGuarantee {
  /** Every record is written exactly once: writes become visible only when the checkpoint that covers them completes. */
  EXACTLY_ONCE("exactly-once"),
  /** No record is lost, but records written after the last completed checkpoint may be written again after a failure. */
  AT_LEAST_ONCE("at-least-once"),
  /** Records may be lost or duplicated on failure: writes are not tied to checkpoints at all. */
  NONE("none");

  private final String description;

  DeliveryGuarantee(String description) {
    this.description = description;
  }

  /** The guarantee's name as written in configuration, for example {@code exactly-once}. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
