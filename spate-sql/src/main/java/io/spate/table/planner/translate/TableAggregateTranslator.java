package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import io.spate.api.datastream.DataStream;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.table.api.TableException;
import io.spate.table.api.ValidationException;
import io.spate.table.functions.TableAggregateFunction;
import io.spate.table.planner.functions.FunctionSignature;
import io.spate.table.planner.functions.UserTableAggSqlFunction;
import io.spate.table.planner.nodes.GroupTableAggregate;
import io.spate.table.runtime.functions.FunctionInvoker;
import io.spate.table.runtime.functions.OpenedFunction;
import io.spate.table.runtime.operators.aggregate.EmittedRows;
import io.spate.table.runtime.operators.aggregate.GroupTableAggFunction;
import io.spate.table.runtime.operators.aggregate.WindowTableAggFunction;
import io.spate.table.runtime.operators.window.WindowZone;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Runs a {@link GroupTableAggregate}: the input keyed by the group's fields into a {@link
 * GroupTableAggFunction} that calls the user's table aggregate function, or, grouped by a window's start
 * and end, into a {@link WindowTableAggFunction} that emits once per window. In batch mode it is refused,
 * as Flink runs {@code flatAggregate} in streaming mode only.
 */
@Internal
final class TableAggregateTranslator {

  private TableAggregateTranslator() {}

  /** The stream of {@code node}'s rows. */
  static DataStream<Row> translate(StreamTranslator translator, GroupTableAggregate node) {
    if (translator.changelog().isBatchMode()) {
      throw new TableException("flatAggregate (the table aggregate " + node.callSummary() + ") runs in streaming mode"
          + " only, as in Flink; run it with EnvironmentSettings.inStreamingMode()");
    }
    AggregateCall call = node.call();
    UserTableAggSqlFunction sqlFunction = (UserTableAggSqlFunction) call.getAggregation();
    TableAggregateFunction<?, ?> function = sqlFunction.function();
    RelDataType inputType = node.getInput().getRowType();
    boolean updatingInput = !translator.changelog().isInsertOnly(node.getInput());
    List<RelDataType> argumentTypes = new ArrayList<>();
    for (int argument : call.getArgList()) {
      argumentTypes.add(inputType.getFieldList().get(argument).getType());
    }
    FunctionSignature signature = sqlFunction.signatureFor(argumentTypes);
    if (signature == null) {
      throw new ValidationException("No accumulate method of " + function.functionIdentifier() + " takes the"
          + " arguments of " + node.callSummary() + " " + argumentTypes);
    }
    int[] keys = node.groupSet().toArray();
    int windowEnd = WindowColumns.windowEnd(node.getInput(), keys);
    if (windowEnd >= 0 && updatingInput) {
      throw new TableException("Spate does not support a window's flatAggregate over an updating input");
    }
    OpenedFunction opened = new OpenedFunction(function);
    FunctionInvoker retract = null;
    if (updatingInput) {
      Method method = method(function, "retract", signature.method().getParameterTypes());
      if (method == null) {
        throw new ValidationException("The table aggregate " + node.callSummary() + " runs over a changelog (its input"
            + " has updates), so " + function.functionIdentifier() + " needs a public retract method with the"
            + " parameters of its accumulate; add one, or make the input insert-only");
      }
      retract = new FunctionInvoker(opened, method);
    }
    Class<?> accumulatorClass = UserTableAggSqlFunction.accumulatorClass(function);
    Method incremental = UserTableAggSqlFunction.emitMethod(function.getClass(), accumulatorClass,
        "emitUpdateWithRetract", TableAggregateFunction.RetractableCollector.class);
    Method emitValue = UserTableAggSqlFunction.emitMethod(function.getClass(), accumulatorClass, "emitValue",
        io.spate.api.functions.Collector.class);
    Method emit = incremental != null ? incremental : emitValue;
    LogicalType result = sqlFunction.resultType();
    EmittedRows emitted = new EmittedRows(result instanceof RowType row ? row.getFieldNames() : null);
    if (windowEnd >= 0) {
      // A window emits its rows once, so the whole result of emitValue is what it needs.
      WindowTableAggFunction windowOperator = new WindowTableAggFunction(windowEnd,
          call.getArgList().stream().mapToInt(Integer::intValue).toArray(), new FunctionInvoker(opened,
          signature.method()), new FunctionInvoker(opened, emitValue != null ? emitValue : emit),
          accumulatorType(sqlFunction, accumulatorClass), emitted);
      WindowZone zone = WindowColumns.zone(node.getInput(), windowEnd, translator.zone);
      return WallClockWindows.fromWallClock(StateKeys.keyBy(WallClockWindows.toWallClock(
          translator.translate(node.getInput()), zone), inputType, keys)
          .process(windowOperator, StreamTranslator.rowTypeInfo(node.getRowType()))
          .name("Window" + PlanNodeNames.describe(node)), zone);
    }
    GroupTableAggFunction operator = new GroupTableAggFunction(keys,
        call.getArgList().stream().mapToInt(Integer::intValue).toArray(), new FunctionInvoker(opened,
        signature.method()), retract, new FunctionInvoker(opened, emit), incremental != null,
        accumulatorType(sqlFunction, accumulatorClass), emitted, translator.stateRetentionMillis());
    return StateKeys.keyBy(translator.translate(node.getInput()), inputType, keys)
        .process(operator, StreamTranslator.rowTypeInfo(node.getRowType()))
        .name(PlanNodeNames.describe(node));
  }

  private static Method method(Object function, String name, Class<?>[] parameters) {
    try {
      return function.getClass().getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static TypeInformation<?> accumulatorType(UserTableAggSqlFunction sqlFunction, Class<?> accumulatorClass) {
    if (sqlFunction.accumulatorHint() != null) {
      return TypeInfos.of(FunctionSignature.typeOf(Object.class, sqlFunction.accumulatorHint(),
          "the accumulator of " + sqlFunction.function().functionIdentifier()));
    }
    return TypeInformation.of(accumulatorClass);
  }
}
