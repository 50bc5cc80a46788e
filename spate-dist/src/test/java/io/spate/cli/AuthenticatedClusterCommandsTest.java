package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import io.spate.cli.SpateCliTest.Result;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.rest.RestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The CLI against a cluster whose REST API requires credentials: it sends them, and explains a 401. */
class AuthenticatedClusterCommandsTest {

  private MiniCluster cluster;

  private String start(Configuration conf) throws Exception {
    cluster = new MiniCluster(new MiniClusterConfiguration(1, 2, 1, 16, 64));
    cluster.start();
    conf.set(RestOptions.BIND_PORT, "0");
    RestServer server = cluster.startRestServer(conf);
    return "127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void bearerTokenFromTheOptionOrTheConfiguration() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.AUTHENTICATION_TYPE, "bearer");
    conf.set(RestOptions.AUTHENTICATION_TOKEN, "t0ken");
    String address = start(conf);

    Result refused = SpateCliTest.spate("list", "-m", address);
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("The cluster at http://" + address + " requires authentication",
        "sent no credentials", "--token");

    Result wrong = SpateCliTest.spate("list", "-m", address, "--token", "wrong");
    assertThat(wrong.exitCode()).isNotZero();
    assertThat(wrong.err()).contains("requires authentication", "refused the credentials");

    Result listed = SpateCliTest.spate("list", "-m", address, "--token", "t0ken");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("No jobs.");

    Result fromConfiguration = SpateCliTest.spate("taskmanagers", "-m", address,
        "-D", "rest.authentication.type=bearer", "-D", "rest.authentication.token=t0ken");
    assertThat(fromConfiguration.exitCode()).as(fromConfiguration.err()).isZero();
    assertThat(fromConfiguration.out()).contains("taskexecutor-0 : 2 of 2 slots free");

    Result missingToken = SpateCliTest.spate("list", "-m", address, "-D", "rest.authentication.type=bearer");
    assertThat(missingToken.exitCode()).isNotZero();
    assertThat(missingToken.err()).contains("rest.authentication.token");
  }

  @Test
  void clientCommandsFindTheClusterAndItsCredentialsInConfSpateYaml(@TempDir Path home) throws Exception {
    assumeTrue(System.getenv("SPATE_HOME") == null, "SPATE_HOME names Spate's directory in this JVM");
    Configuration conf = new Configuration();
    conf.set(RestOptions.AUTHENTICATION_TYPE, "bearer");
    conf.set(RestOptions.AUTHENTICATION_TOKEN, "t0ken");
    String address = start(conf);
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(home.resolve("conf").resolve("spate.yaml"), "rest.address: 127.0.0.1\nrest.port: "
        + address.substring(address.indexOf(':') + 1) + "\nrest.authentication.type: bearer\n"
        + "rest.authentication.token: t0ken\n");
    String before = System.getProperty("spate.home");
    System.setProperty("spate.home", home.toString());
    try {
      Result listed = SpateCliTest.spate("list");
      assertThat(listed.exitCode()).as(listed.err()).isZero();
      assertThat(listed.out()).contains("No jobs.");

      Result overridden = SpateCliTest.spate("taskmanagers", "-D", "rest.authentication.token=wrong");
      assertThat(overridden.exitCode()).isNotZero();
      assertThat(overridden.err()).contains("http://" + address).contains("refused the credentials");
    } finally {
      if (before == null) {
        System.clearProperty("spate.home");
      } else {
        System.setProperty("spate.home", before);
      }
    }
  }

  @Test
  void basicCredentialsFromTheConfiguration() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.AUTHENTICATION_TYPE, "basic");
    conf.set(RestOptions.AUTHENTICATION_USERNAME, "ops");
    conf.set(RestOptions.AUTHENTICATION_PASSWORD, "pw");
    String address = start(conf);

    Result listed = SpateCliTest.spate("taskmanagers", "--output", "json", "-m", address,
        "-D", "rest.authentication.type=basic", "-D", "rest.authentication.username=ops",
        "-D", "rest.authentication.password=pw");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("\"slots-number\":2");

    Result refused = SpateCliTest.spate("list", "-m", address, "-D", "rest.authentication.type=basic",
        "-D", "rest.authentication.username=ops", "-D", "rest.authentication.password=nope");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("requires authentication", "Basic realm");
  }
}
