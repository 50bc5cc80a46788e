package io.spate.api.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.checkpoint.ExternalizedCheckpointRetention;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Flink's methods of {@link Configuration}: typed getters and setters by key and by option, removal, copies. */
class FlinkConfigurationMethodsTest {

  private static final ConfigOption<Integer> PORT = ConfigOptions.key("my.port").intType().defaultValue(8081);
  private static final ConfigOption<String> NAME = ConfigOptions.key("my.name").stringType().noDefaultValue();

  @Test
  void typedGettersByKeyReadWhatTheSettersWrote() {
    Configuration conf = new Configuration();
    conf.setInteger("i", 7);
    conf.setLong("l", 1L << 40);
    conf.setBoolean("b", true);
    conf.setFloat("f", 1.5f);
    conf.setDouble("d", 2.25);
    conf.setString("s", "text");
    assertThat(conf.getInteger("i", 0)).isEqualTo(7);
    assertThat(conf.getLong("l", 0)).isEqualTo(1L << 40);
    assertThat(conf.getBoolean("b", false)).isTrue();
    assertThat(conf.getFloat("f", 0)).isEqualTo(1.5f);
    assertThat(conf.getDouble("d", 0)).isEqualTo(2.25);
    assertThat(conf.getString("s", "none")).isEqualTo("text");
    assertThat(conf.getInteger("missing", 42)).isEqualTo(42);
    assertThat(conf.getString("missing", "dflt")).isEqualTo("dflt");
    assertThat(conf.getBoolean("missing", true)).isTrue();
  }

  @Test
  void typedGettersByOptionUseTheDefaultOrTheOverride() {
    Configuration conf = new Configuration();
    assertThat(conf.getInteger(PORT)).isEqualTo(8081);
    assertThat(conf.getInteger(PORT, 9000)).isEqualTo(9000);
    assertThat(conf.getString(NAME)).isNull();
    assertThat(conf.getString(NAME, "anonymous")).isEqualTo("anonymous");
    conf.setInteger(PORT, 1234);
    conf.setString(NAME, "job");
    assertThat(conf.getInteger(PORT, 9000)).isEqualTo(1234);
    assertThat(conf.get(PORT, 9000)).isEqualTo(1234);
    assertThat(conf.getString(NAME)).isEqualTo("job");
    ConfigOption<Long> big = ConfigOptions.key("big").longType().defaultValue(1L);
    ConfigOption<Boolean> flag = ConfigOptions.key("flag").booleanType().defaultValue(false);
    ConfigOption<Float> ratio = ConfigOptions.key("ratio").floatType().defaultValue(0.5f);
    ConfigOption<Double> share = ConfigOptions.key("share").doubleType().defaultValue(0.25);
    conf.setLong(big, 5L);
    conf.setBoolean(flag, true);
    conf.setFloat(ratio, 0.75f);
    conf.setDouble(share, 0.125);
    assertThat(conf.getLong(big)).isEqualTo(5L);
    assertThat(conf.getLong(big, 9L)).isEqualTo(5L);
    assertThat(conf.getBoolean(flag)).isTrue();
    assertThat(conf.getBoolean(flag, false)).isTrue();
    assertThat(conf.getFloat(ratio)).isEqualTo(0.75f);
    assertThat(conf.getFloat(ratio, 1f)).isEqualTo(0.75f);
    assertThat(conf.getDouble(share)).isEqualTo(0.125);
    assertThat(conf.getDouble(share, 1.0)).isEqualTo(0.125);
  }

  @Test
  void aMalformedValueNamesItsKey() {
    Configuration conf = new Configuration();
    conf.setString("workers", "many");
    assertThatThrownBy(() -> conf.getInteger("workers", 1))
        .isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("'workers'").hasMessageContaining("'many'");
    conf.setString("enabled", "yes");
    assertThatThrownBy(() -> conf.getBoolean("enabled", false)).hasMessageContaining("'enabled'");
  }

  @Test
  void removalAndKeysFollowTheValuesSet() {
    Configuration conf = new Configuration();
    conf.setString("a", "1");
    conf.set(PORT, 1);
    assertThat(conf.keySet()).containsExactly("a", "my.port");
    assertThat(conf.containsKey("a")).isTrue();
    assertThat(conf.removeKey("a")).isTrue();
    assertThat(conf.removeKey("a")).isFalse();
    assertThat(conf.removeConfig(PORT)).isTrue();
    assertThat(conf.removeConfig(PORT)).isFalse();
    assertThat(conf.keySet()).isEmpty();
  }

  @Test
  void fallbackAndDeprecatedKeysAreReadInOrderAndRemovedWithTheOption() {
    ConfigOption<Integer> option = ConfigOptions.key("new.key").intType().defaultValue(1)
        .withFallbackKeys("general.key").withDeprecatedKeys("old.key");
    assertThat(option.hasFallbackKeys()).isTrue();
    assertThat(option.hasDeprecatedKeys()).isTrue();
    assertThat(option.deprecatedKeys()).containsExactly("old.key");
    assertThat(option.fallbackKeys()).extracting(FallbackKey::getKey).containsExactly("general.key", "old.key");
    assertThat(option.fallbackKeys()).extracting(FallbackKey::isDeprecated).containsExactly(false, true);
    Configuration conf = new Configuration();
    conf.setString("old.key", "3");
    assertThat(conf.get(option)).isEqualTo(3);
    assertThat(conf.contains(option)).isTrue();
    conf.setString("general.key", "2");
    assertThat(conf.get(option)).as("the fallback key comes before the deprecated one").isEqualTo(2);
    conf.setString("new.key", "1");
    assertThat(conf.getOptional(option)).contains(1);
    assertThat(conf.removeConfig(option)).isTrue();
    assertThat(conf.keySet()).isEmpty();
  }

  @Test
  void flinksOlderRestartStrategyKeyIsRead() {
    Configuration conf = new Configuration().setString("restart-strategy", "fixed-delay");
    assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
  }

  @Test
  void listsAndMapsReadBackAsTheyWereSet() {
    ConfigOption<List<Integer>> ports = ConfigOptions.key("ports").intType().asList().defaultValues(1, 2);
    ConfigOption<List<String>> names = ConfigOptions.key("names").stringType().asList().noDefaultValue();
    ConfigOption<Map<String, String>> tags = ConfigOptions.key("tags").mapType().noDefaultValue();
    Configuration conf = new Configuration();
    assertThat(conf.get(ports)).containsExactly(1, 2);
    conf.set(ports, List.of(7, 8, 9));
    conf.set(names, List.of("a", "b"));
    conf.set(tags, Map.of("team", "data"));
    assertThat(conf.toMap()).containsEntry("ports", "7;8;9").containsEntry("tags", "team:data");
    assertThat(conf.get(ports)).containsExactly(7, 8, 9);
    assertThat(conf.get(names)).containsExactly("a", "b");
    assertThat(conf.get(tags)).containsExactly(Map.entry("team", "data"));
    conf.setString("ports", "1;x");
    assertThatThrownBy(() -> conf.get(ports)).hasMessageContaining("'ports'").hasMessageContaining("'x'");
    conf.setString("tags", "team");
    assertThatThrownBy(() -> conf.get(tags)).hasMessageContaining("'tags'").hasMessageContaining("no ':'");
    assertThatThrownBy(() -> conf.set(names, List.of("a;b"))).hasMessageContaining("';'");
  }

  @Test
  void theBuilderStepsMakeOptionsOfEachType() {
    assertThat(ConfigOptions.key("d").durationType().defaultValue(Duration.ofSeconds(3)).defaultValue())
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(ConfigOptions.key("m").memoryType().defaultValue(MemorySize.ofMebiBytes(64)).type())
        .isEqualTo(MemorySize.class);
    ConfigOption<RestoreMode> mode = ConfigOptions.key("mode").enumType(RestoreMode.class).noDefaultValue();
    assertThat(mode.hasDefaultValue()).isFalse();
    assertThat(new Configuration().setString("mode", "claim").get(mode)).isEqualTo(RestoreMode.CLAIM);
    ConfigOption<Integer> described = PORT.withDescription("The port.");
    assertThat(described.description()).isEqualTo("The port.");
    assertThat(described.key()).isEqualTo(PORT.key());
    @SuppressWarnings("deprecation")
    ConfigOption<Integer> untyped = ConfigOptions.key("u").defaultValue(5);
    assertThat(untyped.type()).isEqualTo(Integer.class);
    @SuppressWarnings("deprecation")
    ConfigOption<String> untypedString = ConfigOptions.key("v").noDefaultValue();
    assertThat(untypedString.type()).isEqualTo(String.class);
    assertThatThrownBy(() -> ConfigOptions.key(" ")).hasMessageContaining("blank");
  }

  @Test
  void enumsAndClassesAreReadFromStrings() throws Exception {
    Configuration conf = new Configuration().setString(NAME, "no_claim");
    assertThat(conf.getEnum(RestoreMode.class, NAME)).isEqualTo(RestoreMode.NO_CLAIM);
    conf.setString(NAME, "sometimes");
    assertThatThrownBy(() -> conf.getEnum(RestoreMode.class, NAME))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("my.name").hasMessageContaining("claim");
    conf.setClass("impl", StringBuilder.class);
    assertThat(conf.<CharSequence>getClass("impl", String.class, getClass().getClassLoader()))
        .isEqualTo(StringBuilder.class);
    assertThat(conf.<CharSequence>getClass("none", String.class, getClass().getClassLoader())).isEqualTo(String.class);
    assertThat(conf.getValue(PORT)).isEqualTo("8081");
  }

  @Test
  void addAllWithAPrefixAndToPropertiesCopyEveryValue() {
    Configuration source = new Configuration().setString("a", "1").setString("b", "2");
    Configuration target = new Configuration();
    target.addAll(source, "x.");
    assertThat(target.toMap()).containsExactly(Map.entry("x.a", "1"), Map.entry("x.b", "2"));
    Properties props = new Properties();
    source.addAllToProperties(props);
    assertThat(props).containsEntry("a", "1").containsEntry("b", "2");
  }

  @Test
  void aCloneIsEqualAndIndependent() {
    Configuration conf = new Configuration().setString("a", "1");
    Configuration copy = conf.clone();
    assertThat(copy).isEqualTo(conf).hasSameHashCodeAs(conf);
    copy.setString("a", "2");
    assertThat(conf.getString("a", null)).isEqualTo("1");
    assertThat(copy).isNotEqualTo(conf);
  }

  @Test
  void aConfigurationServesAsGlobalJobParameters() {
    ExecutionConfig config = new ExecutionConfig();
    Configuration params = new Configuration().setString("input", "/data");
    config.setGlobalJobParameters(params);
    assertThat(config.getGlobalJobParameters().toMap()).containsEntry("input", "/data");
  }

  @Test
  void bytesRoundTrip() {
    qt().forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 40)).checkAssert(text -> {
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Configuration conf = new Configuration().setBytes("k", bytes);
      assertThat(conf.getBytes("k", null)).isEqualTo(bytes);
    });
    assertThatThrownBy(() -> new Configuration().setString("k", "***").getBytes("k", null))
        .hasMessageContaining("'k'").hasMessageContaining("Base64");
  }

  @Test
  void writeThenReadGivesAnEqualConfiguration() {
    qt().forAll(SourceDSL.maps().of(SourceDSL.strings().allPossible().ofLengthBetween(0, 10),
            SourceDSL.strings().allPossible().ofLengthBetween(0, 10)).ofSizeBetween(0, 8))
        .checkAssert(map -> {
          Configuration conf = Configuration.fromMap(map);
          DataOutputSerializer out = new DataOutputSerializer();
          try {
            conf.write(out);
            Configuration read = new Configuration();
            read.read(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(read).isEqualTo(conf);
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void equalConfigurationsHaveEqualHashCodes() {
    qt().forAll(SourceDSL.maps().of(SourceDSL.strings().ascii().ofLengthBetween(0, 5),
            SourceDSL.strings().ascii().ofLengthBetween(0, 5)).ofSizeBetween(0, 6))
        .checkAssert(map -> {
          Configuration a = Configuration.fromMap(map);
          Configuration b = new Configuration();
          map.forEach(b::setString);
          assertThat(a).isEqualTo(b);
          assertThat(a.hashCode()).isEqualTo(b.hashCode());
        });
  }

  @Test
  void exceptionsAndTheRetentionEnumAnswerAsFlinksDo() {
    assertThat(new IllegalConfigurationException("Invalid %s: %d", "k", 3)).hasMessage("Invalid k: 3");
    Throwable cause = new IllegalStateException("unreadable");
    assertThat(new IllegalConfigurationException("bad value", cause)).hasMessage("bad value").hasCause(cause);
    assertThat(ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION.deleteOnCancellation()).isTrue();
    assertThat(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION.deleteOnCancellation()).isFalse();
    assertThat(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS.deleteOnCancellation()).isFalse();
  }
}
