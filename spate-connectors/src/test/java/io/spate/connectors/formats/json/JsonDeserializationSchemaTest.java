package io.spate.connectors.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.spate.connectors.formats.CountingMetricGroup;
import io.spate.connectors.formats.SchemaContexts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonDeserializationSchemaTest {

  /** A record read from JSON messages. */
  public record Reading(String sensorId, double value, Instant at) {}

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsRecordsWithJavaTimeFieldsAsIsoText() throws Exception {
    JsonDeserializationSchema<Reading> schema = new JsonDeserializationSchema<>(Reading.class);
    schema.open(SchemaContexts.deserialization(new CountingMetricGroup()));
    assertThat(schema.deserialize(utf8("{\"sensorId\":\"s1\",\"value\":2.5,\"at\":\"2026-01-02T03:04:05Z\"}")))
        .isEqualTo(new Reading("s1", 2.5, Instant.parse("2026-01-02T03:04:05Z")));
    assertThat(new String(new JsonSerializationSchema<Reading>().serialize(
        new Reading("s1", 2.5, Instant.parse("2026-01-02T03:04:05Z"))), StandardCharsets.UTF_8))
        .isEqualTo("{\"sensorId\":\"s1\",\"value\":2.5,\"at\":\"2026-01-02T03:04:05Z\"}");
  }

  @Test
  void aMalformedMessageFailsNamingTheTypeTheReasonAndTheMessage() {
    JsonDeserializationSchema<Reading> schema = new JsonDeserializationSchema<>(Reading.class);
    assertThatThrownBy(() -> schema.deserialize(utf8("{\"sensorId\":\"s1\",\"value\":oops}")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("a JSON message of 30 bytes is not a valid " + Reading.class.getName())
        .hasMessageContaining("Unrecognized token 'oops'")
        .hasMessageContaining("(at line 1, column")
        .hasMessageContaining("the message: '{\"sensorId\":\"s1\",\"value\":oops}'");
    assertThatThrownBy(() -> schema.deserialize(utf8("{\"sensorId\":\"s1\",\"colour\":\"red\"}")))
        .isInstanceOf(IOException.class).hasMessageContaining("colour");
    assertThatThrownBy(() -> schema.deserialize(utf8("null")))
        .isInstanceOf(IOException.class).hasMessageContaining("is null, not a " + Reading.class.getName());
    assertThatThrownBy(() -> schema.deserialize(null))
        .isInstanceOf(IOException.class).hasMessageContaining("a null message");
  }

  @Test
  void ignoringParseErrorsSkipsAndCountsMalformedMessages() throws Exception {
    JsonDeserializationSchema<Reading> schema =
        new JsonDeserializationSchema<>(Reading.class).withIgnoreParseErrors();
    CountingMetricGroup metrics = new CountingMetricGroup();
    schema.open(SchemaContexts.deserialization(metrics));
    assertThat(metrics.malformedRecords()).isZero();
    assertThat(schema.deserialize(utf8("not json"))).isNull();
    assertThat(schema.deserialize(null)).isNull();
    assertThat(schema.deserialize(utf8("null"))).isNull();
    assertThat(schema.deserialize(utf8("{\"sensorId\":\"s2\",\"value\":1}"))).isEqualTo(new Reading("s2", 1, null));
    assertThat(metrics.malformedRecords()).isEqualTo(3);
  }

  @Test
  void aCustomMapperFactoryIsUsed() throws Exception {
    JsonDeserializationSchema<Reading> schema = new JsonDeserializationSchema<>(Reading.class,
        () -> JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());
    assertThat(schema.deserialize(utf8("{\"sensor_id\":\"s3\",\"value\":4}"))).isEqualTo(new Reading("s3", 4, null));
    JsonSerializationSchema<Reading> out = new JsonSerializationSchema<>(
        () -> JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());
    assertThat(new String(out.serialize(new Reading("s3", 4, null)), StandardCharsets.UTF_8))
        .isEqualTo("{\"sensor_id\":\"s3\",\"value\":4.0,\"at\":null}");
  }

  @Test
  void schemasSurviveJavaSerializationAsTheJobGraphShipsThem() throws Exception {
    JsonDeserializationSchema<Reading> schema = copy(new JsonDeserializationSchema<>(Reading.class).withIgnoreParseErrors());
    assertThat(schema.isIgnoreParseErrors()).isTrue();
    assertThat(schema.getProducedType().getTypeClass()).isEqualTo(Reading.class);
    assertThat(schema.deserialize(utf8("{\"sensorId\":\"s4\",\"value\":1}"))).isEqualTo(new Reading("s4", 1, null));
    assertThat(copy(new JsonSerializationSchema<Reading>()).serialize(new Reading("a", 1, null))).isNotEmpty();
  }

  @SuppressWarnings("unchecked")
  static <T> T copy(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
