package io.spate.table.runtime.operators.aggregate;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.types.Row;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The expansion below a split distinct aggregation's partial aggregate: each row once per branch (a
 * set of distinct arguments), with the row's fields, the bucket of the branch's argument values and the
 * branch's number. Equal values always get the same bucket, so each value's rows meet in one partial
 * group; the hash is the values' own, stable across processes and restores.
 */
@Internal
public final class ExpandFunction implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final int[][] branches;
  private final int bucketNum;

  /** Rows expanded once per entry of {@code branches} (the fields each buckets by) into {@code bucketNum} buckets. */
  public ExpandFunction(int[][] branches, int bucketNum) {
    if (bucketNum <= 0) {
      throw new IllegalArgumentException("table.optimizer.distinct-agg.split.bucket-num must be positive, not "
          + bucketNum);
    }
    this.branches = branches;
    this.bucketNum = bucketNum;
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    int arity = input.getArity();
    for (int branch = 0; branch < branches.length; branch++) {
      Row row = new Row(input.getKind(), arity + 2);
      for (int i = 0; i < arity; i++) {
        row.setField(i, input.getField(i));
      }
      row.setField(arity, bucket(input, branches[branch], bucketNum));
      row.setField(arity + 1, branch);
      out.collect(row);
    }
  }

  /** The bucket of {@code row}'s values in {@code fields}: their combined hash modulo {@code bucketNum}. */
  static int bucket(Row row, int[] fields, int bucketNum) {
    int hash = 0;
    for (int field : fields) {
      hash = 31 * hash + hash(row.getField(field));
    }
    return Math.floorMod(hash, bucketNum);
  }

  private static int hash(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof byte[] bytes) {
      return Arrays.hashCode(bytes);
    }
    if (value instanceof Object[] array) {
      return Arrays.deepHashCode(array);
    }
    if (value instanceof BigDecimal decimal) {
      // 1.0 and 1.00 are one value to a DISTINCT aggregate that compares them numerically.
      return decimal.signum() == 0 ? 0 : decimal.stripTrailingZeros().hashCode();
    }
    return value.hashCode();
  }
}
