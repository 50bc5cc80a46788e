package io.spate.api.serialization;

import static io.spate.api.serialization.SerializationTesting.bytesOf;
import static io.spate.api.serialization.SerializationTesting.javaSerialized;
import static io.spate.api.serialization.SnapshotTesting.deserializeAll;
import static io.spate.api.serialization.SnapshotTesting.readSnapshot;
import static io.spate.api.serialization.SnapshotTesting.snapshotBytes;
import static io.spate.api.serialization.SnapshotTesting.snapshotRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Snapshots of every serializer: written, read back, restored, and compared with new serializers. */
class SerializerSnapshotTest {

  /** A public POJO for the snapshot tests. */
  public static class Account {
    public String owner;
    public long balance;
    public List<Integer> history;

    public Account() {}

    Account(String owner, long balance, List<Integer> history) {
      this.owner = owner;
      this.balance = balance;
      this.history = history;
    }
  }

  /** A record for the snapshot tests. */
  public record Transfer(Account from, Account to, BigDecimal amount, DayOfWeek day, int[] codes) {}

  private static final TypeSerializer<Account> ACCOUNTS = SchemaEvolutionTest.serializerOf(Account.class);
  private static final TypeSerializer<Transfer> TRANSFERS = SchemaEvolutionTest.serializerOf(Transfer.class);

  static Stream<Arguments> serializers() {
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("b", 2L);
    map.put(null, null);
    map.put("a", -1L);
    Account account = new Account("ada", 12, Arrays.asList(1, null, 3));
    return Stream.of(
        arguments(BooleanSerializer.INSTANCE, SingletonSerializerSnapshot.class, true, false),
        arguments(ByteSerializer.INSTANCE, SingletonSerializerSnapshot.class, (byte) -3),
        arguments(ShortSerializer.INSTANCE, SingletonSerializerSnapshot.class, (short) 300),
        arguments(CharSerializer.INSTANCE, SingletonSerializerSnapshot.class, 'x'),
        arguments(IntSerializer.INSTANCE, SingletonSerializerSnapshot.class, Integer.MIN_VALUE),
        arguments(LongSerializer.INSTANCE, SingletonSerializerSnapshot.class, Long.MAX_VALUE),
        arguments(FloatSerializer.INSTANCE, SingletonSerializerSnapshot.class, 1.5f),
        arguments(DoubleSerializer.INSTANCE, SingletonSerializerSnapshot.class, -Double.MIN_VALUE),
        arguments(StringSerializer.INSTANCE, SingletonSerializerSnapshot.class, "", "spate \u20ac"),
        arguments(BigIntegerSerializer.INSTANCE, SingletonSerializerSnapshot.class, BigInteger.TEN.pow(40)),
        arguments(BigDecimalSerializer.INSTANCE, SingletonSerializerSnapshot.class, new BigDecimal("1.00")),
        arguments(InstantSerializer.INSTANCE, SingletonSerializerSnapshot.class, Instant.ofEpochSecond(5, 7)),
        arguments(LocalDateSerializer.INSTANCE, SingletonSerializerSnapshot.class, LocalDate.of(2024, 2, 29)),
        arguments(LocalTimeSerializer.INSTANCE, SingletonSerializerSnapshot.class, LocalTime.of(23, 59, 1)),
        arguments(LocalDateTimeSerializer.INSTANCE, SingletonSerializerSnapshot.class, LocalDateTime.of(2020, 1, 1, 0, 0)),
        arguments(DurationSerializer.INSTANCE, SingletonSerializerSnapshot.class, java.time.Duration.ofSeconds(-3, 5)),
        arguments(PeriodSerializer.INSTANCE, SingletonSerializerSnapshot.class, java.time.Period.of(1, -2, 3)),
        arguments(VoidSerializer.INSTANCE, SingletonSerializerSnapshot.class, (Object) null),
        arguments(PrimitiveArraySerializer.BooleanArray.INSTANCE, SingletonSerializerSnapshot.class, new boolean[] {true, false}),
        arguments(PrimitiveArraySerializer.ByteArray.INSTANCE, SingletonSerializerSnapshot.class, new byte[] {1, 2}),
        arguments(PrimitiveArraySerializer.ShortArray.INSTANCE, SingletonSerializerSnapshot.class, new short[] {3}),
        arguments(PrimitiveArraySerializer.CharArray.INSTANCE, SingletonSerializerSnapshot.class, new char[] {'a'}),
        arguments(PrimitiveArraySerializer.IntArray.INSTANCE, SingletonSerializerSnapshot.class, new int[] {4, 5}),
        arguments(PrimitiveArraySerializer.LongArray.INSTANCE, SingletonSerializerSnapshot.class, new long[] {6}),
        arguments(PrimitiveArraySerializer.FloatArray.INSTANCE, SingletonSerializerSnapshot.class, new float[] {7f}),
        arguments(PrimitiveArraySerializer.DoubleArray.INSTANCE, SingletonSerializerSnapshot.class, new double[] {8d}),
        arguments(new EnumSerializer<>(DayOfWeek.class), EnumSerializerSnapshot.class, DayOfWeek.SUNDAY),
        arguments(new ListSerializer<>(StringSerializer.INSTANCE), ListSerializerSnapshot.class, Arrays.asList("a", null)),
        arguments(new MapSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE), MapSerializerSnapshot.class, map),
        arguments(new OptionalSerializer<>(IntSerializer.INSTANCE), OptionalSerializerSnapshot.class, Optional.of(3), Optional.empty()),
        arguments(new ObjectArraySerializer<>(String.class, StringSerializer.INSTANCE), ObjectArraySerializerSnapshot.class, (Object) new String[] {"x", null}),
        arguments(ACCOUNTS, PojoSerializerSnapshot.class, account, new Account(null, 0, null)),
        arguments(TRANSFERS, RecordSerializerSnapshot.class, new Transfer(account, null, BigDecimal.ONE, DayOfWeek.MONDAY, new int[] {9})),
        arguments(
            new ListSerializer<>(new MapSerializer<>(StringSerializer.INSTANCE, ACCOUNTS)),
            ListSerializerSnapshot.class,
            List.of(Map.of("k", account))));
  }

  private static Arguments arguments(TypeSerializer<?> serializer, Class<?> snapshotClass, Object... values) {
    return Arguments.of(serializer, snapshotClass, values);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serializers")
  @SuppressWarnings("unchecked")
  void aRestoredSerializerReadsAndWritesWhatTheOriginalDoes(
      TypeSerializer<Object> serializer, Class<?> snapshotClass, Object[] values) {
    TypeSerializerSnapshot<Object> snapshot = snapshotRoundTrip(serializer);
    TypeSerializer<Object> restored = snapshot.restoreSerializer();

    assertThat(snapshot).isInstanceOf(snapshotClass);
    assertThat(snapshot.resolveSchemaCompatibility(serializer).kind())
        .isEqualTo(TypeSerializerSchemaCompatibility.Kind.COMPATIBLE_AS_IS);
    assertThat(snapshot.resolveSchemaCompatibility(javaSerialized(serializer)).isCompatibleAsIs()).isTrue();
    for (Object value : values) {
      byte[] bytes = bytesOf(serializer, value);
      Object read = deserializeAll(restored, bytes);
      assertThat(read).usingRecursiveComparison().isEqualTo(value);
      assertThat(bytesOf(restored, read)).isEqualTo(bytes);
    }
    assertThat(snapshotBytes(restored)).as("the restored serializer's own snapshot").isEqualTo(snapshotBytes(serializer));
  }

  @Test
  void aDifferentSimpleSerializerIsIncompatible() {
    TypeSerializerSnapshot<Object> snapshot = snapshotRoundTrip(cast(IntSerializer.INSTANCE));

    TypeSerializerSchemaCompatibility<Object> compatibility =
        snapshot.resolveSchemaCompatibility(cast(LongSerializer.INSTANCE));

    assertThat(compatibility.isIncompatible()).isTrue();
    assertThat(compatibility.message()).contains("IntSerializer", "LongSerializer");
  }

  @Test
  void nestedIncompatibilityNamesItsRole() {
    TypeSerializerSnapshot<Map<String, Long>> snapshot =
        snapshotRoundTrip(new MapSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE));

    TypeSerializerSchemaCompatibility<Map<String, Long>> compatibility =
        snapshot.resolveSchemaCompatibility(
            cast(new MapSerializer<>(StringSerializer.INSTANCE, IntSerializer.INSTANCE)));

    assertThat(compatibility.message())
        .isEqualTo("the value of the MapSerializer: the serializer changed from LongSerializer to IntSerializer");
    assertThat(snapshot.resolveSchemaCompatibility(cast(new ListSerializer<>(LongSerializer.INSTANCE))).message())
        .contains("MapSerializer", "ListSerializer");
  }

  @Test
  void anArrayWhoseComponentClassChangedIsIncompatible() {
    TypeSerializerSnapshot<Object[]> snapshot =
        snapshotRoundTrip(cast(new ObjectArraySerializer<>(String.class, StringSerializer.INSTANCE)));

    assertThat(
            snapshot
                .resolveSchemaCompatibility(cast(new ObjectArraySerializer<>(CharSequence.class, cast(StringSerializer.INSTANCE))))
                .message())
        .isEqualTo("the array's component type changed from java.lang.String to java.lang.CharSequence");
  }

  @Test
  void anEnumSnapshotAgainstAnotherEnumIsIncompatible() {
    TypeSerializerSnapshot<Object> snapshot = snapshotRoundTrip(cast(new EnumSerializer<>(DayOfWeek.class)));

    assertThat(snapshot.resolveSchemaCompatibility(cast(new EnumSerializer<>(java.time.Month.class))).message())
        .isEqualTo("the enum changed from java.time.DayOfWeek to java.time.Month");
  }

  @Test
  void aSerializerWithoutItsOwnSnapshotFallsBackToJavaSerialization() {
    TypeSerializer<String> custom = new ImmutableValueSerializer<>() {
      @Override
      public void serialize(String value, DataOutputView target) throws IOException {
        target.writeUTF(value);
      }

      @Override
      public String deserialize(DataInputView source) throws IOException {
        return source.readUTF();
      }
    };

    assertThat(custom.snapshotConfiguration()).isInstanceOf(JavaSerializationSnapshot.class);
  }

  // ---------------------------------------------------------------- corrupt snapshots

  @Test
  void everyTruncationOfASnapshotIsAnIOExceptionSayingWhatWasRead() {
    byte[] bytes = snapshotBytes(new ListSerializer<>(new MapSerializer<>(StringSerializer.INSTANCE, TRANSFERS)));
    List<String> messages = new ArrayList<>();
    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      Throwable thrown = catchAll(() -> readSnapshot(truncated, getClass().getClassLoader()));
      assertThat(thrown).as("reading %d of %d bytes", length, bytes.length).isInstanceOf(IOException.class);
      assertThat(thrown.getMessage()).contains("snapshot");
      messages.add(thrown.getMessage());
    }
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).contains("component 'amount' of " + Transfer.class.getName()))
        .anySatisfy(m -> assertThat(m).contains("field 'history' of " + Account.class.getName()))
        .anySatisfy(m -> assertThat(m).contains("the value of a MapSerializer"));
  }

  @Test
  void anUnknownSnapshotVersionIsAnIOException() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeUTF(PojoSerializerSnapshot.class.getName());
    out.writeVarInt(99);

    assertThatThrownBy(() -> readSnapshot(out.getCopyOfBuffer(), getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("version 99");
  }

  @Test
  void aNegativeFieldCountIsAnIOException() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeUTF(RecordSerializerSnapshot.class.getName());
    out.writeVarInt(1);
    out.writeUTF("com.acme.Thing");
    out.writeVarInt(-4);

    assertThatThrownBy(() -> readSnapshot(out.getCopyOfBuffer(), getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("com.acme.Thing")
        .hasMessageContaining("the number of components");
  }

  @Test
  void aSnapshotClassThatIsNoSnapshotIsAnIOException() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer();
    out.writeUTF(String.class.getName());
    out.writeVarInt(1);

    assertThatThrownBy(() -> readSnapshot(out.getCopyOfBuffer(), getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("java.lang.String is not a TypeSerializerSnapshot");
  }

  static Throwable catchAll(ThrowingRunnable action) {
    try {
      action.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @SuppressWarnings("unchecked")
  static <T> TypeSerializer<T> cast(TypeSerializer<?> serializer) {
    return (TypeSerializer<T>) serializer;
  }
}
