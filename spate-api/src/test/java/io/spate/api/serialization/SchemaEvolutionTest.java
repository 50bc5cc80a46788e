package io.spate.api.serialization;

import static io.spate.api.serialization.SerializationTesting.bytesOf;
import static io.spate.api.serialization.SnapshotTesting.deserializeAll;
import static io.spate.api.serialization.SnapshotTesting.readSnapshot;
import static io.spate.api.serialization.SnapshotTesting.snapshotBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.serialization.TypeSerializerSchemaCompatibility.Kind;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State written by one version of a class and read after the class changed: each version is
 * compiled from source at test time into its own class loader, under the same class name.
 */
class SchemaEvolutionTest {

  @TempDir static Path root;

  private static final String ORDER_V1 =
      """
      package com.acme;
      public class Order {
        public long id;
        public String name;
        public long price;
      }
      """;

  // ---------------------------------------------------------------- POJOs

  @Test
  void addedPojoFieldsKeepWhatTheConstructorGaveThem() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public class Order {
              public long id;
              public String name;
              public long price;
              public int quantity = 1;
              public String note = "none";
            }
            """);
    Object old = pojo(v1, "id", 7L, "name", "book", "price", 1250L);

    Object restored = migrate(v1, v2, old, Kind.COMPATIBLE_AFTER_MIGRATION);

    assertThat(fields(restored))
        .containsExactlyInAnyOrderEntriesOf(
            map("id", 7L, "name", "book", "price", 1250L, "quantity", 1, "note", "none"));
  }

  @Test
  void removedPojoFieldsAreReadAndDropped() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public class Order {
              public long price;
              public long id;
            }
            """);
    Object restored = migrate(v1, v2, pojo(v1, "id", 3L, "name", "pen", "price", 99L), Kind.COMPATIBLE_AFTER_MIGRATION);

    assertThat(fields(restored)).containsExactlyInAnyOrderEntriesOf(map("id", 3L, "price", 99L));
  }

  @Test
  void pojoFieldsAreWrittenByNameSoReorderingTheSourceChangesNothing() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public class Order {
              public long price;
              public String name;
              public long id;
            }
            """);
    Object restored = migrate(v1, v2, pojo(v1, "id", 1L, "name", null, "price", -5L), Kind.COMPATIBLE_AS_IS);

    assertThat(fields(restored)).containsExactlyInAnyOrderEntriesOf(map("id", 1L, "name", null, "price", -5L));
  }

  @Test
  void aPublicFieldThatGotAGetterAndSetterIsStillCompatibleAsIs() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public class Order {
              private long id;
              private String name;
              private long price;
              public long getId() { return id; }
              public void setId(long id) { this.id = id; }
              public String getName() { return name; }
              public void setName(String name) { this.name = name; }
              public long getPrice() { return price; }
              public void setPrice(long price) { this.price = price; }
            }
            """);
    Object restored = migrate(v1, v2, pojo(v1, "id", 2L, "name", "x", "price", 4L), Kind.COMPATIBLE_AS_IS);

    assertThat(fields(restored)).containsExactlyInAnyOrderEntriesOf(map("id", 2L, "name", "x", "price", 4L));
  }

  @Test
  void aPojoFieldThatChangedTypeIsIncompatibleAndSaysWhichFieldAndTypes() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public class Order {
              public long id;
              public String name;
              public String price;
            }
            """);
    TypeSerializerSnapshot<Object> snapshot = readSnapshot(snapshotBytes(serializer(v1)), v2.getClassLoader());

    TypeSerializerSchemaCompatibility<Object> compatibility =
        snapshot.resolveSchemaCompatibility(serializer(v2));

    assertThat(compatibility.kind()).isEqualTo(Kind.INCOMPATIBLE);
    assertThat(compatibility.message())
        .isEqualTo("field 'price' of com.acme.Order changed type from long to java.lang.String");
    assertThatThrownBy(snapshot::restoreSerializer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("field 'price' of com.acme.Order changed type from long to java.lang.String");
  }

  @Test
  void aGenericFieldTypeChangeIsIncompatible() throws Exception {
    String template =
        """
        package com.acme;
        public class Basket {
          public java.util.List<%s> items;
        }
        """;
    Class<?> v1 = load(template.formatted("String"));
    Class<?> v2 = load(template.formatted("Long"));
    TypeSerializerSnapshot<Object> snapshot = readSnapshot(snapshotBytes(serializer(v1)), v2.getClassLoader());

    assertThat(snapshot.resolveSchemaCompatibility(serializer(v2)).message())
        .isEqualTo(
            "field 'items' of com.acme.Basket changed type from java.util.List<java.lang.String> to"
                + " java.util.List<java.lang.Long>");
  }

  @Test
  void nestedPojosEvolveInsideTheirParent() throws Exception {
    String customer =
        """
        package com.acme;
        public class Customer {
          public String name;
          public Address address;
        }
        """;
    URLClassLoader v1 =
        compile(
            customer,
            """
            package com.acme;
            public class Address {
              public String city;
              public String street;
            }
            """);
    URLClassLoader v2 =
        compile(
            customer,
            """
            package com.acme;
            public class Address {
              public String city;
              public String zip = "00000";
            }
            """);
    Class<?> c1 = v1.loadClass("com.acme.Customer");
    Class<?> c2 = v2.loadClass("com.acme.Customer");
    Object address = pojo(v1.loadClass("com.acme.Address"), "city", "Oslo", "street", "Storgata");
    Object old = pojo(c1, "name", "Ada", "address", address);

    Object restored = migrate(c1, c2, old, Kind.COMPATIBLE_AFTER_MIGRATION);

    assertThat(fields(restored).get("name")).isEqualTo("Ada");
    Object restoredAddress = fields(restored).get("address");
    assertThat(restoredAddress.getClass()).isSameAs(v2.loadClass("com.acme.Address"));
    assertThat(fields(restoredAddress)).containsExactlyInAnyOrderEntriesOf(map("city", "Oslo", "zip", "00000"));
    assertThat(fields(migrate(c1, c2, pojo(c1, "name", "Bob", "address", null), Kind.COMPATIBLE_AFTER_MIGRATION)))
        .containsEntry("address", null);
  }

  @Test
  void aTypeChangeInANestedPojoNamesThePathToIt() throws Exception {
    String customer =
        """
        package com.acme;
        public class Customer {
          public Address address;
        }
        """;
    String address =
        """
        package com.acme;
        public class Address {
          public %s number;
        }
        """;
    URLClassLoader v1 = compile(customer, address.formatted("int"));
    URLClassLoader v2 = compile(customer, address.formatted("String"));
    TypeSerializerSnapshot<Object> snapshot =
        readSnapshot(snapshotBytes(serializer(v1.loadClass("com.acme.Customer"))), v2);

    TypeSerializerSchemaCompatibility<Object> compatibility =
        snapshot.resolveSchemaCompatibility(serializer(v2.loadClass("com.acme.Customer")));

    assertThat(compatibility.isIncompatible()).isTrue();
    assertThat(compatibility.message())
        .isEqualTo(
            "field 'address' of com.acme.Customer: field 'number' of com.acme.Address changed type"
                + " from int to java.lang.String");
  }

  @Test
  void aPojoThatBecameARecordIsAClearError() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public record Order(long id, String name, long price) {}
            """);
    TypeSerializerSnapshot<Object> snapshot = readSnapshot(snapshotBytes(serializer(v1)), v2.getClassLoader());

    TypeSerializerSchemaCompatibility<Object> compatibility =
        snapshot.resolveSchemaCompatibility(serializer(v2));

    assertThat(compatibility.isIncompatible()).isTrue();
    assertThat(compatibility.message()).contains("com.acme.Order was a POJO", "is now a record");
    assertThatThrownBy(snapshot::restoreSerializer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("com.acme.Order")
        .hasMessageContaining("was a POJO when the state was written and is now a record");
  }

  @Test
  void aClassThatIsGoneFromTheClassPathIsAClearError() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    byte[] bytes = snapshotBytes(serializer(v1));

    TypeSerializerSnapshot<Object> snapshot = readSnapshot(bytes, getClass().getClassLoader());

    assertThatThrownBy(snapshot::restoreSerializer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot restore the serializer of com.acme.Order: the class is not on the class path");
    assertThat(snapshot.resolveSchemaCompatibility(cast(StringSerializer.INSTANCE)).isIncompatible()).isTrue();
    // The snapshot survives without its class, so that it can be carried into the next checkpoint.
    DataOutputSerializer again = new DataOutputSerializer();
    TypeSerializerSnapshot.writeVersionedSnapshot(again, snapshot);
    assertThat(again.getCopyOfBuffer()).isEqualTo(bytes);
  }

  @Test
  void aNewFieldOfATypeVariableIsReadButCannotBeWrittenByTheRestoredSerializer() throws Exception {
    Class<?> v1 =
        load(
            """
            package com.acme;
            public class Holder<T> {
              public String label;
            }
            """);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public class Holder<T> {
              public String label;
              public T extra;
            }
            """);
    TypeSerializer<Object> restored =
        readSnapshot(snapshotBytes(serializer(v1)), v2.getClassLoader()).restoreSerializer();

    Object value = deserializeAll(restored, bytesOf(serializer(v1), pojo(v1, "label", "a")));

    assertThat(fields(value)).containsExactlyInAnyOrderEntriesOf(map("label", "a", "extra", null));
    assertThatThrownBy(() -> restored.serialize(value, new DataOutputSerializer()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("com.acme.Holder")
        .hasMessageContaining("'extra'");
  }

  // ---------------------------------------------------------------- records

  @Test
  void recordsEvolveByComponentName() throws Exception {
    Class<?> v1 =
        load(
            """
            package com.acme;
            public record Point(int x, int y, String label) {}
            """);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public record Point(String label, int y, int z, boolean flag, Long big, double w) {}
            """);
    Object old = record(v1, 1, 2, "p");

    Object restored = migrate(v1, v2, old, Kind.COMPATIBLE_AFTER_MIGRATION);

    assertThat(components(restored))
        .containsExactlyEntriesOf(map("label", "p", "y", 2, "z", 0, "flag", false, "big", null, "w", 0.0));
  }

  @Test
  void reorderedRecordComponentsNeedMigration() throws Exception {
    Class<?> v1 = load("package com.acme; public record Pair(String left, long right) {}");
    Class<?> v2 = load("package com.acme; public record Pair(long right, String left) {}");

    Object restored = migrate(v1, v2, record(v1, "l", 9L), Kind.COMPATIBLE_AFTER_MIGRATION);

    assertThat(components(restored)).containsExactlyEntriesOf(map("right", 9L, "left", "l"));
  }

  @Test
  void anUnchangedRecordIsCompatibleAsIs() throws Exception {
    String source = "package com.acme; public record Pair(String left, long right) {}";
    Class<?> v1 = load(source);
    Class<?> v2 = load(source);

    Object restored = migrate(v1, v2, record(v1, null, 9L), Kind.COMPATIBLE_AS_IS);

    assertThat(components(restored)).containsExactlyEntriesOf(map("left", null, "right", 9L));
  }

  @Test
  void aRecordComponentThatChangedTypeIsIncompatible() throws Exception {
    Class<?> v1 = load("package com.acme; public record Point(int x, int y) {}");
    Class<?> v2 = load("package com.acme; public record Point(int x, long y) {}");
    TypeSerializerSnapshot<Object> snapshot = readSnapshot(snapshotBytes(serializer(v1)), v2.getClassLoader());

    assertThat(snapshot.resolveSchemaCompatibility(serializer(v2)).message())
        .isEqualTo("component 'y' of com.acme.Point changed type from int to long");
    assertThatThrownBy(snapshot::restoreSerializer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("component 'y' of com.acme.Point changed type from int to long");
  }

  @Test
  void aRecordThatRejectsItsDefaultsFailsWithTheRecordsReason() throws Exception {
    Class<?> v1 = load("package com.acme; public record Tag(String name) {}");
    Class<?> v2 =
        load(
            """
            package com.acme;
            public record Tag(String name, String owner) {
              public Tag {
                java.util.Objects.requireNonNull(owner, "owner");
              }
            }
            """);
    TypeSerializer<Object> restored =
        readSnapshot(snapshotBytes(serializer(v1)), v2.getClassLoader()).restoreSerializer();

    assertThatThrownBy(() -> restored.deserialize(new DataInputDeserializer(bytesOf(serializer(v1), record(v1, "t")))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("com.acme.Tag")
        .hasMessageContaining("owner");
  }

  @Test
  void aRecordThatBecameAPojoIsAClearError() throws Exception {
    Class<?> v1 = load("package com.acme; public record Order(long id) {}");
    Class<?> v2 = load("package com.acme; public class Order { public long id; }");
    TypeSerializerSnapshot<Object> snapshot = readSnapshot(snapshotBytes(serializer(v1)), v2.getClassLoader());

    assertThat(snapshot.resolveSchemaCompatibility(serializer(v2)).message())
        .contains("com.acme.Order was a record", "is now a POJO");
    assertThatThrownBy(snapshot::restoreSerializer)
        .hasMessageContaining("was a record when the state was written and is now a class");
  }

  // ---------------------------------------------------------------- containers and enums

  @Test
  void listsAndMapsOfEvolvingPojosMigrate() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public class Order {
              public long id;
              public int quantity = 1;
            }
            """);
    List<Object> orders = new ArrayList<>();
    orders.add(pojo(v1, "id", 1L, "name", "a", "price", 10L));
    orders.add(null);
    orders.add(pojo(v1, "id", 2L, "name", "b", "price", 20L));
    Map<String, Object> byName = new LinkedHashMap<>();
    byName.put("a", orders.get(0));
    byName.put("b", orders.get(2));

    List<Object> restoredList =
        migrateContainer(
            new ListSerializer<>(serializer(v1)), new ListSerializer<>(serializer(v2)), orders, v2);
    Map<String, Object> restoredMap =
        migrateContainer(
            new MapSerializer<>(StringSerializer.INSTANCE, serializer(v1)),
            new MapSerializer<>(StringSerializer.INSTANCE, serializer(v2)),
            byName,
            v2);

    assertThat(restoredList).hasSize(3);
    assertThat(restoredList.get(1)).isNull();
    assertThat(fields(restoredList.get(2))).containsExactlyInAnyOrderEntriesOf(map("id", 2L, "quantity", 1));
    assertThat(restoredMap.keySet()).containsExactly("a", "b");
    assertThat(fields(restoredMap.get("a"))).containsExactlyInAnyOrderEntriesOf(map("id", 1L, "quantity", 1));
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void arraysAndOptionalsOfEvolvingPojosMigrate() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 = load("package com.acme; public class Order { public long id; public boolean paid; }");
    Object[] orders = (Object[]) java.lang.reflect.Array.newInstance(v1, 2);
    orders[1] = pojo(v1, "id", 5L, "name", "n", "price", 1L);

    Object[] restoredArray =
        migrateContainer(
            new ObjectArraySerializer(v1, serializer(v1)), new ObjectArraySerializer(v2, serializer(v2)), orders, v2);
    Optional<Object> restoredOptional =
        migrateContainer(
            new OptionalSerializer<>(serializer(v1)), new OptionalSerializer<>(serializer(v2)), Optional.of(orders[1]), v2);

    assertThat(restoredArray.getClass().getComponentType()).isSameAs(v2);
    assertThat(restoredArray[0]).isNull();
    assertThat(fields(restoredArray[1])).containsExactlyInAnyOrderEntriesOf(map("id", 5L, "paid", false));
    assertThat(fields(restoredOptional.orElseThrow())).containsExactlyInAnyOrderEntriesOf(map("id", 5L, "paid", false));
  }

  @Test
  void aTypeChangeInsideAListNamesTheElement() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 = load("package com.acme; public class Order { public String price; }");
    TypeSerializerSnapshot<List<Object>> snapshot =
        readSnapshot(snapshotBytes(new ListSerializer<>(serializer(v1))), v2.getClassLoader());

    TypeSerializerSchemaCompatibility<List<Object>> compatibility =
        snapshot.resolveSchemaCompatibility(new ListSerializer<>(serializer(v2)));

    assertThat(compatibility.message())
        .isEqualTo(
            "the element of the ListSerializer: field 'price' of com.acme.Order changed type from"
                + " long to java.lang.String");
  }

  @Test
  void enumConstantsAreMappedByNameAndARemovedOneFailsWhenRead() throws Exception {
    Class<?> v1 = load("package com.acme; public enum Color { RED, GREEN, BLUE }");
    Class<?> v2 = load("package com.acme; public enum Color { BLUE, RED, YELLOW }");

    Object red = migrate(v1, v2, constant(v1, "RED"), Kind.COMPATIBLE_AFTER_MIGRATION);
    Object blue = migrate(v1, v2, constant(v1, "BLUE"), Kind.COMPATIBLE_AFTER_MIGRATION);

    assertThat(red).isSameAs(constant(v2, "RED"));
    assertThat(blue).isSameAs(constant(v2, "BLUE"));
    TypeSerializer<Object> restored =
        readSnapshot(snapshotBytes(serializer(v1)), v2.getClassLoader()).restoreSerializer();
    byte[] green = bytesOf(serializer(v1), constant(v1, "GREEN"));
    assertThatThrownBy(() -> restored.deserialize(new DataInputDeserializer(green)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("GREEN")
        .hasMessageContaining("com.acme.Color");
  }

  @Test
  void enumConstantsAddedAtTheEndKeepOldBytesReadable() throws Exception {
    Class<?> v1 = load("package com.acme; public enum Color { RED, GREEN }");
    Class<?> v2 = load("package com.acme; public enum Color { RED, GREEN, BLACK }");

    assertThat(migrate(v1, v2, constant(v1, "GREEN"), Kind.COMPATIBLE_AS_IS)).isSameAs(constant(v2, "GREEN"));
  }

  @Test
  void anEnumFieldOfAPojoEvolvesWithIt() throws Exception {
    String holder = "package com.acme; public class Paint { public Color color; public int coats; }";
    URLClassLoader v1 = compile(holder, "package com.acme; public enum Color { RED, GREEN, BLUE }");
    URLClassLoader v2 = compile(holder, "package com.acme; public enum Color { GREEN, BLUE, RED }");
    Class<?> p1 = v1.loadClass("com.acme.Paint");
    Object old = pojo(p1, "color", constant(v1.loadClass("com.acme.Color"), "BLUE"), "coats", 2);

    Object restored = migrate(p1, v2.loadClass("com.acme.Paint"), old, Kind.COMPATIBLE_AFTER_MIGRATION);

    assertThat(fields(restored).get("color")).isSameAs(constant(v2.loadClass("com.acme.Color"), "BLUE"));
  }

  @Test
  void anEnumThatBecameAClassIsAClearError() throws Exception {
    Class<?> v1 = load("package com.acme; public enum Color { RED }");
    Class<?> v2 = load("package com.acme; public class Color { public String name; }");
    TypeSerializerSnapshot<Object> snapshot = readSnapshot(snapshotBytes(serializer(v1)), v2.getClassLoader());

    assertThat(snapshot.resolveSchemaCompatibility(serializer(v2)).isIncompatible()).isTrue();
    assertThatThrownBy(snapshot::restoreSerializer)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot restore the serializer of com.acme.Color: it was an enum when the state was"
                + " written and is now a class");
  }

  // ---------------------------------------------------------------- the steps every case takes

  /**
   * Writes {@code value} with v1's serializer, reads the snapshot with v2's class loader, checks the
   * compatibility with v2's serializer, reads the value with the restored serializer, checks that
   * the restored serializer writes what v2's serializer writes, and returns the value read.
   */
  private static Object migrate(Class<?> v1, Class<?> v2, Object value, Kind expected) throws IOException {
    TypeSerializer<Object> oldSerializer = serializer(v1);
    TypeSerializer<Object> newSerializer = serializer(v2);
    byte[] state = bytesOf(oldSerializer, value);
    TypeSerializerSnapshot<Object> snapshot = readSnapshot(snapshotBytes(oldSerializer), v2.getClassLoader());

    assertThat(snapshot.resolveSchemaCompatibility(newSerializer).kind()).isEqualTo(expected);
    TypeSerializer<Object> restored = snapshot.restoreSerializer();
    Object result = deserializeAll(restored, state);

    assertThat(result.getClass().getClassLoader()).isSameAs(v2.getClassLoader());
    checkWritesLikeTheNewSerializer(restored, newSerializer, result, v2.getClassLoader());
    if (expected == Kind.COMPATIBLE_AS_IS) {
      assertThat(deserializeAll(newSerializer, state)).usingRecursiveComparison().isEqualTo(result);
    }
    return result;
  }

  private static <T> T migrateContainer(
      TypeSerializer<T> oldSerializer, TypeSerializer<T> newSerializer, T value, Class<?> v2)
      throws IOException {
    TypeSerializerSnapshot<T> snapshot = readSnapshot(snapshotBytes(oldSerializer), v2.getClassLoader());
    assertThat(snapshot.resolveSchemaCompatibility(newSerializer).kind())
        .isEqualTo(Kind.COMPATIBLE_AFTER_MIGRATION);
    TypeSerializer<T> restored = snapshot.restoreSerializer();
    T result = deserializeAll(restored, bytesOf(oldSerializer, value));
    checkWritesLikeTheNewSerializer(restored, newSerializer, result, v2.getClassLoader());
    return result;
  }

  /** State migrates by reading with the restored serializer and writing with the new one. */
  private static <T> void checkWritesLikeTheNewSerializer(
      TypeSerializer<T> restored, TypeSerializer<T> newSerializer, T value, ClassLoader loader) {
    byte[] written = bytesOf(newSerializer, value);
    assertThat(bytesOf(restored, value)).as("bytes the restored serializer writes").isEqualTo(written);
    assertThat(deserializeAll(newSerializer, written)).usingRecursiveComparison().isEqualTo(value);
    assertThat(restored.copy(value)).usingRecursiveComparison().isEqualTo(value);
    TypeSerializerSnapshot<T> again = SnapshotTesting.snapshotRoundTrip(restored, loader);
    assertThat(again.resolveSchemaCompatibility(newSerializer).kind()).isEqualTo(Kind.COMPATIBLE_AS_IS);
  }

  private static URLClassLoader compile(String... sources) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String source : sources) {
      byName.put(className(source), source);
    }
    return JavaSourceCompiler.compile(root, byName);
  }

  private static Class<?> load(String source) throws ClassNotFoundException {
    return compile(source).loadClass(className(source));
  }

  private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+)\\s*;");
  private static final Pattern TYPE = Pattern.compile("public\\s+(?:final\\s+)?(?:class|record|enum)\\s+(\\w+)");

  private static String className(String source) {
    Matcher pkg = PACKAGE.matcher(source);
    Matcher type = TYPE.matcher(source);
    if (!pkg.find() || !type.find()) {
      throw new IllegalArgumentException("No package or public type in " + source);
    }
    return pkg.group(1) + "." + type.group(1);
  }

  @SuppressWarnings("unchecked")
  static TypeSerializer<Object> serializer(Class<?> type) {
    return (TypeSerializer<Object>) TypeInformation.of(type).createSerializer();
  }

  static <T> TypeSerializer<T> serializerOf(Class<T> type) {
    return TypeInformation.of(type).createSerializer();
  }

  @SuppressWarnings("unchecked")
  private static <T> TypeSerializer<T> cast(TypeSerializer<?> serializer) {
    return (TypeSerializer<T>) serializer;
  }

  /** A new instance of POJO {@code type} with the given field name, value pairs set. */
  static Object pojo(Class<?> type, Object... namesAndValues) throws ReflectiveOperationException {
    Object pojo = type.getConstructor().newInstance();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Field field = type.getDeclaredField((String) namesAndValues[i]);
      field.setAccessible(true);
      field.set(pojo, namesAndValues[i + 1]);
    }
    return pojo;
  }

  static Object record(Class<?> type, Object... components) throws ReflectiveOperationException {
    RecordComponent[] parts = type.getRecordComponents();
    Class<?>[] types = new Class<?>[parts.length];
    for (int i = 0; i < parts.length; i++) {
      types[i] = parts[i].getType();
    }
    return type.getDeclaredConstructor(types).newInstance(components);
  }

  private static Object constant(Class<?> enumType, String name) {
    for (Object constant : enumType.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** The fields of a POJO by name. */
  static Map<String, Object> fields(Object pojo) throws IllegalAccessException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field field : pojo.getClass().getDeclaredFields()) {
      field.setAccessible(true);
      values.put(field.getName(), field.get(pojo));
    }
    return values;
  }

  /** The components of a record by name, in declaration order. */
  static Map<String, Object> components(Object record) throws ReflectiveOperationException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      values.put(component.getName(), component.getAccessor().invoke(record));
    }
    return values;
  }

  static Map<String, Object> map(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  // ---------------------------------------------------------------- tuples

  @Test
  void aPojoInsideATupleMigratesThroughTheTuplesSnapshot() throws Exception {
    Class<?> v1 = load(ORDER_V1);
    Class<?> v2 =
        load(
            """
            package com.acme;
            public class Order {
              public long id;
              public int quantity = 1;
            }
            """);
    Tuple2<String, Object> keyed = Tuple2.of("k", pojo(v1, "id", 4L, "name", "cup", "price", 300L));

    Tuple2<String, Object> restored =
        migrateContainer(
            pairsWith(serializer(v1)),
            pairsWith(serializer(v2)),
            keyed,
            v2);

    assertThat(restored.f0).isEqualTo("k");
    assertThat(fields(restored.f1)).containsExactlyInAnyOrderEntriesOf(map("id", 4L, "quantity", 1));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeSerializer<Tuple2<String, Object>> pairsWith(TypeSerializer<Object> second) {
    return new TupleSerializer(Tuple2.class, new TypeSerializer<?>[] {StringSerializer.INSTANCE, second});
  }
}
