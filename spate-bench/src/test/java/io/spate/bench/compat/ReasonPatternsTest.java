package io.spate.bench.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonPatternsTest {

  private final ReasonPatterns reasons = new ReasonPatterns(Map.of(
      "org.apache.flink.api.**", "tree",
      "org.apache.flink.api.common.**", "deeper tree",
      "org.apache.flink.api.common.io.*", "package",
      "org.apache.flink.api.common.io.FileInputFormat", "class",
      "org.apache.flink.api.common.io.Outer.Inner", "nested"));

  @Test
  void theMostSpecificKeyWins() {
    assertThat(reasons.reasonFor("org.apache.flink.api.common.io.FileInputFormat")).hasValue("class");
    assertThat(reasons.reasonFor("org.apache.flink.api.common.io.FileInputFormat$FileBaseStatistics")).hasValue("class");
    assertThat(reasons.reasonFor("org.apache.flink.api.common.io.Outer$Inner")).hasValue("nested");
    assertThat(reasons.reasonFor("org.apache.flink.api.common.io.OtherFormat")).hasValue("package");
    assertThat(reasons.reasonFor("org.apache.flink.api.common.io.sub.Deeper")).hasValue("deeper tree");
    assertThat(reasons.reasonFor("org.apache.flink.api.java.Tuple")).hasValue("tree");
    assertThat(reasons.reasonFor("org.apache.flink.util.Collector")).isEmpty();
  }

  @Test
  void onlyAKeyOfTheClassItselfNamesIt() {
    assertThat(reasons.namesClass("org.apache.flink.api.common.io.FileInputFormat")).isTrue();
    assertThat(reasons.namesClass("org.apache.flink.api.common.io.Outer$Inner")).isTrue();
    assertThat(reasons.namesClass("org.apache.flink.api.common.io.OtherFormat")).as("covered by its package").isFalse();
    assertThat(reasons.namesClass("org.apache.flink.api.common.io.FileInputFormat$FileBaseStatistics"))
        .as("nested in a named class").isFalse();
  }

  @Test
  void aMalformedKeyIsAnErrorNamingIt() {
    assertThatThrownBy(() -> ReasonPatterns.read(new StringReader("org.apache.*.Foo = why\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'org.apache.*.Foo'");
  }

  @Test
  void readsAPropertiesFile() throws IOException {
    ReasonPatterns read = ReasonPatterns.read(new StringReader("# comment\norg.apache.flink.core.io.* = not part of the API\n"));

    assertThat(read.reasonFor("org.apache.flink.core.io.InputSplit")).hasValue("not part of the API");
  }
}
