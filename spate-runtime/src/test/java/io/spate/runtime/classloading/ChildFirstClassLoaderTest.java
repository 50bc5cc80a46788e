package io.spate.runtime.classloading;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.classloadingtest.ProbeClass;
import io.spate.testing.TestJars;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildFirstClassLoaderTest {

  @TempDir
  Path dir;

  @Test
  void theJarsClassesWinOverTheParents() throws Exception {
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeClass.class);
    try (ChildFirstClassLoader loader = new ChildFirstClassLoader(
        new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> loaded = loader.loadClass(ProbeClass.class.getName());
      assertThat(loaded).isNotSameAs(ProbeClass.class);
      assertThat(loaded.getClassLoader()).isSameAs(loader);
    }
  }

  @Test
  void spatesApiAlwaysComesFromTheParent() throws Exception {
    Path jar = TestJars.jar(dir.resolve("job.jar"), StreamExecutionEnvironment.class);
    try (ChildFirstClassLoader loader = new ChildFirstClassLoader(
        new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      assertThat(loader.loadClass(StreamExecutionEnvironment.class.getName()))
          .isSameAs(StreamExecutionEnvironment.class);
      assertThat(loader.loadClass(String.class.getName())).isSameAs(String.class);
    }
  }

  @Test
  void resourcesOfTheJarComeFirst() throws Exception {
    String entry = ProbeClass.class.getName().replace('.', '/') + ".class";
    Path jar = TestJars.jar(dir.resolve("job.jar"), ProbeClass.class);
    try (ChildFirstClassLoader loader = new ChildFirstClassLoader(
        new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      assertThat(loader.getResource(entry).toString()).startsWith("jar:");
      assertThat(Collections.list(loader.getResources(entry))).hasSize(2);
    }
  }
}
