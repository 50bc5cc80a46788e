package io.spate.connectors.formats;

import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.lib.SourceHarness;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.FileSourceSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads files through a {@link FileSource}'s reader, as a task would, with a metric group the test
 * can read: for the tests of formats that count the malformed records they skip.
 */
public final class FileFormatReading {

  private static final int MAX_POLLS = 1_000_000;

  private FileFormatReading() {}

  /** Every record of {@code files}, in order, read by {@code source}'s reader. */
  public static <T> List<T> readAll(FileSource<T> source, CountingMetricGroup metrics, java.nio.file.Path... files)
      throws Exception {
    List<FileSourceSplit> splits = new ArrayList<>();
    for (java.nio.file.Path file : files) {
      splits.add(new FileSourceSplit(file.toString(), 0));
    }
    return readSplits(source, metrics, splits);
  }

  /** Every record of {@code splits}, in order, read by {@code source}'s reader. */
  public static <T> List<T> readSplits(FileSource<T> source, CountingMetricGroup metrics,
      List<FileSourceSplit> splits) throws Exception {
    SourceHarness.RecordingOutput<T> output = new SourceHarness.RecordingOutput<>();
    try (SourceReader<T, FileSourceSplit> reader = source.createReader(new Context(metrics))) {
      reader.addSplits(splits);
      reader.notifyNoMoreSplits();
      reader.start();
      for (int poll = 0; poll < MAX_POLLS; poll++) {
        if (reader.pollNext(output) == InputStatus.END_OF_INPUT) {
          return output.records;
        }
      }
    }
    throw new AssertionError("the reader did not end after " + MAX_POLLS + " polls");
  }

  /** The context of a reader of subtask 0 of 1, without an enumerator. */
  private record Context(SourceReaderMetricGroup metricGroup) implements SourceReaderContext {

    @Override
    public int getIndexOfSubtask() {
      return 0;
    }

    @Override
    public int currentParallelism() {
      return 1;
    }

    @Override
    public void sendSplitRequest() {}

    @Override
    public void sendSourceEventToCoordinator(SourceEvent event) {}
  }
}
