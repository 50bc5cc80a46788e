package io.spate.api.typeinfo;

import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** @TypeInfo factories on classes, fields and record components, and Types.POJO with given field types. */
class TypeInfoFactoryTest {

  /** A value class type extraction cannot derive (no no-arg constructor, final field): its factory describes it. */
  @TypeInfo(MoneyFactory.class)
  public static final class Money {
    private final long cents;

    public Money(long cents) {
      this.cents = cents;
    }

    public long cents() {
      return cents;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Money m && m.cents == cents;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(cents);
    }
  }

  /** Describes Money as a record of its cents, through a record that wraps it. */
  public static final class MoneyFactory extends TypeInfoFactory<Money> {
    static final TypeInformation<Money> TYPE = new MoneyTypeInfo();

    @Override
    public TypeInformation<Money> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
      return TYPE;
    }
  }

  /** Hand-written type information, as a user writes it for a class of their own. */
  static final class MoneyTypeInfo extends TypeInformation<Money> {
    private static final long serialVersionUID = 1L;

    @Override
    public Class<Money> getTypeClass() {
      return Money.class;
    }

    @Override
    public TypeSerializer<Money> createSerializer() {
      return new MoneySerializer();
    }

    @Override
    public int keyHash(Money value) {
      return value.hashCode();
    }

    @Override
    public void checkValidKey() {}

    @Override
    public <F> FieldAccessor<Money, F> fieldAccessor(String fieldExpression) {
      throw new InvalidTypesException("Money has no fields");
    }

    @Override
    public <F> FieldAccessor<Money, F> fieldAccessor(int position) {
      throw new InvalidTypesException("Money has no fields");
    }

    @Override
    public boolean isBasicType() {
      return false;
    }
  }

  /** Writes Money as its cents. */
  static final class MoneySerializer extends TypeSerializer<Money> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(Money value, DataOutputView target) throws IOException {
      target.writeLong(value.cents());
    }

    @Override
    public Money deserialize(DataInputView source) throws IOException {
      return new Money(source.readLong());
    }

    @Override
    public Money copy(Money value) {
      return value;
    }

    @Override
    public TypeSerializer<Money> duplicate() {
      return this;
    }
  }

  /** A generic class whose factory reports the type arguments it was given. */
  @TypeInfo(BoxFactory.class)
  public static final class Box<V> {
    public V value;
  }

  /** Makes a list type of the box's value type, to show the generic parameters arrive. */
  public static final class BoxFactory extends TypeInfoFactory<Box<?>> {
    static Map<String, TypeInformation<?>> lastParameters;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeInformation<Box<?>> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
      lastParameters = new HashMap<>(genericParameters);
      return (TypeInformation) Types.POJO(Box.class, Map.of("value", genericParameters.get("V")));
    }
  }

  /** A record whose component names its own factory. */
  public record Priced(String item, @TypeInfo(MoneyFactory.class) Money price) {}

  /** A factory that returns null. */
  public static final class NullFactory extends TypeInfoFactory<Object> {
    @Override
    public TypeInformation<Object> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
      return null;
    }
  }

  /** A class whose factory returns null. */
  @TypeInfo(NullFactory.class)
  public static final class Broken {}

  /** A POJO with a field of an interface type, which only a given type describes. */
  public static class Basket {
    public CharSequence label;
    public List<String> items;
    public int count;
  }

  @Test
  void aFactoryOnAClassDescribesItEverywhereItIsUsed() {
    assertThat(TypeInformation.of(Money.class)).isSameAs(MoneyFactory.TYPE);
    TypeInformation<List<Money>> list = new TypeHint<List<Money>>() {}.getTypeInfo();
    assertThat(((ListTypeInfo<Money>) list).getElementType()).isSameAs(MoneyFactory.TYPE);
    TypeInformation<Priced> priced = TypeInformation.of(Priced.class);
    assertThat(((RecordTypeInfo<Priced>) priced).getFieldType("price")).isSameAs(MoneyFactory.TYPE);
    Priced value = new Priced("tea", new Money(250));
    assertThat(roundTrip(priced.createSerializer(), value)).isEqualTo(value);
  }

  @Test
  void aFactoryReceivesTheTypeArgumentsByParameterName() {
    TypeInformation<Box<Long>> box = new TypeHint<Box<Long>>() {}.getTypeInfo();
    assertThat(BoxFactory.lastParameters).containsExactly(Map.entry("V", Types.LONG));
    assertThat(((PojoTypeInfo<Box<Long>>) box).getFieldType("value")).isEqualTo(Types.LONG);
  }

  @Test
  void aFactoryThatReturnsNullIsNamed() {
    assertThatThrownBy(() -> TypeInformation.of(Broken.class)).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining(NullFactory.class.getName()).hasMessageContaining("returned null");
  }

  @Test
  void pojoWithGivenFieldTypesUsesThemAndDerivesTheRest() {
    TypeInformation<Basket> basket = Types.POJO(Basket.class, Map.of("label", Types.STRING));
    PojoTypeInfo<Basket> pojo = (PojoTypeInfo<Basket>) basket;
    assertThat(pojo.getFieldType("label")).isEqualTo(Types.STRING);
    assertThat(pojo.getFieldType("items")).isEqualTo(Types.LIST(Types.STRING));
    assertThat(pojo.getFieldType("count")).isEqualTo(Types.INT);
    Basket value = new Basket();
    value.label = "fruit";
    value.items = List.of("apple");
    value.count = 1;
    Basket back = roundTrip(basket.createSerializer(), value);
    assertThat(back.label).isEqualTo("fruit");
    assertThat(back.items).containsExactly("apple");

    assertThatThrownBy(() -> TypeInformation.of(Basket.class)).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("label");
    assertThatThrownBy(() -> Types.POJO(Basket.class, Map.of("lable", Types.STRING)))
        .isInstanceOf(InvalidTypesException.class).hasMessageContaining("'lable'")
        .hasMessageContaining("count, items, label");
    assertThatThrownBy(() -> Types.POJO(Basket.class, Map.of("label", Types.STRING, "count", Types.STRING)))
        .isInstanceOf(InvalidTypesException.class).hasMessageContaining("'count'")
        .hasMessageContaining("String");
  }
}
