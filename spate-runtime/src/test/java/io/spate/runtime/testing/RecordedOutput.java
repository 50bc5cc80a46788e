package io.spate.runtime.testing;

import java.util.ArrayList;
import java.util.List;

/** The records a test sink kept, compared as a multiset: a record emitted twice is there twice. */
public final class RecordedOutput {

  private RecordedOutput() {}

  /** A sorted copy of {@code kept}, a list that sinks append to while holding its lock. */
  public static List<String> sorted(List<String> kept) {
    List<String> records;
    synchronized (kept) {
      records = new ArrayList<>(kept);
    }
    records.sort(null);
    return records;
  }
}
