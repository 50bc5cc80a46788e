package io.spate.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.formats.avro.generated.AvroTrade;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** Avro messages and the Avro type serializer give back the records they were given. */
class AvroSchemaProperties {

  private static <T> T roundTrip(T record, AvroSerializationSchema<T> out, AvroDeserializationSchema<T> in) {
    try {
      return in.deserialize(out.serialize(record));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T throughSerializer(T record, TypeSerializer<T> serializer) {
    try {
      DataOutputSerializer out = new DataOutputSerializer(64);
      serializer.serialize(record, out);
      serializer.serialize(record, out);
      DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
      T first = serializer.deserialize(in);
      assertThat(serializer.deserialize(in)).isEqualTo(first);
      assertThat(in.available()).isZero();
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void genericRecordsRoundTrip() {
    AvroSerializationSchema<GenericRecord> out = AvroSerializationSchema.forGeneric(AvroTestRecords.SENSOR);
    AvroDeserializationSchema<GenericRecord> in = AvroDeserializationSchema.forGeneric(AvroTestRecords.SENSOR);
    TypeSerializer<GenericRecord> serializer = in.getProducedType().createSerializer();
    qt().forAll(AvroTestRecords.sensors()).checkAssert(record -> {
      assertThat(roundTrip(record, out, in)).isEqualTo(record);
      assertThat(throughSerializer(record, serializer)).isEqualTo(record);
      assertThat(serializer.copy(record)).isEqualTo(record).isNotSameAs(record);
    });
  }

  @Test
  void specificRecordsRoundTrip() {
    AvroSerializationSchema<AvroTrade> out = AvroSerializationSchema.forSpecific(AvroTrade.class);
    AvroDeserializationSchema<AvroTrade> in = AvroDeserializationSchema.forSpecific(AvroTrade.class);
    TypeSerializer<AvroTrade> serializer = in.getProducedType().createSerializer();
    qt().forAll(AvroTestRecords.trades()).checkAssert(trade -> {
      assertThat(roundTrip(trade, out, in)).isEqualTo(trade);
      assertThat(throughSerializer(trade, serializer)).isEqualTo(trade);
    });
  }

  @Test
  void reflectRecordsRoundTrip() {
    AvroSerializationSchema<AvroTestRecords.Reading> out =
        AvroSerializationSchema.forReflect(AvroTestRecords.Reading.class);
    AvroDeserializationSchema<AvroTestRecords.Reading> in =
        AvroDeserializationSchema.forReflect(AvroTestRecords.Reading.class);
    qt().forAll(AvroTestRecords.readings()).checkAssert(reading ->
        assertThat(roundTrip(reading, out, in)).isEqualTo(reading));
  }
}
