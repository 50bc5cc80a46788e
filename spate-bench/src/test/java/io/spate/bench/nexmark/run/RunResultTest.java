package io.spate.bench.nexmark.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Two runs have the same result when their row counts and hex checksums agree; anything unreadable never agrees. */
class RunResultTest {

  private static RunResult run(long count, String checksum) {
    return new RunResult("spate", "q0", 100, 1, 1, 1, count, checksum, null, null);
  }

  @Test
  void sameCountAndChecksumAreTheSameResultWhateverTheHexCase() {
    assertThat(run(5, "ffa0").sameResultAs(run(5, "FFA0"))).isTrue();
    // checksums are unsigned 64-bit values: the top bit set still reads
    assertThat(run(5, "8000000000000001").sameResultAs(run(5, "8000000000000001"))).isTrue();
  }

  @Test
  void aDifferentCountOrChecksumIsADifferentResult() {
    assertThat(run(5, "ffa0").sameResultAs(run(6, "ffa0"))).isFalse();
    assertThat(run(5, "ffa0").sameResultAs(run(5, "ffa1"))).isFalse();
  }

  @Test
  void aMissingOrUnreadableChecksumNeverAgrees() {
    assertThat(run(5, null).sameResultAs(run(5, null))).isFalse();
    assertThat(run(5, "ffa0").sameResultAs(run(5, null))).isFalse();
    assertThat(run(5, "not hex").sameResultAs(run(5, "not hex"))).isFalse();
  }
}
