package io.spate.table.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.RowSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The serialized rows of a join's state: a row survives being kept as bytes, written to a snapshot and
 * read back, NULLs, strings beyond ASCII and times included; several rows written one after another
 * read back one by one; and a restore checks the rows' type, refusing state of another shape with the
 * reason, among it the rows kept as rows before the join kept them serialized.
 */
class SerializedRowSerializerTest {

  private static final RowTypeInfo TYPE = new RowTypeInfo(Types.LONG, Types.STRING, Types.LOCAL_DATE_TIME,
      Types.BIG_DEC, Types.INT);
  private static final RowSerializer ROWS = (RowSerializer) TYPE.createSerializer();
  private static final String[] STRINGS = {null, "", "bid", "héllo wörld", "\u4e2d\u6587", "x".repeat(300)};

  @Test
  void rowsReadBackFromTheirBytesAndFromASnapshotEqualTheRowsWritten() {
    qt().withFixedSeed(20261128L).withExamples(300).withShrinkCycles(0)
        .forAll(SourceDSL.longs().all())
        .checkAssert(seed -> {
          Random random = new Random(seed);
          SerializedRowCodec codec = new SerializedRowCodec(ROWS, "test rows");
          SerializedRowSerializer serializer = new SerializedRowSerializer(ROWS);
          Row[] rows = new Row[1 + random.nextInt(4)];
          DataOutputSerializer out = new DataOutputSerializer(16);
          try {
            for (int i = 0; i < rows.length; i++) {
              rows[i] = randomRow(random);
              SerializedRow stored = codec.write(rows[i]);
              assertThat(stored.row(codec)).as("seed %s", seed).isEqualTo(rows[i]);
              serializer.serialize(stored, out);
            }
            DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
            for (Row row : rows) {
              SerializedRow restored = serializer.deserialize(in);
              assertThat(restored.row(new SerializedRowCodec(ROWS, "test rows"))).as("seed %s", seed).isEqualTo(row);
            }
            assertThat(in.available()).as("bytes left after the rows").isZero();
          } catch (IOException e) {
            throw new AssertionError("seed " + seed, e);
          }
        });
  }

  @Test
  void aRowReadTwiceIsKeptAndNotReadAgain() {
    SerializedRowCodec codec = new SerializedRowCodec(ROWS, "test rows");
    SerializedRow stored = codec.write(Row.of(1L, "a", null, null, 2));
    Row first = stored.row(codec);
    Row second = stored.row(codec);
    assertThat(second).isEqualTo(first).isNotSameAs(first);
    assertThat(stored.row(codec)).isSameAs(second);
  }

  @Test
  void theSameRowTypeRestoresAsItIs() throws IOException {
    TypeSerializerSchemaCompatibility<SerializedRow> compatibility =
        restoredSnapshot(new SerializedRowSerializer(ROWS))
            .resolveSchemaCompatibility(new SerializedRowSerializer((RowSerializer) TYPE.createSerializer()));
    assertThat(compatibility.isCompatibleAsIs()).isTrue();
    assertThat(restoredSnapshot(new SerializedRowSerializer(ROWS)).restoreSerializer())
        .isEqualTo(new SerializedRowSerializer(ROWS));
  }

  @Test
  void rowsOfAnotherNumberOfFieldsDoNotRestoreAndTheErrorSaysWhy() throws IOException {
    RowSerializer wider = (RowSerializer) new RowTypeInfo(Types.LONG, Types.STRING, Types.LOCAL_DATE_TIME,
        Types.BIG_DEC, Types.INT, Types.INT).createSerializer();
    TypeSerializerSchemaCompatibility<SerializedRow> compatibility =
        restoredSnapshot(new SerializedRowSerializer(ROWS)).resolveSchemaCompatibility(new SerializedRowSerializer(wider));
    assertThat(compatibility.isIncompatible()).isTrue();
    assertThat(compatibility.message()).contains("the join's stored rows cannot be read").contains("5 fields");
  }

  @Test
  void rowsWhoseFieldChangedTypeDoNotRestoreAndTheErrorSaysWhy() throws IOException {
    RowSerializer otherField = (RowSerializer) new RowTypeInfo(Types.LONG, Types.STRING, Types.LOCAL_DATE_TIME,
        Types.BIG_DEC, Types.LONG).createSerializer();
    TypeSerializerSchemaCompatibility<SerializedRow> compatibility =
        restoredSnapshot(new SerializedRowSerializer(ROWS))
            .resolveSchemaCompatibility(new SerializedRowSerializer(otherField));
    assertThat(compatibility.isIncompatible()).isTrue();
    assertThat(compatibility.message()).startsWith("the join's stored rows");
  }

  @Test
  void rowsKeptAsRowsBeforeDoNotRestoreAndTheErrorSaysWhy() throws IOException {
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializerSnapshot<Object> before = (TypeSerializerSnapshot) restoredSnapshot(ROWS);
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializerSchemaCompatibility<Object> compatibility =
        before.resolveSchemaCompatibility((TypeSerializer) new SerializedRowSerializer(ROWS));
    assertThat(compatibility.isIncompatible()).isTrue();
    assertThat(compatibility.message()).contains("RowSerializer").contains("SerializedRowSerializer");
  }

  private static <T> TypeSerializerSnapshot<T> restoredSnapshot(TypeSerializer<T> serializer) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
        SerializedRowSerializerTest.class.getClassLoader());
  }

  private static Row randomRow(Random random) {
    return Row.of(
        random.nextInt(4) == 0 ? null : random.nextLong(),
        STRINGS[random.nextInt(STRINGS.length)],
        random.nextInt(4) == 0 ? null : LocalDateTime.of(2024, 1, 1, 0, 0).plusNanos(random.nextInt(1_000_000) * 1_000_000L),
        random.nextInt(4) == 0 ? null : BigDecimal.valueOf(random.nextInt(100_000), 2),
        random.nextInt(4) == 0 ? null : random.nextInt());
  }
}
