package io.spate.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobID;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ClusterObjectFilterProperties {

  private static final ClusterObjectFilter FILTER = ClusterObjectFilter.ofMaxBytes(1 << 20);

  @Property
  void everyAllowedValueTypeSurvivesARoundTripThroughTheFilter(@ForAll("values") Object value) throws Exception {
    byte[] bytes = ClusterSerialization.serialize(value);

    Object read = ClusterSerialization.deserialize(bytes, getClass().getClassLoader(), FILTER);

    assertThat(read).isEqualTo(value);
  }

  @Property
  void collectionsOfAllowedValuesSurviveARoundTrip(@ForAll("collections") Object value) throws Exception {
    Object read = ClusterSerialization.deserialize(ClusterSerialization.serialize(value), getClass().getClassLoader(),
        FILTER);

    assertThat(read).isEqualTo(value);
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.chars().map(c -> (Object) c),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.bigIntegers().map(b -> (Object) b),
        Arbitraries.bigDecimals().map(b -> (Object) b),
        Arbitraries.longs().between(0, Long.MAX_VALUE / 2).map(n -> (Object) Duration.ofNanos(n)),
        Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(s -> (Object) Instant.ofEpochSecond(s)),
        Arbitraries.integers().between(-100_000, 100_000).map(d -> (Object) LocalDate.ofEpochDay(d)),
        Arbitraries.of(TimeUnit.class).map(t -> (Object) t),
        Arbitraries.longs().map(l -> (Object) new UUID(l, ~l)),
        Arbitraries.longs().map(l -> (Object) new JobID(l, l * 31)),
        Arbitraries.integers().between(0, 64).map(i -> (Object) new SlotOffer("127.0.0.1:6123/taskexecutor-" + i, i, socketAddress(6200 + i))),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(p -> (Object) URI.create("spate://" + p + "/x")),
        Arbitraries.integers().between(1, 65535).map(p -> (Object) socketAddress(p)),
        Arbitraries.integers().between(1, 65535).map(p -> (Object) InetSocketAddress.createUnresolved("host", p)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(100).map(b -> (Object) new ArrayList<>(toList(b))),
        Arbitraries.strings().map(s -> (Object) new IllegalStateException(s)).map(Wrapped::new));
  }

  @Provide
  Arbitrary<Object> collections() {
    Arbitrary<String> keys = Arbitraries.strings().ofMaxLength(8);
    Arbitrary<Integer> ints = Arbitraries.integers();
    return Arbitraries.oneOf(
        ints.list().ofMaxSize(20).map(l -> (Object) List.copyOf(l)),
        ints.list().ofMaxSize(20).map(l -> (Object) new ArrayList<>(l)),
        ints.set().ofMaxSize(20).map(s -> (Object) new LinkedHashSet<>(s)),
        Arbitraries.maps(keys, ints).ofMaxSize(10).map(m -> (Object) new HashMap<>(m)),
        Arbitraries.maps(keys, ints).ofMaxSize(10).map(m -> (Object) new TreeMap<>(m)),
        Arbitraries.maps(keys, ints).ofMaxSize(10).map(m -> (Object) Map.copyOf(m)),
        ints.list().ofMaxSize(10).map(l -> (Object) l.toArray(new Integer[0])).map(Wrapped::new),
        Arbitraries.strings().list().ofMaxSize(5).map(l -> (Object) List.of(Optional.empty().orElse("x"), l)));
  }

  private static InetSocketAddress socketAddress(int port) {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Byte> toList(byte[] bytes) {
    List<Byte> list = new ArrayList<>();
    for (byte b : bytes) {
      list.add(b);
    }
    return list;
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
