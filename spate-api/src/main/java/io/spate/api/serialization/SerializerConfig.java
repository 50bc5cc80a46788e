package io.spate.api.serialization;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * The serialization settings of a job, with the registration methods Flink programs call. Spate has
 * no Kryo and never falls back to a generic serializer: every type gets a serializer from its type
 * information (records, POJOs, tuples, collections...) or from a {@code TypeInfoFactory} named by a
 * {@code @TypeInfo} annotation. So POJO registrations are accepted (and change nothing), while Kryo
 * registrations fail at once with an {@link UnsupportedOperationException} that names the
 * alternative, instead of being ignored.
 */
@PublicEvolving
public final class SerializerConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String NO_KRYO =
      " Spate has no Kryo and serializes every type through its type information: make %s a"
          + " record or a POJO, or give it a TypeInfoFactory with the @TypeInfo annotation (or"
          + " pass its TypeInformation with .returns(...)).";

  private final LinkedHashSet<Class<?>> registeredPojoTypes = new LinkedHashSet<>();
  private boolean genericTypesDisabled;

  /** Notes {@code type} as a POJO; Spate derives POJO serializers without registration. */
  public void registerPojoType(Class<?> type) {
    registeredPojoTypes.add(Objects.requireNonNull(type, "type"));
  }

  /** The types given to {@link #registerPojoType}, in registration order. */
  public LinkedHashSet<Class<?>> getRegisteredPojoTypes() {
    return new LinkedHashSet<>(registeredPojoTypes);
  }

  /**
   * Always fails: Spate has no Kryo.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public void registerKryoType(Class<?> type) {
    throw noKryo("registerKryoType", type);
  }

  /**
   * Always fails: Spate has no Kryo, so a Kryo serializer cannot be used.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public <T extends Serializable> void registerTypeWithKryoSerializer(Class<?> type, T serializer) {
    throw noKryo("registerTypeWithKryoSerializer", type);
  }

  /**
   * Always fails: Spate has no Kryo, so a Kryo serializer class cannot be used.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public void registerTypeWithKryoSerializer(Class<?> type, Class<?> serializerClass) {
    throw noKryo("registerTypeWithKryoSerializer", type);
  }

  /**
   * Always fails: Spate has no Kryo, so a default Kryo serializer cannot be used.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public <T extends Serializable> void addDefaultKryoSerializer(Class<?> type, T serializer) {
    throw noKryo("addDefaultKryoSerializer", type);
  }

  /**
   * Always fails: Spate has no Kryo, so a default Kryo serializer class cannot be used.
   *
   * @throws UnsupportedOperationException naming the type and what to do instead
   */
  public void addDefaultKryoSerializer(Class<?> type, Class<?> serializerClass) {
    throw noKryo("addDefaultKryoSerializer", type);
  }

  /** Empty: Spate registers no Kryo types. */
  public LinkedHashSet<Class<?>> getRegisteredKryoTypes() {
    return new LinkedHashSet<>();
  }

  /** Empty: Spate registers no Kryo serializers. */
  public LinkedHashMap<Class<?>, Class<?>> getRegisteredTypesWithKryoSerializerClasses() {
    return new LinkedHashMap<>();
  }

  /** Empty: Spate registers no Kryo serializers. */
  public LinkedHashMap<Class<?>, Class<?>> getDefaultKryoSerializerClasses() {
    return new LinkedHashMap<>();
  }

  /**
   * Whether generic types were disabled with {@code setGenericTypes(false)}: then, as in Flink, a job
   * whose records hold a type declared with {@code Types.GENERIC} fails before it runs, and such a
   * type creates no serializer under this config. Spate never falls back to a generic type by itself,
   * so a type without type information fails either way, with a message that says how to give it one.
   */
  public boolean hasGenericTypesDisabled() {
    return genericTypesDisabled;
  }

  /** Allows ({@code true}) or disallows generic types; see {@link #hasGenericTypesDisabled}. */
  public void setGenericTypes(boolean genericTypes) {
    this.genericTypesDisabled = !genericTypes;
  }

  /** Always false: Spate has no Kryo. */
  public boolean isForceKryoEnabled() {
    return false;
  }

  /**
   * Accepts {@code false}; {@code true} fails, since Spate has no Kryo to force.
   *
   * @throws UnsupportedOperationException if {@code forceKryo} is true
   */
  public void setForceKryo(boolean forceKryo) {
    if (forceKryo) {
      throw new UnsupportedOperationException(
          "setForceKryo(true): Spate has no Kryo; it serializes POJOs, records and tuples with"
              + " its own serializers. Remove the call.");
    }
  }

  /** Always false: Spate does not serialize POJOs with Avro. */
  public boolean isForceAvroEnabled() {
    return false;
  }

  /**
   * Accepts {@code false}; {@code true} fails, since Spate does not serialize POJOs with Avro.
   *
   * @throws UnsupportedOperationException if {@code forceAvro} is true
   */
  public void setForceAvro(boolean forceAvro) {
    if (forceAvro) {
      throw new UnsupportedOperationException(
          "setForceAvro(true): Spate serializes POJOs with its own POJO serializer, not Avro."
              + " Remove the call, or give the type a TypeInfoFactory with @TypeInfo.");
    }
  }

  /** A copy whose registrations can change without changing this one. */
  public SerializerConfig copy() {
    SerializerConfig copy = new SerializerConfig();
    copy.registeredPojoTypes.addAll(registeredPojoTypes);
    copy.genericTypesDisabled = genericTypesDisabled;
    return copy;
  }

  private static UnsupportedOperationException noKryo(String method, Class<?> type) {
    String name = type == null ? "the type" : type.getName();
    return new UnsupportedOperationException(method + "(" + name + "):" + String.format(NO_KRYO, name));
  }

  // Flink's remaining getters of registrations that Spate has no way to make.

  /** Empty: Spate registers no Kryo serializers. */
  public LinkedHashMap<Class<?>, Serializable> getRegisteredTypesWithKryoSerializers() {
    return new LinkedHashMap<>();
  }

  /** Empty: Spate registers no Kryo serializers. */
  public LinkedHashMap<Class<?>, Serializable> getDefaultKryoSerializers() {
    return new LinkedHashMap<>();
  }

  /**
   * Empty: Spate registers type information factories only through the {@code @TypeInfo}
   * annotation, on the class or field.
   */
  public LinkedHashMap<Class<?>, Class<?>> getRegisteredTypeInfoFactories() {
    return new LinkedHashMap<>();
  }
}
