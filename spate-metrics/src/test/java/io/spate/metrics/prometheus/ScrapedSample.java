package io.spate.metrics.prometheus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One sample of Prometheus's text format, as a scrape of the reporter's endpoint returned it. */
record ScrapedSample(String name, Map<String, String> labels, double value) {

  /** Scrapes {@code /metrics} on {@code port} of the loopback address. */
  static String scrape(int port) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("scrape answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** The samples of a text-format exposition; comment lines are skipped. */
  static List<ScrapedSample> parse(String text) {
    List<ScrapedSample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      Map<String, String> labels = new LinkedHashMap<>();
      String name;
      if (brace >= 0 && brace < space) {
        name = line.substring(0, brace);
        int end = line.lastIndexOf('}');
        parseLabels(line.substring(brace + 1, end), labels);
      } else {
        name = line.substring(0, space);
      }
      samples.add(new ScrapedSample(name, labels, Double.parseDouble(line.substring(space + 1))));
    }
    return samples;
  }

  private static void parseLabels(String text, Map<String, String> labels) {
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      String key = text.substring(i, eq);
      StringBuilder value = new StringBuilder();
      int j = eq + 2; // skip ="
      while (text.charAt(j) != '"') {
        char c = text.charAt(j);
        if (c == '\\') {
          j++;
          c = text.charAt(j) == 'n' ? '\n' : text.charAt(j);
        }
        value.append(c);
        j++;
      }
      labels.put(key, value.toString());
      i = j + 1;
      if (i < text.length() && text.charAt(i) == ',') {
        i++;
      }
    }
  }
}
