package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** docs/operators.md shows the example operator as the test code that compiles and runs it, and its use runs. */
class OperatorsDocTest {

  @Test
  void theDocumentedUseGivesOneSumPerKeyAndWindow() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    List<String> sums = env.fromSequence(0, 29_999)
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((x, previous) -> x))
        .keyBy(x -> x % 7, Types.LONG)
        .transform("window sums", Types.STRING, new WindowSumOperator(1_000))
        .executeAndCollect(1_000);
    assertThat(sums).hasSize(7 * 30).contains("0@999=" + LongStream.rangeClosed(0, 999).filter(x -> x % 7 == 0).sum());
  }

  @Test
  void theDocumentedOperatorIsTheTestedOne() throws Exception {
    assertShownAsTested("WindowSumOperator");
  }

  @Test
  void theDocumentedFlinkShapedOperatorIsTheTestedOne() throws Exception {
    assertShownAsTested("WindowTotalsOperator");
  }

  /** docs/operators.md shows the test operator {@code className}'s source from its first import on. */
  private static void assertShownAsTested(String className) throws Exception {
    Path doc = Path.of("..", "docs", "operators.md");
    Path source = Path.of("src", "test", "java", "io", "spate", "runtime", "operators", "spi", className + ".java");
    String code = Files.readString(source);
    String shown = code.substring(code.indexOf("import ")).strip();
    assertThat(Files.readString(doc)).contains(shown);
  }
}
