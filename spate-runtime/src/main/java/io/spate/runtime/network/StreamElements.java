package io.spate.runtime.network;

/** The control elements that travel between tasks in order with the record batches. */
public final class StreamElements {

  private StreamElements() {}

  /** The value of a record's timestamp when it has none. */
  public static final long NO_TIMESTAMP = Long.MIN_VALUE;

  /** The producer of a channel has emitted everything: no more elements will follow. */
  public static final Object END_OF_PARTITION = new Object() {
    @Override
    public String toString() {
      return "EndOfPartition";
    }
  };

  /**
   * The producer of a channel has emitted all its records and finished its operators, but keeps the
   * channel open for the barriers of its final checkpoint; {@link #END_OF_PARTITION} follows once that
   * checkpoint completed. Only records are over: barriers may still come.
   */
  public static final Object END_OF_DATA = new Object() {
    @Override
    public String toString() {
      return "EndOfData";
    }
  };

  /**
   * A watermark on a channel.
   *
   * @param timestamp the watermark's time
   */
  public record WatermarkElement(long timestamp) {}
}
