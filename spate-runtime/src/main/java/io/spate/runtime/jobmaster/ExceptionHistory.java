package io.spate.runtime.jobmaster;

import java.util.ArrayDeque;
import java.util.List;

/** The latest failures of one job, newest first, at most a configured number of them. */
final class ExceptionHistory {

  private final int maxEntries;
  private final ArrayDeque<ExceptionHistoryEntry> entries = new ArrayDeque<>();

  ExceptionHistory(int maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("The exception history keeps " + maxEntries
          + " entries; it needs 0 or more (rest.exception-history-size).");
    }
    this.maxEntries = maxEntries;
  }

  void add(ExceptionHistoryEntry entry) {
    if (maxEntries == 0) {
      return;
    }
    entries.addFirst(entry);
    while (entries.size() > maxEntries) {
      entries.removeLast();
    }
  }

  /** The entries, newest first. */
  List<ExceptionHistoryEntry> entries() {
    return List.copyOf(entries);
  }
}
