package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** IDs round-trip through their bytes, print as 32 hex digits, and compare by their parts. */
class AbstractIDTest {

  @Test
  void anIdRoundTripsThroughItsBytesAndCopies() {
    qt().forAll(SourceDSL.longs().all(), SourceDSL.longs().all()).checkAssert((lower, upper) -> {
      AbstractID id = new AbstractID(lower, upper);
      assertThat(id.getLowerPart()).isEqualTo(lower);
      assertThat(id.getUpperPart()).isEqualTo(upper);
      AbstractID fromBytes = new AbstractID(id.getBytes());
      assertThat(fromBytes).isEqualTo(id).hasSameHashCodeAs(id);
      assertThat(new AbstractID(id)).isEqualTo(id);
      assertThat(id.toHexString()).hasSize(32).matches("[0-9a-f]{32}").isEqualTo(id.toString());
      assertThat(Long.parseUnsignedLong(id.toHexString().substring(0, 16), 16)).isEqualTo(lower);
    });
  }

  @Test
  void idsCompareByTheirUpperThenLowerPart() {
    qt().forAll(SourceDSL.longs().all(), SourceDSL.longs().all(), SourceDSL.longs().all(), SourceDSL.longs().all())
        .checkAssert((l1, u1, l2, u2) -> {
          int expected = u1.equals(u2) ? Long.compare(l1, l2) : Long.compare(u1, u2);
          assertThat(Integer.signum(new AbstractID(l1, u1).compareTo(new AbstractID(l2, u2))))
              .isEqualTo(Integer.signum(expected));
        });
    assertThat(new AbstractID()).isNotEqualTo(new AbstractID());
    // Flink prints the lower part first.
    assertThat(new AbstractID(1L, 2L).toHexString()).isEqualTo("00000000000000010000000000000002");
    assertThatThrownBy(() -> new AbstractID(new byte[3])).hasMessageContaining("16 bytes");
  }

  /** A string ID of its own type. */
  static final class TopicId extends StringBasedID {
    private static final long serialVersionUID = 1L;

    TopicId(String key) {
      super(key);
    }
  }

  @Test
  void stringBasedIdsAreEqualByTypeAndString() {
    assertThat(new TopicId("t")).isEqualTo(new TopicId("t")).hasSameHashCodeAs(new TopicId("t"));
    assertThat(new TopicId("t").getKeyString()).isEqualTo("t");
    assertThat(new TopicId("t")).hasToString("t").isNotEqualTo(new TopicId("u"));
  }
}
