package io.spate.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;

import io.spate.api.common.JobID;
import io.spate.runtime.CheckedLaw;
import io.spate.runtime.ShrinkingLists;
import io.spate.runtime.StringGens;
import io.spate.runtime.resourcemanager.SlotOffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ClusterObjectFilterProperties {

  private static final ClusterObjectFilter FILTER = ClusterObjectFilter.ofMaxBytes(1 << 20);

  @Test
  void everyAllowedValueTypeSurvivesARoundTripThroughTheFilter() {
    qt().forAll(values()).checkAssert(value -> CheckedLaw.check(() -> {
      byte[] bytes = ClusterSerialization.serialize(value);

      Object read = ClusterSerialization.deserialize(bytes, getClass().getClassLoader(), FILTER);

      assertThat(read).isEqualTo(value);
    }));
  }

  @Test
  void collectionsOfAllowedValuesSurviveARoundTrip() {
    qt().forAll(collections()).checkAssert(value -> CheckedLaw.check(() -> {
      Object read = ClusterSerialization.deserialize(ClusterSerialization.serialize(value),
          getClass().getClassLoader(), FILTER);

      assertThat(read).isEqualTo(value);
    }));
  }

  private static Gen<Object> values() {
    Gen<String> strings = StringGens.anyChars(0, 255);
    return Generate.oneOf(
        strings.map(s -> (Object) s),
        integers().all().map(i -> (Object) i),
        longs().all().map(l -> (Object) l),
        doubles().any().map(d -> (Object) d),
        Generate.characters(Character.MIN_VALUE, Character.MAX_VALUE).map(c -> (Object) c),
        booleans().all().map(b -> (Object) b),
        longs().all().map(l -> (Object) BigInteger.valueOf(l)),
        // an unscaled long with up to two decimal places, as jqwik's default big decimals had
        longs().all().zip(integers().between(0, 2), (unscaled, scale) -> (Object) BigDecimal.valueOf(unscaled, scale)),
        longs().between(0, Long.MAX_VALUE / 2).map(n -> (Object) Duration.ofNanos(n)),
        longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(s -> (Object) Instant.ofEpochSecond(s)),
        integers().between(-100_000, 100_000).map(d -> (Object) LocalDate.ofEpochDay(d)),
        Generate.enumValues(TimeUnit.class).map(t -> (Object) t),
        longs().all().map(l -> (Object) new UUID(l, ~l)),
        longs().all().map(l -> (Object) new JobID(l, l * 31)),
        integers().between(0, 64).map(i -> (Object) new SlotOffer("127.0.0.1:6123/taskexecutor-" + i, i, socketAddress(6200 + i))),
        StringGens.asciiLetters(1, 10).map(p -> (Object) URI.create("spate://" + p + "/x")),
        integers().between(1, 65535).map(p -> (Object) socketAddress(p)),
        integers().between(1, 65535).map(p -> (Object) InetSocketAddress.createUnresolved("host", p)),
        ShrinkingLists.of(Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0), 0, 100)
            .map(b -> (Object) new ArrayList<>(b)),
        strings.map(s -> (Object) new Wrapped(new IllegalStateException(s))));
  }

  private static Gen<Object> collections() {
    Gen<String> keys = StringGens.anyChars(0, 8);
    Gen<Integer> ints = integers().all();
    return Generate.oneOf(
        ShrinkingLists.of(ints, 0, 20).map(l -> (Object) List.copyOf(l)),
        ShrinkingLists.of(ints, 0, 20).map(l -> (Object) new ArrayList<>(l)),
        // a set of up to 20 elements: duplicates in the drawn list collapse
        ShrinkingLists.of(ints, 0, 20).map(s -> (Object) new LinkedHashSet<>(s)),
        maps().of(keys, ints).ofSizeBetween(0, 10).map(m -> (Object) new HashMap<>(m)),
        maps().of(keys, ints).ofSizeBetween(0, 10).map(m -> (Object) new TreeMap<>(m)),
        maps().of(keys, ints).ofSizeBetween(0, 10).map(m -> (Object) Map.copyOf(m)),
        ShrinkingLists.of(ints, 0, 10).map(l -> (Object) new Wrapped(l.toArray(new Integer[0]))),
        ShrinkingLists.of(StringGens.anyChars(0, 255), 0, 5)
            .map(l -> (Object) List.of(Optional.empty().orElse("x"), l)));
  }

  private static InetSocketAddress socketAddress(int port) {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares exceptions and arrays by their content, which their own equals does not. */
  record Wrapped(Object value) implements java.io.Serializable {
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Wrapped other)) {
        return false;
      }
      if (value instanceof Throwable t && other.value instanceof Throwable u) {
        return t.getClass() == u.getClass() && java.util.Objects.equals(t.getMessage(), u.getMessage());
      }
      if (value instanceof Object[] a && other.value instanceof Object[] b) {
        return java.util.Arrays.equals(a, b);
      }
      return java.util.Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
