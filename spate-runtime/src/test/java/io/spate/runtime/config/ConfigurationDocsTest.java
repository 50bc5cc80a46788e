package io.spate.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.ConfigOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigurationDocsTest {

  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  /** Regenerate with: mvn -pl spate-test-utils,spate-api,spate-runtime test -Dtest=ConfigurationDocsTest -Dspate.docs.update=true */
  @Test
  void theCommittedTableMatchesTheOptions() throws Exception {
    String expected = ConfigurationDocs.markdown();
    if (Boolean.getBoolean("spate.docs.update")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/configuration.md is stale; regenerate it (see this test's comment)")
        .isEqualTo(expected);
  }

  @Test
  void everyOptionHasADescriptionAndAUniqueKey() {
    var options = ConfigurationDocs.allOptions();
    assertThat(options).isNotEmpty();
    assertThat(options).extracting(ConfigOption::key).doesNotHaveDuplicates();
    assertThat(options).allSatisfy(o -> assertThat(o.description()).isNotBlank());
  }
}
