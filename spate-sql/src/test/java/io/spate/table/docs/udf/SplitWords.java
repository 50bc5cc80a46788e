package io.spate.table.docs.udf;

import io.spate.api.types.Row;
import io.spate.table.annotation.DataTypeHint;
import io.spate.table.annotation.FunctionHint;
import io.spate.table.functions.TableFunction;

/** The table function of docs/sql/functions.md. */
@FunctionHint(output = @DataTypeHint("ROW<word STRING, length INT>"))
public class SplitWords extends TableFunction<Row> {
  public void eval(String line) {
    if (line != null) {
      for (String word : line.split(" ")) {
        collect(Row.of(word, word.length()));
      }
    }
  }
}
