package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.spate.api.connector.source.lib.SourceHarness;
import io.spate.api.fs.Path;
import io.spate.api.typeinfo.TypeInformation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderFormatTest {

  @TempDir java.nio.file.Path dir;

  /** A POJO with public fields, as Flink programs write them, with the order of its columns. */
  @JsonPropertyOrder({"symbol", "quantity", "price"})
  public static class Trade {
    public String symbol;
    public int quantity;
    public double price;

    public Trade() {}

    Trade(String symbol, int quantity, double price) {
      this.symbol = symbol;
      this.quantity = quantity;
      this.price = price;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Trade t && t.symbol.equals(symbol) && t.quantity == quantity && t.price == price;
    }

    @Override
    public int hashCode() {
      return symbol.hashCode() + quantity;
    }

    @Override
    public String toString() {
      return symbol + "/" + quantity + "/" + price;
    }
  }

  /** A record row, whose columns come in alphabetical order: it has no {@code @JsonPropertyOrder}. */
  public record City(String name, long area, long population) {}

  private java.nio.file.Path write(String name, String content) throws IOException {
    java.nio.file.Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static <T> FileSource<T> source(CsvReaderFormat<T> format, java.nio.file.Path file) {
    return FileSource.forRecordStreamFormat(format, new Path(file.toString())).build();
  }

  @Test
  void readsQuotedFieldsIntoPojos() throws Exception {
    java.nio.file.Path file = write("trades.csv",
        "\"ACME, Inc.\",10,1.5\n"
            + "\"say \"\"hi\"\"\",20,2.25\n"
            + "plain,30,3\n"
            + "\"multi\nline\",40,4\n");
    try (var harness = SourceHarness.start(source(CsvReaderFormat.forPojo(Trade.class), file), 1)) {
      assertThat(harness.runToEnd()).containsExactly(
          new Trade("ACME, Inc.", 10, 1.5), new Trade("say \"hi\"", 20, 2.25), new Trade("plain", 30, 3),
          new Trade("multi\nline", 40, 4));
    }
  }

  @Test
  void readsRecordsWithColumnsInAlphabeticalOrderWithoutAnAnnotation() throws Exception {
    java.nio.file.Path file = write("cities.csv", "88,Zürich,421878\n105,\"Paris\",2102650\n");
    CsvReaderFormat<City> format = CsvReaderFormat.forPojo(City.class);
    assertThat(format.getProducedType()).isEqualTo(TypeInformation.of(City.class));
    try (var harness = SourceHarness.start(source(format, file), 1)) {
      assertThat(harness.runToEnd()).containsExactly(new City("Zürich", 88, 421878), new City("Paris", 105, 2102650));
    }
  }

  @Test
  void aMalformedLineFailsNamingTheFileAndTheLine() throws Exception {
    java.nio.file.Path file = write("bad.csv", "a,1,1.0\nb,2,2.0\nc,not-a-number,3.0\nd,4,4.0\n");
    try (var harness = SourceHarness.start(source(CsvReaderFormat.forPojo(Trade.class), file), 1)) {
      assertThatThrownBy(harness::runToEnd)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("'" + file + "'")
          .hasMessageContaining("CSV line 3")
          .hasMessageContaining("not-a-number");
    }
  }

  @Test
  void rowsWithTooFewOrTooManyColumnsAreMalformed() throws Exception {
    java.nio.file.Path few = write("few.csv", "a,1,1.0\nb,2\n");
    try (var harness = SourceHarness.start(source(CsvReaderFormat.forPojo(Trade.class), few), 1)) {
      assertThatThrownBy(harness::runToEnd).hasMessageContaining("'" + few + "'").hasMessageContaining("CSV line 2");
    }
    java.nio.file.Path many = write("many.csv", "a,1,1.0,extra\n");
    try (var harness = SourceHarness.start(source(CsvReaderFormat.forPojo(Trade.class), many), 1)) {
      assertThatThrownBy(harness::runToEnd).hasMessageContaining("'" + many + "'").hasMessageContaining("CSV line 1");
    }
  }

  @Test
  void ignoringParseErrorsSkipsOnlyTheMalformedRows() throws Exception {
    java.nio.file.Path file = write("mixed.csv", "a,1,1.0\nb,x,2.0\nc,3,3.0\nd,4,4.0,extra\ne,5,5.0\n");
    try (var harness = SourceHarness.start(source(CsvReaderFormat.forPojo(Trade.class).withIgnoreParseErrors(), file),
        1)) {
      assertThat(harness.runToEnd()).extracting(t -> t.symbol).containsExactly("a", "c", "e");
    }
  }

  @Test
  void aSchemaNamesColumnsSeparatorAndHeader() throws Exception {
    java.nio.file.Path file = write("semicolons.csv", "price;symbol;quantity\n1.5;X;7\n2.5;\"Y;Z\";8\n");
    CsvSchema schema = CsvSchema.builder()
        .addNumberColumn("price")
        .addColumn("symbol")
        .addNumberColumn("quantity")
        .setColumnSeparator(';')
        .setUseHeader(true)
        .build();
    CsvReaderFormat<Trade> format = CsvReaderFormat.forSchema(CsvMapper::new, mapper -> schema,
        TypeInformation.of(Trade.class));
    try (var harness = SourceHarness.start(source(format, file), 1)) {
      assertThat(harness.runToEnd()).containsExactly(new Trade("X", 7, 1.5), new Trade("Y;Z", 8, 2.5));
    }
  }

  @Test
  void theFormatIsSerializable() throws Exception {
    CsvReaderFormat<Trade> format = CsvReaderFormat.forPojo(Trade.class);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(format);
    }
    Object copy = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertThat(copy).isInstanceOf(CsvReaderFormat.class);
    java.nio.file.Path file = write("one.csv", "q,1,2.0\n");
    @SuppressWarnings("unchecked")
    CsvReaderFormat<Trade> restored = (CsvReaderFormat<Trade>) copy;
    try (var harness = SourceHarness.start(source(restored, file), 1)) {
      assertThat(harness.runToEnd()).containsExactly(new Trade("q", 1, 2.0));
    }
  }
}
