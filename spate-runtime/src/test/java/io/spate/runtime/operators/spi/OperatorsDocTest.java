package io.spate.runtime.operators.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/operators.md shows the example operator as the test code that compiles and runs it. */
class OperatorsDocTest {

  @Test
  void theDocumentedOperatorIsTheTestedOne() throws Exception {
    Path doc = Path.of("..", "docs", "operators.md");
    Path source = Path.of("src", "test", "java", "io", "spate", "runtime", "operators", "spi", "WindowSumOperator.java");
    String code = Files.readString(source);
    String shown = code.substring(code.indexOf("import ")).strip();
    assertThat(Files.readString(doc)).contains(shown);
  }
}
