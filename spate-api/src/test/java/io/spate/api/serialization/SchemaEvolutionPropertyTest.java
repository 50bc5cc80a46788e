package io.spate.api.serialization;

import static io.spate.api.serialization.SerializationTesting.bytesOf;
import static io.spate.api.serialization.SnapshotTesting.deserializeAll;
import static io.spate.api.serialization.SnapshotTesting.readSnapshot;
import static io.spate.api.serialization.SnapshotTesting.snapshotBytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

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

  @BeforeContainer
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

  @AfterContainer
  static void deleteClasses() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** One old Trade's field values. */
  record TradeValues(long id, String symbol, double price, String venueName, int venueCode, boolean hasVenue) {}

  @Provide
  Arbitrary<List<TradeValues>> trades() {
    Arbitrary<String> strings = Arbitraries.strings().ofMaxLength(12).injectNull(0.2);
    return net.jqwik.api.Combinators.combine(
            Arbitraries.longs(), strings, Arbitraries.doubles(), strings, Arbitraries.integers(),
            Arbitraries.of(true, false))
        .as(TradeValues::new)
        .list()
        .ofMaxSize(5);
  }

  @Property(tries = 100)
  void sharedFieldsSurviveAndNewOnesGetTheirDefaults(@ForAll("trades") List<TradeValues> values)
      throws Exception {
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

  @Property(tries = 300)
  void corruptSnapshotsGiveIOExceptionsOrReadableSnapshots(
      @ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 100_000) Integer> positions,
      @ForAll byte garbage) {
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
