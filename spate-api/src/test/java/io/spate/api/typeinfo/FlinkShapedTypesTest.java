package io.spate.api.typeinfo;

import static io.spate.api.serialization.BasicValueGenerators.longs;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.bytesOf;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.SimpleTypeSerializerSnapshot;
import io.spate.api.serialization.StringSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Type information and serializers written the way Flink programs write them (each class overrides
 * exactly the methods Flink declares abstract, nothing of Spate's own) compile against Spate and
 * work: Spate's own entry points (createSerializer(), checkValidKey(), keyHash, field access) reach
 * the Flink-style overrides, and the snapshot answers both forms of the compatibility question.
 */
class FlinkShapedTypesTest {

  /** An amount of a currency: not a POJO (final fields, no no-arg constructor), so it needs its own type. */
  @TypeInfo(AmountTypeInfoFactory.class)
  public static final class Amount {
    final long cents;
    final String currency;

    public Amount(long cents, String currency) {
      this.cents = cents;
      this.currency = currency;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Amount a && a.cents == cents && a.currency.equals(currency);
    }

    @Override
    public int hashCode() {
      return Objects.hash(cents, currency);
    }

    @Override
    public String toString() {
      return cents + " " + currency;
    }
  }

  /** Flink 1.19's shape: createSerializer(SerializerConfig). */
  public static final class AmountTypeInfo extends TypeInformation<Amount> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
      return false;
    }

    @Override
    public boolean isTupleType() {
      return false;
    }

    @Override
    public int getArity() {
      return 2;
    }

    @Override
    public int getTotalFields() {
      return 2;
    }

    @Override
    public Class<Amount> getTypeClass() {
      return Amount.class;
    }

    @Override
    public boolean isKeyType() {
      return true;
    }

    @Override
    public TypeSerializer<Amount> createSerializer(SerializerConfig config) {
      return new AmountSerializer();
    }

    @Override
    public String toString() {
      return "Amount";
    }

    @Override
    public boolean equals(Object obj) {
      return obj instanceof AmountTypeInfo other && other.canEqual(this);
    }

    @Override
    public int hashCode() {
      return AmountTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
      return obj instanceof AmountTypeInfo;
    }
  }

  /** Older Flink code: only createSerializer(ExecutionConfig), and not a key type. */
  public static final class LegacyAmountTypeInfo extends TypeInformation<Amount> {
    private static final long serialVersionUID = 1L;
    ExecutionConfig lastConfig;

    @Override
    public boolean isBasicType() {
      return false;
    }

    @Override
    public boolean isTupleType() {
      return false;
    }

    @Override
    public int getArity() {
      return 1;
    }

    @Override
    public int getTotalFields() {
      return 1;
    }

    @Override
    public Class<Amount> getTypeClass() {
      return Amount.class;
    }

    @Override
    public boolean isKeyType() {
      return false;
    }

    @Override
    @SuppressWarnings("deprecation")
    public TypeSerializer<Amount> createSerializer(ExecutionConfig config) {
      lastConfig = config;
      return new AmountSerializer();
    }

    @Override
    public String toString() {
      return "LegacyAmount";
    }

    @Override
    public boolean equals(Object obj) {
      return obj instanceof LegacyAmountTypeInfo;
    }

    @Override
    public int hashCode() {
      return 1;
    }

    @Override
    public boolean canEqual(Object obj) {
      return obj instanceof LegacyAmountTypeInfo;
    }
  }

  /** Describes Amount, found through the class's @TypeInfo annotation. */
  public static final class AmountTypeInfoFactory extends TypeInfoFactory<Amount> {
    @Override
    public TypeInformation<Amount> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
      return new AmountTypeInfo();
    }
  }

  /** Every method Flink's TypeSerializer declares abstract, and nothing else. */
  public static final class AmountSerializer extends TypeSerializer<Amount> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TypeSerializer<Amount> duplicate() {
      return this;
    }

    @Override
    public Amount createInstance() {
      return new Amount(0, "EUR");
    }

    @Override
    public Amount copy(Amount from) {
      return from;
    }

    @Override
    public Amount copy(Amount from, Amount reuse) {
      return from;
    }

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public void serialize(Amount record, DataOutputView target) throws IOException {
      target.writeLong(record.cents);
      target.writeUTF(record.currency);
    }

    @Override
    public Amount deserialize(DataInputView source) throws IOException {
      return new Amount(source.readLong(), source.readUTF());
    }

    @Override
    public Amount deserialize(Amount reuse, DataInputView source) throws IOException {
      return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
      target.writeLong(source.readLong());
      target.writeUTF(source.readUTF());
    }

    @Override
    public boolean equals(Object obj) {
      return obj instanceof AmountSerializer;
    }

    @Override
    public int hashCode() {
      return AmountSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<Amount> snapshotConfiguration() {
      return new AmountSerializerSnapshot();
    }
  }

  /** Flink's usual snapshot of a serializer without configuration. */
  public static final class AmountSerializerSnapshot extends SimpleTypeSerializerSnapshot<Amount> {
    public AmountSerializerSnapshot() {
      super(AmountSerializer::new);
    }
  }

  /** A pre-1.19 snapshot: answers only resolveSchemaCompatibility(TypeSerializer). */
  public static final class OldFormSnapshot implements TypeSerializerSnapshot<Amount> {
    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) {}

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) {}

    @Override
    public TypeSerializer<Amount> restoreSerializer() {
      return new AmountSerializer();
    }

    @Override
    public TypeSerializerSchemaCompatibility<Amount> resolveSchemaCompatibility(TypeSerializer<Amount> newSerializer) {
      return newSerializer instanceof AmountSerializer
          ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }

  /** A snapshot that answers neither form of the question. */
  public static final class MuteSnapshot implements TypeSerializerSnapshot<Amount> {
    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) {}

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) {}

    @Override
    public TypeSerializer<Amount> restoreSerializer() {
      return new AmountSerializer();
    }
  }

  private static Gen<Amount> amounts() {
    return longs().zip(strings(0, 5), Amount::new);
  }

  @Test
  void spatesEntryPointsReachTheFlinkStyleSerializer() {
    TypeInformation<Amount> type = new AmountTypeInfo();
    assertThat(type.createSerializer()).isInstanceOf(AmountSerializer.class);
    assertThat(type.createSerializer(new SerializerConfig())).isInstanceOf(AmountSerializer.class);
    assertThat(type.createSerializer(new ExecutionConfig(new io.spate.api.configuration.Configuration())))
        .isInstanceOf(AmountSerializer.class);
  }

  @Test
  void theOlderExecutionConfigFormGetsTheSerializerSettings() {
    LegacyAmountTypeInfo type = new LegacyAmountTypeInfo();
    SerializerConfig config = new SerializerConfig();
    config.setGenericTypes(false);
    config.registerPojoType(String.class);

    assertThat(type.createSerializer(config)).isInstanceOf(AmountSerializer.class);
    assertThat(type.lastConfig.getSerializerConfig().hasGenericTypesDisabled()).isTrue();
    assertThat(type.lastConfig.getSerializerConfig().getRegisteredPojoTypes()).containsExactly(String.class);
    assertThat(type.createSerializer()).isInstanceOf(AmountSerializer.class);
    assertThat(type.lastConfig.getSerializerConfig().hasGenericTypesDisabled()).isFalse();
  }

  @Test
  void typeInformationThatCreatesNoSerializerIsNamed() {
    TypeInformation<Amount> none = new TypeInformation<>() {
      @Override
      public Class<Amount> getTypeClass() {
        return Amount.class;
      }

      @Override
      public boolean isBasicType() {
        return false;
      }
    };
    assertThatThrownBy(none::createSerializer)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(none.getClass().getName())
        .hasMessageContaining("createSerializer(SerializerConfig)");
  }

  @Test
  void aFlinkStyleSerializerRoundTripsThroughEveryReadAndCopyPath() {
    TypeSerializer<Amount> serializer = new AmountTypeInfo().createSerializer();
    qt().withExamples(200).forAll(amounts()).checkAssert(amount -> {
      assertThat(roundTrip(serializer, amount)).isEqualTo(amount);
      byte[] bytes = bytesOf(serializer, amount);
      try {
        assertThat(serializer.deserialize(serializer.createInstance(), new DataInputDeserializer(bytes)))
            .isEqualTo(amount);
        DataOutputSerializer copied = new DataOutputSerializer(8);
        serializer.copy(new DataInputDeserializer(bytes), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(bytes);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void keysFollowIsKeyTypeAndHashCode() {
    TypeInformation<Amount> type = new AmountTypeInfo();
    type.checkValidKey();
    assertThat(type.isSortKeyType()).isTrue();
    Amount amount = new Amount(1250, "EUR");
    assertThat(type.keyHash(amount)).isEqualTo(amount.hashCode());
    assertThat(type.keyHash(null)).isZero();

    TypeInformation<Amount> notAKey = new LegacyAmountTypeInfo();
    assertThat(notAKey.isKeyType()).isFalse();
    assertThatThrownBy(notAKey::checkValidKey)
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("LegacyAmount cannot be a key")
        .hasMessageContaining("isKeyType() is false");
  }

  @Test
  void aTypeWithoutFieldsOffersOnlyTheValueItself() {
    TypeInformation<Amount> type = new AmountTypeInfo();
    Amount amount = new Amount(7, "CHF");
    assertThat(type.<Amount>fieldAccessor("*").get(amount)).isSameAs(amount);
    assertThat(type.<Amount>fieldAccessor(0).getFieldType()).isSameAs(type);
    assertThatThrownBy(() -> type.fieldAccessor("cents"))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("no field 'cents'");
    assertThatThrownBy(() -> type.fieldAccessor(1)).isInstanceOf(InvalidTypesException.class);
  }

  @Test
  void theTypeInfoAnnotationFindsTheFlinkStyleType() {
    assertThat(TypeInformation.of(Amount.class)).isEqualTo(new AmountTypeInfo());
    assertThat(new AmountTypeInfo().getGenericParameters()).isEmpty();
    assertThat(new AmountTypeInfo().canEqual(new LegacyAmountTypeInfo())).isFalse();
  }

  @Test
  void aSimpleSnapshotRestoresItsSerializerAndAnswersBothForms() throws IOException {
    TypeSerializer<Amount> serializer = new AmountSerializer();
    DataOutputSerializer out = new DataOutputSerializer(16);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    TypeSerializerSnapshot<Amount> restored = TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(restored).isInstanceOf(AmountSerializerSnapshot.class);
    assertThat(restored.getCurrentVersion()).isEqualTo(3);
    assertThat(restored.restoreSerializer()).isInstanceOf(AmountSerializer.class);
    // Spate's form, asked on the old snapshot, and Flink's, asked on the new serializer's snapshot.
    assertThat(restored.resolveSchemaCompatibility(new AmountSerializer()).isCompatibleAsIs()).isTrue();
    assertThat(new AmountSerializerSnapshot().resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();

    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializer<Amount> strings = (TypeSerializer) StringSerializer.INSTANCE;
    TypeSerializerSchemaCompatibility<Amount> changed = restored.resolveSchemaCompatibility(strings);
    assertThat(changed.isIncompatible()).isTrue();
    assertThat(changed.message()).contains(AmountSerializerSnapshot.class.getName());
  }

  @Test
  void aSimpleSnapshotRejectsAVersionItDoesNotKnow() {
    assertThatThrownBy(() -> new AmountSerializerSnapshot().readSnapshot(2, new DataInputDeserializer(new byte[0]),
        getClass().getClassLoader()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(AmountSerializerSnapshot.class.getName())
        .hasMessageContaining("not 2");
  }

  @Test
  void anOldFormSnapshotAnswersFlinksFormThroughItsOwn() {
    // Flink's form asked on a snapshot that answers only Spate's: the old snapshot is asked about
    // the new snapshot's serializer.
    TypeSerializerSchemaCompatibility<Amount> answer =
        new OldFormSnapshot().resolveSchemaCompatibility(new OldFormSnapshot());
    assertThat(answer.isCompatibleAfterMigration()).isTrue();
    // A Flink-form snapshot of another class cannot read an old-form snapshot's state.
    TypeSerializerSchemaCompatibility<Amount> otherClass =
        new AmountSerializerSnapshot().resolveSchemaCompatibility(new OldFormSnapshot());
    assertThat(otherClass.isIncompatible()).isTrue();
    assertThat(otherClass.message()).contains(OldFormSnapshot.class.getName());
  }

  @Test
  void aSnapshotAnsweringNeitherFormIsNamed() {
    assertThatThrownBy(() -> new MuteSnapshot().resolveSchemaCompatibility(new AmountSerializer()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(MuteSnapshot.class.getName());
    assertThatThrownBy(() -> new MuteSnapshot().resolveSchemaCompatibility(new MuteSnapshot()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining(MuteSnapshot.class.getName());
  }

  @Test
  void incompatibleWithoutAReasonStillSaysSo() {
    TypeSerializerSchemaCompatibility<Amount> answer = TypeSerializerSchemaCompatibility.incompatible();
    assertThat(answer.isIncompatible()).isTrue();
    assertThat(answer.message()).contains("cannot read");
  }
}
