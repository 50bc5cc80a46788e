package io.spate.table.formats.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import io.spate.table.types.logical.BigIntType;
import io.spate.table.types.logical.DoubleType;
import io.spate.table.types.logical.IntType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.SmallIntType;
import io.spate.table.types.logical.VarBinaryType;
import io.spate.table.types.logical.VarCharType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The raw format: one column as the whole message, in both byte orders and charsets; its errors. */
class RawFormatTest {

  @TempDir
  Path directory;

  private static <T> void roundTrips(LogicalType type, Gen<T> values, boolean bigEndian) {
    RawFormatSerializationSchema encoder = new RawFormatSerializationSchema(type, "UTF-8", bigEndian);
    RawFormatDeserializationSchema decoder = new RawFormatDeserializationSchema(type, "UTF-8", bigEndian);
    qt().withExamples(200).forAll(values).checkAssert(value -> {
      try {
        Row row = new Row(1);
        row.setField(0, value);
        assertThat(decoder.deserialize(encoder.serialize(row))).isEqualTo(row);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void everyValueRoundTripsInBothByteOrders() {
    for (boolean bigEndian : new boolean[] {true, false}) {
      roundTrips(new BigIntType(), SourceDSL.longs().all(), bigEndian);
      roundTrips(new IntType(), SourceDSL.integers().all(), bigEndian);
      roundTrips(new SmallIntType(), SourceDSL.integers().between(Short.MIN_VALUE, Short.MAX_VALUE)
          .map(Integer::shortValue), bigEndian);
      roundTrips(new DoubleType(), SourceDSL.doubles().any(), bigEndian);
      roundTrips(new VarCharType(VarCharType.MAX_LENGTH), SourceDSL.strings().allPossible().ofLengthBetween(0, 20)
          .assuming(s -> s.equals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))),
          bigEndian);
      roundTrips(new VarBinaryType(VarBinaryType.MAX_LENGTH), SourceDSL.lists().of(SourceDSL.integers()
          .between(-128, 127)).ofSizeBetween(0, 10).map(RawFormatTest::bytes), bigEndian);
    }
  }

  private static byte[] bytes(List<Integer> values) {
    byte[] bytes = new byte[values.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = values.get(i).byteValue();
    }
    return bytes;
  }

  @Test
  void numbersFollowTheByteOrderAndTextTheCharset() throws IOException {
    assertThat(new RawFormatSerializationSchema(new IntType(), "UTF-8", true).serialize(Row.of(1)))
        .containsExactly(0, 0, 0, 1);
    assertThat(new RawFormatSerializationSchema(new IntType(), "UTF-8", false).serialize(Row.of(1)))
        .containsExactly(1, 0, 0, 0);
    assertThat(new RawFormatSerializationSchema(new VarCharType(10), "ISO-8859-1", true).serialize(Row.of("é")))
        .containsExactly(0xE9);
    assertThat(new RawFormatDeserializationSchema(new VarCharType(10), "UTF-16BE", true)
        .deserialize(new byte[] {0, 'h', 0, 'i'})).isEqualTo(Row.of("hi"));
  }

  @Test
  void nullIsANullMessageAndAWronglySizedNumberFailsSayingTheSize() throws IOException {
    Row nullRow = new Row(1);
    assertThat(new RawFormatSerializationSchema(new BigIntType(), "UTF-8", true).serialize(nullRow)).isNull();
    assertThat(new RawFormatDeserializationSchema(new BigIntType(), "UTF-8", true).deserialize(null))
        .isEqualTo(nullRow);
    assertThatThrownBy(() -> new RawFormatDeserializationSchema(new BigIntType(), "UTF-8", true)
        .deserialize(new byte[3])).isInstanceOf(IOException.class)
        .hasMessageContaining("BIGINT is 8 byte(s), but the message has 3");
  }

  @Test
  void aFileSystemTableReadsEachLineAsTheColumn() throws Exception {
    Path path = directory.resolve("log");
    Files.createDirectories(path);
    Files.writeString(path.resolve("log.txt"), "GET /a 200\nPOST /b, \"x\" 500\n");
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE log (line STRING) WITH ('connector' = 'filesystem', 'path' = '" + path
        + "', 'format' = 'raw')");
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = tEnv.executeSql("SELECT line FROM log").collect()) {
      it.forEachRemaining(rows::add);
    }
    assertThat(rows).containsExactlyInAnyOrder(Row.of("GET /a 200"), Row.of("POST /b, \"x\" 500"));
  }

  @Test
  void moreThanOneColumnOrAnUnknownOptionValueFailsNamingTheTable() throws Exception {
    Path path = directory.resolve("two");
    Files.createDirectories(path);
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE two (a STRING, b STRING) WITH ('connector' = 'filesystem', 'path' = '" + path
        + "', 'format' = 'raw')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM two").collect().close())
        .isInstanceOf(ValidationException.class).hasMessageContaining("two")
        .hasMessageContaining("exactly one physical column, but the table has 2: a, b");
    tEnv.executeSql("CREATE TABLE ts (t TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '" + path
        + "', 'format' = 'raw')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM ts").collect().close())
        .isInstanceOf(ValidationException.class).hasMessageContaining("cannot hold the column 't' of type TIMESTAMP(3)");
    tEnv.executeSql("CREATE TABLE order1 (n BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + path
        + "', 'format' = 'raw', 'raw.endianness' = 'middle')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM order1").collect().close())
        .isInstanceOf(ValidationException.class).hasMessageContaining("'raw.endianness' = 'middle'");
  }
}
