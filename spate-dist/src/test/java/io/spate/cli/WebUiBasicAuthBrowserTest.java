package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The web UI of a cluster with HTTP basic authentication ({@code rest.authentication.type: basic}) in
 * Debian's headless chromium: the page asks for a user and a password, says clearly when they are
 * wrong, and shows the overview with the right ones.
 */
@Tag("browser")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@ExtendWith(SharedWebUi.class)
@ResourceLock(SharedWebUi.LOCK)
class WebUiBasicAuthBrowserTest {

  private static final String USER = "operator";
  private static final String PASSWORD = "pässword with spaces";

  @TempDir
  static Path dir;

  private static WebUiCluster cluster;
  private static HeadlessChromium browser;

  /** A cluster of its own (its authentication), and the shared browser ({@link SharedWebUi}). */
  @BeforeAll
  static void start(HeadlessChromium sharedBrowser) throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.AUTHENTICATION_TYPE, "basic");
    conf.set(RestOptions.AUTHENTICATION_USERNAME, USER);
    conf.set(RestOptions.AUTHENTICATION_PASSWORD, PASSWORD);
    String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    cluster = WebUiCluster.start(dir, 1, 2, conf, basic);
    browser = sharedBrowser;
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void thePageAsksForUserAndPasswordRejectsAWrongOneAndShowsTheOverviewWithTheRightOne() throws Exception {
    browser.open(cluster.url());
    browser.await(20, "the login dialog", d -> browser.find("#login").isDisplayed() ? true : null);
    // The cluster wants basic credentials: the dialog offers the user and password fields, not the token.
    browser.await(10, "the user and password fields", d -> browser.find("#login-user").isDisplayed()
        && browser.find("#login-password").isDisplayed() ? true : null);
    assertThat(browser.find("#login-token").isDisplayed()).as("the token field").isFalse();
    assertThat(browser.find("#login-error").isDisplayed()).as("no error before a first try").isFalse();
    browser.screenshot("login-basic");

    browser.find("#login-user").sendKeys(USER);
    browser.find("#login-password").sendKeys("wrong password");
    browser.find("#login-submit").click();
    String error = browser.awaitText(20, "#login-error", "not valid");
    assertThat(error).isEqualTo("The user name or password is not valid.");
    assertThat(browser.find("#login-user").isDisplayed()).as("the user field, asked again").isTrue();
    browser.screenshot("login-basic-wrong");

    browser.find("#login-user").clear();
    browser.find("#login-user").sendKeys(USER);
    browser.find("#login-password").clear();
    browser.find("#login-password").sendKeys(PASSWORD);
    browser.find("#login-submit").click();
    browser.awaitText(20, "#stat-taskmanagers", "1");
    assertThat(browser.find("#login").isDisplayed()).isFalse();
    assertThat(browser.find("#error").isDisplayed()).as("no error banner").isFalse();
    browser.screenshot("overview-basic");

    // Another page of the same tab needs no new sign-in.
    browser.open(cluster.url() + "#/taskmanagers");
    browser.await(20, "the TaskManager list", d -> browser.findAll("#taskmanager-list tbody tr a").size() == 1 ? true : null);
    assertThat(browser.find("#login").isDisplayed()).isFalse();
  }
}
