package io.spate.cli;

import io.spate.testing.DebianPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by Selenium through Debian's chromedriver: installed by
 * {@code .ci/install-test-packages} when missing, a fresh profile per browser, never a downloaded
 * driver. Screenshots go to {@code target/ui-screenshots/}.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser with its own profile directory under {@code target/}. */
  static HeadlessChromium start() throws IOException, InterruptedException {
    installPackagesIfMissing();
    Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1400,900", "--lang=en-US");
    // An explicit driver executable: Selenium Manager, which could download one, is never asked.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 900));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return new HeadlessChromium(driver, profile);
  }

  /** Runs the project's installer when chromium or chromedriver is missing (tests run as root on CI). */
  private static void installPackagesIfMissing() {
    DebianPackages.ensureInstalled("chromium", CHROMIUM.toString());
    DebianPackages.ensureInstalled("chromium-driver", CHROMEDRIVER.toString());
  }

  WebDriver driver() {
    return driver;
  }

  /** Loads {@code url} as a new document (not just a hash change). */
  void open(String url) {
    driver.get("about:blank");
    driver.get(url);
  }

  /** Waits until {@code condition} holds, failing with {@code what} after {@code seconds}. */
  <T> T await(long seconds, String what, ExpectedCondition<T> condition) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
    wait.withMessage(() -> what + "; the page says:\n" + pageText());
    return wait.until(condition);
  }

  /**
   * Waits for a shown element matching {@code css} whose text contains all {@code texts}; returns that
   * text (not the element, which the page's next refresh may replace). Each poll looks at all matching
   * elements in one script run inside the page: reading them one by one through the driver takes a
   * round trip each, and on a busy machine a page that redraws a long table every refresh would replace
   * the rows before the reads reach the one sought.
   */
  String awaitText(long seconds, String css, String... texts) {
    return await(seconds, "an element " + css + " with text " + java.util.Arrays.toString(texts), d -> (String) script(
        "for (const element of document.querySelectorAll(arguments[0])) {"
            + " const shown = element.getClientRects().length > 0 ? element.innerText : '';"
            + " if (arguments[1].every(text => shown.includes(text))) return shown;"
            + " }"
            + " return null;", css, List.of(texts)));
  }

  /** Waits for an element matching {@code css} whose text contains {@code text} and clicks it. */
  void click(long seconds, String css, String text) {
    await(seconds, "a clickable " + css + " with text '" + text + "'", d -> {
      for (WebElement element : d.findElements(By.cssSelector(css))) {
        try {
          if (element.getText().contains(text)) {
            element.click();
            return true;
          }
        } catch (StaleElementReferenceException e) {
          return null;
        }
      }
      return null;
    });
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  String pageText() {
    try {
      return driver.findElement(By.tagName("body")).getText();
    } catch (RuntimeException e) {
      return "(no page: " + e.getMessage() + ")";
    }
  }

  /** Saves a screenshot of the window as {@code target/ui-screenshots/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
