package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.clitest.SlowSinkJob;
import io.spate.testing.TestJars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The job page of a job whose sink is slow, in Debian's headless chromium: the sink's vertex is drawn
 * in the page's busy colour and its upstream source in the backpressured colour, and the ratios and
 * rates written on the vertices agree with the REST API's backpressure and metric answers.
 */
@Tag("browser")
@Timeout(value = 150, unit = TimeUnit.SECONDS)
@ExtendWith(SharedWebUi.class)
@ResourceLock(SharedWebUi.LOCK)
class WebUiBackpressureBrowserTest {

  /** Ratios shown and answered are read a moment apart, and the averages move meanwhile. */
  private static final double RATIO_TOLERANCE = 0.15;
  /** Rates move more between two readings than ratios do: a share of the answered rate. */
  private static final double RATE_TOLERANCE = 0.5;
  private static final Pattern SHOWN_RATIOS = Pattern.compile("busy (\\d+)% · backpressured (\\d+)%");
  private static final Pattern SHOWN_RATES = Pattern.compile("in ([0-9.]+)([kMG]?)/s · out ([0-9.]+)([kMG]?)/s");

  @TempDir
  static Path dir;

  private static WebUiCluster cluster;
  private static HeadlessChromium browser;

  /** The shared cluster and browser ({@link SharedWebUi}). */
  @BeforeAll
  static void start(WebUiCluster sharedCluster, HeadlessChromium sharedBrowser) {
    cluster = sharedCluster;
    browser = sharedBrowser;
  }

  @Test
  void theSlowSinkIsBusyItsSourceBackpressuredAndTheFiguresMatchTheRestApi() throws Exception {
    List<Class<?>> classes = new ArrayList<>(List.of(SlowSinkJob.class));
    classes.addAll(List.of(SlowSinkJob.class.getDeclaredClasses()));
    Path jar = TestJars.jar(dir.resolve("slow-sink.jar"), SlowSinkJob.class.getName(), classes.toArray(Class<?>[]::new));
    String jobId = cluster.run(jar, 1, "slow-sink-backpressure");
    try {
      cluster.awaitAllRunning(jobId, Duration.ofSeconds(30));
      JsonNode job = cluster.get("/jobs/" + jobId);
      String source = vertexWithoutEdge(job, "target");
      String sink = vertexWithoutEdge(job, "source");
      assertThat(source).as("the source vertex").isNotEqualTo(sink);

      browser.open(cluster.url() + "#/jobs/" + jobId);
      browser.awaitText(20, "#job-name", "slow-sink-backpressure");
      // The page refreshes its figures by itself; the time metrics settle within seconds of the start,
      // the per-second rates once their meters first update (they read 0 until then).
      browser.await(60, "the sink drawn busy, the source backpressured and both with a rate", d ->
          ratio(sink, "busy") > 0.5 && ratio(source, "backpressured") > 0.5
              && rateOrZero((String) drawn(sink).get("text"), 0) > 0
              && rateOrZero((String) drawn(source).get("text"), 1) > 0 ? true : null);
      browser.screenshot("job-backpressure");

      Map<String, String> colours = pageColours();
      Map<String, Object> sinkDrawn = drawn(sink);
      Map<String, Object> sourceDrawn = drawn(source);
      assertThat(nearest((String) sinkDrawn.get("fill"), colours))
          .as("the sink %s among the page's colours %s", sinkDrawn, colours).isEqualTo("busy");
      assertThat(nearest((String) sourceDrawn.get("fill"), colours))
          .as("the source %s among the page's colours %s", sourceDrawn, colours).isEqualTo("backpressured");
      for (Map<String, Object> vertex : List.of(sinkDrawn, sourceDrawn)) {
        assertThat(vertex.get("fill")).as("the fill is the page's colour of the ratios the vertex shows: %s", vertex)
            .isEqualTo(vertex.get("colourOfRatios"));
      }
      assertThat((String) sinkDrawn.get("class")).as("white text on a dark fill").contains("dark");

      assertShownFiguresMatchTheRestApi(jobId, source, sink);
    } finally {
      cluster.cancelIfRunning(jobId);
    }
  }

  /** The ratios and rates written on both vertices, against the REST answers read right after them. */
  private static void assertShownFiguresMatchTheRestApi(String jobId, String source, String sink) throws Exception {
    String sinkText = (String) drawn(sink).get("text");
    String sourceText = (String) drawn(source).get("text");
    double[] sinkRatios = shownRatios(sinkText);
    double[] sourceRatios = shownRatios(sourceText);
    JsonNode sourcePressure = cluster.get("/jobs/" + jobId + "/vertices/" + source + "/backpressure");
    JsonNode sinkPressure = cluster.get("/jobs/" + jobId + "/vertices/" + sink + "/backpressure");
    Map<String, Double> sinkMetrics = maxAndSum(jobId, sink);
    Map<String, Double> sourceMetrics = maxAndSum(jobId, source);

    assertThat(sourcePressure.path("backpressure-level").asText()).as("the source's backpressure level").isEqualTo("high");
    assertThat(sinkPressure.path("backpressure-level").asText()).as("the sink's backpressure level").isEqualTo("ok");
    assertThat(sourceRatios[1]).as("the source's backpressured share shown (%s)", sourceText)
        .isCloseTo(sourcePressure.path("subtasks").get(0).path("ratio").asDouble(), within(RATIO_TOLERANCE));
    assertThat(sinkRatios[0]).as("the sink's busy share shown (%s)", sinkText)
        .isCloseTo(sinkPressure.path("subtasks").get(0).path("busyRatio").asDouble(), within(RATIO_TOLERANCE))
        .isCloseTo(sinkMetrics.get("busyTimeMsPerSecond.max") / 1000, within(RATIO_TOLERANCE));
    assertThat(sourceRatios[1]).isCloseTo(sourceMetrics.get("backPressuredTimeMsPerSecond.max") / 1000,
        within(RATIO_TOLERANCE));

    double sinkIn = sinkMetrics.get("numRecordsInPerSecond.sum");
    double sourceOut = sourceMetrics.get("numRecordsOutPerSecond.sum");
    assertThat(sinkIn).as("the sink's records in per second, answered").isPositive();
    assertThat(shownRates(sinkText)[0]).as("the sink's records in per second shown (%s)", sinkText)
        .isCloseTo(sinkIn, within(sinkIn * RATE_TOLERANCE));
    assertThat(shownRates(sourceText)[1]).as("the source's records out per second shown (%s)", sourceText)
        .isCloseTo(sourceOut, within(sourceOut * RATE_TOLERANCE));
  }

  /** The vertex with no edge whose {@code end} ("source" or "target") it is: the job's sink or source. */
  private static String vertexWithoutEdge(JsonNode job, String end) {
    List<String> candidates = new ArrayList<>();
    for (JsonNode vertex : job.path("vertices")) {
      String id = vertex.path("id").asText();
      boolean found = false;
      for (JsonNode edge : job.path("edges")) {
        found |= edge.path(end).asText().equals(id);
      }
      if (!found) {
        candidates.add(id);
      }
    }
    assertThat(candidates).as("vertices that are no edge's %s in %s", end, job).hasSize(1);
    return candidates.get(0);
  }

  /** The aggregates of the vertex's subtask metrics, as {@code <metric>.max} and {@code <metric>.sum}. */
  private static Map<String, Double> maxAndSum(String jobId, String vertex) throws Exception {
    JsonNode answer = cluster.get("/jobs/" + jobId + "/vertices/" + vertex + "/subtasks/metrics?get="
        + "busyTimeMsPerSecond,backPressuredTimeMsPerSecond,numRecordsInPerSecond,numRecordsOutPerSecond&agg=max,sum");
    Map<String, Double> values = new java.util.HashMap<>();
    for (JsonNode metric : answer) {
      values.put(metric.path("id").asText() + ".max", metric.path("max").asDouble());
      values.put(metric.path("id").asText() + ".sum", metric.path("sum").asDouble());
    }
    assertThat(values).as("the metric answer %s", answer).containsKeys("busyTimeMsPerSecond.max",
        "backPressuredTimeMsPerSecond.max", "numRecordsInPerSecond.sum", "numRecordsOutPerSecond.sum");
    return values;
  }

  private static String vertexCss(String vertex) {
    return "svg.job-graph g.vertex[data-vertex-id='" + vertex + "']";
  }

  /** The ratio the page keeps on the vertex ({@code busy} or {@code backpressured}), or -1 before it has one. */
  private static double ratio(String vertex, String which) {
    try {
      List<WebElement> found = browser.findAll(vertexCss(vertex));
      String value = found.isEmpty() ? null : found.get(0).getAttribute("data-" + which);
      return value == null || value.isEmpty() ? -1 : Double.parseDouble(value);
    } catch (StaleElementReferenceException e) {
      return -1;
    }
  }

  /** The busy and backpressured shares (0..1) written on a vertex. */
  private static double[] shownRatios(String text) {
    Matcher matcher = SHOWN_RATIOS.matcher(text);
    assertThat(matcher.find()).as("ratios in the vertex's text: %s", text).isTrue();
    return new double[] {Integer.parseInt(matcher.group(1)) / 100.0, Integer.parseInt(matcher.group(2)) / 100.0};
  }

  /** The records in and out per second written on a vertex. */
  private static double[] shownRates(String text) {
    Matcher matcher = SHOWN_RATES.matcher(text);
    assertThat(matcher.find()).as("rates in the vertex's text: %s", text).isTrue();
    return new double[] {scaled(matcher.group(1), matcher.group(2)), scaled(matcher.group(3), matcher.group(4))};
  }

  /** Rate {@code index} (0 in, 1 out) written on a vertex, or 0 while the vertex shows none yet. */
  private static double rateOrZero(String text, int index) {
    return SHOWN_RATES.matcher(text).find() ? shownRates(text)[index] : 0;
  }

  private static double scaled(String number, String suffix) {
    double factor = switch (suffix) {
      case "k" -> 1e3;
      case "M" -> 1e6;
      case "G" -> 1e9;
      default -> 1;
    };
    return Double.parseDouble(number) * factor;
  }

  /** The page's own fills of an idle, a fully busy and a fully backpressured vertex, from its module. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> pageColours() {
    return (Map<String, String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/lib/vertex-metrics.js').then(({vertexColour}) => done({
          idle: vertexColour({busy: 0, backpressured: 0}),
          busy: vertexColour({busy: 1, backpressured: 0}),
          backpressured: vertexColour({busy: 0, backpressured: 1}),
        })).catch(e => done({error: String(e)}));
        """);
  }

  /**
   * The vertex as drawn, read in one turn of the page's event loop so that no refresh comes between:
   * its fill, class, text, ratios, and the page's colour of those ratios.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> drawn(String vertex) {
    Map<String, Object> drawn = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const id = arguments[0];
        import('/lib/vertex-metrics.js').then(({vertexColour}) => {
          const g = document.querySelector(`svg.job-graph g.vertex[data-vertex-id='${id}']`);
          const busy = Number(g.dataset.busy);
          const backpressured = Number(g.dataset.backpressured);
          done({
            fill: g.querySelector('rect').getAttribute('fill'),
            class: g.getAttribute('class'),
            text: [...g.querySelectorAll('text')].map(t => t.textContent).join('\\n'),
            busy, backpressured,
            colourOfRatios: vertexColour({busy, backpressured}),
          });
        }).catch(e => done({error: String(e)}));
        """, vertex);
    assertThat(drawn).as("vertex %s as drawn", vertex).doesNotContainKey("error");
    return drawn;
  }

  /** Which of the named colours {@code fill} is nearest to. */
  private static String nearest(String fill, Map<String, String> colours) {
    assertThat(colours).as("the page's colours").doesNotContainKey("error");
    int[] rgb = rgb(fill);
    String best = null;
    double bestDistance = Double.MAX_VALUE;
    for (Map.Entry<String, String> colour : colours.entrySet()) {
      int[] other = rgb(colour.getValue());
      double distance = Math.pow(rgb[0] - other[0], 2) + Math.pow(rgb[1] - other[1], 2) + Math.pow(rgb[2] - other[2], 2);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = colour.getKey();
      }
    }
    return best;
  }

  private static int[] rgb(String colour) {
    Matcher matcher = Pattern.compile("rgb\\((\\d+), ?(\\d+), ?(\\d+)\\)").matcher(colour);
    assertThat(matcher.matches()).as("an rgb() colour: %s", colour).isTrue();
    return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3))};
  }
}
