package io.spate.formats.avro;

import io.spate.api.serialization.BasicValueGenerators;
import io.spate.formats.avro.generated.AvroTrade;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The records of the Avro and Parquet tests: generic, specific (generated from trade.avsc) and reflect. */
public final class AvroTestRecords {

  private AvroTestRecords() {}

  /** The schema of the generic records: a nested record, an optional field, an array and a map. */
  public static final Schema SENSOR = new Schema.Parser().parse("""
      {"type": "record", "name": "Sensor", "namespace": "io.spate.test", "fields": [
        {"name": "id", "type": "string"},
        {"name": "value", "type": "double"},
        {"name": "count", "type": "long"},
        {"name": "unit", "type": ["null", "string"], "default": null},
        {"name": "samples", "type": {"type": "array", "items": "int"}},
        {"name": "location", "type": {"type": "record", "name": "Location", "fields": [
          {"name": "lat", "type": "float"}, {"name": "lon", "type": "float"}]}}
      ]}""");

  /** A plain Java class that Avro writes by reflection. */
  public static final class Reading {
    public String sensor;
    public long at;
    public double value;

    public Reading() {}

    public Reading(String sensor, long at, double value) {
      this.sensor = sensor;
      this.at = at;
      this.value = value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Reading r && r.sensor.equals(sensor) && r.at == at && Double.compare(r.value, value) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(sensor, at, value);
    }

    @Override
    public String toString() {
      return sensor + "@" + at + "=" + value;
    }
  }

  /** A generic record of {@link #SENSOR}. */
  public static GenericRecord sensor(String id, double value, long count, String unit, List<Integer> samples,
      float lat, float lon) {
    GenericRecord location = new GenericData.Record(SENSOR.getField("location").schema());
    location.put("lat", lat);
    location.put("lon", lon);
    GenericRecord record = new GenericData.Record(SENSOR);
    record.put("id", id);
    record.put("value", value);
    record.put("count", count);
    record.put("unit", unit);
    record.put("samples", samples);
    record.put("location", location);
    return record;
  }

  /** A trade. */
  public static AvroTrade trade(String symbol, int quantity, double price, String venue, List<String> tags) {
    return AvroTrade.newBuilder().setSymbol(symbol).setQuantity(quantity).setPrice(price).setVenue(venue)
        .setTags(tags).build();
  }

  /** Generic sensor records. */
  public static Gen<GenericRecord> sensors() {
    Gen<String> text = BasicValueGenerators.strings(0, 20);
    Gen<List<Integer>> samples = BasicValueGenerators.lists(SourceDSL.integers().all(), 0, 5);
    Gen<Float> floats = SourceDSL.floats().between(-180f, 180f);
    return text.zip(BasicValueGenerators.doubles(-1e9, 1e9), SourceDSL.longs().all(),
            BasicValueGenerators.nullable(text, 30), (id, value, count, unit) -> sensor(id, value, count, unit, null, 0, 0))
        .zip(samples, floats, floats, (r, s, lat, lon) -> sensor((String) r.get("id"), (Double) r.get("value"),
            (Long) r.get("count"), (String) r.get("unit"), s, lat, lon));
  }

  /** Specific trade records. */
  public static Gen<AvroTrade> trades() {
    Gen<String> text = BasicValueGenerators.strings(0, 20);
    return text.zip(SourceDSL.integers().all(), BasicValueGenerators.doubles(-1e9, 1e9),
            BasicValueGenerators.nullable(text, 30), (symbol, quantity, price, venue) ->
                trade(symbol, quantity, price, venue, List.of()))
        .zip(BasicValueGenerators.lists(text, 0, 3), (t, tags) ->
            trade(t.getSymbol(), t.getQuantity(), t.getPrice(), t.getVenue(), tags));
  }

  /** Reflect readings. */
  public static Gen<Reading> readings() {
    return BasicValueGenerators.strings(0, 20).zip(SourceDSL.longs().all(), BasicValueGenerators.doubles(-1e9, 1e9),
        Reading::new);
  }
}
