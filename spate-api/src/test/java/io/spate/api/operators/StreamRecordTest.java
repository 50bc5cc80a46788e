package io.spate.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class StreamRecordTest {

  /** A record of a small value, with a timestamp or (when the boolean is false) without. */
  private static Gen<StreamRecord<Integer>> records() {
    return SourceDSL.integers().between(-3, 3)
        .zip(SourceDSL.longs().between(-2, 2), SourceDSL.booleans().all(),
            (value, timestamp, stamped) -> stamped ? new StreamRecord<>(value, timestamp) : new StreamRecord<>(value));
  }

  @Test
  void equalRecordsHaveEqualHashCodesAndEqualityIsValueTimestampAndWhetherThereIsOne() {
    qt().forAll(records(), records()).checkAssert((a, b) -> {
      boolean same = a.getValue().equals(b.getValue()) && a.hasTimestamp() == b.hasTimestamp()
          && a.getTimestamp() == b.getTimestamp();
      assertThat(a.equals(b)).isEqualTo(same).isEqualTo(b.equals(a));
      if (same) {
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
      }
    });
  }

  @Test
  void aCopyAndACopyToEqualTheOriginal() {
    qt().forAll(records()).checkAssert(record -> {
      assertThat(record.copy(record.getValue())).isEqualTo(record).isNotSameAs(record);
      StreamRecord<Integer> target = new StreamRecord<>(99, 99);
      record.copyTo(record.getValue(), target);
      assertThat(target).isEqualTo(record);
    });
  }

  @Test
  void aRecordWithoutTimestampReportsLongMinValue() {
    StreamRecord<String> record = new StreamRecord<>("a");
    assertThat(record.hasTimestamp()).isFalse();
    assertThat(record.getTimestamp()).isEqualTo(Long.MIN_VALUE);
    assertThat(record).hasToString("Record @ (undef) : a");
  }

  @Test
  void replaceReusesTheRecordAndKeepsOrSetsTheTimestamp() {
    StreamRecord<String> record = new StreamRecord<>("a", 5);
    StreamRecord<Integer> replaced = record.replace(1);
    assertThat(replaced).isSameAs(record);
    assertThat(replaced.getValue()).isEqualTo(1);
    assertThat(replaced.getTimestamp()).isEqualTo(5);
    StreamRecord<Integer> unstamped = new StreamRecord<>(0);
    assertThat(unstamped.replace(2, 7)).isEqualTo(new StreamRecord<>(2, 7));
  }

  @Test
  void setAndEraseTimestamp() {
    StreamRecord<String> record = new StreamRecord<>("a");
    record.setTimestamp(3);
    assertThat(record).isEqualTo(new StreamRecord<>("a", 3));
    record.eraseTimestamp();
    assertThat(record).isEqualTo(new StreamRecord<>("a"));
  }

  @Test
  void theRuntimesLongMinValueTimestampMeansNone() {
    assertThat(StreamRecord.of("a", Long.MIN_VALUE)).isEqualTo(new StreamRecord<>("a"));
    assertThat(StreamRecord.of("a", 0)).isEqualTo(new StreamRecord<>("a", 0));
  }
}
