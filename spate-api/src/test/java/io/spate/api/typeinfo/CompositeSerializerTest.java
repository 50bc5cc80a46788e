package io.spate.api.typeinfo;

import static io.spate.api.serialization.BasicValueGenerators.DEFAULT_MAX_SIZE;
import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.longs;
import static io.spate.api.serialization.BasicValueGenerators.maps;
import static io.spate.api.serialization.BasicValueGenerators.nullable;
import static io.spate.api.serialization.BasicValueGenerators.optionals;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.javaSerialized;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

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
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Round trips and copies through the serializers that derived type information creates. */
class CompositeSerializerTest {

  private static final TypeSerializer<Order> ORDERS = TypeInformation.of(Order.class).createSerializer();

  /** Lists of longs with nulls among them, up to the default size, as lists of boxes may hold. */
  private static final Gen<List<Long>> NULLABLE_LONGS =
      lists(nullable(longs(), 5), 0, DEFAULT_MAX_SIZE);

  @Test
  void nestedRecordsRoundTripExactly() {
    qt().withExamples(150).forAll(TestTypeGenerators.orders()).checkAssert(CompositeSerializerTest::roundTripsExactly);
  }

  private static void roundTripsExactly(Order order) {
    Order result = roundTrip(ORDERS, order);
    assertThat(result).usingRecursiveComparison().isEqualTo(order);
    if (order.attributes() != null) {
      assertThat(new ArrayList<>(result.attributes().keySet()))
          .as("map iteration order")
          .containsExactlyElementsOf(order.attributes().keySet());
    }
  }

  @Test
  void copiesOfMutableParts() {
    qt().withExamples(60).forAll(TestTypeGenerators.orders()).checkAssert(CompositeSerializerTest::copiesAreIndependent);
  }

  private static void copiesAreIndependent(Order order) {
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

  @Test
  void mapCopiesKeepAHashMapAHashMapAndOtherMapsInTheirOrder() {
    qt().withExamples(200).forAll(Generate.enumValues(MapKind.class), NULLABLE_LONGS)
        .checkAssert(CompositeSerializerTest::mapCopyKeepsKindAndOrder);
  }

  private static void mapCopyKeepsKindAndOrder(MapKind kind, List<Long> keys) {
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

  @Test
  void genericTypesFromTypeHintsRoundTrip() {
    Gen<Map<Status, Optional<Bid>>> statusMaps =
        maps(TestTypeGenerators.statuses(), optionals(TestTypeGenerators.bids()), 3);
    qt().withExamples(200).forAll(statusMaps, NULLABLE_LONGS)
        .checkAssert(CompositeSerializerTest::typeHintSerializersRoundTrip);
  }

  private static void typeHintSerializersRoundTrip(Map<Status, Optional<Bid>> byStatus, List<Long> longs) {
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

  @Test
  void inheritedGenericFieldsAndConcreteCollectionFieldsRoundTrip() {
    qt().withExamples(100)
        .forAll(strings(), ints(), lists(strings(), 0, DEFAULT_MAX_SIZE))
        .checkAssert(CompositeSerializerTest::inheritedAndCollectionFieldsRoundTrip);
  }

  private static void inheritedAndCollectionFieldsRoundTrip(String value, int count, List<String> list) {
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
    FieldAccessor<Order, Long> id = javaSerialized(info.fieldAccessor("id"));
    assertThat(javaSerialized(Types.STRING)).isSameAs(Types.STRING);
    // A few generated orders where the old test sampled one.
    qt().withExamples(5).forAll(TestTypeGenerators.orders()).checkAssert(order -> {
      assertThat(roundTrip(serializer, order)).usingRecursiveComparison().isEqualTo(order);
      assertThat(id.get(order)).isEqualTo(order.id());
    });
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
