import io.spate.api.dag.StreamGraph;
import io.spate.api.dag.Transformation;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.bench.nexmark.sql.NexmarkSqlQueries;
import io.spate.bench.nexmark.sql.NexmarkSqlScript;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.util.List;

public class PlanSteps {
  public static void main(String[] args) {
    for (String name : args) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
      NexmarkSqlScript script = NexmarkSqlScript.load(name, NexmarkSqlQueries.placeholders(1000, 1000, 0, 1,
          NexmarkSqlQueries.SPATE_UDF_PACKAGE));
      script.prelude().forEach(tEnv::executeSql);
      script.setup().forEach(tEnv::executeSql);
      DataStream<Row> changes = tEnv.toChangelogStream(tEnv.sqlQuery(script.query()));
      System.out.println(name + ": " + StreamGraph.reachableFrom(List.of(changes.getTransformation())).stream()
          .map(Transformation::getName).toList());
    }
  }
}
