package io.spate.connectors.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.fs.FileSystem;
import io.spate.api.fs.Path;
import io.spate.api.serialization.BulkWriter;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.connectors.file.CsvReaderFormat;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.formats.CountingMetricGroup;
import io.spate.connectors.formats.FileFormatReading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBulkWritersTest {

  /** A POJO with its column order. */
  @JsonPropertyOrder({"symbol", "quantity"})
  public static class Trade {
    public String symbol;
    public int quantity;

    public Trade() {}

    Trade(String symbol, int quantity) {
      this.symbol = symbol;
      this.quantity = quantity;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Trade t && t.symbol.equals(symbol) && t.quantity == quantity;
    }

    @Override
    public int hashCode() {
      return symbol.hashCode() + quantity;
    }

    @Override
    public String toString() {
      return symbol + "x" + quantity;
    }
  }

  @TempDir java.nio.file.Path dir;

  private <T> java.nio.file.Path write(String name, BulkWriter.Factory<T> factory, List<T> records) throws Exception {
    java.nio.file.Path file = dir.resolve(name);
    try (FSDataOutputStream out = FileSystem.getLocalFileSystem().create(new Path(file.toString()),
        FileSystem.WriteMode.NO_OVERWRITE)) {
      BulkWriter<T> writer = factory.create(out);
      for (T record : records) {
        writer.addElement(record);
      }
      writer.finish();
      out.write('#'); // the stream is still open after finish(): the sink closes it
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1));
    return file;
  }

  @Test
  void pojoFilesAreWhatCsvReaderFormatReads() throws Exception {
    List<Trade> trades = List.of(new Trade("ACME, Inc.", 10), new Trade("say \"hi\"", 20), new Trade("x", 3));
    java.nio.file.Path file = write("trades.csv", CsvBulkWriters.forPojo(Trade.class), trades);
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo("\"ACME, Inc.\",10\n\"say \"\"hi\"\"\",20\nx,3\n");
    FileSource<Trade> source =
        FileSource.forRecordStreamFormat(CsvReaderFormat.forPojo(Trade.class), new Path(file.toString())).build();
    assertThat(FileFormatReading.readAll(source, new CountingMetricGroup(), file)).isEqualTo(trades);
  }

  @Test
  void aSchemaWithAHeaderAndSeparatorWritesTheHeaderOncePerFile() throws Exception {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = mapper.schemaFor(Trade.class).withHeader().withColumnSeparator(';');
    java.nio.file.Path file = write("t.csv", CsvBulkWriters.forSchema(mapper, schema),
        List.of(new Trade("a", 1), new Trade("b", 2)));
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("symbol;quantity\na;1\nb;2\n");
    FileSource<Trade> source = FileSource.forRecordStreamFormat(
        CsvReaderFormat.forSchema(CsvMapper::new, m -> m.schemaFor(Trade.class).withHeader().withColumnSeparator(';'),
            TypeInformation.of(Trade.class)), new Path(file.toString())).build();
    assertThat(FileFormatReading.readAll(source, new CountingMetricGroup(), file))
        .containsExactly(new Trade("a", 1), new Trade("b", 2));
  }

  @Test
  void csvReaderFormatCountsTheRowsItSkipsOnTheReadersMetricGroup() throws Exception {
    java.nio.file.Path file = dir.resolve("bad.csv");
    Files.writeString(file, "a,1\nb,two\nc,3\nd\n", StandardCharsets.UTF_8);
    CountingMetricGroup metrics = new CountingMetricGroup();
    FileSource<Trade> source = FileSource.forRecordStreamFormat(
        CsvReaderFormat.forPojo(Trade.class).withIgnoreParseErrors(), new Path(file.toString())).build();
    assertThat(FileFormatReading.readAll(source, metrics, file)).containsExactly(new Trade("a", 1), new Trade("c", 3));
    assertThat(metrics.malformedRecords()).isEqualTo(2);
  }
}
