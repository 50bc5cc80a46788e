package io.spate.connectors.file;

import io.spate.api.configuration.Configuration;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.lib.SequentialSplitReader;
import io.spate.api.metrics.Counter;
import io.spate.connectors.formats.MalformedRecordCounting;
import io.spate.connectors.formats.MalformedRecords;
import java.io.IOException;

/**
 * Reads the splits of a {@link FileSource} one after another through its {@link BulkFormat},
 * remembering the position after the last record it emitted so that a checkpoint resumes exactly
 * after it. Each poll emits at most {@link #MAX_RECORDS_PER_POLL} records and reads at most one new
 * batch. Formats whose readers skip malformed records count them on the reader's metric group as
 * {@value MalformedRecords#METRIC_NAME}.
 */
final class FileSourceReader<T> extends SequentialSplitReader<T, FileSourceSplit> {

  static final int MAX_RECORDS_PER_POLL = 1024;

  private final BulkFormat<T, FileSourceSplit> format;
  private final Configuration config = new Configuration();
  private final Counter malformedRecords;
  private BulkFormat.Reader<T> reader;
  private BulkFormat.RecordIterator<T> batch;
  private String file;
  private long offset;
  private long skipCount;

  FileSourceReader(SourceReaderContext context, BulkFormat<T, FileSourceSplit> format) {
    super(context);
    this.format = format;
    this.malformedRecords = MalformedRecords.counterOn(context.metricGroup());
  }

  @Override
  protected void openSplit(FileSourceSplit split) throws IOException {
    file = split.localPath();
    offset = split.offset();
    skipCount = split.recordsToSkip();
    reader = split.getReaderPosition().isPresent()
        ? format.restoreReader(config, split)
        : format.createReader(config, split);
    if (reader instanceof MalformedRecordCounting counting) {
      counting.setMalformedRecordsCounter(malformedRecords);
    }
  }

  @Override
  protected SplitProgress readSplit(ReaderOutput<T> output) throws IOException {
    boolean readBatch = false;
    int emitted = 0;
    while (emitted < MAX_RECORDS_PER_POLL) {
      if (batch == null) {
        if (readBatch) {
          break;
        }
        batch = reader.readBatch();
        readBatch = true;
        if (batch == null) {
          return SplitProgress.FINISHED;
        }
      }
      RecordAndPosition<T> record = batch.next();
      if (record == null) {
        batch.releaseBatch();
        batch = null;
        continue;
      }
      output.collect(record.getRecord());
      offset = record.getOffset();
      skipCount = record.getRecordSkipCount();
      emitted++;
    }
    return SplitProgress.MORE;
  }

  @Override
  protected FileSourceSplit currentSplitState() {
    return new FileSourceSplit(file, offset, skipCount);
  }

  @Override
  protected void closeSplit() throws IOException {
    if (batch != null) {
      batch.releaseBatch();
      batch = null;
    }
    if (reader != null) {
      BulkFormat.Reader<T> open = reader;
      reader = null;
      open.close();
    }
  }
}
