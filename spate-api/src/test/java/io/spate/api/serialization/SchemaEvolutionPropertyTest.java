package io.spate.api.serialization;

import static io.spate.api.serialization.SerializationTesting.bytesOf;
import static io.spate.api.serialization.SnapshotTesting.deserializeAll;
import static io.spate.api.serialization.SnapshotTesting.readSnapshot;
import static io.spate.api.serialization.SnapshotTesting.snapshotBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Laws of schema evolution over arbitrary values: a value written by the old class and read by the
 * serializer restored for the new class keeps every field both versions share; and no corruption of
 * a snapshot's bytes gives anything but an IOException or a readable snapshot.
 */
class SchemaEvolutionPropertyTest {

  private static Path root;
  private static Class<?> v1;
  private static Class<?> v2;
  private static TypeSerializer<Object> oldSerializer;
  private static TypeSerializer<List<Object>> restoredLists;
  private static byte[] snapshot;

  @BeforeAll
  static void compileBothVersions() throws Exception {
    root = Files.createTempDirectory("spate-evolution");
    URLClassLoader first =
        JavaSourceCompiler.compile(
            root,
            Map.of(
                "com.acme.Trade",
                """
                package com.acme;
                public class Trade {
                  public long id;
                  public String symbol;
                  public double price;
                  public Venue venue;
                }
                """,
                "com.acme.Venue",
                "package com.acme; public record Venue(String name, int code) {}"));
    URLClassLoader second =
        JavaSourceCompiler.compile(
            root,
            Map.of(
                "com.acme.Trade",
                """
                package com.acme;
                public class Trade {
                  public Venue venue;
                  public long id;
                  public double price;
                  public String currency = "EUR";
                }
                """,
                "com.acme.Venue",
                "package com.acme; public record Venue(int code, String name, boolean open) {}"));
    v1 = first.loadClass("com.acme.Trade");
    v2 = second.loadClass("com.acme.Trade");
    oldSerializer = SchemaEvolutionTest.serializer(v1);
    ListSerializer<Object> lists = new ListSerializer<>(oldSerializer);
    snapshot = snapshotBytes(lists);
    restoredLists = SnapshotTesting.<List<Object>>readSnapshot(snapshot, second).restoreSerializer();
  }

  @AfterAll
  static void deleteClasses() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** One old Trade's field values. */
  record TradeValues(long id, String symbol, double price, String venueName, int venueCode, boolean hasVenue) {}

  private static Gen<List<TradeValues>> trades() {
    Gen<String> strings = BasicValueGenerators.nullable(BasicValueGenerators.strings(0, 12), 20);
    Gen<TradeValues> withVenue = BasicValueGenerators.longs().zip(
        strings, BasicValueGenerators.doubles(), strings, BasicValueGenerators.ints(),
        (id, symbol, price, venueName, venueCode) -> new TradeValues(id, symbol, price, venueName, venueCode, true));
    Gen<TradeValues> trade = withVenue.zip(BasicValueGenerators.booleans(), (v, hasVenue) ->
        new TradeValues(v.id(), v.symbol(), v.price(), v.venueName(), v.venueCode(), hasVenue));
    return BasicValueGenerators.lists(trade, 0, 5);
  }

  @Test
  void sharedFieldsSurviveAndNewOnesGetTheirDefaults() {
    qt().withExamples(100).forAll(trades()).checkAssert(values -> {
      try {
        sharedFieldsSurvive(values);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void sharedFieldsSurvive(List<TradeValues> values) throws Exception {
    List<Object> old = new ArrayList<>();
    for (TradeValues v : values) {
      Object venue = v.hasVenue()
          ? SchemaEvolutionTest.record(v1.getClassLoader().loadClass("com.acme.Venue"), v.venueName(), v.venueCode())
          : null;
      old.add(SchemaEvolutionTest.pojo(v1, "id", v.id(), "symbol", v.symbol(), "price", v.price(), "venue", venue));
    }

    List<Object> read = deserializeAll(restoredLists, bytesOf(new ListSerializer<>(oldSerializer), old));

    assertThat(read).hasSize(values.size());
    for (int i = 0; i < values.size(); i++) {
      TradeValues v = values.get(i);
      Map<String, Object> fields = SchemaEvolutionTest.fields(read.get(i));
      assertThat(read.get(i).getClass()).isSameAs(v2);
      assertThat(fields).containsEntry("id", v.id()).containsEntry("price", v.price()).containsEntry("currency", "EUR");
      assertThat(fields).doesNotContainKey("symbol");
      if (v.hasVenue()) {
        assertThat(SchemaEvolutionTest.components(fields.get("venue")))
            .containsExactlyEntriesOf(SchemaEvolutionTest.map("code", v.venueCode(), "name", v.venueName(), "open", false));
      } else {
        assertThat(fields.get("venue")).isNull();
      }
    }
  }

  @Test
  void corruptSnapshotsGiveIOExceptionsOrReadableSnapshots() {
    qt().withExamples(300)
        .forAll(BasicValueGenerators.lists(SourceDSL.integers().between(0, 100_000), 1, 4), BasicValueGenerators.bytes())
        .checkAssert(SchemaEvolutionPropertyTest::corruptSnapshotFailsCleanly);
  }

  private static void corruptSnapshotFailsCleanly(List<Integer> positions, byte garbage) {
    byte[] corrupt = snapshot.clone();
    for (int position : positions) {
      corrupt[position % corrupt.length] ^= (byte) (garbage | 1);
    }
    try {
      readSnapshot(corrupt, v2.getClassLoader());
    } catch (IOException e) {
      assertThat(e.getMessage()).as("message of %s", e).isNotBlank();
    } catch (AssertionError e) {
      // Bytes left unread after a snapshot that reads cleanly: corruption that shortened a length.
      assertThat(e.getMessage()).contains("snapshot bytes left unread");
    }
  }

}
