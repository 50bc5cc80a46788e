package io.spate.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.fs.FSDataInputStream;
import io.spate.api.fs.FSDataOutputStream;
import io.spate.api.fs.FileSystem;
import io.spate.api.fs.Path;
import io.spate.api.serialization.BulkWriter;
import io.spate.connectors.file.CheckpointedPosition;
import io.spate.connectors.file.FileSource;
import io.spate.connectors.file.FileSourceSplit;
import io.spate.connectors.file.StreamFormat;
import io.spate.connectors.formats.CountingMetricGroup;
import io.spate.connectors.formats.FileFormatReading;
import io.spate.formats.avro.generated.AvroTrade;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container files written by AvroWriters' bulk writers and read by AvroReaders' formats. */
class AvroFilesTest {

  @TempDir java.nio.file.Path dir;

  static <T> java.nio.file.Path write(java.nio.file.Path file, BulkWriter.Factory<T> factory, List<T> records)
      throws IOException {
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

  private static List<AvroTrade> trades(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> AvroTestRecords.trade("S" + i, i, i * 0.5, i % 3 == 0 ? null : "X", List.of("t" + i)))
        .toList();
  }

  @Test
  void specificGenericAndReflectFilesReadBackExactly() throws Exception {
    List<AvroTrade> trades = trades(100);
    java.nio.file.Path specific = write(dir.resolve("trades.avro"), AvroWriters.forSpecificRecord(AvroTrade.class),
        trades);
    assertThat(FileFormatReading.readAll(FileSource.forRecordStreamFormat(
        AvroReaders.forSpecificRecord(AvroTrade.class), new Path(specific.toString())).build(),
        new CountingMetricGroup(), specific)).isEqualTo(trades);

    List<GenericRecord> sensors = List.of(
        AvroTestRecords.sensor("a", 1, 2, null, List.of(1, 2), 1f, 2f),
        AvroTestRecords.sensor("b", 3, 4, "C", List.of(), 3f, 4f));
    java.nio.file.Path generic = write(dir.resolve("sensors.avro"),
        AvroWriters.forGenericRecord(AvroTestRecords.SENSOR).withCodec("deflate"), sensors);
    assertThat(FileFormatReading.readAll(FileSource.forRecordStreamFormat(
        AvroReaders.forGenericRecord(AvroTestRecords.SENSOR), new Path(generic.toString())).build(),
        new CountingMetricGroup(), generic)).isEqualTo(sensors);

    List<AvroTestRecords.Reading> readings =
        List.of(new AvroTestRecords.Reading("x", 1, 2.5), new AvroTestRecords.Reading("y", 2, -1));
    java.nio.file.Path reflect = write(dir.resolve("readings.avro"),
        AvroWriters.forReflectRecord(AvroTestRecords.Reading.class), readings);
    assertThat(FileFormatReading.readAll(FileSource.forRecordStreamFormat(
        AvroReaders.forReflectRecord(AvroTestRecords.Reading.class), new Path(reflect.toString())).build(),
        new CountingMetricGroup(), reflect)).isEqualTo(readings);
  }

  @Test
  void filesOfAnOlderSchemaAreResolvedToTheReadersSchema() throws Exception {
    Schema old = SchemaBuilder.record("AvroTrade").namespace("io.spate.formats.avro.generated").fields()
        .requiredString("symbol").requiredInt("quantity").requiredDouble("price").endRecord();
    GenericRecord record = new org.apache.avro.generic.GenericData.Record(old);
    record.put("symbol", "OLD");
    record.put("quantity", 1);
    record.put("price", 2.0);
    java.nio.file.Path file = write(dir.resolve("old.avro"), AvroWriters.forGenericRecord(old), List.of(record));
    assertThat(FileFormatReading.readAll(FileSource.forRecordStreamFormat(
        AvroReaders.forSpecificRecord(AvroTrade.class), new Path(file.toString())).build(),
        new CountingMetricGroup(), file)).containsExactly(AvroTestRecords.trade("OLD", 1, 2.0, null, List.of()));
  }

  @Test
  void aRestoreFromAReportedPositionReadsExactlyTheRecordsAfterIt() throws Exception {
    List<AvroTrade> trades = trades(20_000); // several blocks of 64 KiB
    java.nio.file.Path file = write(dir.resolve("many.avro"), AvroWriters.forSpecificRecord(AvroTrade.class), trades);
    StreamFormat<AvroTrade> format = AvroReaders.forSpecificRecord(AvroTrade.class);
    List<CheckpointedPosition> positions = new ArrayList<>();
    try (FSDataInputStream in = FileSystem.getLocalFileSystem().open(new Path(file.toString()));
        StreamFormat.Reader<AvroTrade> reader =
            format.createReader(new Configuration(), in, Files.size(file), Files.size(file))) {
      for (int i = 0; i < trades.size(); i++) {
        assertThat(reader.read()).isEqualTo(trades.get(i));
        positions.add(reader.getCheckpointedPosition());
      }
      assertThat(reader.read()).isNull();
    }
    assertThat(positions.stream().map(CheckpointedPosition::getOffset).distinct().count()).isGreaterThan(2);
    FileSource<AvroTrade> source = FileSource.forRecordStreamFormat(format, new Path(file.toString())).build();
    for (int after : new int[] {0, 1, 12_345, trades.size() - 1}) {
      CheckpointedPosition at = positions.get(after);
      List<AvroTrade> rest = FileFormatReading.readSplits(source, new CountingMetricGroup(),
          List.of(new FileSourceSplit(file.toString(), at.getOffset(), at.getRecordsAfterOffset())));
      assertThat(rest).as("after record " + after).isEqualTo(trades.subList(after + 1, trades.size()));
    }
  }

  @Test
  void aFileThatIsNotAnAvroContainerFileFailsNamingIt() throws Exception {
    java.nio.file.Path file = dir.resolve("text.avro");
    Files.writeString(file, "just text\n");
    FileSource<AvroTrade> source = FileSource.forRecordStreamFormat(
        AvroReaders.forSpecificRecord(AvroTrade.class), new Path(file.toString())).build();
    assertThatThrownBy(() -> FileFormatReading.readAll(source, new CountingMetricGroup(), file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'" + file + "'")
        .hasMessageContaining("not an Avro container file");
  }

  @Test
  void aCorruptBlockFailsNamingItsOffset() throws Exception {
    java.nio.file.Path file = write(dir.resolve("corrupt.avro"), AvroWriters.forSpecificRecord(AvroTrade.class),
        trades(1_000));
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length - 200; i < bytes.length - 30; i++) {
      bytes[i] = (byte) 0xFF;
    }
    Files.write(file, bytes);
    FileSource<AvroTrade> source = FileSource.forRecordStreamFormat(
        AvroReaders.forSpecificRecord(AvroTrade.class), new Path(file.toString())).build();
    assertThatThrownBy(() -> FileFormatReading.readAll(source, new CountingMetricGroup(), file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'" + file + "'")
        .hasMessageContaining("the Avro block at byte");
  }
}
