package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of keyed or operator state and says what it holds. Two descriptors with the same
 * name in one operator must describe the same kind of state.
 *
 * @param <S> the state interface
 * @param <T> the type of the stored value (the element type for lists, the accumulator for
 *     aggregations)
 */
@PublicEvolving
public abstract class StateDescriptor<S extends State, T> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The kinds of state. */
  public enum Type {
    /** {@link ValueState}. */
    VALUE,
    /** {@link ListState}. */
    LIST,
    /** {@link ReducingState}. */
    REDUCING,
    /** {@link AggregatingState}. */
    AGGREGATING,
    /** {@link MapState}. */
    MAP
  }

  private final String name;
  private final Class<T> typeClass;
  private TypeInformation<T> typeInfo;
  private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;
  /** The serializer of the stored value, once given or initialized; the backends then use it. */
  private TypeSerializer<T> serializer;

  /** Creates a descriptor of the state {@code name} holding values of {@code typeInfo}. */
  protected StateDescriptor(String name, TypeInformation<T> typeInfo) {
    this.name = checkName(name);
    this.typeInfo = Objects.requireNonNull(typeInfo, "The type information of state '" + name + "' must not be null.");
    this.typeClass = typeInfo.getTypeClass();
  }

  /** Creates a descriptor of the state {@code name} holding values of class {@code typeClass}. */
  protected StateDescriptor(String name, Class<T> typeClass) {
    this.name = checkName(name);
    this.typeClass = Objects.requireNonNull(typeClass, "The type class of state '" + name + "' must not be null.");
  }

  /**
   * Creates a descriptor of the state {@code name} whose values {@code serializer} writes; the type
   * class is then unknown ({@code Object}).
   */
  @SuppressWarnings("unchecked")
  protected StateDescriptor(String name, TypeSerializer<T> serializer) {
    this.name = checkName(name);
    this.serializer =
        Objects.requireNonNull(serializer, "The serializer of state '" + name + "' must not be null.");
    this.typeClass = (Class<T>) Object.class;
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A state name must not be null or blank.");
    }
    return name;
  }

  /** The state's name, unique within its operator. */
  public String getName() {
    return name;
  }

  /** The kind of state. */
  public abstract Type getType();

  /** The class of the stored value. */
  public Class<T> getTypeClass() {
    return typeClass;
  }

  /** The type information of the stored value, derived from the class on first use. */
  public synchronized TypeInformation<T> getTypeInformation() {
    if (typeInfo == null) {
      typeInfo = TypeInformation.of(typeClass);
    }
    return typeInfo;
  }

  /**
   * Makes values of this state expire as {@code ttlConfig} says. Call before the state is first
   * used; the configuration is part of the state's identity within its operator.
   */
  public void enableTimeToLive(StateTtlConfig ttlConfig) {
    if (ttlConfig == null) {
      throw new IllegalArgumentException("The TTL configuration of state '" + name + "' must not be null.");
    }
    if (!ttlConfig.isEnabled()) {
      throw new IllegalArgumentException("State '" + name + "' was given a disabled TTL configuration; "
          + "build one with StateTtlConfig.newBuilder(ttl).");
    }
    this.ttlConfig = ttlConfig;
  }

  /** The time-to-live configuration, {@link StateTtlConfig#DISABLED} unless enabled. */
  public StateTtlConfig getTtlConfig() {
    return ttlConfig;
  }

  /** What the state holds for a key that has no value: null, except for a value state given a default. */
  public T getDefaultValue() {
    return null;
  }

  /**
   * The serializer of the stored value: the one given to the constructor, or the one {@link
   * #initializeSerializerUnlessSet} made.
   *
   * @throws IllegalStateException if there is none yet
   */
  public TypeSerializer<T> getSerializer() {
    if (serializer == null) {
      throw new IllegalStateException("The serializer of state '" + name + "' is not initialized yet: give one to"
          + " the descriptor's constructor, or call initializeSerializerUnlessSet(ExecutionConfig) first.");
    }
    return serializer;
  }

  /** Whether the descriptor has a serializer (given, or initialized). */
  public boolean isSerializerInitialized() {
    return serializer != null;
  }

  /**
   * Creates the serializer from the type information with {@code executionConfig}'s serializer
   * settings, unless the descriptor has one already.
   */
  public void initializeSerializerUnlessSet(ExecutionConfig executionConfig) {
    Objects.requireNonNull(executionConfig, "executionConfig");
    if (serializer == null) {
      serializer = getTypeInformation().createSerializer(executionConfig.getSerializerConfig());
    }
  }

  /** Sets the serializer, for a subclass whose serializer is not its type information's. */
  protected final void initializeSerializer(TypeSerializer<T> serializer) {
    this.serializer = Objects.requireNonNull(serializer, "serializer");
  }

  /**
   * Spate has no queryable state: this throws. Read keyed state from outside a job through a
   * savepoint instead (docs/porting-from-flink.md).
   */
  public void setQueryable(String queryableStateName) {
    throw new UnsupportedOperationException("State '" + name + "' cannot be made queryable as '" + queryableStateName
        + "': Spate has no queryable state; emit the values to a sink, or read them from a savepoint");
  }

  /** Null: Spate has no queryable state, so no state has a queryable name. */
  public String getQueryableStateName() {
    return null;
  }

  /** False: Spate has no queryable state. */
  public boolean isQueryable() {
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && name.equals(((StateDescriptor<?, ?>) o).name);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + getClass().hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{name=" + name + ", type=" + typeClass.getName() + "}";
  }
}
