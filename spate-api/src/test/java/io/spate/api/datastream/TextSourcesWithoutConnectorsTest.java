package io.spate.api.datastream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * spate-api's tests run without spate-connectors: the two environment methods whose sources live
 * there say which module is missing instead of failing with a class-loading error.
 */
class TextSourcesWithoutConnectorsTest {

  @Test
  void readTextFileNamesTheMissingModule() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    assertThatThrownBy(() -> env.readTextFile("/tmp/input.txt"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("readTextFile")
        .hasMessageContaining("spate-connectors");
  }

  @Test
  void socketTextStreamNamesTheMissingModule() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    assertThatThrownBy(() -> env.socketTextStream("localhost", 9999))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("socketTextStream")
        .hasMessageContaining("spate-connectors");
  }
}
