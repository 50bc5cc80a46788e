package io.spate.table.runtime.generated;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.Collector;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichFlatMapFunction;
import io.spate.api.types.Row;
import io.spate.table.functions.FunctionContext;
import io.spate.table.runtime.functions.OpenedFunction;
import java.util.List;

/**
 * A query's projection and filter run by a generated class: the job carries the class's source, and
 * {@link #open} compiles it (once per class loader and source, see {@link GeneratedClasses}). A row
 * passes when the condition is true and leaves as the projected fields, keeping its change kind, as
 * with the interpreted {@code CalcFunction}.
 */
@Internal
public final class GeneratedCalcFunction extends RichFlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final GeneratedCalcCode code;
  private final OpenedFunction[] functions;
  private transient GeneratedCalc calc;

  /** A calc running {@code code}, whose expressions call the user-defined {@code functions} it opens and closes. */
  public GeneratedCalcFunction(GeneratedCalcCode code, List<OpenedFunction> functions) {
    this.code = code;
    this.functions = functions.toArray(new OpenedFunction[0]);
  }

  /** The generated code this function runs. */
  public GeneratedCalcCode code() {
    return code;
  }

  @Override
  public void open(OpenContext openContext) {
    ClassLoader classLoader = getRuntimeContext().getUserCodeClassLoader();
    FunctionContext context = new FunctionContext(getRuntimeContext().getGlobalJobParameters(), classLoader);
    for (OpenedFunction function : functions) {
      function.open(context);
    }
    calc = code.newInstance(classLoader);
  }

  @Override
  public void close() throws Exception {
    for (OpenedFunction function : functions) {
      function.close();
    }
  }

  @Override
  public void flatMap(Row input, Collector<Row> out) {
    Row output = calc.process(input);
    if (output != null) {
      out.collect(output);
    }
  }
}
