package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The web UI of a cluster with bearer authentication: it asks for the token, then works with it. */
@Tag("browser")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@ExtendWith(SharedWebUi.class)
@ResourceLock(SharedWebUi.LOCK)
class WebUiAuthBrowserTest {

  private static final String TOKEN = "browser-test-token";

  @TempDir
  static Path dir;

  private static WebUiCluster cluster;
  private static HeadlessChromium browser;

  /** A cluster of its own (its authentication), and the shared browser ({@link SharedWebUi}). */
  @BeforeAll
  static void start(HeadlessChromium sharedBrowser) throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.AUTHENTICATION_TYPE, "bearer");
    conf.set(RestOptions.AUTHENTICATION_TOKEN, TOKEN);
    cluster = WebUiCluster.start(dir, 1, 2, conf, "Bearer " + TOKEN);
    browser = sharedBrowser;
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void thePageAsksForTheTokenAndKeepsItForTheTab() throws Exception {
    browser.open(cluster.url());
    browser.await(20, "the login dialog", d -> browser.find("#login").isDisplayed() ? true : null);
    browser.screenshot("login");

    browser.find("#login-token").sendKeys("wrong-token");
    browser.find("#login-submit").click();
    browser.awaitText(20, "#login-error", "not valid");

    browser.find("#login-token").clear();
    browser.find("#login-token").sendKeys(TOKEN);
    browser.find("#login-submit").click();
    browser.awaitText(20, "#stat-taskmanagers", "1");
    assertThat(browser.find("#login").isDisplayed()).isFalse();
    assertThat(browser.script("return sessionStorage.getItem('spate.authorization')")).isEqualTo("Bearer " + TOKEN);

    // Another page of the same tab needs no new sign-in.
    browser.open(cluster.url() + "#/taskmanagers");
    browser.await(20, "the TaskManager list", d -> browser.findAll("#taskmanager-list tbody tr a").size() == 1 ? true : null);
    assertThat(browser.find("#login").isDisplayed()).isFalse();
  }
}
