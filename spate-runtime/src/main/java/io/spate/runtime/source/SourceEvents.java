package io.spate.runtime.source;

import io.spate.api.connector.source.SourceEvent;
import java.util.List;

/** The operator events between source readers and their split enumerator. */
public final class SourceEvents {

  private SourceEvents() {}

  /** A reader has started and can take splits. */
  public record ReaderRegistered(int subtask) implements OperatorEvent {}

  /** A reader asks for a split. */
  public record SplitRequest(int subtask) implements OperatorEvent {}

  /** The enumerator assigns splits to a reader. */
  public record AddSplits(List<?> splits) implements OperatorEvent {}

  /** The enumerator has no more splits for a reader. */
  public record NoMoreSplits() implements OperatorEvent {}

  /**
   * A reader's current watermark, for watermark alignment; {@code Long.MAX_VALUE} when the reader
   * is idle or finished, since it then holds nothing back.
   */
  public record ReportedWatermark(int subtask, long watermark) implements OperatorEvent {}

  /** The coordinator's limit for a reader in an alignment group: pause while above it. */
  public record WatermarkAlignment(long maxAllowedWatermark) implements OperatorEvent {}

  /** A custom source event, in either direction. */
  public record Custom(int subtask, SourceEvent event) implements OperatorEvent {}
}
