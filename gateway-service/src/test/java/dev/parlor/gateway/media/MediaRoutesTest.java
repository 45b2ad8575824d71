package dev.parlor.gateway.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.jobs.ThumbnailJobs;
import dev.parlor.gateway.GatewayService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The media routes of a real gateway node, with no worker: jobs stay queued, which is what the limits need. */
class MediaRoutesTest {

  private static final TestCluster CLUSTER = new TestCluster();
  /**
   * A client per test: some refusals close the connection by design, and a pooled connection the server has just
   * closed must not carry the next test's first request (JDK 25's client can pick one up before it sees the close).
   */
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static ParlorRuntime gateway;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    gateway = CLUSTER.start(new JsonObject().put("gateway.media.max-active-per-user", 2)
      .put("gateway.media.max-bytes", 64 * 1024), new GatewayService());
    port = gateway.port("gateway.http");
  }

  @AfterAll
  static void stop() {
    CLUSTER.close();
  }

  private String token(String name) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/sessions"))
      .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", name).encode())).build(),
      HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body()).getString("token");
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> upload(String token, String type, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/avatar"))
      .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", type);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] bytes = new byte[n];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String errorCode(HttpResponse<String> response) {
    return new JsonObject(response.body()).getJsonObject("error").getString("code");
  }

  @Test
  void uploadIsAcceptedAsAJobAndAnIdenticalRetryGetsTheSameJob() throws Exception {
    String token = token("Ann");
    byte[] image = randomBytes(1000, 1);
    HttpResponse<String> first = upload(token, "image/png", image);
    assertEquals(202, first.statusCode(), first.body());
    String jobId = new JsonObject(first.body()).getString("jobId");
    HttpResponse<String> retry = upload(token, "image/png", image);
    assertEquals(jobId, new JsonObject(retry.body()).getString("jobId"));

    HttpResponse<String> state = get("/api/v1/jobs/" + jobId, token);
    assertEquals(200, state.statusCode());
    assertEquals(new JsonObject().put("jobId", jobId).put("state", "queued"), new JsonObject(state.body()));
  }

  @Test
  void jobIsVisibleToItsOwnerOnly() throws Exception {
    String owner = token("Owner");
    String jobId = new JsonObject(upload(owner, "image/jpeg", randomBytes(500, 2)).body()).getString("jobId");
    HttpResponse<String> other = get("/api/v1/jobs/" + jobId, token("Other"));
    assertEquals(403, other.statusCode());
    assertEquals("forbidden", errorCode(other));
    HttpResponse<String> unknown = get("/api/v1/jobs/jUnknownJob", owner);
    assertEquals(404, unknown.statusCode());
    assertEquals("not_found", errorCode(unknown));
    assertEquals(401, get("/api/v1/jobs/" + jobId, null).statusCode());
  }

  @Test
  void uploadsAreRefusedWithTypedErrors() throws Exception {
    String token = token("Bea");
    HttpResponse<String> noToken = upload(null, "image/png", randomBytes(10, 3));
    assertEquals(401, noToken.statusCode());
    assertEquals("unauthorized", errorCode(noToken));
    assertEquals(401, upload("forged.token.value", "image/png", randomBytes(10, 3)).statusCode());
    HttpResponse<String> svg = upload(token, "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8));
    assertEquals(415, svg.statusCode());
    assertEquals("unsupported_media", errorCode(svg));
    HttpResponse<String> big = upload(token, "image/png", randomBytes(64 * 1024 + 1, 4));
    assertEquals(413, big.statusCode());
    assertEquals("too_large", errorCode(big));
  }

  @Test
  void bodyWithoutALengthIsCutOffOnceItPassesTheLimit() throws Exception {
    String token = token("Chunky");
    byte[] chunk = randomBytes(8 * 1024, 5);
    // A streamed body of unknown length (chunked): 1 MiB against a 64 KiB limit.
    HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/avatar")).header("Authorization", "Bearer " + token)
      .header("Content-Type", "image/png")
      .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
        private int sent;

        @Override
        public int read() {
          return sent++ < 1024 * 1024 ? chunk[sent % chunk.length] & 0xFF : -1;
        }
      })).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException closedWhileSending) {
      return; // the server closed the connection after its 413, before the client read it: refused all the same
    }
    assertEquals(413, response.statusCode());
  }

  @Test
  void expectContinueUploadIsRefusedByItsHeadersBeforeTheBodyIsSent() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v1/avatar HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token("Dee") + "\r\n"
        + "Content-Type: image/png\r\nContent-Length: 99999999\r\nExpect: 100-continue\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 413", head);
    }
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(("POST /api/v1/avatar HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + token("Eve") + "\r\nContent-Type: image/png\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
      String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertEquals("HTTP/1.1 100", head, "an acceptable upload is invited to send its body");
    }
  }

  @Test
  void tooManyUnfinishedJobsOfAUserAreRefusedWithRetryAfter() throws Exception {
    String token = token("Fay");
    assertEquals(202, upload(token, "image/png", randomBytes(100, 10)).statusCode());
    assertEquals(202, upload(token, "image/png", randomBytes(100, 11)).statusCode());
    HttpResponse<String> third = upload(token, "image/png", randomBytes(100, 12));
    assertEquals(429, third.statusCode());
    assertEquals("rate_limited", errorCode(third));
    assertEquals("10", third.headers().firstValue("Retry-After").orElseThrow());
  }

  @Test
  void thumbnailIsServedImmutableWithItsOwnTypeAndNoSniffing() throws Exception {
    String source = "b".repeat(64);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    ParlorRuntime.await(io.vertx.redis.client.Redis.createClient(gateway.vertx(), gateway.redisUrl())
      .send(Request.cmd(Command.SET).arg(ThumbnailJobs.thumbnailKey(source, 64, "png"))
        .arg(io.vertx.core.buffer.Buffer.buffer(png))));
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/media/thumbs/" + source + "/64.png"))
      .build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals("image/png", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertTrue(response.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=31536000"));
    String etag = response.headers().firstValue("ETag").orElseThrow();
    assertEquals(new String(png, StandardCharsets.ISO_8859_1), new String(response.body(), StandardCharsets.ISO_8859_1));

    HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri("/media/thumbs/" + source + "/64.png"))
      .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(304, again.statusCode());
    assertEquals(404, get("/media/thumbs/" + source + "/128.png", null).statusCode());
    assertNotEquals(200, get("/media/thumbs/" + source + "/64.svg", null).statusCode());
  }
}
