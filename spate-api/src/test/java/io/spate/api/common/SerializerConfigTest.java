package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.configuration.Configuration;
import io.spate.api.serialization.SerializerConfig;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

/** The serializer config that ExecutionConfig hands out: POJO registrations kept, Kryo ones refused by name. */
class SerializerConfigTest {

  static final class Reading {}

  /** Stands for a Kryo serializer a Flink program would pass. */
  static final class SomeSerializer implements Serializable {}

  @Test
  void theExecutionConfigKeepsOneSerializerConfig() {
    ExecutionConfig config = new ExecutionConfig(new Configuration());
    config.getSerializerConfig().registerPojoType(Reading.class);
    assertThat(config.getSerializerConfig().getRegisteredPojoTypes()).containsExactly(Reading.class);
    assertThat(config.getSerializerConfig().getRegisteredKryoTypes()).isEmpty();
  }

  @Test
  void kryoRegistrationsFailNamingTheTypeAndTheAlternative() {
    SerializerConfig config = new SerializerConfig();
    assertThatThrownBy(() -> config.registerKryoType(Reading.class))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("registerKryoType(" + Reading.class.getName() + ")")
        .hasMessageContaining("no Kryo").hasMessageContaining("@TypeInfo");
    assertThatThrownBy(() -> config.addDefaultKryoSerializer(Reading.class, SomeSerializer.class))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("addDefaultKryoSerializer");
    assertThatThrownBy(() -> config.registerTypeWithKryoSerializer(Reading.class, new SomeSerializer()))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("registerTypeWithKryoSerializer");
    assertThatThrownBy(() -> config.setForceKryo(true)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.setForceAvro(true)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void settingsThatMatchSpateAreAcceptedAndCopiesAreIndependent() {
    SerializerConfig config = new SerializerConfig();
    config.setForceKryo(false);
    config.setForceAvro(false);
    config.setGenericTypes(false);
    assertThat(config.hasGenericTypesDisabled()).isTrue();
    assertThat(config.isForceKryoEnabled()).isFalse();
    SerializerConfig copy = config.copy();
    copy.registerPojoType(Reading.class);
    assertThat(config.getRegisteredPojoTypes()).isEmpty();
    assertThat(copy.hasGenericTypesDisabled()).isTrue();
  }

  @Test
  void theExecutionConfigsOwnRegistrationMethodsGoToTheSerializerConfig() {
    ExecutionConfig config = new ExecutionConfig(new Configuration());
    config.registerPojoType(Reading.class);
    assertThat(config.getRegisteredPojoTypes()).containsExactly(Reading.class);
    assertThat(config.getSerializerConfig().getRegisteredPojoTypes()).containsExactly(Reading.class);
    config.disableGenericTypes();
    assertThat(config.hasGenericTypesDisabled()).isTrue();
    config.enableGenericTypes();
    assertThat(config.getSerializerConfig().hasGenericTypesDisabled()).isFalse();
    config.disableForceKryo();
    config.disableForceAvro();
    assertThat(config.isForceKryoEnabled()).isFalse();
    assertThat(config.isForceAvroEnabled()).isFalse();
    assertThatThrownBy(() -> config.registerKryoType(Reading.class))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(Reading.class.getName());
    assertThatThrownBy(() -> config.addDefaultKryoSerializer(Reading.class, new SomeSerializer()))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("addDefaultKryoSerializer");
    assertThatThrownBy(config::enableForceKryo).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(config::enableForceAvro).isInstanceOf(UnsupportedOperationException.class);
    assertThat(config.getRegisteredKryoTypes()).isEmpty();
  }
}
