package dev.parlor.suite.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: a real headless Chromium (Debian's, driven by Debian's chromedriver, nothing downloaded)
 * with a fresh profile, so every person has their own localStorage and session.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("parlor.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("parlor.chromedriver", "/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  final ChromeDriver driver;
  final String baseUrl;
  private final Path profile;

  private Browser(ChromeDriver driver, String baseUrl, Path profile) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.profile = profile;
  }

  static Browser open(int port) throws IOException {
    return open(port, false);
  }

  /**
   * A browser whose WebSocket connections never open, as behind a proxy that refuses the upgrade: every socket
   * fails with 1006 at once. The client (and SockJS's own WebSocket transport) must fall back to HTTP streaming.
   */
  static Browser openWithBlockedWebSocket(int port) throws IOException {
    return open(port, true);
  }

  private static final String BLOCKED_WEBSOCKET = """
    (() => {
      function BlockedWebSocket(url) {
        this.url = url;
        this.readyState = 0;
        setTimeout(() => {
          this.readyState = 3;
          if (this.onerror) this.onerror(new Event('error'));
          if (this.onclose) this.onclose({ code: 1006, reason: '', wasClean: false });
        }, 20);
      }
      BlockedWebSocket.prototype.send = function () { throw new Error('not open'); };
      BlockedWebSocket.prototype.close = function () {};
      BlockedWebSocket.prototype.addEventListener = function () {};
      Object.assign(BlockedWebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
      window.WebSocket = BlockedWebSocket;
    })();
    """;

  private static Browser open(int port, boolean blockedWebSocket) throws IOException {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new AssertionError("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
        + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
    }
    Path profile = Files.createTempDirectory("parlor-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
      "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
      .usingDriverExecutable(new File(CHROMEDRIVER))
      .usingAnyFreePort()
      .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    if (blockedWebSocket) {
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", BLOCKED_WEBSOCKET));
    }
    return new Browser(driver, "http://127.0.0.1:" + port, profile);
  }

  void get(String path) {
    driver.get(baseUrl + path);
  }

  /** Opens the site, signs in with a display name and waits until the connection is online. */
  void signIn(String name) {
    get("/");
    await(d -> d.findElement(By.id("signin-name")).isDisplayed());
    WebElement input = driver.findElement(By.id("signin-name"));
    input.clear();
    input.sendKeys(name);
    driver.findElement(By.id("signin-button")).click();
    awaitConnection("online");
  }

  void awaitConnection(String state) {
    await(d -> state.equals(attribute("conn", "data-state")));
  }

  <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
      .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
      .until(condition);
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  String text(String id) {
    return byId(id).getText();
  }

  String attribute(String id, String name) {
    return byId(id).getDomAttribute(name);
  }

  void click(String id) {
    byId(id).click();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * The marks on the shown board, "" for an empty cell. Read in one script: the page may re-render the board between
   * two WebDriver calls (a move arriving), which would leave element references stale.
   */
  List<String> board() {
    List<?> marks = (List<?>) script(
      "return Array.from(document.querySelectorAll('#board .cell')).map(c => c.getAttribute('data-mark'));");
    return marks.stream().map(mark -> mark == null ? null : mark.toString()).toList();
  }

  /** Waits until it is this player's turn, then plays the cell (tic-tac-toe) or the cell's column (connect four). */
  void play(int cell) {
    await(d -> d.findElement(By.id("board")).getDomAttribute("class").contains("mine"));
    // The page may re-render the board between finding the cell and clicking it (a resume's replay arriving): the
    // old element is then stale, and await, which ignores that, looks the cell up again.
    await(d -> {
      d.findElement(By.cssSelector("#board .cell[data-index='" + cell + "']")).click();
      return true;
    });
    await(d -> !d.findElement(By.id("board")).getDomAttribute("class").contains("mine"));
  }

  /** Cuts the browser off the network the way DevTools' "offline" does: the page sees navigator.onLine false. */
  void offline(boolean offline) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
      "downloadThroughput", -1, "uploadThroughput", -1));
  }

  void screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("parlor.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A leftover temp profile is harmless.
      }
    }
  }
}
