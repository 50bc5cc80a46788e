package io.spate.connectors.base;

import java.io.IOException;
import java.util.Set;

/**
 * A fetcher thread of a {@link SourceReaderBase} failed; thrown from {@code pollNext} on the task
 * thread. Its message starts with the cause's and names the source, the subtask and the splits
 * the fetcher was reading.
 */
public final class SplitFetcherException extends IOException {

  private static final long serialVersionUID = 1L;

  private final Set<String> splitIds;

  SplitFetcherException(String sourceName, int subtask, Set<String> splitIds, Throwable cause) {
    super(describe(cause) + " (fetching split" + (splitIds.size() == 1 ? " " : "s ") + splitIds
        + " of " + sourceName + ", subtask " + subtask + ")", cause);
    this.splitIds = Set.copyOf(splitIds);
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  /** The ids of the splits the failed fetcher was reading. */
  public Set<String> splitIds() {
    return splitIds;
  }
}
