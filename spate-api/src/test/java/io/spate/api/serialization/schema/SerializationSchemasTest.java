package io.spate.api.serialization.schema;

import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.javaSerialized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.configuration.Configuration;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.TypeHint;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.util.UserCodeClassLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ready-made schemas read back what they write, and the schema contracts' defaults hold. */
class SerializationSchemasTest {

  @Test
  void simpleStringSchemaRoundTripsAnyStringInItsCharset() {
    SimpleStringSchema utf8 = new SimpleStringSchema();
    SimpleStringSchema utf16 = javaSerialized(new SimpleStringSchema(StandardCharsets.UTF_16BE));
    assertThat(utf16.getCharset()).isEqualTo(StandardCharsets.UTF_16BE);
    qt().withExamples(200).forAll(strings()).checkAssert(text -> {
      assertThat(utf8.deserialize(utf8.serialize(text))).isEqualTo(text);
      assertThat(utf8.serialize(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
      assertThat(utf16.deserialize(utf16.serialize(text))).isEqualTo(text);
      assertThat(utf8.isEndOfStream(text)).isFalse();
    });
    assertThat(utf8.getProducedType()).isEqualTo(Types.STRING);
  }

  @Test
  void typeInformationSchemaRoundTripsRecordsOfItsType() {
    TypeInformation<Tuple2<String, List<Integer>>> type = Types.TUPLE(Types.STRING, Types.LIST(Types.INT));
    TypeInformationSerializationSchema<Tuple2<String, List<Integer>>> schema =
        javaSerialized(new TypeInformationSerializationSchema<>(type, new ExecutionConfig(new Configuration())));
    qt().withExamples(200).forAll(strings(), lists(ints(), 0, 10)).checkAssert((text, numbers) -> {
      Tuple2<String, List<Integer>> record = Tuple2.of(text, numbers);
      try {
        assertThat(schema.deserialize(schema.serialize(record))).isEqualTo(record);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(schema.getProducedType()).isEqualTo(type);
    assertThat(schema.isEndOfStream(Tuple2.of("", List.of()))).isFalse();
  }

  @Test
  void aMessageThatIsNotOneWholeRecordIsRejectedWithTheType() {
    TypeInformationSerializationSchema<Long> schema =
        new TypeInformationSerializationSchema<>(Types.LONG, Types.LONG.createSerializer());
    assertThatThrownBy(() -> schema.deserialize(new byte[3]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("3 bytes")
        .hasMessageContaining("Long");
    assertThatThrownBy(() -> schema.deserialize(new byte[10]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("2 bytes more");
  }

  /** Reads "a,b,c" as three records, or none for an empty message. */
  static final class CsvWords extends AbstractDeserializationSchema<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String deserialize(byte[] message) {
      String text = new String(message, StandardCharsets.UTF_8);
      return text.isEmpty() ? null : text;
    }
  }

  @Test
  void theDefaultCollectorFormEmitsTheRecordUnlessItIsNull() throws IOException {
    CsvWords schema = new CsvWords();
    List<String> out = new ArrayList<>();
    schema.deserialize("a,b".getBytes(StandardCharsets.UTF_8), out::add);
    schema.deserialize(new byte[0], out::add);
    assertThat(out).containsExactly("a,b");
  }

  @Test
  void anAbstractSchemaTakesItsTypeFromTheTypeArgumentOrTheConstructor() {
    assertThat(new CsvWords().getProducedType()).isEqualTo(Types.STRING);
    assertThat(new CsvWords().isEndOfStream("x")).isFalse();
    AbstractDeserializationSchema<Long> byClass = new AbstractDeserializationSchema<>(Long.class) {
      @Override
      public Long deserialize(byte[] message) {
        return (long) message.length;
      }
    };
    assertThat(byClass.getProducedType()).isEqualTo(Types.LONG);
    AbstractDeserializationSchema<List<String>> byHint =
        new AbstractDeserializationSchema<>(new TypeHint<List<String>>() {}) {
          @Override
          public List<String> deserialize(byte[] message) {
            return List.of();
          }
        };
    assertThat(byHint.getProducedType()).isEqualTo(Types.LIST(Types.STRING));
  }

  /** Leaves its produced type generic, so it must be given. */
  static class Generic<T> extends AbstractDeserializationSchema<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public T deserialize(byte[] message) {
      return null;
    }
  }

  @Test
  void aSchemaThatDoesNotSayItsTypeIsNamed() {
    assertThatThrownBy(Generic::new)
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining(Generic.class.getName())
        .hasMessageContaining("pass the type");
  }

  @Test
  void openGetsTheContextsMetricGroupAndClassLoader() throws Exception {
    List<String> seen = new ArrayList<>();
    UserCodeClassLoader loader = new UserCodeClassLoader() {
      @Override
      public ClassLoader asClassLoader() {
        return SerializationSchemasTest.class.getClassLoader();
      }

      @Override
      public void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
        seen.add(releaseHookName);
      }
    };
    SerializationSchema<String> schema = new SerializationSchema<>() {
      @Override
      public void open(InitializationContext context) {
        context.getUserCodeClassLoader().registerReleaseHookIfAbsent("close-client", () -> {});
        seen.add(context.getMetricGroup().getClass().getSimpleName());
      }

      @Override
      public byte[] serialize(String element) {
        return element.getBytes(StandardCharsets.UTF_8);
      }
    };
    schema.open(new SerializationSchema.InitializationContext() {
      @Override
      public MetricGroup getMetricGroup() {
        return new UnregisteredMetricsGroup();
      }

      @Override
      public UserCodeClassLoader getUserCodeClassLoader() {
        return loader;
      }
    });
    assertThat(seen).containsExactly("close-client", "UnregisteredMetricsGroup");
  }
}
