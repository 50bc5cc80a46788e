package io.spate.table.utils;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

  private static final List<String> NAMES = List.of("INT", "BIGINT", "TIMESTAMP", "TIMESTAMP_LTZ", "STRING");

  @Test
  void findsTheClosestNameWithinAFewEdits() {
    assertThat(NearestName.of("INTT", NAMES)).contains("INT");
    assertThat(NearestName.of("bigitn", NAMES)).contains("BIGINT");
    assertThat(NearestName.of("timestamp_lt", NAMES)).contains("TIMESTAMP_LTZ");
    assertThat(NearestName.of("STIRNG", NAMES)).contains("STRING");
  }

  @Test
  void aNameFarFromEveryCandidateHasNoSuggestion() {
    assertThat(NearestName.of("FOO", NAMES)).isEmpty();
    assertThat(NearestName.of("GEOMETRY", NAMES)).isEmpty();
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(NearestName.editDistance("KITTEN", "SITTING")).isEqualTo(3);
    assertThat(NearestName.editDistance("", "ABC")).isEqualTo(3);
    assertThat(NearestName.editDistance("SAME", "SAME")).isZero();
  }
}
