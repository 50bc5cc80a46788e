package io.spate.table.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.table.formats.RandomRows;
import io.spate.table.runtime.typeutils.TypeInfos;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The csv format's laws: a row written and read back is the row (with a null literal, so that NULL
 * and the empty string differ everywhere), and a written record is one record for the file reader.
 */
class CsvFormatProperties {

  @Test
  void aRowWrittenAndReadBackIsTheSameRow() {
    CsvDialect dialect = new CsvDialect(',', '"', (char) 0);
    CsvValueConverters converters = new CsvValueConverters(";", "\\N", true);
    qt().withExamples(400).forAll(RandomRows.forCsv()).checkAssert(typed -> {
      CsvRowDataSerializationSchema writer = new CsvRowDataSerializationSchema(typed.type(), dialect, converters, "\\N",
          false);
      CsvRowDataDeserializationSchema reader = new CsvRowDataDeserializationSchema(typed.type(),
          TypeInfos.ofRow(typed.type()), dialect, converters, "\\N", false, false);
      byte[] written = writer.serialize(typed.row());
      String text = new String(written, StandardCharsets.UTF_8);
      Row read;
      try {
        read = reader.deserialize(written);
      } catch (java.io.IOException e) {
        throw new AssertionError(e.getMessage(), e);
      }
      assertThat(read).as("%s read back from %s", typed, text).isEqualTo(typed.row());
      // Every line but the last ends inside quotes: the file reader joins exactly these lines.
      String[] lines = text.split("\n", -1);
      StringBuilder soFar = new StringBuilder(lines[0]);
      for (int i = 1; i < lines.length; i++) {
        assertThat(reader.recordGoesOn(soFar.toString())).as("after line %d of %s", i, text).isTrue();
        soFar.append('\n').append(lines[i]);
      }
      assertThat(reader.recordGoesOn(soFar.toString())).as("at the end of %s", text).isFalse();
    });
  }

  @Test
  void aRowWrittenWithAPipeDelimiterAndNoQuotesButAnEscapeReadsBack() {
    CsvDialect dialect = new CsvDialect('|', (char) 0, '\\');
    CsvValueConverters converters = new CsvValueConverters(";", "\\N", true);
    qt().withExamples(200).forAll(RandomRows.forUnquotedCsv()).checkAssert(typed -> {
      CsvRowDataSerializationSchema writer = new CsvRowDataSerializationSchema(typed.type(), dialect, converters, "\\N",
          false);
      CsvRowDataDeserializationSchema reader = new CsvRowDataDeserializationSchema(typed.type(),
          TypeInfos.ofRow(typed.type()), dialect, converters, "\\N", false, false);
      byte[] written = writer.serialize(typed.row());
      try {
        assertThat(reader.deserialize(written)).as("%s from %s", typed, new String(written, StandardCharsets.UTF_8))
            .isEqualTo(typed.row());
      } catch (java.io.IOException e) {
        throw new AssertionError(e.getMessage(), e);
      }
    });
  }
}
