package io.spate.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

class FileNamesTest {

  @Test
  void replacesEachCharacterThatIsNotSafeInAFileName() {
    assertThat(FileNames.safe("Window(Tumbling 1 d) -> Sink: q7/1 of 2"))
        .isEqualTo("Window_Tumbling_1_d__-__Sink__q7_1_of_2");
    assertThat(FileNames.safe("job-1.2_x")).isEqualTo("job-1.2_x");
    assertThat(FileNames.safe("Überweisung\\ä")).isEqualTo("_berweisung__");
  }

  /**
   * The same as the regular expression it replaced, on strings without surrogate pairs (the
   * expression replaced a pair by one '_', this by two).
   */
  @Test
  void agreesWithTheRegularExpression() {
    qt().withExamples(500)
        .forAll(StringGens.anyChars(0, 255))
        .assuming(name -> name.codePoints().count() == name.length())
        .checkAssert(name ->
            assertThat(FileNames.safe(name)).isEqualTo(name.replaceAll("[^A-Za-z0-9._-]", "_")));
  }
}
