package io.spate.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.InvalidClassException;
import java.io.Serializable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterObjectFilterTest {

  private static final ClusterObjectFilter FILTER = ClusterObjectFilter.ofMaxBytes(1 << 20);
  private static final ClassLoader LOADER = ClusterObjectFilterTest.class.getClassLoader();

  private static Object roundTrip(Object value, ClassLoader loader, ClusterObjectFilter filter) throws Exception {
    return ClusterSerialization.deserialize(ClusterSerialization.serialize(value), loader, filter);
  }

  @Test
  void aClassOutsideTheAllowedSetIsRejectedByName() {
    assertThatThrownBy(() -> roundTrip(List.of(new File("x")), LOADER, FILTER))
        .isInstanceOf(InvalidClassException.class)
        .hasMessageContaining("class java.io.File is not allowed by the cluster's deserialization filter");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSerializableLambdaOfAllowedCodeIsAllowed() throws Exception {
    Object read = roundTrip((Function<String, String> & Serializable) String::trim, LOADER, FILTER);

    assertThat(((Function<String, String>) read).apply("  x ")).isEqualTo("x");
  }

  @Test
  void propertiesAsConnectorsKeepTheirClientSettingsAreAllowed() throws Exception {
    java.util.Properties settings = new java.util.Properties();
    settings.setProperty("bootstrap.servers", "127.0.0.1:9092");

    Object read = roundTrip(List.of(settings), LOADER, FILTER);

    assertThat(read).isEqualTo(List.of(settings));
  }

  @Test
  void remoteExceptionsOfTheJdkAndSpateAreAllowed() throws Exception {
    Object value = roundTrip(new CompletionException(new IllegalStateException("boom")), LOADER, FILTER);

    assertThat(value).isInstanceOf(CompletionException.class);
    assertThat(((Throwable) value).getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  @Test
  void valuesNestedDeeperThanTheLimitAreRejected() {
    List<Object> nested = new ArrayList<>();
    List<Object> current = nested;
    for (int i = 0; i < 50; i++) {
      List<Object> inner = new ArrayList<>();
      current.add(inner);
      current = inner;
    }

    assertThatThrownBy(() -> roundTrip(nested, LOADER, ClusterObjectFilter.withLimits(20, 1000, 1000, 1 << 20)))
        .isInstanceOf(InvalidClassException.class).hasMessageContaining("nests deeper than 20");
  }

  @Test
  void arraysLongerThanTheLimitAreRejected() {
    assertThatThrownBy(() -> roundTrip(new byte[5000], LOADER, ClusterObjectFilter.withLimits(20, 1000, 4096, 1 << 20)))
        .isInstanceOf(InvalidClassException.class).hasMessageContaining("array of 5000 elements");
  }

  @Test
  void valuesLongerThanTheByteLimitAreRejected() {
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      strings.add("string number " + i);
    }

    assertThatThrownBy(() -> roundTrip(strings, LOADER, ClusterObjectFilter.ofMaxBytes(1024)))
        .isInstanceOf(InvalidClassException.class).hasMessageContaining("longer than 1024 bytes");
  }

  @Test
  void manyObjectsPastTheByteLimitAreRejectedWhileReading() {
    List<io.spate.api.common.JobID> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(io.spate.api.common.JobID.generate());
    }
    ClusterObjectFilter filter = ClusterObjectFilter.ofMaxBytes(1024);

    assertThatThrownBy(() -> roundTrip(ids, LOADER, filter))
        .isInstanceOf(InvalidClassException.class).hasMessageContaining("longer than 1024 bytes");
  }

  @Test
  void classesOfAJobsClassLoaderAreAllowedOnlyWhenThatLoaderIsGiven(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("src/com/example/Payload.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package com.example;\n"
        + "public class Payload implements java.io.Serializable {\n"
        + "  public int n = 7;\n"
        + "  @Override public boolean equals(Object o) { return o instanceof Payload p && p.n == n; }\n"
        + "  @Override public int hashCode() { return n; }\n"
        + "}\n");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();

    try (URLClassLoader jobLoader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, LOADER)) {
      Object payload = jobLoader.loadClass("com.example.Payload").getConstructor().newInstance();
      SerializedValue<Object> serialized = SerializedValue.of(List.of(payload));

      assertThatThrownBy(() -> serialized.deserialize(jobLoader, FILTER))
          .isInstanceOf(InvalidClassException.class).hasMessageContaining("class com.example.Payload is not allowed");
      assertThat(serialized.deserialize(jobLoader, FILTER.withUserClassLoader(jobLoader))).isEqualTo(List.of(payload));
    }
  }
}
