package io.spate.api.typeinfo;

import static io.spate.api.serialization.SerializationTesting.javaSerialized;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.configuration.Configuration;
import io.spate.api.serialization.PojoSerializer;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.TupleSerializer;
import io.spate.api.tuple.Tuple2;
import io.spate.api.tuple.Tuple3;
import io.spate.api.typeinfo.TestTypes.Address;
import io.spate.api.types.Either;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The members Flink's type informations have besides TypeInformation's, with Flink's answers. */
class FlinkTypeInfoMembersTest {

  @Test
  void basicTypesWidenByFlinksRules() {
    assertThat(BasicTypeInfo.BYTE.shouldAutocastTo(BasicTypeInfo.SHORT)).isTrue();
    assertThat(BasicTypeInfo.INT.shouldAutocastTo(BasicTypeInfo.LONG)).isTrue();
    assertThat(BasicTypeInfo.INT.shouldAutocastTo(BasicTypeInfo.CHAR)).isTrue();
    assertThat(BasicTypeInfo.LONG.shouldAutocastTo(BasicTypeInfo.DOUBLE)).isTrue();
    assertThat(BasicTypeInfo.FLOAT.shouldAutocastTo(BasicTypeInfo.DOUBLE)).isTrue();
    assertThat(BasicTypeInfo.LONG.shouldAutocastTo(BasicTypeInfo.INT)).isFalse();
    assertThat(BasicTypeInfo.DOUBLE.shouldAutocastTo(BasicTypeInfo.FLOAT)).isFalse();
    assertThat(BasicTypeInfo.FLOAT.shouldAutocastTo(BasicTypeInfo.LONG)).isFalse();
    assertThat(BasicTypeInfo.STRING.shouldAutocastTo(BasicTypeInfo.STRING)).isFalse();
    assertThat(BasicTypeInfo.INT.shouldAutocastTo(BasicTypeInfo.INT)).isFalse();
  }

  @Test
  void containersNameTheirElementTypesAsFlinkDoes() {
    ListTypeInfo<String> list = new ListTypeInfo<>(String.class);
    assertThat(list).isEqualTo(Types.LIST(Types.STRING));
    assertThat(list.getElementTypeInfo()).isEqualTo(Types.STRING);
    MapTypeInfo<String, Long> map = new MapTypeInfo<>(String.class, Long.class);
    assertThat(map).isEqualTo(Types.MAP(Types.STRING, Types.LONG));
    assertThat(map.getKeyTypeInfo()).isEqualTo(Types.STRING);
    assertThat(map.getValueTypeInfo()).isEqualTo(Types.LONG);
    assertThat(roundTrip(map.createSerializer(), Map.of("a", 1L))).isEqualTo(Map.of("a", 1L));
  }

  @Test
  void arraysAreFoundByTheirClasses() {
    ObjectArrayTypeInfo<String> strings = ObjectArrayTypeInfo.getInfoFor(String[].class, Types.STRING);
    assertThat(strings).isEqualTo(Types.OBJECT_ARRAY(Types.STRING));
    assertThat(strings.getComponentInfo()).isEqualTo(Types.STRING);
    assertThat(ObjectArrayTypeInfo.getInfoFor(Types.INT).getTypeClass()).isEqualTo(Integer[].class);
    assertThatThrownBy(() -> ObjectArrayTypeInfo.getInfoFor(Long[].class, Types.STRING))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("is not an array of java.lang.String");

    PrimitiveArrayTypeInfo<int[]> ints = PrimitiveArrayTypeInfo.getInfoFor(int[].class);
    assertThat(ints.getComponentClass()).isEqualTo(int.class);
    assertThat(PrimitiveArrayTypeInfo.getInfoFor(String[].class)).isNull();
    assertThatThrownBy(() -> PrimitiveArrayTypeInfo.getInfoFor(String.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("not an array");
  }

  @Test
  void tuplesAndEithersNameTheirTypeParameters() {
    TupleTypeInfo<Tuple3<String, Integer, Long>> tuple =
        (TupleTypeInfo<Tuple3<String, Integer, Long>>) Types.<Tuple3<String, Integer, Long>>TUPLE(
            Types.STRING, Types.INT, Types.LONG);
    assertThat(tuple.getGenericParameters())
        .containsExactly(Map.entry("T0", Types.STRING), Map.entry("T1", Types.INT), Map.entry("T2", Types.LONG));
    TupleSerializer<Tuple3<String, Integer, Long>> serializer = tuple.createSerializer(new SerializerConfig());
    assertThat(roundTrip(serializer, Tuple3.of("a", 1, 2L))).isEqualTo(Tuple3.of("a", 1, 2L));
    assertThat(TupleTypeInfo.<Tuple2<String, Long>>getBasicAndBasicValueTupleTypeInfo(String.class, Long.class))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));

    EitherTypeInfo<String, Integer> either = (EitherTypeInfo<String, Integer>) Types.EITHER(Types.STRING, Types.INT);
    assertThat(either.getGenericParameters())
        .containsExactly(Map.entry("L", Types.STRING), Map.entry("R", Types.INT));
    assertThat(roundTrip(either.createSerializer(), Either.<String, Integer>Left("x"))).isEqualTo(Either.Left("x"));
  }

  @Test
  void compositeTypesGiveTheTypeAtAPositionOrPath() {
    TupleTypeInfo<Tuple2<String, Tuple2<Long, Address>>> nested =
        (TupleTypeInfo<Tuple2<String, Tuple2<Long, Address>>>) Types.<Tuple2<String, Tuple2<Long, Address>>>TUPLE(
            Types.STRING, Types.TUPLE(Types.LONG, Types.POJO(Address.class)));
    assertThat(nested.<String>getTypeAt(0)).isEqualTo(Types.STRING);
    assertThat(nested.<Long>getTypeAt("f1.f0")).isEqualTo(Types.LONG);
    assertThat(nested.<String>getTypeAt("f1.f1.city")).isEqualTo(Types.STRING);
    assertThatThrownBy(() -> nested.getTypeAt(2))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("no field at position 2");
    assertThatThrownBy(() -> nested.getTypeAt("f1.f1.country")).isInstanceOf(InvalidTypesException.class);
  }

  @Test
  @SuppressWarnings("deprecation")
  void pojoTypesCreateTheirPojoSerializer() {
    PojoTypeInfo<Address> address = (PojoTypeInfo<Address>) Types.POJO(Address.class);
    PojoSerializer<Address> serializer = address.createPojoSerializer(new SerializerConfig());
    Address home = new Address("Main St", "Bern", 3000);
    assertThat(roundTrip(serializer, home)).isEqualTo(home);
    assertThat(address.createPojoSerializer(new ExecutionConfig(new Configuration()))).isEqualTo(serializer);
    Address empty = serializer.createInstance();
    assertThat(empty.street).isEmpty();
    assertThat(empty.zip).isZero();
  }

  @Test
  void theRemainingFlinkShapesAreThere() {
    assertThat(new Types()).isNotNull();
    TypeHint<List<String>> hint = new TypeHint<>() {};
    assertThat(hint.getTypeInfo()).isEqualTo(Types.LIST(Types.STRING));
    SerializerConfig config = new SerializerConfig();
    assertThat(config.getRegisteredTypesWithKryoSerializers()).isEmpty();
    assertThat(config.getDefaultKryoSerializers()).isEmpty();
    assertThat(config.getRegisteredTypeInfoFactories()).isEmpty();
    assertThat(Types.INT.isSortKeyType()).isTrue();
    assertThat(Types.LIST(Types.INT).canEqual(Types.LIST(Types.STRING))).isTrue();
    assertThat(Types.LIST(Types.INT).canEqual(Types.INT)).isFalse();
  }

  @Test
  void aPojoTypeIsBuiltFromItsFieldsOrderedByName() throws Exception {
    PojoTypeInfo<Address> byHand = new PojoTypeInfo<>(Address.class, List.of(
        new PojoField(Address.class.getField("zip"), Types.INT),
        new PojoField(Address.class.getField("street"), Types.STRING),
        new PojoField(Address.class.getField("city"), Types.STRING)));
    assertThat(byHand.getFieldNames()).containsExactly("city", "street", "zip");
    Address home = new Address("Main St", "Bern", 3000);
    assertThat(roundTrip(byHand.createSerializer(), home)).isEqualTo(home);

    PojoField zip = byHand.getPojoFieldAt(2);
    assertThat(zip.getField()).isEqualTo(Address.class.getField("zip"));
    assertThat(zip.getTypeInformation()).isEqualTo(Types.INT);
    assertThat(javaSerialized(zip)).isEqualTo(zip);
    assertThat(javaSerialized(zip).getField()).isEqualTo(Address.class.getField("zip"));

    assertThatThrownBy(() -> new PojoTypeInfo<>(Address.class,
        List.of(new PojoField(TestTypes.Plain.class.getField("text"), Types.STRING))))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("is not a field of " + Address.class.getName());
  }
}
