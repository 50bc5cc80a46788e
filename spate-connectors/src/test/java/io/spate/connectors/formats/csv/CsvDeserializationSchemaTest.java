package io.spate.connectors.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.spate.api.functions.Collector;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.formats.CountingMetricGroup;
import io.spate.connectors.formats.SchemaContexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvDeserializationSchemaTest {

  /** A record row: columns in alphabetical order (name, population). */
  public record City(String name, long population) {}

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static <T> List<T> all(CsvDeserializationSchema<T> schema, String message) throws IOException {
    List<T> rows = new ArrayList<>();
    schema.deserialize(utf8(message), new Collector<>() {
      @Override
      public void collect(T record) {
        rows.add(record);
      }

      @Override
      public void close() {}
    });
    return rows;
  }

  @Test
  void writesQuotedFieldsWithoutATrailingLineBreak() {
    assertThat(new String(CsvSerializationSchema.forPojo(City.class).serialize(new City("Rome, Italy", 2_800_000)),
        StandardCharsets.UTF_8)).isEqualTo("\"Rome, Italy\",2800000");
    assertThat(new String(CsvSerializationSchema.forPojo(City.class).withHeader().serialize(new City("Oslo", 700_000)),
        StandardCharsets.UTF_8)).isEqualTo("name,population\nOslo,700000");
  }

  @Test
  void aMalformedRowFailsNamingTheTypeTheReasonAndTheMessage() {
    CsvDeserializationSchema<City> schema = CsvDeserializationSchema.forPojo(City.class);
    assertThatThrownBy(() -> schema.deserialize(utf8("Rome,many")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 1 of a CSV message of 9 bytes is not a valid " + City.class.getName() + " row")
        .hasMessageContaining("\"many\"")
        .hasMessageContaining("the message: 'Rome,many'");
    assertThatThrownBy(() -> schema.deserialize(utf8("Rome")))
        .isInstanceOf(IOException.class).hasMessageContaining("not a valid");
    assertThatThrownBy(() -> schema.deserialize(utf8("Rome,1\nOslo,2")))
        .isInstanceOf(IOException.class).hasMessageContaining("holds 2 rows where one was expected");
  }

  @Test
  void aMessageOfSeveralRowsEmitsEachToTheCollector() throws Exception {
    assertThat(all(CsvDeserializationSchema.forPojo(City.class), "Rome,1\nOslo,2\n"))
        .containsExactly(new City("Rome", 1), new City("Oslo", 2));
  }

  @Test
  void ignoringParseErrorsSkipsAndCountsMalformedRows() throws Exception {
    CsvDeserializationSchema<City> schema = CsvDeserializationSchema.forPojo(City.class).withIgnoreParseErrors();
    CountingMetricGroup metrics = new CountingMetricGroup();
    schema.open(SchemaContexts.deserialization(metrics));
    assertThat(all(schema, "Rome,1\nOslo,many\nBern,3\nLima\n"))
        .containsExactly(new City("Rome", 1), new City("Bern", 3));
    assertThat(schema.deserialize(utf8("x,y"))).isNull();
    assertThat(schema.deserialize(null)).isNull();
    assertThat(metrics.malformedRecords()).isEqualTo(4);
  }

  @Test
  void aSchemaOfItsOwnChoosesColumnsAndSeparator() throws Exception {
    CsvDeserializationSchema<City> schema = CsvDeserializationSchema.forSchema(CsvMapper::new,
        mapper -> CsvSchema.builder().addColumn("population").addColumn("name").build().withColumnSeparator('|'),
        TypeInformation.of(City.class));
    assertThat(schema.deserialize(utf8("42|Town"))).isEqualTo(new City("Town", 42));
  }
}
