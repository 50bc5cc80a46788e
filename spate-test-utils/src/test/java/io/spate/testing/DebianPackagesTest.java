package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The install fixture finds the project's script and leaves installed binaries alone. */
class DebianPackagesTest {

  @Test
  void anInstalledBinaryIsReturnedWithoutRunningTheScript() {
    assertThat(DebianPackages.ensureInstalled("bash", "/bin/sh")).isEqualTo(Path.of("/bin/sh"));
  }

  @Test
  void theScriptIsFoundFromAModuleDirectoryOfTheRepository() {
    Path script = DebianPackages.findScript(Path.of("").toAbsolutePath());
    assertThat(script).endsWith(Path.of(".ci", "install-test-packages")).isRegularFile();
    assertThat(script.getParent().getParent().resolve("pom.xml")).exists();
  }

  @Test
  void withoutTheScriptTheErrorSaysWhereItLooked() {
    // Outside the repository (temporary directories may be inside it, under target/).
    Path below = Path.of("/proc/self");
    assertThatThrownBy(() -> DebianPackages.findScript(below)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(".ci/install-test-packages").hasMessageContaining(below.toString());
  }
}
