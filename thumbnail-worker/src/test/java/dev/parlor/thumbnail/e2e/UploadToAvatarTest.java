package dev.parlor.thumbnail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.Addresses;
import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.gateway.GatewayService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.thumbnail.ThumbnailService;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An avatar through the whole system: a gateway node takes the upload, a worker node makes the thumbnails and
 * announces them. The user topic is observed on its event-bus address; {@code parlor.user.publish} is answered by a
 * tiny stand-in that publishes there exactly as the gateway's contract says (the real one does the same).
 */
class UploadToAvatarTest {

  private static final TestCluster CLUSTER = new TestCluster();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Map<String, BlockingQueue<JsonObject>> USER_EVENTS = new ConcurrentHashMap<>();
  private static final BlockingQueue<JsonObject> AVATARS = new LinkedBlockingQueue<>();
  private static ParlorRuntime gateway;
  private static ParlorRuntime worker;

  @BeforeAll
  static void start() throws Exception {
    gateway = CLUSTER.start(new GatewayService());
    worker = CLUSTER.start(new ThumbnailService());
    EventBus bus = worker.vertx().eventBus();
    AtomicLong offsets = new AtomicLong();
    ParlorRuntime.await(bus.<JsonObject>consumer(Addresses.Gateway.USER_PUBLISH, message -> {
      JsonObject body = message.body();
      long offset = offsets.incrementAndGet();
      bus.publish(Addresses.Topics.user(body.getString("userId")), new JsonObject().put("event", body.getString("event"))
        .put("data", body.getJsonObject("data")).put("offset", offset));
      message.reply(new JsonObject().put("offset", offset));
    }).completion());
    ParlorRuntime.await(bus.<JsonObject>consumer(Addresses.Presence.AVATAR, m -> AVATARS.add(m.body())).completion());
  }

  @AfterAll
  static void stop() {
    CLUSTER.close();
  }

  private static JsonObject session(String name) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/sessions"))
      .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", name).encode())).build(),
      HttpResponse.BodyHandlers.ofString());
    JsonObject session = new JsonObject(response.body());
    BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    USER_EVENTS.put(session.getString("userId"), events);
    ParlorRuntime.await(gateway.vertx().eventBus().<JsonObject>consumer(
      Addresses.Topics.user(session.getString("userId")), m -> events.add(m.body())).completion());
    return session;
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + gateway.port("gateway.http") + path);
  }

  private static String upload(JsonObject session, String type, byte[] body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/avatar"))
      .header("Authorization", "Bearer " + session.getString("token")).header("Content-Type", type)
      .expectContinue(true).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
      HttpResponse.BodyHandlers.ofString());
    assertEquals(202, response.statusCode(), response.body());
    return new JsonObject(response.body()).getString("jobId");
  }

  private static JsonObject job(JsonObject session, String jobId) throws Exception {
    return new JsonObject(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/jobs/" + jobId))
      .header("Authorization", "Bearer " + session.getString("token")).build(),
      HttpResponse.BodyHandlers.ofString()).body());
  }

  private static JsonObject nextEvent(JsonObject session) throws InterruptedException {
    JsonObject event = USER_EVENTS.get(session.getString("userId")).poll(30, TimeUnit.SECONDS);
    assertNotNull(event, "no event on the user topic");
    return event;
  }

  private static byte[] photo(int w, int h) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, new Color(x % 256, y % 256, 90).getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  @Test
  void uploadedPhotoBecomesThreeThumbnailsAnnouncedToItsOwnerAndPresence() throws Exception {
    JsonObject alice = session("Alice");
    String jobId = upload(alice, "image/jpeg", photo(1200, 800));

    JsonObject event = nextEvent(alice);
    assertEquals("thumbnail.ready", event.getString("event"));
    JsonObject data = event.getJsonObject("data");
    assertEquals(jobId, data.getString("jobId"));
    // The state is stored before the event goes out.
    assertEquals("done", job(alice, jobId).getString("state"));

    JsonObject sizes = data.getJsonObject("sizes");
    int[][] expected = {{64, 43}, {128, 85}, {256, 171}};
    for (int[] size : expected) {
      String url = sizes.getString(String.valueOf(size[0]));
      HttpResponse<byte[]> thumb = HTTP.send(HttpRequest.newBuilder(uri(url)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, thumb.statusCode());
      assertEquals("image/jpeg", thumb.headers().firstValue("Content-Type").orElseThrow());
      assertEquals("nosniff", thumb.headers().firstValue("X-Content-Type-Options").orElseThrow());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumb.body()));
      assertEquals(size[0] == 64 ? 64 : size[0], image.getWidth());
      assertEquals(size[1], image.getHeight());
    }

    JsonObject avatar = AVATARS.poll(10, TimeUnit.SECONDS);
    assertNotNull(avatar);
    assertEquals(alice.getString("userId"), avatar.getString("userId"));
    assertEquals(sizes, avatar.getJsonObject("avatar"));
  }

  @Test
  void htmlSentAsPngEndsAsThumbnailFailedAndTheWorkerKeepsWorking() throws Exception {
    JsonObject bob = session("Bob");
    String bad = upload(bob, "image/png",
      "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    JsonObject failed = nextEvent(bob);
    assertEquals("thumbnail.failed", failed.getString("event"));
    JsonObject data = failed.getJsonObject("data");
    assertEquals(bad, data.getString("jobId"));
    assertEquals("unsupported_media", data.getString("code"));
    assertTrue(data.getString("message").contains("HTML"), data.getString("message"));
    JsonObject state = job(bob, bad);
    assertEquals("failed", state.getString("state"));
    assertEquals("unsupported_media", state.getJsonObject("error").getString("code"));

    String good = upload(bob, "image/jpeg", photo(300, 300));
    JsonObject ready = nextEvent(bob);
    assertEquals("thumbnail.ready", ready.getString("event"));
    assertEquals(good, ready.getJsonObject("data").getString("jobId"));

    JsonObject metrics = ParlorRuntime.await(gateway.vertx().eventBus().<JsonObject>request(
      JobQueues.adminAddress(JobQueues.THUMBNAIL, JobQueues.OP_METRICS), new JsonObject())).body();
    assertTrue(metrics.getLong("deadLetters") >= 1);
    assertTrue(metrics.getJsonObject("worker").getLong("done") >= 1);
  }

  @Test
  void queueAndWorkerMetersAreScrapedFromTheManagementPort() throws Exception {
    String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
      + worker.port("thumbnail.management") + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    for (String meter : new String[] {"parlor_jobs_depth{type=\"thumbnail\"", "parlor_jobs_lag",
      "parlor_jobs_oldest_pending_age_seconds", "parlor_jobs_dead_letters", "parlor_jobs_retries",
      "parlor_jobs_worker_processing_seconds_count", "parlor_jobs_worker_outcomes_total"}) {
      assertTrue(body.contains(meter), meter + " missing");
    }
  }
}
