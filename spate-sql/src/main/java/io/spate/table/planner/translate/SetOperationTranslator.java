package io.spate.table.planner.translate;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.operators.setop.SetOperation;
import io.spate.table.runtime.operators.setop.SetOperationFunction;
import java.util.stream.IntStream;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;

/**
 * Runs {@code UNION} (with duplicate removal), {@code INTERSECT [ALL]} and {@code EXCEPT [ALL]}: the
 * inputs, two at a time from the left, are partitioned by the whole row and counted by a {@link
 * SetOperationFunction}. {@code UNION ALL} is not one of them: it merges its inputs' streams.
 */
final class SetOperationTranslator {

  private SetOperationTranslator() {}

  /** Whether {@code plan} is a set operation this translator runs. */
  static boolean handles(RelNode plan) {
    return plan instanceof Intersect || plan instanceof Minus || plan instanceof Union union && !union.all;
  }

  /** The operation of {@code setOp}, one of those {@link #handles} accepts. */
  static SetOperation operation(SetOp setOp) {
    if (setOp instanceof Union) {
      return SetOperation.UNION;
    }
    if (setOp instanceof Intersect) {
      return setOp.all ? SetOperation.INTERSECT_ALL : SetOperation.INTERSECT;
    }
    return setOp.all ? SetOperation.MINUS_ALL : SetOperation.MINUS;
  }

  /**
   * What {@code setOp} emits: inserts only for a union or intersection of insert-only inputs (their
   * results only grow), inserts and deletes otherwise (a row leaves an {@code EXCEPT} when the right
   * input gets it); in batch mode inserts of the final rows.
   */
  static ChangelogMode changelogMode(RelNode setOp, ChangelogInference changelog) {
    if (changelog.isBatchMode()) {
      return ChangelogMode.insertOnly();
    }
    boolean insertOnlyInputs = setOp.getInputs().stream().allMatch(changelog::isInsertOnly);
    return insertOnlyInputs && operation((SetOp) setOp).growsWithInputs() ? ChangelogMode.insertOnly()
        : ChangelogInference.INSERTS_AND_DELETES;
  }

  /** The stream of {@code plan}'s rows, {@code plan} being a set operation this translator {@link #handles}. */
  static DataStream<Row> translate(StreamTranslator translator, RelNode plan) {
    SetOp setOp = (SetOp) plan;
    SetOperation operation = operation(setOp);
    RowTypeInfo rowType = StreamTranslator.rowTypeInfo(setOp.getRowType());
    KeyProjection wholeRow = new KeyProjection(IntStream.range(0, rowType.getArity()).toArray());
    DataStream<Row> result = translator.translate(setOp.getInput(0));
    boolean bounded = result.getExecutionEnvironment().getConfiguration().get(CoreOptions.RUNTIME_MODE)
        == RuntimeExecutionMode.BATCH;
    String name = operation.displayName() + "(select=[" + String.join(", ", setOp.getRowType().getFieldNames()) + "])";
    for (int i = 1; i < setOp.getInputs().size(); i++) {
      DataStream<Row> right = translator.translate(setOp.getInput(i));
      result = result.connect(right)
          .keyBy(wholeRow, wholeRow, rowType)
          .process(new SetOperationFunction(operation, bounded, translator.stateRetentionMillis()), rowType)
          .name(name);
    }
    return result;
  }
}
