package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.connectors.file.CheckpointRollingPolicy;
import io.spate.connectors.file.PartFileInfo;
import java.io.IOException;

/**
 * When the part files of a filesystem table in a file format (Avro, Parquet) roll: at every
 * checkpoint, as a file format needs, and besides when a part reaches the table's size or its
 * rollover or inactivity interval.
 */
@Internal
final class BulkRollingPolicy extends CheckpointRollingPolicy<Row, String> {

  private static final long serialVersionUID = 1L;

  private final FileSystemTableSink.Rolling rolling;

  BulkRollingPolicy(FileSystemTableSink.Rolling rolling) {
    this.rolling = rolling;
  }

  @Override
  public boolean shouldRollOnEvent(PartFileInfo<String> part, Row element) throws IOException {
    return part.getSize() >= rolling.fileSizeBytes();
  }

  @Override
  public boolean shouldRollOnProcessingTime(PartFileInfo<String> part, long currentTime) {
    return currentTime - part.getCreationTime() >= rolling.rolloverInterval().toMillis()
        || currentTime - part.getLastUpdateTime() >= rolling.inactivityInterval().toMillis();
  }
}
