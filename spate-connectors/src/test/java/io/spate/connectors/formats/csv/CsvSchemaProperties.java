package io.spate.connectors.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.spate.api.serialization.BasicValueGenerators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Serializing a POJO or record as a CSV row and reading it back gives an equal one, with any separator and quote. */
class CsvSchemaProperties {

  /** A POJO with public fields and a column order. */
  @JsonPropertyOrder({"symbol", "quantity", "price", "note"})
  public static class Trade {
    public String symbol;
    public int quantity;
    public double price;
    public String note;

    @Override
    public boolean equals(Object o) {
      return o instanceof Trade t && Objects.equals(t.symbol, symbol) && t.quantity == quantity
          && Double.compare(t.price, price) == 0 && Objects.equals(t.note, note);
    }

    @Override
    public int hashCode() {
      return Objects.hash(symbol, quantity, price, note);
    }

    @Override
    public String toString() {
      return symbol + "|" + quantity + "|" + price + "|" + note;
    }
  }

  /** A record, whose columns come in alphabetical order. */
  public record City(String name, long population, boolean capital) {}

  /**
   * Any text without NUL: Jackson's CSV parser cannot read back a field holding NUL (a limit
   * the formats page states).
   */
  static Gen<String> text() {
    return BasicValueGenerators.strings(BasicValueGenerators.chars().map(c -> c == 0 ? '0' : c), 0, 30);
  }

  static Gen<Trade> trades() {
    Gen<String> text = text();
    return text.zip(SourceDSL.integers().all(), BasicValueGenerators.doubles(-1e9, 1e9), text,
        (symbol, quantity, price, note) -> {
          Trade trade = new Trade();
          trade.symbol = symbol;
          trade.quantity = quantity;
          trade.price = price;
          trade.note = note;
          return trade;
        });
  }

  static Gen<City> cities() {
    return text().zip(SourceDSL.longs().all(), SourceDSL.booleans().all(), City::new);
  }

  private static <T> T roundTrip(T value, CsvSerializationSchema<T> out, CsvDeserializationSchema<T> in) {
    try {
      return in.deserialize(out.serialize(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void pojosRoundTrip() {
    qt().forAll(trades()).checkAssert(trade -> assertThat(roundTrip(trade,
        CsvSerializationSchema.forPojo(Trade.class), CsvDeserializationSchema.forPojo(Trade.class))).isEqualTo(trade));
  }

  @Test
  void aFirstFieldStartingWithAByteOrderMarkKeepsIt() {
    Trade trade = new Trade();
    trade.symbol = "\uFEFFACME";
    trade.note = "";
    CsvSerializationSchema<Trade> out = CsvSerializationSchema.forPojo(Trade.class);
    assertThat(new String(out.serialize(trade), java.nio.charset.StandardCharsets.UTF_8)).startsWith("\"\uFEFFACME\",");
    assertThat(roundTrip(trade, out, CsvDeserializationSchema.forPojo(Trade.class))).isEqualTo(trade);
    assertThat(roundTrip(trade, out.withColumnSeparator(';').withQuoteChar('\''),
        CsvDeserializationSchema.forPojo(Trade.class).withColumnSeparator(';').withQuoteChar('\''))).isEqualTo(trade);
  }

  @Test
  void recordsRoundTripWithAnotherSeparatorQuoteAndAHeader() {
    CsvSerializationSchema<City> out =
        CsvSerializationSchema.forPojo(City.class).withColumnSeparator(';').withQuoteChar('\'').withHeader();
    CsvDeserializationSchema<City> in =
        CsvDeserializationSchema.forPojo(City.class).withColumnSeparator(';').withQuoteChar('\'').withHeader();
    qt().forAll(cities()).checkAssert(city -> assertThat(roundTrip(city, out, in)).isEqualTo(city));
  }
}
