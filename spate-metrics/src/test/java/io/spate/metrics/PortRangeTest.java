package io.spate.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/** Ports as Flink writes them: one, a range, or a list of either. */
class PortRangeTest {

  @Test
  void singlePortsRangesAndListsInTheOrderWritten() {
    assertThat(PortRange.parse("port", "9249").ports()).containsExactly(9249);
    assertThat(PortRange.parse("port", "9250-9253").ports()).containsExactly(9250, 9251, 9252, 9253);
    assertThat(PortRange.parse("port", " 9300, 9250-9251 ").ports()).containsExactly(9300, 9250, 9251);
  }

  @Test
  void aRangeHoldsEveryPortFromItsStartToItsEnd() {
    qt().forAll(integers().between(0, 65000), integers().between(0, 535)).check((from, length) -> {
      var ports = PortRange.parse("port", from + "-" + (from + length)).ports();
      return ports.size() == length + 1 && ports.get(0) == from.intValue() && ports.get(length) == from + length;
    });
  }

  @Test
  void malformedPortsAreErrorsNamingTheOptionAndThePart() {
    assertThatThrownBy(() -> PortRange.parse("port", "9249,x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'port'").hasMessageContaining("'x'");
    assertThatThrownBy(() -> PortRange.parse("port", "70000")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'70000'");
    assertThatThrownBy(() -> PortRange.parse("port", "9260-9250")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends before it starts");
  }
}
