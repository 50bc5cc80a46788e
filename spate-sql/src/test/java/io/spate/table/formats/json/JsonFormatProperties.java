package io.spate.table.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.table.formats.RandomRows;
import io.spate.table.formats.common.TimestampFormat;
import io.spate.table.runtime.typeutils.TypeInfos;
import org.junit.jupiter.api.Test;

/** The json format's law: a row written and read back is the row, for every type and nesting. */
class JsonFormatProperties {

  @Test
  void aRowWrittenAndReadBackIsTheSameRowInBothTimestampFormats() {
    qt().withExamples(400).forAll(RandomRows.forJson()).checkAssert(typed -> {
      for (TimestampFormat format : TimestampFormat.values()) {
        JsonRowDataSerializationSchema writer = new JsonRowDataSerializationSchema(typed.type(), format,
            MapNullKeyMode.FAIL, "null", false, false);
        JsonRowDataDeserializationSchema reader = new JsonRowDataDeserializationSchema(typed.type(),
            TypeInfos.ofRow(typed.type()), true, false, format);
        byte[] written = writer.serialize(typed.row());
        Row read;
        try {
          read = reader.deserialize(written);
        } catch (java.io.IOException e) {
          throw new AssertionError(e.getMessage(), e);
        }
        assertThat(read).as("%s read back from %s", typed, new String(written, java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo(typed.row());
      }
    });
  }
}
