package io.spate.table.connectors.kafka;

import io.spate.api.annotation.Internal;
import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a Kafka table's physical columns are in its records: the key columns (in the key format's
 * row, their names without {@code key.fields-prefix}) and the value columns ({@code
 * value.fields-include}: every physical column, or those not in the key).
 *
 * @param table the table's name, for messages
 * @param physical the table's physical row type
 * @param keyColumns the positions of the key columns in the physical row, in key order
 * @param keyType the row type the key format reads and writes
 * @param valueColumns the positions of the value columns in the physical row
 * @param valueType the row type the value format reads and writes
 */
@Internal
record KafkaTableLayout(String table, RowType physical, int[] keyColumns, RowType keyType, int[] valueColumns,
    RowType valueType) {

  /**
   * The layout of a table with physical row {@code physical}, key columns {@code keyNames} (empty:
   * records without key), {@code prefix} (or null) in front of the key columns' names and {@code
   * exceptKey} to leave them out of the value; {@code keyOption} names where the key columns come from.
   */
  static KafkaTableLayout of(String table, RowType physical, List<String> keyNames, String prefix, boolean exceptKey,
      String keyOption) {
    List<String> names = physical.getFieldNames();
    int[] keyColumns = new int[keyNames.size()];
    List<RowType.RowField> keyFields = new ArrayList<>();
    for (int k = 0; k < keyNames.size(); k++) {
      String name = keyNames.get(k);
      int index = names.indexOf(name);
      if (index < 0) {
        throw new ValidationException("Table " + table + ": " + keyOption + " names '" + name
            + "', which is not one of its physical columns " + names);
      }
      if (prefix != null && !name.startsWith(prefix)) {
        throw new ValidationException("Table " + table + ": the key column '" + name + "' does not start with the"
            + " 'key.fields-prefix' '" + prefix + "'");
      }
      keyColumns[k] = index;
      String keyName = prefix == null ? name : name.substring(prefix.length());
      keyFields.add(new RowType.RowField(keyName, physical.getTypeAt(index)));
    }
    List<Integer> valueColumns = new ArrayList<>();
    List<RowType.RowField> valueFields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int column = i;
      boolean inKey = java.util.Arrays.stream(keyColumns).anyMatch(k -> k == column);
      if (!(exceptKey && inKey)) {
        valueColumns.add(i);
        valueFields.add(physical.getFields().get(i));
      }
    }
    if (valueFields.isEmpty()) {
      throw new ValidationException("Table " + table + ": with 'value.fields-include' = 'EXCEPT_KEY' every physical"
          + " column is in the key, and the value would have none");
    }
    return new KafkaTableLayout(table, physical, keyColumns, new RowType(false, keyFields),
        valueColumns.stream().mapToInt(Integer::intValue).toArray(), new RowType(false, valueFields));
  }

  /** Whether the records have keys. */
  boolean hasKey() {
    return keyColumns.length > 0;
  }
}
