package io.spate.api.typeinfo;

import static io.spate.api.serialization.BasicValueGenerators.DEFAULT_MAX_SIZE;
import static io.spate.api.serialization.BasicValueGenerators.chars;
import static io.spate.api.serialization.BasicValueGenerators.doubles;
import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.longs;
import static io.spate.api.serialization.BasicValueGenerators.maps;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.typeinfo.TestTypes.ArrayHolder;
import io.spate.api.typeinfo.TestTypes.Bid;
import io.spate.api.typeinfo.TestTypes.Customer;
import io.spate.api.typeinfo.TestTypes.Key;
import io.spate.api.typeinfo.TestTypes.Order;
import io.spate.api.typeinfo.TestTypes.Plain;
import io.spate.api.typeinfo.TestTypes.Status;
import io.spate.api.typeinfo.TestTypes.Wrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Key hashes are stable and agree with equality; key checks name the offending field. */
class KeyTest {

  /** One value of each type whose key hash must be its hashCode(). */
  record Scalars(String s, int i, long l, double d, char c) {}

  @Test
  void stringsAndBoxesHashLikeHashCode() {
    qt().withExamples(300).forAll(strings().zip(ints(), longs(), doubles(), chars(), Scalars::new)).checkAssert(v -> {
      assertThat(Types.STRING.keyHash(v.s())).isEqualTo(v.s().hashCode());
      assertThat(Types.INT.keyHash(v.i())).isEqualTo(Integer.hashCode(v.i()));
      assertThat(Types.LONG.keyHash(v.l())).isEqualTo(Long.hashCode(v.l()));
      assertThat(Types.DOUBLE.keyHash(v.d())).isEqualTo(Double.hashCode(v.d()));
      assertThat(Types.CHAR.keyHash(v.c())).isEqualTo(Character.hashCode(v.c()));
    });
  }

  @Test
  void enumsHashByName() {
    TypeInformation<Status> statuses = Types.ENUM(Status.class);
    for (Status status : Status.values()) {
      assertThat(statuses.keyHash(status)).isEqualTo(status.name().hashCode());
    }
    assertThat(statuses.keyHash(Status.PAID)).isEqualTo("PAID".hashCode());
  }

  @Test
  void recordsCombineTheirComponentHashes() {
    Bid bid = new Bid(1, 2, 3, "web");
    int expected = 0;
    for (int field : new int[] {Long.hashCode(1), Long.hashCode(2), Long.hashCode(3), "web".hashCode()}) {
      expected = 31 * expected + field;
    }
    assertThat(TypeInformation.of(Bid.class).keyHash(bid)).isEqualTo(expected);
    int withNullChannel = expected - "web".hashCode();
    assertThat(TypeInformation.of(Bid.class).keyHash(new Bid(1, 2, 3, null)))
        .as("a null field hashes as 0")
        .isEqualTo(withNullChannel);
  }

  @Test
  void equalKeysHashEqually() {
    Gen<Key> keys = TestTypeGenerators.nullableStrings()
        .zip(TestTypeGenerators.statuses(), lists(ints(), 0, 4), Key::new);
    qt().withExamples(300).forAll(keys, TestTypeGenerators.customers(), lists(strings(), 0, DEFAULT_MAX_SIZE))
        .checkAssert(KeyTest::equalValuesHashEqually);
  }

  private static void equalValuesHashEqually(Key key, Customer customer, List<String> list) {
    TypeInformation<Key> keys = TypeInformation.of(Key.class);
    Key same = roundTrip(keys.createSerializer(), key);
    assertThat(same).isEqualTo(key);
    assertThat(keys.keyHash(same)).isEqualTo(keys.keyHash(key));

    TypeInformation<Customer> customers = TypeInformation.of(Customer.class);
    Customer copy = customers.createSerializer().copy(customer);
    assertThat(copy).isEqualTo(customer).isNotSameAs(customer);
    assertThat(customers.keyHash(copy)).isEqualTo(customers.keyHash(customer));

    TypeInformation<List<String>> lists = Types.LIST(Types.STRING);
    assertThat(lists.keyHash(new ArrayList<>(list))).isEqualTo(lists.keyHash(List.copyOf(list)));
    assertThat(lists.keyHash(list)).isEqualTo(list.hashCode());
  }

  @Test
  void mapHashesDoNotDependOnIterationOrder() {
    qt().withExamples(200).forAll(maps(strings(), ints(), DEFAULT_MAX_SIZE))
        .checkAssert(KeyTest::mapHashIgnoresIterationOrder);
  }

  private static void mapHashIgnoresIterationOrder(Map<String, Integer> map) {
    Map<String, Integer> reversed = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(map.keySet());
    Collections.reverse(keys);
    keys.forEach(k -> reversed.put(k, map.get(k)));
    TypeInformation<Map<String, Integer>> maps = Types.MAP(Types.STRING, Types.INT);
    assertThat(maps.keyHash(reversed)).isEqualTo(maps.keyHash(map));
  }

  @Test
  void optionalsHashLikeTheirValue() {
    TypeInformation<Optional<String>> optionals = Types.OPTIONAL(Types.STRING);
    assertThat(optionals.keyHash(Optional.of("a"))).isEqualTo("a".hashCode());
    assertThat(optionals.keyHash(Optional.empty())).isZero();
  }

  @Test
  void validKeys() {
    assertThatCode(() -> TypeInformation.of(Key.class).checkValidKey()).doesNotThrowAnyException();
    assertThatCode(() -> TypeInformation.of(Customer.class).checkValidKey()).doesNotThrowAnyException();
    assertThatCode(() -> Types.MAP(Types.STRING, Types.LIST(Types.ENUM(Status.class))).checkValidKey())
        .doesNotThrowAnyException();
    assertThatCode(() -> Types.STRING.checkValidKey()).doesNotThrowAnyException();
  }

  @Test
  void invalidKeysNameTheFieldAndTheFix() {
    assertThatThrownBy(() -> TypeInformation.of(Plain.class).checkValidKey())
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageStartingWith("type " + Plain.class.getName()
            + " cannot be a key: it does not override equals() and hashCode(), so two equal keys"
            + " would be different objects")
        .hasMessageContaining("Use a record, or implement equals() and hashCode() in Plain");
    assertThatThrownBy(() -> TypeInformation.of(Wrapper.class).checkValidKey())
        .hasMessageStartingWith("field 'plain' of type " + Plain.class.getName() + " cannot be a key");
    assertThatThrownBy(() -> TypeInformation.of(ArrayHolder.class).checkValidKey())
        .hasMessageStartingWith("field 'values' of type long[] cannot be a key: arrays have no value equality")
        .hasMessageContaining("Use a List or a record");
    assertThatThrownBy(() -> TypeInformation.of(byte[].class).checkValidKey())
        .hasMessageStartingWith("type byte[] cannot be a key");
    assertThatThrownBy(() -> Types.LIST(Types.OBJECT_ARRAY(Types.STRING)).checkValidKey())
        .hasMessageStartingWith("field '[]' of type String[] cannot be a key");
    assertThatThrownBy(() -> TypeInformation.of(Order.class).checkValidKey())
        .hasMessageStartingWith("field 'codes' of type int[] cannot be a key");
    assertThatThrownBy(() -> TypeInformation.of(byte[].class).keyHash(new byte[1]))
        .isInstanceOf(InvalidTypesException.class);
  }
}
