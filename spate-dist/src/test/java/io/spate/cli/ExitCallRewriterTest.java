package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.clitest.ExitingJob;
import io.spate.clitest.ProbeJob;
import io.spate.runtime.classloading.ChildFirstClassLoader;
import io.spate.testing.TestJars;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit calls of a job jar loaded through {@link ExitCallRewriter} throw instead of ending this JVM. */
class ExitCallRewriterTest {

  @TempDir
  Path dir;

  @Test
  void systemExitThrowsWithItsStatus() throws Exception {
    assertThat(exitAttempt("system", "7")).satisfies(exit -> {
      assertThat(exit.call()).isEqualTo("System.exit");
      assertThat(exit.status()).isEqualTo(7);
    });
  }

  @Test
  void runtimeHaltThrows() throws Exception {
    assertThat(exitAttempt("runtime-halt", "4").call()).isEqualTo("Runtime.halt");
  }

  @Test
  void aMethodReferenceToSystemExitThrows() throws Exception {
    assertThat(exitAttempt("reference", "5")).satisfies(exit -> {
      assertThat(exit.call()).isEqualTo("System.exit");
      assertThat(exit.status()).isEqualTo(5);
    });
  }

  @Test
  void aClassWithoutExitCallsIsDefinedUnchanged() throws Exception {
    byte[] classFile;
    try (var in = ProbeJob.class.getClassLoader().getResourceAsStream(
        ProbeJob.class.getName().replace('.', '/') + ".class")) {
      classFile = in.readAllBytes();
    }
    assertThat(new ExitCallRewriter().transform(ProbeJob.class.getName(), classFile)).isSameAs(classFile);
  }

  @Test
  void aClassLoadedFromTheJarKeepsItsCodeSource() throws Exception {
    Path jar = TestJars.jar(dir.resolve("exit.jar"), ExitingJob.class);
    try (ChildFirstClassLoader loader = new ChildFirstClassLoader(new URL[] {jar.toUri().toURL()},
        getClass().getClassLoader(), new ExitCallRewriter())) {
      Class<?> loaded = loader.loadClass(ExitingJob.class.getName());
      assertThat(loaded.getClassLoader()).isSameAs(loader);
      assertThat(loaded.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(jar.toUri().toURL());
      assertThat(loaded.getPackage().getName()).isEqualTo("io.spate.clitest");
    }
  }

  private BlockedExit.ExitAttempt exitAttempt(String... args) throws Exception {
    Path jar = TestJars.jar(dir.resolve("exit-" + args[0] + ".jar"), ExitingJob.class);
    try (ChildFirstClassLoader loader = new ChildFirstClassLoader(new URL[] {jar.toUri().toURL()},
        getClass().getClassLoader(), new ExitCallRewriter())) {
      Method main = loader.loadClass(ExitingJob.class.getName()).getMethod("main", String[].class);
      InvocationTargetException thrown = (InvocationTargetException) org.assertj.core.api.Assertions
          .catchThrowable(() -> main.invoke(null, (Object) args));
      assertThat(thrown).as("main returned instead of throwing").isNotNull();
      assertThat(thrown.getCause()).isInstanceOf(BlockedExit.ExitAttempt.class);
      return (BlockedExit.ExitAttempt) thrown.getCause();
    }
  }
}
