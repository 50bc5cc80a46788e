package io.spate.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.connectors.formats.CountingMetricGroup;
import io.spate.connectors.formats.SchemaContexts;
import io.spate.formats.avro.generated.AvroTrade;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroDeserializationSchemaTest {

  private final AvroTrade trade = AvroTestRecords.trade("ACME", 10, 1.5, null, List.of("a"));
  private final byte[] bytes = AvroSerializationSchema.forSpecific(AvroTrade.class).serialize(trade);

  @Test
  void aCutShortOrOverlongMessageFailsNamingTheSchemaAndTheSize() {
    AvroDeserializationSchema<AvroTrade> schema = AvroDeserializationSchema.forSpecific(AvroTrade.class);
    assertThatThrownBy(() -> schema.deserialize(Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("an Avro message of " + (bytes.length - 3) + " bytes is not a specific record "
            + AvroTrade.class.getName());
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
    assertThatThrownBy(() -> schema.deserialize(longer))
        .isInstanceOf(IOException.class).hasMessageContaining("bytes are left over");
    assertThatThrownBy(() -> schema.deserialize(null))
        .isInstanceOf(IOException.class).hasMessageContaining("a null message");
  }

  @Test
  void ignoringParseErrorsSkipsAndCountsMalformedMessages() throws Exception {
    AvroDeserializationSchema<AvroTrade> schema =
        AvroDeserializationSchema.forSpecific(AvroTrade.class).withIgnoreParseErrors();
    CountingMetricGroup metrics = new CountingMetricGroup();
    schema.open(SchemaContexts.deserialization(metrics));
    assertThat(schema.deserialize(Arrays.copyOf(bytes, 2))).isNull();
    assertThat(schema.deserialize(null)).isNull();
    assertThat(schema.deserialize(bytes)).isEqualTo(trade);
    assertThat(metrics.malformedRecords()).isEqualTo(2);
  }

  @Test
  void aGenericRecordMissingARequiredFieldFailsOnWriteNamingTheSchema() {
    GenericRecord incomplete = new GenericData.Record(AvroTestRecords.SENSOR);
    incomplete.put("id", "s1");
    assertThatThrownBy(() -> AvroSerializationSchema.forGeneric(AvroTestRecords.SENSOR).serialize(incomplete))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit the schema of the generic record io.spate.test.Sensor");
  }

  @Test
  void theProducedTypeOfGenericRecordsCarriesTheSchema() {
    assertThat(AvroDeserializationSchema.forGeneric(AvroTestRecords.SENSOR).getProducedType())
        .isEqualTo(new GenericRecordAvroTypeInfo(AvroTestRecords.SENSOR));
    assertThat(AvroDeserializationSchema.forSpecific(AvroTrade.class).getProducedType())
        .isEqualTo(new AvroTypeInfo<>(AvroTrade.class));
    assertThatThrownBy(() -> new AvroTypeInfo<>(String.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String is not a specific record");
  }
}
