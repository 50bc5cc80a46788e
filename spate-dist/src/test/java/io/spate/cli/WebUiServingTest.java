package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.RestOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI's files as the REST server serves them from spate-dist's class path, with bearer
 * authentication on: the page and its scripts load without credentials, the API does not.
 */
class WebUiServingTest {

  private static final String TOKEN = "ui-serving-secret";

  @TempDir
  static Path dir;

  private static WebUiCluster cluster;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.AUTHENTICATION_TYPE, "bearer");
    conf.set(RestOptions.AUTHENTICATION_TOKEN, TOKEN);
    cluster = WebUiCluster.start(dir, 1, 1, conf, "Bearer " + TOKEN);
    base = cluster.url();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theRootServesThePageWithoutCredentials() throws Exception {
    HttpResponse<String> page = get("", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">");
  }

  @Test
  void everyScriptThePagesImportIsServedAsJavaScript() throws Exception {
    HttpResponse<String> app = get("app.js", null);
    assertThat(app.statusCode()).isEqualTo(200);
    assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    Matcher pages = Pattern.compile("'\\./(pages/[a-z-]+\\.js)'").matcher(app.body());
    int count = 0;
    while (pages.find()) {
      HttpResponse<String> page = get(pages.group(1), null);
      assertThat(page.statusCode()).as(pages.group(1)).isEqualTo(200);
      assertThat(page.body()).as(pages.group(1)).contains("export function mount");
      // Maven's resource filtering must have left template literals alone.
      assertThat(page.body()).as(pages.group(1)).doesNotContain("@project.");
      count++;
    }
    assertThat(count).isGreaterThanOrEqualTo(12);
    assertThat(get("style.css", null).headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/css"));
  }

  @Test
  void theApiStillNeedsCredentialsAndKeepsItsRoutes() throws Exception {
    HttpResponse<String> refused = get("config", null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
    HttpResponse<String> config = get("config", "Bearer " + TOKEN);
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).startsWith("{").contains("\"configuration\"");
  }

  @Test
  void theUisOwnCallsGetNoChallengeSoTheBrowserDoesNotPromptItself() throws Exception {
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "jobs/overview"))
        .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(refused.body()).contains("requires a bearer token");
  }

  @Test
  void aMissingFileIsAJson404AndPathsOutsideTheAssetsNeedCredentials() throws Exception {
    HttpResponse<String> missing = get("pages/nope.js", "Bearer " + TOKEN);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("No such resource");
    assertThat(get("pages/nope.js", null).statusCode()).isEqualTo(401);
    assertThat(get("../spate-web/app.js", null).statusCode()).isIn(400, 401, 404);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
