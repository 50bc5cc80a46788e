package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.typeinfo.Types;
import org.junit.jupiter.api.Test;

/** A tag is responsible for the records of the tags equal to it: those with its id. */
class OutputTagTest {

  @Test
  void aTagIsResponsibleForTagsWithItsId() {
    OutputTag<String> late = new OutputTag<>("late", Types.STRING);
    assertThat(OutputTag.isResponsibleFor(late, new OutputTag<String>("late") {})).isTrue();
    assertThat(OutputTag.isResponsibleFor(late, new OutputTag<>("early", Types.STRING))).isFalse();
    assertThat(OutputTag.isResponsibleFor(late, null)).isFalse();
  }
}
