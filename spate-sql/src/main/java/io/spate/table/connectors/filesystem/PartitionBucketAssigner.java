package io.spate.table.connectors.filesystem;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.types.Row;
import io.spate.connectors.file.BucketAssigner;
import io.spate.connectors.file.SimpleVersionedStringSerializer;

/** Puts each row into its partition's directory, {@code k1=v1/k2=v2}, as Flink's filesystem sink does. */
@Internal
final class PartitionBucketAssigner implements BucketAssigner<Row, String> {

  private static final long serialVersionUID = 1L;

  private final String[] keys;
  private final int[] positions;
  private final String defaultName;

  PartitionBucketAssigner(String[] keys, int[] positions, String defaultName) {
    this.keys = keys;
    this.positions = positions;
    this.defaultName = defaultName;
  }

  @Override
  public String getBucketId(Row row, Context context) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        path.append('/');
      }
      String text = PartitionPaths.text(row.getField(positions[i]));
      path.append(PartitionPaths.escape(keys[i])).append('=')
          .append(text == null ? defaultName : PartitionPaths.escape(text));
    }
    return path.toString();
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "PartitionBucketAssigner" + java.util.Arrays.toString(keys);
  }
}
