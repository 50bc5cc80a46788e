package io.spate.bench.nexmark.run;

import io.spate.api.configuration.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a Nexmark query as {@link SpateNexmarkRunner} does, with a Prometheus reporter on the cluster's
 * metric registry and a scraper reading its endpoint every second meanwhile: the cost of metrics
 * that someone reads. The run fails if no scrape succeeded while the job ran.
 */
public final class SpatePrometheusNexmarkRunner {

  private SpatePrometheusNexmarkRunner() {}

  /** The protocol's entry point; see {@link RunnerOptions}. */
  public static void main(String[] args) {
    RunnerMain.main("spate-prom", args, SpatePrometheusNexmarkRunner::run);
  }

  /** Runs the job with the reporter on and scraped. */
  static RunResult run(RunnerOptions options) throws Exception {
    int port = freePort();
    Configuration metrics = new Configuration();
    metrics.setString("metrics.reporter.prom.type", "prometheus");
    metrics.setString("metrics.reporter.prom.port", Integer.toString(port));
    Scraper scraper = new Scraper(URI.create("http://127.0.0.1:" + port + "/metrics"));
    Thread thread = new Thread(scraper, "prometheus scraper");
    thread.setDaemon(true);
    thread.start();
    try {
      RunResult result = SpateNexmarkRunner.run(options, "spate-prom", metrics);
      if (scraper.scrapes.get() == 0) {
        throw new IllegalStateException("No scrape of " + scraper.uri + " succeeded during the run");
      }
      System.err.printf("%d scrapes of %s, %d bytes in all%n", scraper.scrapes.get(), scraper.uri,
          scraper.bytes.get());
      return result;
    } finally {
      thread.interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Reads the endpoint once a second, as a Prometheus server with a 1 s scrape interval would. */
  private static final class Scraper implements Runnable {
    final URI uri;
    final AtomicLong scrapes = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    Scraper(URI uri) {
      this.uri = uri;
    }

    @Override
    public void run() {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
      while (!Thread.currentThread().isInterrupted()) {
        try {
          // until the endpoint first answers, look for it often; then scrape once a second
          Thread.sleep(scrapes.get() == 0 ? 50 : 1000);
          HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
          try (InputStream body = response.body()) {
            long read = body.transferTo(OutputStream.nullOutputStream());
            if (response.statusCode() == 200 && read > 0) {
              scrapes.incrementAndGet();
              bytes.addAndGet(read);
            }
          }
        } catch (InterruptedException e) {
          return;
        } catch (IOException e) {
          // the endpoint is not up yet, or is going down: the next second tries again
        }
      }
    }
  }
}
