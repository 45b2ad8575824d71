package dev.parlor.suite.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.cli.Cli;
import dev.parlor.client.ClientOptions;
import dev.parlor.client.ParlorClient;
import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.presence.PresenceService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.Terminal;
import dev.parlor.testkit.TestCluster;
import dev.parlor.thumbnail.ThumbnailService;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web client end to end: real headless Chromium browsers against every Parlor service on a real cluster node,
 * each browser a different guest. Screenshots of each page land in target/screenshots (docs/screenshots when
 * {@code -Dparlor.screenshots=../../docs/screenshots}).
 */
class WebClientTest {

  private static final TestCluster cluster = new TestCluster();
  private static int port;

  @BeforeAll
  static void startParlor() throws Exception {
    // A player gone for 1.5 s may be beaten by claimWin, so the abandonment test need not wait a minute.
    ParlorRuntime node = cluster.start(new JsonObject().put("game.abandon-after-ms", 1_500),
      new GatewayService(), new GameService(), new PresenceService(), new ThumbnailService());
    port = node.port("gateway.http");
  }

  @AfterAll
  static void stopParlor() {
    cluster.close();
  }

  @Test
  void friendsPlayAPrivateGameFromTheInviteLinkToAWinAndBothSeeTheResult() throws Exception {
    try (Browser alice = Browser.open(port); Browser bob = Browser.open(port)) {
      alice.get("/");
      alice.screenshot("signin");
      alice.signIn("Alice");
      bob.signIn("Bob");
      assertEquals("Alice", alice.text("me-name"));

      alice.click("create-private");
      alice.await(d -> d.findElement(By.id("invite")).isDisplayed());
      String invite = alice.byId("invite-link").getDomProperty("value");
      assertTrue(invite.matches("http://127\\.0\\.0\\.1:" + port + "/join/[^/]+"), invite);
      alice.screenshot("game-invite");

      bob.driver.get(invite);
      bob.awaitConnection("online");
      bob.await(d -> "playing".equals(bob.attribute("game-status", "data-status")));
      alice.await(d -> "playing".equals(alice.attribute("game-status", "data-status")));
      assertEquals("You are O", bob.text("game-role"));

      // X: 0, 1, 2 wins the top row; O answers 3 and 4.
      alice.play(0);
      bob.play(3);
      alice.play(1);
      bob.play(4);
      alice.play(2);

      alice.await(d -> "finished".equals(alice.attribute("game-status", "data-status")));
      bob.await(d -> "finished".equals(bob.attribute("game-status", "data-status")));
      assertEquals("You won!", alice.text("game-status"));
      assertEquals("Alice won!", bob.text("game-status"));
      assertEquals(List.of("X", "X", "X", "O", "O", "", "", "", ""), bob.board());
      for (Browser b : List.of(alice, bob)) {
        assertEquals(List.of("0", "1", "2"), b.driver.findElements(By.cssSelector("#board .cell.win")).stream()
          .map(c -> c.getDomAttribute("data-index")).toList());
      }
      assertTrue(alice.byId("rematch").isDisplayed(), "a finished game offers a rematch");
      alice.screenshot("game-won");

      // Rematch: both land in the new game at once, and Bob, who moved second, now moves first as X.
      String oldHash = (String) alice.script("return location.hash");
      alice.click("rematch");
      for (Browser b : List.of(alice, bob)) {
        b.await(d -> !oldHash.equals(b.script("return location.hash"))
          && "playing".equals(b.attribute("game-status", "data-status")));
      }
      assertEquals(alice.script("return location.hash"), bob.script("return location.hash"));
      assertEquals("You are X", bob.text("game-role"));
      assertEquals("Your turn (X)", bob.text("game-status"));
      bob.play(4);
      bob.click("resign");
      alice.await(d -> "finished".equals(alice.attribute("game-status", "data-status")));
      assertEquals("You won by resignation!", alice.text("game-status"));
    }
  }

  @Test
  void aPersonAtTheCommandLinePlaysAFullGameAgainstABrowser() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Browser bea = Browser.open(port)) {
      ParlorClient client = ParlorClient.create(vertx, ClientOptions.of("http://127.0.0.1:" + port), 1)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      Terminal cal = new Terminal((in, out) -> new Cli(client, out).run(in));
      cal.type("signin Cal");
      cal.expect("Signed in as Cal");
      bea.signIn("Bea");
      cal.type("create c4 private");
      String code = cal.expect("Invite code: (\\S+)").group(1);
      bea.driver.get("http://127.0.0.1:" + port + "/join/" + code);
      bea.await(d -> "playing".equals(bea.attribute("game-status", "data-status")));
      cal.expect("Bea joined");
      cal.expect("Your turn");
      // Cal drops four in the first column; Bea answers in the second, three times, and loses.
      for (int turn = 0; turn < 3; turn++) {
        cal.type("move 1");
        bea.play(1);
        cal.expect("Bea moved");
      }
      cal.type("move 1");
      cal.expect("You win!");
      bea.await(d -> "finished".equals(bea.attribute("game-status", "data-status")));
      assertEquals("Cal won!", bea.text("game-status"));
      List<String> board = bea.board();
      for (int row = 2; row < 6; row++) {
        assertTrue(board.get(row * 7) != null && board.get(row * 7).equals(board.get(5 * 7)), "column 1: " + board);
      }
      bea.screenshot("cli-vs-browser");
      cal.type("quit");
      cal.expect("Bye");
    } finally {
      vertx.close();
    }
  }

  @Test
  void aDroppedConnectionReconnectsByItselfAndResumesTheGame() throws Exception {
    try (Browser mia = Browser.open(port); Browser ned = Browser.open(port)) {
      mia.signIn("Mia");
      ned.signIn("Ned");
      mia.click("create-private");
      mia.await(d -> d.findElement(By.id("invite")).isDisplayed());
      ned.driver.get(mia.byId("invite-link").getDomProperty("value"));
      ned.await(d -> "playing".equals(ned.attribute("game-status", "data-status")));
      mia.play(4);
      ned.await(d -> "X".equals(ned.board().get(4)));

      // The socket dies under the page (as when a gateway instance goes away); the client reconnects on its own.
      ned.script("window.parlor.transport.close()");
      ned.play(0);
      mia.play(8);
      ned.await(d -> "X".equals(ned.board().get(8)));
      assertEquals(1L, ned.script("return window.parlor.stats.resumes"));
      List<String> offsets = ned.driver.findElements(By.cssSelector("#moves li")).stream()
        .map(li -> li.getDomAttribute("data-offset")).toList();
      assertEquals(List.of("1", "2", "3", "4", "5"), offsets, "created, joined, three moves: none twice, none missing");
    }
  }

  @Test
  void quickMatchPairsTwoPeopleAskingForTheSameKind() throws Exception {
    try (Browser ivy = Browser.open(port); Browser jon = Browser.open(port)) {
      ivy.signIn("Ivy");
      jon.signIn("Jon");
      ivy.driver.findElement(By.cssSelector(".quickmatch[data-kind='connect4']")).click();
      ivy.await(d -> ivy.text("queue-state").startsWith("Looking for an opponent"));
      jon.driver.findElement(By.cssSelector(".quickmatch[data-kind='connect4']")).click();
      for (Browser b : List.of(ivy, jon)) {
        b.await(d -> "playing".equals(b.attribute("game-status", "data-status")));
        assertEquals(42, b.board().size());
      }
      assertEquals(ivy.script("return location.hash"), jon.script("return location.hash"));
    }
  }

  @Test
  void aPlayerWhoseOpponentLeftClaimsTheWin() throws Exception {
    try (Browser kim = Browser.open(port)) {
      kim.signIn("Kim");
      try (Browser leo = Browser.open(port)) {
        leo.signIn("Leo");
        kim.click("create-private");
        kim.await(d -> d.findElement(By.id("invite")).isDisplayed());
        leo.driver.get(kim.byId("invite-link").getDomProperty("value"));
        leo.await(d -> "playing".equals(leo.attribute("game-status", "data-status")));
        kim.play(0);
      }
      // Leo's browser is gone. Once he has had no session long enough, Kim's claim is granted.
      kim.await(d -> {
        if (!"finished".equals(kim.attribute("game-status", "data-status"))) {
          WebElement claim = kim.byId("claim-win");
          if (claim.isDisplayed()) {
            claim.click();
          }
          return false;
        }
        return true;
      });
      assertEquals("You won — opponent left!", kim.text("game-status"));
    }
  }

  @Test
  void aSpectatorFollowsAPublicGameLiveMissesNothingWhileOfflineAndReplaysIt() throws Exception {
    try (Browser alice = Browser.open(port); Browser bob = Browser.open(port); Browser carol = Browser.open(port)) {
      alice.signIn("Ann");
      bob.signIn("Ben");
      carol.signIn("Cleo");

      alice.click("create-public");
      String gameId = alice.await(d -> {
        String hash = (String) alice.script("return location.hash");
        return hash.startsWith("#/game/") ? hash.substring(7) : null;
      });
      String row = "#open-games li[data-game-id='" + gameId + "']";
      bob.await(d -> d.findElement(By.cssSelector(row)).isDisplayed());
      carol.await(d -> d.findElement(By.cssSelector(row)).isDisplayed());
      bob.screenshot("lobby");
      bob.driver.findElement(By.cssSelector(row + " button.join")).click();
      bob.await(d -> "playing".equals(bob.attribute("game-status", "data-status")));

      // The started game leaves the open list and stays watchable.
      String started = "#started-games li[data-game-id='" + gameId + "'] button.watch";
      carol.await(d -> d.findElement(By.cssSelector(started)).isDisplayed());
      carol.driver.findElement(By.cssSelector(started)).click();
      carol.await(d -> "playing".equals(carol.attribute("game-status", "data-status")));
      assertEquals("Spectator", carol.text("game-role"));

      alice.play(0);
      bob.play(4);
      carol.await(d -> carol.board().equals(List.of("X", "", "", "", "O", "", "", "", "")));

      carol.offline(true);
      carol.awaitConnection("offline");
      alice.play(8);
      bob.play(2);
      assertEquals(List.of("X", "", "", "", "O", "", "", "", ""), carol.board(), "an offline spectator sees no news");

      carol.offline(false);
      carol.awaitConnection("online");
      carol.await(d -> carol.board().equals(List.of("X", "", "O", "", "O", "", "", "", "X")));

      alice.play(6);
      bob.play(3);
      alice.play(7);
      carol.await(d -> "finished".equals(carol.attribute("game-status", "data-status")));
      assertEquals("Ann won!", carol.text("game-status"));
      assertEquals(List.of("6", "7", "8"), carol.driver.findElements(By.cssSelector("#board .cell.win")).stream()
        .map(c -> c.getDomAttribute("data-index")).sorted().toList());

      // Every event once, in order: created, joined, seven moves.
      List<String> offsets = carol.driver.findElements(By.cssSelector("#moves li")).stream()
        .map(li -> li.getDomAttribute("data-offset")).toList();
      assertEquals(IntStream.rangeClosed(1, 9).mapToObj(String::valueOf).collect(Collectors.toList()), offsets);

      carol.click("replay-first");
      assertEquals(List.of("", "", "", "", "", "", "", "", ""), carol.board());
      carol.click("replay-next");
      carol.click("replay-next");
      assertEquals(List.of("X", "", "", "", "", "", "", "", ""), carol.board(), "step 3 is Ann's first move");
      carol.screenshot("spectator-replay");
      carol.click("replay-live");
      assertEquals("finished", carol.attribute("game-status", "data-status"));
    }
  }

  @Test
  void anUploadedAvatarAppearsByItselfInTheHeaderAndTheLobby() throws Exception {
    File image = File.createTempFile("avatar-", ".png");
    image.deleteOnExit();
    BufferedImage picture = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setColor(new Color(0x3158d6));
    g.fillRect(0, 0, 400, 300);
    g.setColor(Color.ORANGE);
    g.fillOval(100, 50, 200, 200);
    g.dispose();
    ImageIO.write(picture, "png", image);

    try (Browser dana = Browser.open(port)) {
      dana.signIn("Dana");
      dana.byId("avatar-file").sendKeys(image.getAbsolutePath());
      dana.await(d -> "done".equals(dana.attribute("upload-state", "data-state")));
      dana.await(d -> Boolean.TRUE.equals(dana.script(
        "const img = document.getElementById('me-avatar');"
          + " return !img.hidden && img.complete && img.naturalWidth > 0 && img.naturalWidth <= 64;")));
      String me = (String) dana.script("return App.session.userId");
      dana.await(d -> d.findElement(By.cssSelector("#online li[data-user-id='" + me + "'] img.avatar")).isDisplayed());
      dana.screenshot("avatar");
      dana.get("/#/map");
      dana.awaitConnection("online");
      dana.script("return App.client.request('presence.set', {room: 'map', location: {lat: 35.68, lon: 139.69}})");
      dana.await(d -> d.findElement(By.cssSelector("#pins .pin[data-user-id='" + me + "'] image")).isDisplayed());
    } finally {
      Files.deleteIfExists(image.toPath());
    }
  }

  @Test
  void thePagePlaysOverSockJsWhenWebSocketIsBlocked() throws Exception {
    try (Browser erin = Browser.openWithBlockedWebSocket(port); Browser finn = Browser.open(port)) {
      erin.signIn("Erin");
      assertEquals("sockjs", erin.attribute("conn", "data-transport"));
      finn.signIn("Finn");
      assertEquals("websocket", finn.attribute("conn", "data-transport"));

      new Select(erin.byId("create-kind")).selectByValue("connect4");
      erin.click("create-private");
      erin.await(d -> d.findElement(By.id("invite")).isDisplayed());
      finn.driver.get(erin.byId("invite-link").getDomProperty("value"));
      finn.await(d -> "playing".equals(finn.attribute("game-status", "data-status")));
      assertEquals(42, finn.board().size());

      // Connect four, row-major from the top: a disc dropped in column 3 lands in the bottom row (cell 38).
      erin.play(3);
      finn.await(d -> "R".equals(finn.board().get(38)));
      finn.play(3);
      erin.await(d -> "Y".equals(erin.board().get(31)));
      erin.screenshot("connect4-sockjs");
      assertEquals("sockjs", erin.attribute("conn", "data-transport"));
    }
  }

  @Test
  void aPersonPlacedOnTheMapShowsAsAPinToEveryone() throws Exception {
    try (Browser gus = Browser.open(port); Browser hana = Browser.open(port)) {
      gus.signIn("Gus");
      hana.signIn("Hana");
      gus.get("/#/map");
      hana.get("/#/map");
      gus.await(d -> !d.findElement(By.id("land")).getDomAttribute("d").isEmpty());
      WebElement map = gus.byId("map");
      // Click right of and below the map's centre: east and south of lon 0, lat 0.
      new Actions(gus.driver).moveToElement(map, map.getSize().width / 4, map.getSize().height / 6).click().perform();
      String gusId = (String) gus.script("return App.session.userId");
      String pin = "#pins .pin[data-user-id='" + gusId + "']";
      hana.await(d -> d.findElement(By.cssSelector(pin)).isDisplayed());
      assertEquals("Gus", hana.driver.findElement(By.cssSelector(pin + " text")).getText());
      double[] at = hana.await(d -> {
        Object loc = hana.script("const m = MapView.members.get(arguments[0]);"
          + " return m && m.location ? [m.location.lat, m.location.lon] : null;", gusId);
        return loc == null ? null : ((List<?>) loc).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
      });
      assertTrue(at[0] < 0 && at[1] > 0, "south-east of (0, 0): " + at[0] + ", " + at[1]);
      gus.script("return App.client.request('presence.set',"
        + " {room: 'map', location: {lat: 48.85, lon: 2.35, heading: 90}})");
      hana.await(d -> "90".equals(d.findElement(By.cssSelector(pin + " .heading")).getDomAttribute("data-heading")));
      hana.screenshot("map");
    }
  }

  @Test
  void theOpsPageShowsEveryServiceUpAndLiveFigures() throws Exception {
    try (Browser ops = Browser.open(port); Browser kim = Browser.open(port); Browser lou = Browser.open(port)) {
      kim.signIn("Kim");
      lou.signIn("Lou");
      kim.click("create-private");
      kim.await(d -> d.findElement(By.id("invite")).isDisplayed());
      lou.driver.get(kim.byId("invite-link").getDomProperty("value"));
      lou.await(d -> "playing".equals(lou.attribute("game-status", "data-status")));

      ops.get("/ops");
      ops.await(d -> "UP".equals(ops.attribute("gateway-health", "data-status")));
      for (String service : List.of("gateway", "game", "presence", "thumbnail")) {
        ops.await(d -> d.findElements(By.cssSelector("#instances tr[data-service='" + service + "'] .health"))
          .stream().anyMatch(cell -> "UP".equals(cell.getDomAttribute("data-status"))));
      }
      assertTrue(ops.driver.findElements(By.cssSelector("#instances .health")).stream()
        .allMatch(cell -> "UP".equals(cell.getDomAttribute("data-status"))), "no instance is DOWN");
      // Kim and Lou are connected and playing: the figures are real counts, not placeholders.
      ops.await(d -> count(ops, "sessions") >= 2 && count(ops, "games") >= 1);
      assertTrue(count(ops, "queue") >= 0, ops.text("queue"));
      assertTrue(count(ops, "jobs") >= 0, ops.text("jobs"));
      assertEquals("", ops.text("ops-note"));
      ops.screenshot("ops");
    }
  }

  /** A tile's number, or -1 while it shows none ('–'). */
  private static int count(Browser page, String id) {
    String text = page.text(id);
    return text.matches("\\d+") ? Integer.parseInt(text) : -1;
  }
}
