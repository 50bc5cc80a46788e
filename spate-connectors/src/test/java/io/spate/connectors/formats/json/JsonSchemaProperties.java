package io.spate.connectors.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.BasicValueGenerators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Serializing a record or POJO to JSON and reading it back gives an equal one. */
class JsonSchemaProperties {

  /** A nested record. */
  public record Address(String street, int number) {}

  /** A record with nested, collection and java.time fields. */
  public record Order(long id, String customer, double amount, Instant placed, LocalDate day, List<String> tags,
      Map<String, Integer> counts, Address address) {}

  /** A POJO with public fields, as Flink programs write them, holding a nested record. */
  public static class Shipment {
    public String carrier;
    public Integer parcels;
    public Address to;

    @Override
    public boolean equals(Object o) {
      return o instanceof Shipment s && Objects.equals(s.carrier, carrier) && Objects.equals(s.parcels, parcels)
          && Objects.equals(s.to, to);
    }

    @Override
    public int hashCode() {
      return Objects.hash(carrier, parcels, to);
    }

    @Override
    public String toString() {
      return carrier + "/" + parcels + "/" + to;
    }
  }

  static Gen<Address> addresses() {
    return BasicValueGenerators.strings(0, 30).zip(SourceDSL.integers().all(), Address::new);
  }

  static Gen<Instant> instants() {
    return SourceDSL.longs().between(-10_000_000_000L, 10_000_000_000L)
        .zip(SourceDSL.integers().between(0, 999_999_999), Instant::ofEpochSecond);
  }

  static Gen<Order> orders() {
    Gen<String> text = BasicValueGenerators.strings(0, 20);
    Gen<LocalDate> days = SourceDSL.integers().between(-100_000, 100_000).map(d -> LocalDate.ofEpochDay(d));
    Gen<List<String>> tags = BasicValueGenerators.lists(text, 0, 4);
    Gen<Map<String, Integer>> counts = BasicValueGenerators.maps(text, SourceDSL.integers().all(), 4);
    Gen<Double> amounts = BasicValueGenerators.doubles(-1e12, 1e12);
    return SourceDSL.longs().all().zip(text, amounts, instants(), (id, customer, amount, placed) ->
            new Order(id, customer, amount, placed, null, null, null, null))
        .zip(days, tags, counts, (o, day, t, c) ->
            new Order(o.id(), o.customer(), o.amount(), o.placed(), day, t, c, null))
        .zip(BasicValueGenerators.nullable(addresses(), 20), (o, address) ->
            new Order(o.id(), o.customer(), o.amount(), o.placed(), o.day(), o.tags(), o.counts(), address));
  }

  static Gen<Shipment> shipments() {
    return BasicValueGenerators.nullable(BasicValueGenerators.strings(0, 20), 20)
        .zip(BasicValueGenerators.nullable(SourceDSL.integers().all(), 20), addresses(), (carrier, parcels, to) -> {
          Shipment shipment = new Shipment();
          shipment.carrier = carrier;
          shipment.parcels = parcels;
          shipment.to = to;
          return shipment;
        });
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    JsonSerializationSchema<T> out = new JsonSerializationSchema<>();
    JsonDeserializationSchema<T> in = new JsonDeserializationSchema<>(type);
    try {
      return in.deserialize(out.serialize(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void recordsWithNestedCollectionAndTimeFieldsRoundTrip() {
    qt().forAll(orders()).checkAssert(order -> assertThat(roundTrip(order, Order.class)).isEqualTo(order));
  }

  @Test
  void pojosRoundTrip() {
    qt().forAll(shipments()).checkAssert(shipment ->
        assertThat(roundTrip(shipment, Shipment.class)).isEqualTo(shipment));
  }

  @Test
  void jsonLinesOfTheEncoderAreOneLinePerRecord() {
    qt().forAll(orders()).checkAssert(order -> {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try {
        new JsonLinesEncoder<Order>().encode(order, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String line = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(line).endsWith("\n");
      assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    });
  }
}
