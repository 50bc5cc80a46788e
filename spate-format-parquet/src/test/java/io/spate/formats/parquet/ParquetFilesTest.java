package io.spate.formats.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.fs.FileSystem;
import io.spate.api.fs.Path;
import io.spate.api.serialization.BasicValueGenerators;
import io.spate.api.serialization.BulkWriter;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.connectors.formats.CountingMetricGroup;
import io.spate.connectors.formats.FileFormatReading;
import io.spate.formats.avro.AvroTestRecords;
import io.spate.formats.avro.generated.AvroTrade;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files written by AvroParquetWriters' bulk writers and read by AvroParquetReaders' formats. */
class ParquetFilesTest {

  @TempDir java.nio.file.Path dir;

  private final AtomicInteger files = new AtomicInteger();

  private <T> java.nio.file.Path write(BulkWriter.Factory<T> factory, List<T> records) throws IOException {
    java.nio.file.Path file = dir.resolve("part-" + files.incrementAndGet() + ".parquet");
    try (FSDataOutputStream out = FileSystem.getLocalFileSystem().create(new Path(file.toString()),
        FileSystem.WriteMode.NO_OVERWRITE)) {
      BulkWriter<T> writer = factory.create(out);
      for (T record : records) {
        writer.addElement(record);
      }
      writer.finish();
    }
    return file;
  }

  private static <T> List<T> read(AvroParquetRecordFormat<T> format, java.nio.file.Path file) throws Exception {
    return FileFormatReading.readAll(FileSource.forRecordStreamFormat(format, new Path(file.toString())).build(),
        new CountingMetricGroup(), file);
  }

  @Test
  void specificRecordFilesRoundTrip() {
    qt().withExamples(40).forAll(BasicValueGenerators.lists(AvroTestRecords.trades(), 0, 30)).checkAssert(trades -> {
      try {
        java.nio.file.Path file = write(AvroParquetWriters.forSpecificRecord(AvroTrade.class), trades);
        assertThat(read(AvroParquetReaders.forSpecificRecord(AvroTrade.class), file)).isEqualTo(trades);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void genericRecordFilesRoundTrip() {
    qt().withExamples(40).forAll(BasicValueGenerators.lists(AvroTestRecords.sensors(), 0, 30)).checkAssert(sensors -> {
      try {
        java.nio.file.Path file = write(
            AvroParquetWriters.forGenericRecord(AvroTestRecords.SENSOR).withCompressionCodec("snappy"), sensors);
        assertThat(read(AvroParquetReaders.forGenericRecord(AvroTestRecords.SENSOR), file)).isEqualTo(sensors);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void reflectRecordFilesRoundTripAndASchemaCanProjectColumns() throws Exception {
    List<AvroTestRecords.Reading> readings =
        List.of(new AvroTestRecords.Reading("a", 1, 0.5), new AvroTestRecords.Reading("b", 2, -3));
    java.nio.file.Path file = write(AvroParquetWriters.forReflectRecord(AvroTestRecords.Reading.class), readings);
    assertThat(read(AvroParquetReaders.forReflectRecord(AvroTestRecords.Reading.class), file)).isEqualTo(readings);
    Schema sensorOnly = SchemaBuilder.record("Reading").namespace("io.spate.formats.avro.AvroTestRecords").fields()
        .requiredString("sensor").endRecord();
    assertThat(read(AvroParquetReaders.forGenericRecord(sensorOnly), file))
        .extracting(r -> r.get("sensor").toString()).containsExactly("a", "b");
  }

  @Test
  void aRestoreSkipsTheRecordsTheCheckpointCounted() throws Exception {
    List<AvroTrade> trades = IntStream.range(0, 3_000)
        .mapToObj(i -> AvroTestRecords.trade("S" + i, i, i, null, List.of())).toList();
    java.nio.file.Path file = write(AvroParquetWriters.forSpecificRecord(AvroTrade.class), trades);
    FileSource<AvroTrade> source = FileSource.forRecordStreamFormat(
        AvroParquetReaders.forSpecificRecord(AvroTrade.class), new Path(file.toString())).build();
    assertThat(FileFormatReading.readSplits(source, new CountingMetricGroup(),
        List.of(new FileSourceSplit(file.toString(), 0, 1_234)))).isEqualTo(trades.subList(1_234, 3_000));
  }

  @Test
  void aFileThatIsNotParquetFailsNamingIt() throws Exception {
    java.nio.file.Path file = dir.resolve("text.parquet");
    Files.writeString(file, "this is not a parquet file at all\n");
    assertThatThrownBy(() -> read(AvroParquetReaders.forSpecificRecord(AvroTrade.class), file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'" + file + "'")
        .hasMessageContaining("as a specific record " + AvroTrade.class.getName() + ": the file is not a Parquet file");
  }

  @Test
  void anUnknownCodecIsRejectedNamingIt() {
    assertThatThrownBy(() -> AvroParquetWriters.forSpecificRecord(AvroTrade.class).withCompressionCodec("nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown Parquet codec 'nope'");
  }

}
