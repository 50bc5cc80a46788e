package io.spate.api.typeinfo;

import static io.spate.api.serialization.SerializationTesting.javaSerialized;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TestTypes.Bid;
import io.spate.api.typeinfo.TestTypes.Collections;
import io.spate.api.typeinfo.TestTypes.Customer;
import io.spate.api.typeinfo.TestTypes.Item;
import io.spate.api.typeinfo.TestTypes.Order;
import io.spate.api.typeinfo.TestTypes.Pair;
import io.spate.api.typeinfo.TestTypes.Status;
import io.spate.api.typeinfo.TestTypes.StringBox;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Round trips and copies through the serializers that derived type information creates. */
class CompositeSerializerTest {

  private static final TypeSerializer<Order> ORDERS = TypeInformation.of(Order.class).createSerializer();

  @Provide
  Arbitrary<Order> orders() {
    return TestArbitraries.orders();
  }

  @Property(tries = 150)
  void nestedRecordsRoundTripExactly(@ForAll("orders") Order order) {
    Order result = roundTrip(ORDERS, order);
    assertThat(result).usingRecursiveComparison().isEqualTo(order);
    if (order.attributes() != null) {
      assertThat(new ArrayList<>(result.attributes().keySet()))
          .as("map iteration order")
          .containsExactlyElementsOf(order.attributes().keySet());
    }
  }

  @Property(tries = 60)
  void copiesOfMutableParts(@ForAll("orders") Order order) {
    Order copy = ORDERS.copy(order);
    assertThat(copy).usingRecursiveComparison().isEqualTo(order);
    if (order.codes() != null && order.codes().length > 0) {
      assertThat(copy.codes()).isNotSameAs(order.codes());
      int before = order.codes()[0];
      copy.codes()[0]++;
      assertThat(order.codes()[0]).isEqualTo(before);
    }
    assertThat(copy.items()).isNotSameAs(order.items());
    copy.items().clear();
    assertThat(order.items()).isNotNull();
    if (order.customer() != null) {
      assertThat(copy.customer()).isEqualTo(order.customer()).isNotSameAs(order.customer());
      copy.customer().name = "changed " + order.customer().name;
      assertThat(order.customer().name).isNotEqualTo(copy.customer().name);
    }
    if (!order.bidsByChannel().isEmpty()) {
      assertThat(copy.bidsByChannel().get(0)).isNotSameAs(order.bidsByChannel().get(0));
    }
  }

  /** The kinds of map a user's state may hold. */
  enum MapKind {
    HASH, LINKED, SORTED;

    Map<Long, Integer> create() {
      return switch (this) {
        case HASH -> new HashMap<>();
        case LINKED -> new LinkedHashMap<>();
        case SORTED -> new TreeMap<>();
      };
    }
  }

  @Property(tries = 200)
  void mapCopiesKeepAHashMapAHashMapAndOtherMapsInTheirOrder(
      @ForAll MapKind kind, @ForAll List<@net.jqwik.api.constraints.WithNull Long> keys) {
    Map<Long, Integer> map = kind.create();
    for (int i = 0; i < keys.size(); i++) {
      if (kind != MapKind.SORTED || keys.get(i) != null) {
        map.put(keys.get(i), i);
      }
    }
    TypeSerializer<Map<Long, Integer>> serializer = Types.MAP(Types.LONG, Types.INT).createSerializer();
    Map<Long, Integer> copy = serializer.copy(map);

    assertThat(copy).isEqualTo(map).isNotSameAs(map);
    if (kind == MapKind.HASH) {
      assertThat(copy.getClass()).isEqualTo(HashMap.class);
    } else {
      assertThat(copy.getClass()).isEqualTo(LinkedHashMap.class);
      assertThat(new ArrayList<>(copy.keySet())).as("iteration order")
          .containsExactlyElementsOf(new ArrayList<>(map.keySet()));
    }
    Map<Long, Integer> before = new HashMap<>(map);
    copy.put(Long.MIN_VALUE, -1);
    copy.remove(keys.isEmpty() ? null : keys.get(0));
    assertThat(map).isEqualTo(before);
  }

  @Provide
  Arbitrary<Map<Status, Optional<Bid>>> statusMaps() {
    return Arbitraries.maps(TestArbitraries.statuses(), TestArbitraries.bids().optional())
        .ofMaxSize(3);
  }

  @Property(tries = 200)
  void genericTypesFromTypeHintsRoundTrip(
      @ForAll("statusMaps") Map<Status, Optional<Bid>> byStatus,
      @ForAll List<@net.jqwik.api.constraints.WithNull Long> longs) {
    TypeSerializer<Map<Status, Optional<Bid>>> mapSerializer =
        new TypeHint<Map<Status, Optional<Bid>>>() {}.getTypeInfo().createSerializer();
    assertThat(roundTrip(mapSerializer, byStatus)).isEqualTo(byStatus);

    TypeSerializer<Pair<String, List<Long>>> pairSerializer =
        new TypeHint<Pair<String, List<Long>>>() {}.getTypeInfo().createSerializer();
    Pair<String, List<Long>> pair = new Pair<>("k", longs);
    assertThat(roundTrip(pairSerializer, pair)).isEqualTo(pair);

    TypeSerializer<Bid[]> arraySerializer = Types.OBJECT_ARRAY(TypeInformation.of(Bid.class)).createSerializer();
    Bid[] bids = byStatus.values().stream().map(o -> o.orElse(null)).toArray(Bid[]::new);
    assertThat(roundTrip(arraySerializer, bids)).containsExactly(bids);
  }

  @Property(tries = 100)
  void inheritedGenericFieldsAndConcreteCollectionFieldsRoundTrip(
      @ForAll String value, @ForAll int count, @ForAll List<String> list) {
    StringBox box = new StringBox();
    box.value = value;
    box.count = count;
    StringBox boxResult = roundTrip(TypeInformation.of(StringBox.class).createSerializer(), box);
    assertThat(boxResult.value).isEqualTo(value);
    assertThat(boxResult.count).isEqualTo(count);

    Collections collections = new Collections();
    collections.list = new ArrayList<>(list);
    collections.map = new HashMap<>();
    list.forEach(s -> collections.map.put(s, s.length()));
    Collections result = roundTrip(TypeInformation.of(Collections.class).createSerializer(), collections);
    assertThat(result.list).isEqualTo(collections.list);
    assertThat(result.map).isEqualTo(collections.map);
  }

  @Test
  void nullsInEveryNullablePositionRoundTrip() {
    Item item = new Item(null, 3, Optional.empty(), java.util.Arrays.asList(1, null, 3));
    Order order =
        new Order(1, null, List.of(item), null, null, new String[] {null, "x"}, null,
            Optional.empty(), java.time.Instant.EPOCH, null, java.time.LocalDate.MIN,
            List.of(java.util.Collections.singletonMap(null, null)), null);
    assertThat(roundTrip(ORDERS, order)).usingRecursiveComparison().isEqualTo(order);
  }

  @Test
  void typeInformationAndSerializersSurviveJavaSerialization() {
    TypeInformation<Order> info = javaSerialized(TypeInformation.of(Order.class));
    assertThat(info).isEqualTo(TypeInformation.of(Order.class));
    TypeSerializer<Order> serializer = javaSerialized(info.createSerializer());
    Order order = TestArbitraries.orders().sample();
    assertThat(roundTrip(serializer, order)).usingRecursiveComparison().isEqualTo(order);
    assertThat(javaSerialized(Types.STRING)).isSameAs(Types.STRING);
    FieldAccessor<Order, Long> id = javaSerialized(info.fieldAccessor("id"));
    assertThat(id.get(order)).isEqualTo(order.id());
  }

  @Test
  void pojoSerializerRejectsSubclassesInsteadOfDroppingTheirFields() {
    TypeSerializer<Customer> serializer = TypeInformation.of(Customer.class).createSerializer();
    Customer special = new Customer() {};
    assertThatThrownBy(() -> serializer.serialize(special, new DataOutputSerializer()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("subclasses are not supported");
  }

  @Test
  void immutabilityIsKnownSoThatCopiesCanBeSkipped() {
    assertThat(TypeInformation.of(Bid.class).createSerializer().isImmutableType()).isTrue();
    Bid bid = new Bid(1, 2, 3, "x");
    assertThat(TypeInformation.of(Bid.class).createSerializer().copy(bid)).isSameAs(bid);
    assertThat(TypeInformation.of(Item.class).createSerializer().isImmutableType()).isFalse();
    assertThat(ORDERS.duplicate()).isSameAs(ORDERS);
  }
}
