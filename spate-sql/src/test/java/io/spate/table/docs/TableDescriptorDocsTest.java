package io.spate.table.docs;

import static io.spate.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.DataTypes;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.Schema;
import io.spate.table.api.Table;
import io.spate.table.api.TableDescriptor;
import io.spate.table.api.TableEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The descriptor example of docs/sql/table-api.md, compiled and run. */
class TableDescriptorDocsTest {

  @Test
  void theDescriptorExampleRuns() throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");

    TableDescriptor numbers = TableDescriptor.forConnector("datagen")
        .schema(Schema.newBuilder()
            .column("id", DataTypes.BIGINT())
            .column("name", DataTypes.STRING())
            .columnByExpression("id_twice", "id * 2")
            .build())
        .option("number-of-rows", "3")
        .option("fields.id.kind", "sequence")
        .option("fields.id.start", "1")
        .option("fields.id.end", "3")
        .build();
    tEnv.createTemporaryTable("numbers", numbers);
    Table doubled = tEnv.from("numbers").select($("id_twice"));

    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = doubled.execute().collect()) {
      iterator.forEachRemaining(rows::add);
    }
    assertThat(rows).containsExactly(Row.of(2L), Row.of(4L), Row.of(6L));
  }
}
