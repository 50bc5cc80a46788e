package io.spate.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.typeinfo.TestTypes.Bid;
import io.spate.api.typeinfo.TestTypes.Customer;
import io.spate.api.typeinfo.TestTypes.Frozen;
import io.spate.api.typeinfo.TestTypes.Inner;
import io.spate.api.typeinfo.TestTypes.Item;
import io.spate.api.typeinfo.TestTypes.Node;
import io.spate.api.typeinfo.TestTypes.Order;
import io.spate.api.typeinfo.TestTypes.Pair;
import io.spate.api.typeinfo.TestTypes.Secretive;
import io.spate.api.typeinfo.TestTypes.Shipment;
import io.spate.api.typeinfo.TestTypes.Status;
import io.spate.api.typeinfo.TestTypes.StringBox;
import io.spate.api.typeinfo.TestTypes.Tree;
import io.spate.api.typeinfo.TestTypes.WithDate;
import io.spate.api.typeinfo.TestTypes.WithObject;
import io.spate.api.typeinfo.TestTypes.WithRawList;
import io.spate.api.typeinfo.TestTypes.WithRunnable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

  @Test
  void basicTypesAndTheirPrimitives() {
    assertThat(TypeInformation.of(String.class)).isSameAs(Types.STRING);
    assertThat(TypeInformation.of(int.class)).isSameAs(Types.INT);
    assertThat(TypeInformation.of(Integer.class)).isSameAs(Types.INT);
    assertThat(TypeInformation.of(long.class)).isSameAs(Types.LONG);
    assertThat(TypeInformation.of(BigDecimal.class)).isSameAs(Types.BIG_DEC);
    assertThat(TypeInformation.of(LocalDateTime.class)).isSameAs(Types.LOCAL_DATE_TIME);
    assertThat(TypeInformation.of(java.time.Duration.class)).isSameAs(BasicTypeInfo.DURATION);
    assertThat(TypeInformation.of(java.time.Period.class)).isSameAs(BasicTypeInfo.PERIOD);
    assertThat(TypeInformation.of(Void.class)).isSameAs(Types.VOID);
    assertThat(Types.INT.isBasicType()).isTrue();
    assertThat(Types.INT.toString()).isEqualTo("Integer");
  }

  @Test
  void arraysEnumsRecordsAndPojos() {
    assertThat(TypeInformation.of(byte[].class)).isEqualTo(Types.PRIMITIVE_ARRAY(Types.BYTE));
    assertThat(TypeInformation.of(byte[].class).toString()).isEqualTo("byte[]");
    assertThat(TypeInformation.of(String[].class)).isEqualTo(Types.OBJECT_ARRAY(Types.STRING));
    assertThat(TypeInformation.of(int[][].class).toString()).isEqualTo("int[][]");
    assertThat(TypeInformation.of(Status.class)).isEqualTo(Types.ENUM(Status.class));
    // The constant with a body has its own class, which must map to the enum.
    assertThat(TypeExtractor.getForObject(Status.PAID)).isEqualTo(Types.ENUM(Status.class));

    TypeInformation<Bid> bid = TypeInformation.of(Bid.class);
    assertThat(bid).isInstanceOf(RecordTypeInfo.class).isEqualTo(Types.RECORD(Bid.class));
    assertThat(bid.toString())
        .isEqualTo("Record(Bid){auction: Long, bidder: Long, price: Long, channel: String}");

    TypeInformation<Customer> customer = TypeInformation.of(Customer.class);
    assertThat(customer).isInstanceOf(PojoTypeInfo.class).isEqualTo(Types.POJO(Customer.class));
    assertThat(((CompositeTypeInfo<Customer>) customer).getFieldNames())
        .as("sorted by name, transient 'cache' left out")
        .containsExactly("address", "age", "emails", "name", "vip");
    assertThat(customer.toString())
        .startsWith("Pojo(Customer){address: Pojo(Address){city: String, street: String, zip: Integer}");
  }

  @Test
  void nestedGenericTypes() {
    TypeInformation<Map<String, List<Optional<Bid>>>> info =
        new TypeHint<Map<String, List<Optional<Bid>>>>() {}.getTypeInfo();
    assertThat(info)
        .isEqualTo(
            Types.MAP(Types.STRING, Types.LIST(Types.OPTIONAL(TypeInformation.of(Bid.class)))));
    assertThat(new TypeHint<List<String>>() {}.getTypeInfo().toString()).isEqualTo("List<String>");
    assertThat(new TypeHint<List<String>[]>() {}.getTypeInfo())
        .isEqualTo(Types.OBJECT_ARRAY(Types.LIST(Types.STRING)));
    assertThat(new TypeHint<List<? extends String>>() {}.getTypeInfo()).isEqualTo(Types.LIST(Types.STRING));
    assertThatThrownBy(() -> new TypeHint<List<? extends Number>>() {})
        .hasMessageStartingWith("field '[]' of type java.lang.Number is a JDK class");
    assertThatThrownBy(() -> new TypeHint<List<?>>() {})
        .hasMessageStartingWith("field '[]' of type ? is a wildcard that names no single type");

    TypeInformation<?> order = TypeInformation.of(Order.class);
    assertThat(((CompositeTypeInfo<?>) order).getFieldType("bidsByChannel"))
        .isEqualTo(Types.LIST(Types.MAP(Types.STRING, TypeInformation.of(Bid.class))));
    assertThat(((CompositeTypeInfo<?>) order).getFieldType("payload"))
        .isEqualTo(Types.PRIMITIVE_ARRAY(Types.BYTE));
  }

  @Test
  void genericRecordsAndPojosBindTheirTypeArguments() {
    TypeInformation<Pair<String, List<Long>>> pair =
        new TypeHint<Pair<String, List<Long>>>() {}.getTypeInfo();
    assertThat(pair.toString()).isEqualTo("Record(Pair){first: String, second: List<Long>}");
    assertThat(((CompositeTypeInfo<?>) pair).getTypeArguments())
        .containsExactly(Types.STRING, Types.LIST(Types.LONG));
    // Nesting the same generic class with other arguments is not recursion.
    TypeInformation<Pair<Pair<String, String>, Pair<Long, Long>>> nested =
        new TypeHint<Pair<Pair<String, String>, Pair<Long, Long>>>() {}.getTypeInfo();
    assertThat(nested.toString()).contains("first: Record(Pair){first: String");

    TypeInformation<StringBox> box = TypeInformation.of(StringBox.class);
    assertThat(((CompositeTypeInfo<?>) box).getFieldType("value")).isEqualTo(Types.STRING);
    assertThat(((CompositeTypeInfo<?>) box).getFieldType("count")).isEqualTo(Types.INT);
  }

  @Test
  void rawGenericClassNamesTheUnboundTypeVariable() {
    assertThatThrownBy(() -> TypeInformation.of(Pair.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("field 'first' has the type variable A of class " + Pair.class.getName())
        .hasMessageContaining("TypeHint");
  }

  @Test
  void unsupportedTypesNameTheFieldPathAndTheFix() {
    assertThatThrownBy(() -> TypeInformation.of(Shipment.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageStartingWith(
            "field 'items[].supplier' of type " + TestTypes.Supplier.class.getName()
                + " is not a POJO: it has no public no-arg constructor")
        .hasMessageContaining("Make it a record, or a POJO")
        .hasMessageContaining(".returns(");
    assertThatThrownBy(() -> TypeInformation.of(Secretive.class))
        .hasMessageContaining("its field 'secret' is not public and has no public setter")
        .hasMessageContaining("getSecret() and setSecret(...)");
    assertThatThrownBy(() -> TypeInformation.of(Frozen.class))
        .hasMessageContaining("its public field 'name' is final");
    assertThatThrownBy(() -> TypeInformation.of(Inner.class))
        .hasMessageContaining("non-static inner class")
        .hasMessageContaining("Declare it static");
    assertThatThrownBy(() -> TypeInformation.of(WithRunnable.class))
        .hasMessageStartingWith("field 'task' of type java.lang.Runnable is an interface");
    assertThatThrownBy(() -> TypeInformation.of(WithRawList.class))
        .hasMessageStartingWith("field 'values' of type java.util.List is a raw List")
        .hasMessageContaining("Types.LIST(Types.STRING)");
    assertThatThrownBy(() -> TypeInformation.of(WithObject.class))
        .hasMessageStartingWith("field 'anything' of type java.lang.Object says nothing");
    assertThatThrownBy(() -> TypeInformation.of(WithDate.class))
        .hasMessageStartingWith("field 'when' of type java.util.Date is a JDK class")
        .hasMessageContaining("Instant");
    assertThatThrownBy(() -> new TypeHint<Set<String>>() {})
        .hasMessageStartingWith("type java.util.Set is an interface");
    assertThatThrownBy(() -> new TypeHint<Map<String, List<Object>>>() {})
        .hasMessageStartingWith("field '{value}[]' of type java.lang.Object");
    assertThatThrownBy(() -> TypeInformation.of(List.class))
        .hasMessageStartingWith("type java.util.List is a raw List");
    assertThatThrownBy(() -> TypeInformation.of(Number.class))
        .hasMessageContaining("java.lang.Number is a JDK class");
  }

  @Test
  void recursiveTypesAreRejectedWithoutOverflowingTheStack() {
    assertThatThrownBy(() -> TypeInformation.of(Node.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageStartingWith("field 'next' of type " + Node.class.getName()
            + " contains itself (it is also the type of the top level)")
        .hasMessageContaining("recursive types");
    assertThatThrownBy(() -> TypeInformation.of(Tree.class))
        .hasMessageStartingWith("field 'children[]' of type " + Tree.class.getName() + " contains itself");
  }

  @Test
  void typesFactoriesCheckTheirArguments() {
    assertThatThrownBy(() -> Types.RECORD(Customer.class)).hasMessageContaining("is not a record");
    assertThatThrownBy(() -> Types.POJO(Bid.class)).hasMessageContaining("Types.RECORD(Bid.class)");
    assertThatThrownBy(() -> Types.PRIMITIVE_ARRAY(Types.STRING))
        .hasMessageContaining("OBJECT_ARRAY");
    assertThat(Types.PRIMITIVE_ARRAY(Types.CHAR).getTypeClass()).isEqualTo(char[].class);
    assertThat(Types.LIST(Types.INT)).isEqualTo(Types.LIST(Types.INT)).hasSameHashCodeAs(Types.LIST(Types.INT));
    assertThat(Types.LIST(Types.INT)).isNotEqualTo(Types.LIST(Types.LONG));
    assertThat(Types.MAP(Types.STRING, Types.OPTIONAL(Types.INT)).toString())
        .isEqualTo("Map<String, Optional<Integer>>");
    assertThat(Types.ENUM(Status.class).toString()).isEqualTo("Enum(Status)");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void recordTypeInfoByHandChecksTheComponentTypes() {
    RecordTypeInfo<Pair<String, Long>> byHand =
        new RecordTypeInfo<>((Class) Pair.class, List.of(Types.STRING, Types.LONG));
    assertThat(byHand).isEqualTo(new TypeHint<Pair<String, Long>>() {}.getTypeInfo());
    assertThat(new RecordTypeInfo<>(Bid.class, List.of(Types.LONG, Types.LONG, Types.LONG, Types.STRING)))
        .isEqualTo(TypeInformation.of(Bid.class));
    assertThatThrownBy(() -> new RecordTypeInfo<>(Bid.class, List.of(Types.LONG)))
        .hasMessageContaining("has 4 components [auction, bidder, price, channel], but 1 types were given");
    assertThatThrownBy(
            () -> new RecordTypeInfo<>(Bid.class, List.of(Types.LONG, Types.LONG, Types.STRING, Types.STRING)))
        .hasMessageContaining("The component price of " + Bid.class.getName() + " is a long");
  }

  @Test
  void typeHintWithoutArgumentIsRejected() {
    class Unresolved<T> {
      TypeInformation<List<T>> info() {
        return new TypeHint<List<T>>() {}.getTypeInfo();
      }
    }
    assertThatThrownBy(() -> new Unresolved<String>().info())
        .hasMessageContaining("the type variable T of class")
        .hasMessageContaining("is not bound to a concrete type");
  }

  @Test
  void getForObjectLooksIntoContainers() {
    assertThat(TypeExtractor.getForObject("x")).isSameAs(Types.STRING);
    assertThat(TypeExtractor.getForObject(new Bid(1, 2, 3, "c"))).isEqualTo(TypeInformation.of(Bid.class));
    assertThat(TypeExtractor.getForObject(List.of(1, 2))).isEqualTo(Types.LIST(Types.INT));
    Map<String, List<Long>> map = new LinkedHashMap<>();
    map.put("a", List.of(1L));
    map.put("b", null);
    assertThat(TypeExtractor.getForObject(map)).isEqualTo(Types.MAP(Types.STRING, Types.LIST(Types.LONG)));
    assertThat(TypeExtractor.getForObject(Optional.of(Status.NEW)))
        .isEqualTo(Types.OPTIONAL(Types.ENUM(Status.class)));
    assertThat(TypeExtractor.getForObject(new Item[0])).isEqualTo(Types.OBJECT_ARRAY(TypeInformation.of(Item.class)));

    assertThatThrownBy(() -> TypeExtractor.getForObject(List.of()))
        .hasMessageStartingWith("the List value is empty");
    assertThatThrownBy(() -> TypeExtractor.getForObject(List.of(1, "x")))
        .hasMessageContaining("holds values of different types, Integer and String");
    assertThatThrownBy(() -> TypeExtractor.getForObject(List.of(List.of())))
        .hasMessageStartingWith("the List at '[]' is empty");
    assertThatThrownBy(() -> TypeExtractor.getForObject(null)).hasMessageContaining("null value");
  }
}
