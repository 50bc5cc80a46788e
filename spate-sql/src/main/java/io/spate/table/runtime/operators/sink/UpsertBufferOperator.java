package io.spate.table.runtime.operators.sink;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.operators.MiniBatchOperator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buffer in front of an upsert sink ({@code sink.buffer-flush.*} of {@code upsert-kafka}): it
 * keeps only the latest change of each key and passes the buffer on when {@code maxRows} keys wait,
 * when the oldest waited {@code intervalMillis}, before a checkpoint barrier and at the end of the
 * input. An upsert sink's result depends only on each key's last change, so the sink writes fewer
 * records with the same result. The buffer lives in memory only, which is why it is always empty
 * when a barrier passes; a watermark waits until the rows before it went on.
 */
@Internal
public final class UpsertBufferOperator extends MiniBatchOperator {

  private static final long serialVersionUID = 1L;

  private final KeyProjection key;
  private transient Map<Row, Buffered> buffer;

  /** A buffer keyed by the fields {@code keyFields} of the rows, of at most {@code maxRows} keys and {@code intervalMillis}. */
  public UpsertBufferOperator(int[] keyFields, int maxRows, long intervalMillis) {
    super(checkedInterval(maxRows, intervalMillis), maxRows);
    this.key = new KeyProjection(keyFields);
  }

  @Override
  public void open() throws Exception {
    super.open();
    buffer = new LinkedHashMap<>();
  }

  @Override
  protected void addToBatch(Row value, long timestamp) throws Exception {
    buffer.put(key.getKey(value), new Buffered(value, timestamp));
  }

  /** The buffer counts keys, not rows: a key's later changes replace its earlier one. */
  @Override
  protected long batchSize() {
    return buffer.size();
  }

  /** Passes each buffered key's latest change on, in the order the keys first came. */
  @Override
  protected void handleBatch() {
    Map<Row, Buffered> rows = buffer;
    buffer = new LinkedHashMap<>();
    for (Buffered row : rows.values()) {
      output.collect(row.row, row.timestamp);
    }
  }

  private static long checkedInterval(int maxRows, long intervalMillis) {
    if (maxRows < 1 || intervalMillis < 1) {
      throw new IllegalArgumentException("An upsert buffer needs at least one row and one millisecond, got "
          + maxRows + " rows and " + intervalMillis + " ms");
    }
    return intervalMillis;
  }

  /** A key's latest change and its record timestamp. */
  private record Buffered(Row row, long timestamp) {}
}
