package io.spate.table.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.Table;
import io.spate.table.api.TableEnvironment;
import io.spate.table.docs.udf.Twice;
import io.spate.table.docs.udf.WeightedAverage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The program example of docs/sql/functions.md, compiled and run. */
class UserFunctionsDocsTest {

  @Test
  void functionsRegisteredFromAProgramAreCalledByItsQueries() throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.executeSql("CREATE TEMPORARY VIEW orders AS SELECT * FROM (VALUES (1, 10), (2, 25)) AS o(id, amount)");
    tEnv.createTemporarySystemFunction("twice", Twice.class);
    tEnv.createTemporaryFunction("weighted_avg", new WeightedAverage());
    Table doubled = tEnv.sqlQuery("SELECT twice(amount) FROM orders");
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = doubled.execute().collect()) {
      iterator.forEachRemaining(rows::add);
    }
    assertThat(rows).containsExactly(Row.of(20L), Row.of(50L));
    assertThat(tEnv.listUserDefinedFunctions()).containsExactly("twice", "weighted_avg");
  }
}
