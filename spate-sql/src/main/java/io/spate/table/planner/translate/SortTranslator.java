package io.spate.table.planner.translate;

import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.configuration.CoreOptions;
import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.runtime.operators.rank.AppendOnlyTopNFunction;
import io.spate.table.runtime.operators.rank.RankType;
import io.spate.table.runtime.operators.rank.RetractableTopNFunction;
import io.spate.table.runtime.operators.rank.SortOrder;
import io.spate.table.runtime.operators.sort.BoundedSortFunction;
import io.spate.table.runtime.operators.sort.LimitFunction;
import io.spate.table.runtime.operators.sort.TemporalSortFunction;
import io.spate.table.types.logical.TimestampKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Runs {@code ORDER BY}, {@code LIMIT} and {@code OFFSET ... FETCH} as Flink does. In streaming
 * mode: {@code ORDER BY} with a limit is a Top-N without partition (a changelog: rows enter and leave
 * the first N); {@code LIMIT} alone passes on the first rows; {@code ORDER BY} without a limit must
 * sort first on an ascending time attribute and releases rows as time passes. In batch mode the rows
 * are sorted once the input has ended and come out as inserts. All rows go through one subtask.
 */
final class SortTranslator {

  private final StreamTranslator translator;

  SortTranslator(StreamTranslator translator) {
    this.translator = translator;
  }

  /** How a sort runs. */
  enum Kind {
    /** ORDER BY with a limit: a Top-N without partition. */
    SORT_LIMIT,
    /** LIMIT without ORDER BY: the first rows. */
    LIMIT,
    /** ORDER BY a time attribute, without a limit. */
    TEMPORAL_SORT,
    /** Nothing to do (no order, no limit). */
    NONE
  }

  static Kind kind(Sort sort) {
    boolean ordered = !sort.getCollation().getFieldCollations().isEmpty();
    boolean limited = sort.fetch != null || sort.offset != null;
    if (ordered) {
      return limited ? Kind.SORT_LIMIT : Kind.TEMPORAL_SORT;
    }
    return limited ? Kind.LIMIT : Kind.NONE;
  }

  /** The changes a sort emits in streaming mode over an input that emits {@code input}. */
  static ChangelogMode changelogMode(Sort sort, ChangelogMode input) {
    if (kind(sort) == Kind.SORT_LIMIT) {
      return input.isInsertOnly() ? ChangelogInference.INSERTS_AND_DELETES : ChangelogMode.all();
    }
    return input;
  }

  /** The plan node's name, as Flink names it in plans. */
  static String describe(Sort sort) {
    String order = "orderBy=[" + orderBy(sort) + "]";
    String limits = "offset=[" + offset(sort) + "], fetch=[" + (sort.fetch == null ? "unlimited" : fetch(sort)) + "]";
    switch (kind(sort)) {
      case SORT_LIMIT:
        return "SortLimit(" + order + ", " + limits + ")";
      case LIMIT:
        return "Limit(" + limits + ")";
      case TEMPORAL_SORT:
        return "TemporalSort(" + order + ")";
      default:
        return "Sort()";
    }
  }

  DataStream<Row> translate(Sort sort) {
    RelNode inputPlan = sort.getInput();
    DataStream<Row> input = translator.translate(inputPlan);
    Kind kind = kind(sort);
    if (kind == Kind.NONE) {
      return input;
    }
    boolean batch = input.getExecutionEnvironment().getConfiguration().get(CoreOptions.RUNTIME_MODE)
        == RuntimeExecutionMode.BATCH;
    RowTypeInfo rowType = StreamTranslator.rowTypeInfo(inputPlan.getRowType());
    List<RelFieldCollation> order = sort.getCollation().getFieldCollations();
    boolean insertOnly = translator.changelog().isInsertOnly(inputPlan);
    long offset = offset(sort);
    long fetch = sort.fetch == null ? Long.MAX_VALUE - offset : fetch(sort);
    var all = StateKeys.keyBy(input, inputPlan.getRowType(), new int[0]);
    if (batch) {
      String name = kind == Kind.LIMIT ? describe(sort) : sort.fetch == null && sort.offset == null
          ? "Sort(orderBy=[" + orderBy(sort) + "])" : describe(sort);
      return all.process(new BoundedSortFunction(RankTranslator.sortOrder(order), offset, fetch, rowType), rowType)
          .name(name);
    }
    switch (kind) {
      case LIMIT:
        if (!insertOnly) {
          throw new TableException("LIMIT without ORDER BY over an updating input (node "
              + PlanNodeNames.describe(translator.changelog().updatingNode(inputPlan))
              + ") is not supported; add an ORDER BY");
        }
        return all.process(new LimitFunction(offset, fetch), rowType).name(describe(sort));
      case SORT_LIMIT:
        if (sort.fetch == null) {
          throw new TableException("ORDER BY with OFFSET needs a FETCH or LIMIT in streaming mode: a sort of an"
              + " unbounded input never ends");
        }
        SortOrder sortOrder = RankTranslator.sortOrder(order);
        long retention = translator.stateRetentionMillis();
        return (insertOnly
            ? all.process(new AppendOnlyTopNFunction(sortOrder, offset + 1, offset + fetch, false, rowType, retention),
                rowType)
            : all.process(new RetractableTopNFunction(sortOrder, RankType.ROW_NUMBER, offset + 1, offset + fetch, false,
                false, rowType, retention), rowType))
            .name(describe(sort));
      default:
        return temporalSort(sort, all, rowType, insertOnly);
    }
  }

  private DataStream<Row> temporalSort(Sort sort, io.spate.api.datastream.KeyedStream<Row, Object> all,
      RowTypeInfo rowType, boolean insertOnly) {
    RelNode inputPlan = sort.getInput();
    List<RelFieldCollation> order = sort.getCollation().getFieldCollations();
    RelFieldCollation first = order.get(0);
    TimestampKind timeKind = TimeAttributes.kind(inputPlan, first.getFieldIndex());
    if (timeKind == TimestampKind.REGULAR) {
      throw new TableException("Sort on a non-time-attribute field is not supported. In streaming mode ORDER BY"
          + " must sort first on a time attribute, ascending (here: " + orderBy(sort) + "), or have a LIMIT");
    }
    if (first.getDirection().isDescending()) {
      throw new TableException("The primary sort order of a streaming table must be ascending on time (here: "
          + orderBy(sort) + ")");
    }
    if (!insertOnly) {
      throw new TableException("A sort on a time attribute takes an insert-only input, but node "
          + PlanNodeNames.describe(translator.changelog().updatingNode(inputPlan)) + " emits updates");
    }
    int rowtime = timeKind == TimestampKind.ROWTIME ? first.getFieldIndex() : -1;
    SortOrder further = RankTranslator.sortOrder(order.subList(1, order.size()));
    return all.process(new TemporalSortFunction(rowtime, further, rowType), rowType).name(describe(sort));
  }

  private static String orderBy(Sort sort) {
    List<String> names = sort.getInput().getRowType().getFieldNames();
    List<String> keys = new ArrayList<>();
    for (RelFieldCollation collation : sort.getCollation().getFieldCollations()) {
      keys.add(names.get(collation.getFieldIndex()) + (collation.getDirection().isDescending() ? " DESC" : " ASC"));
    }
    return String.join(", ", keys);
  }

  private static long offset(Sort sort) {
    return sort.offset == null ? 0 : constant(sort.offset, "OFFSET");
  }

  private static long fetch(Sort sort) {
    return constant(sort.fetch, "FETCH/LIMIT");
  }

  private static long constant(RexNode node, String clause) {
    if (node instanceof RexLiteral literal && literal.getValue() instanceof BigDecimal value) {
      return value.longValueExact();
    }
    throw new TableException(clause + " takes a constant number of rows, not " + node);
  }
}
