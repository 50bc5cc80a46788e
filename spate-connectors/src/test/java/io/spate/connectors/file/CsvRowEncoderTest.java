package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.BasicValueGenerators;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowEncoderTest {

  public record Order(long id, String customer, Double amount, boolean paid) {}

  /** Fields declared out of alphabetical order, with a superclass. */
  public static class Base {
    public String region;
  }

  public static class Customer extends Base {
    public String zName;
    public int age;
    public transient String ignored;
    public static String alsoIgnored = "x";
  }

  public enum Color { RED, GREEN }

  private static <T> String encode(CsvRowEncoder<T> encoder, T value) {
    StringBuilder row = new StringBuilder();
    encoder.encode(value, row);
    return row.toString();
  }

  @Test
  void recordComponentsInDeclarationOrder() {
    CsvRowEncoder<Order> encoder = CsvRowEncoder.forType(TypeInformation.of(Order.class));
    assertThat(encoder.fieldNames()).containsExactly("id", "customer", "amount", "paid");
    assertThat(encoder.header()).isEqualTo("id,customer,amount,paid");
    assertThat(encode(encoder, new Order(7, "Ann", 12.5, true))).isEqualTo("7,Ann,12.5,true");
    assertThat(encode(encoder, new Order(8, null, null, false))).isEqualTo("8,,,false");
  }

  @Test
  void quotesCommasQuotesAndLineBreaks() {
    CsvRowEncoder<Order> encoder = CsvRowEncoder.forType(TypeInformation.of(Order.class));
    assertThat(encode(encoder, new Order(1, "Smith, John", 1.0, true))).isEqualTo("1,\"Smith, John\",1.0,true");
    assertThat(encode(encoder, new Order(2, "say \"hi\"", 1.0, true))).isEqualTo("2,\"say \"\"hi\"\"\",1.0,true");
    assertThat(encode(encoder, new Order(3, "two\nlines", 1.0, true))).isEqualTo("3,\"two\nlines\",1.0,true");
    assertThat(encode(encoder, new Order(4, "cr\rhere", 1.0, true))).isEqualTo("4,\"cr\rhere\",1.0,true");
    assertThat(encode(encoder, new Order(5, "", 1.0, true))).isEqualTo("5,,1.0,true");
  }

  @Test
  void pojoFieldsInDeclarationOrderSuperclassFirst() {
    CsvRowEncoder<Customer> encoder = CsvRowEncoder.forType(TypeInformation.of(Customer.class));
    assertThat(encoder.fieldNames()).containsExactly("region", "zName", "age");
    Customer c = new Customer();
    c.region = "EU";
    c.zName = "Zoë";
    c.age = 41;
    c.ignored = "no";
    assertThat(encode(encoder, c)).isEqualTo("EU,Zoë,41");
  }

  @Test
  void basicTypesAndEnumsAreOneColumn() {
    CsvRowEncoder<String> strings = CsvRowEncoder.forType(Types.STRING);
    assertThat(strings.fieldNames()).containsExactly("value");
    assertThat(encode(strings, "a,b")).isEqualTo("\"a,b\"");
    assertThat(encode(strings, null)).isEmpty();
    assertThat(encode(CsvRowEncoder.forType(Types.LONG), 42L)).isEqualTo("42");
    assertThat(encode(CsvRowEncoder.forType(TypeInformation.of(Color.class)), Color.GREEN)).isEqualTo("GREEN");
  }

  @Test
  void isSerializable() throws Exception {
    CsvRowEncoder<Order> encoder = CsvRowEncoder.forType(TypeInformation.of(Order.class));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(encoder);
    }
    @SuppressWarnings("unchecked")
    CsvRowEncoder<Order> copy =
        (CsvRowEncoder<Order>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertThat(encode(copy, new Order(1, "a", 2.0, false))).isEqualTo("1,a,2.0,false");
  }

  @Test
  void anyTextSurvivesAnRfc4180Parser() {
    qt().withExamples(500).forAll(BasicValueGenerators.strings(), BasicValueGenerators.strings())
        .checkAssert((first, second) -> {
          StringBuilder row = new StringBuilder();
          CsvRowEncoder.appendField(row, first);
          row.append(',');
          CsvRowEncoder.appendField(row, second);
          assertThat(parseRow(row.toString())).containsExactly(first, second);
        });
  }

  /** A strict RFC 4180 parser of one row, written independently of the encoder. */
  private static List<String> parseRow(String row) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      if (i < row.length() && row.charAt(i) == '"') {
        i++;
        while (true) {
          char c = row.charAt(i++);
          if (c == '"') {
            if (i < row.length() && row.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
      } else {
        while (i < row.length() && row.charAt(i) != ',') {
          char c = row.charAt(i++);
          if (c == '"' || c == '\n' || c == '\r') {
            throw new AssertionError("unquoted special character in " + row);
          }
          field.append(c);
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i == row.length()) {
        return fields;
      }
      if (row.charAt(i) != ',') {
        throw new AssertionError("expected a comma at " + i + " in " + row);
      }
      i++;
    }
  }
}
