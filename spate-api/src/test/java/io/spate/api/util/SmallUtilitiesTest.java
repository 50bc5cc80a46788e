package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Properties with defaults, a stream shielded from close, a temporary class loader, a catching runnable. */
class SmallUtilitiesTest {

  @Test
  void propertiesAreReadTypedWithDefaultsAndClearErrors() {
    Properties defaults = new Properties();
    defaults.setProperty("inherited", "5");
    Properties config = new Properties(defaults);
    config.setProperty("n", " 12 ");
    config.setProperty("big", "12345678901");
    config.setProperty("flag", "TRUE");
    config.setProperty("bad", "x");
    assertThat(PropertiesUtil.getInt(config, "n", 0)).isEqualTo(12);
    assertThat(PropertiesUtil.getInt(config, "missing", 3)).isEqualTo(3);
    assertThat(PropertiesUtil.getLong(config, "big", 0)).isEqualTo(12345678901L);
    assertThat(PropertiesUtil.getBoolean(config, "flag", false)).isTrue();
    assertThat(PropertiesUtil.getBoolean(config, "missing", true)).isTrue();
    assertThatThrownBy(() -> PropertiesUtil.getInt(config, "bad", 1)).hasMessageContaining("key='bad'");
    assertThat(PropertiesUtil.getLong(config, "bad", 9, org.slf4j.LoggerFactory.getLogger(getClass()))).isEqualTo(9);
    Properties flat = PropertiesUtil.flatten(config);
    assertThat(flat.get("inherited")).isEqualTo("5");
    assertThat(config.get("inherited")).isNull();
  }

  @Test
  void aShieldedStreamPassesWritesAndFlushesInsteadOfClosing() throws IOException {
    List<String> calls = new ArrayList<>();
    ByteArrayOutputStream target = new ByteArrayOutputStream() {
      @Override
      public void flush() {
        calls.add("flush");
      }

      @Override
      public void close() {
        calls.add("close");
      }
    };
    try (CloseShieldOutputStream shield = new CloseShieldOutputStream(target)) {
      shield.write('a');
      shield.write(new byte[] {'b', 'c'});
      shield.write(new byte[] {'x', 'd', 'y'}, 1, 1);
    }
    assertThat(target.toString()).isEqualTo("abcd");
    assertThat(calls).containsExactly("flush");
  }

  @Test
  void aTemporaryClassLoaderContextPutsBackTheOriginal() throws Exception {
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader other = new URLClassLoader(new URL[0], original)) {
      try (TemporaryClassLoaderContext ignored = TemporaryClassLoaderContext.of(other)) {
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(other);
      }
      assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(original);
    }
  }

  @Test
  void aCatchingRunnableHandsWhatItThrowsToItsHandler() {
    List<Throwable> caught = new ArrayList<>();
    IllegalStateException failure = new IllegalStateException("x");
    new ThrowableCatchingRunnable(caught::add, () -> {
      throw failure;
    }).run();
    new ThrowableCatchingRunnable(caught::add, () -> {}).run();
    assertThat(caught).containsExactly(failure);
  }

  @Test
  void aSerializableObjectSurvivesSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new SerializableObject());
    }
    try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isInstanceOf(SerializableObject.class);
    }
  }
}
