package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The metric charts of the TaskManager page in Debian's headless chromium: drawn from
 * {@code /taskmanagers/{id}/metrics}, growing by a point at each refresh without a reload, and showing
 * the values that route answers.
 */
@Tag("browser")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@ExtendWith(SharedWebUi.class)
@ResourceLock(SharedWebUi.LOCK)
class WebUiTaskManagerChartsBrowserTest {

  private static final String THREADS = "Status.JVM.Threads.Count";
  private static final String HEAP = "Status.JVM.Memory.Heap.Used";

  private static WebUiCluster cluster;
  private static HeadlessChromium browser;

  /** The shared cluster and browser ({@link SharedWebUi}). */
  @BeforeAll
  static void start(WebUiCluster sharedCluster, HeadlessChromium sharedBrowser) {
    cluster = sharedCluster;
    browser = sharedBrowser;
  }

  @Test
  void theChartsDrawTheTaskManagersMetricsRouteAndGrowWithoutAReload() throws Exception {
    String tmId = cluster.get("/taskmanagers").path("taskmanagers").get(0).path("id").asText();
    browser.open(cluster.url() + "#/taskmanagers/" + browser.script("return encodeURIComponent(arguments[0])", tmId));
    browser.awaitText(20, "h1", tmId);

    int firstPoints = browser.await(20, "the threads chart with two points", d -> {
      int points = chart(THREADS).points();
      return points >= 2 ? points : null;
    });
    browser.await(20, "the threads chart to grow by the page's own refreshes", d ->
        chart(THREADS).points() >= firstPoints + 2 ? true : null);
    assertThat(browser.script("return performance.getEntriesByType('navigation').length")).as("one navigation, no reload")
        .isEqualTo(1L);
    Object metricCalls = browser.script("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/taskmanagers/' + encodeURIComponent(arguments[0]) + '/metrics?')).length", tmId);
    assertThat(((Number) metricCalls).intValue()).as("calls of the TaskManager's metrics route")
        .isGreaterThanOrEqualTo(firstPoints + 2);
    browser.screenshot("taskmanager-charts");

    Chart threads = chart(THREADS);
    double answered = metric(tmId, THREADS);
    // Threads come and go in this JVM between the page's call and the test's.
    assertThat(threads.latest()).as("the latest threads point, against the route's answer %s", answered)
        .isCloseTo(answered, within(Math.max(10, answered * 0.2)));
    assertThat(chart(HEAP).points()).as("the heap chart").isGreaterThanOrEqualTo(2);
    assertThat(chart(HEAP).latest()).as("the heap used, in bytes").isPositive();
  }

  /** The chart of {@code metric} as the page drew it: its points and the value of the latest. */
  private record Chart(int points, double latest) {}

  @SuppressWarnings("unchecked")
  private static Chart chart(String metric) {
    Map<String, Object> drawn = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
        const box = document.querySelector(`#taskmanager-charts .chart-box[data-metric='${arguments[0]}']`);
        const line = box && box.querySelector('polyline');
        return {points: line ? line.getAttribute('points').trim().split(/\\s+/).length : 0,
                latest: box ? box.querySelector('.chart-value').textContent : ''};
        """, metric);
    return new Chart(((Number) drawn.get("points")).intValue(), shownNumber((String) drawn.get("latest")));
  }

  /** A number as the page formats it: {@code 1.2k}, {@code 35}, {@code 120.5 MB}. */
  private static double shownNumber(String shown) {
    String text = shown.strip();
    List<String> units = List.of("B", "KB", "MB", "GB", "TB");
    String[] parts = text.split(" ");
    if (parts.length == 2 && units.contains(parts[1])) {
      return Double.parseDouble(parts[0]) * Math.pow(1024, units.indexOf(parts[1]));
    }
    double factor = text.endsWith("k") ? 1e3 : text.endsWith("M") ? 1e6 : text.endsWith("G") ? 1e9 : 1;
    String number = factor == 1 ? text : text.substring(0, text.length() - 1);
    return number.isEmpty() || number.equals("–") ? Double.NaN : Double.parseDouble(number) * factor;
  }

  private static double metric(String tmId, String name) throws Exception {
    JsonNode answer = cluster.get("/taskmanagers/" + tmId + "/metrics?get=" + name);
    assertThat(answer).as("the answer for %s", name).hasSize(1);
    return answer.get(0).path("value").asDouble();
  }
}
