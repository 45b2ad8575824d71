package dev.parlor.loadgen;

import dev.parlor.client.ClientError;
import dev.parlor.client.ParlorClient;
import dev.parlor.client.Session;
import dev.parlor.client.SessionListener;
import dev.parlor.client.TopicEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * {@code uploads}: avatar uploads (a generated PNG) at a total rate, spread over U users; measures the upload's HTTP
 * answer and the time from the start of the upload to {@code thumbnail.ready} on the uploader's user topic.
 *
 * <p>Options: {@code --users 20 --rate 2 --size 1024 --duration 20 --warmup 0}.
 */
final class UploadsScenario implements Scenario {

  @Override
  public JsonObject run(Vertx vertx, ParlorClient client, LoadOptions options, Metrics metrics) throws Exception {
    int users = options.integer("users", 20);
    Buffer image = Buffer.buffer(png(options.integer("size", 1024)));
    Map<String, Long> started = new ConcurrentHashMap<>();
    Map<String, TopicEvent> early = new HashMap<>(); // guarded by started, like the moves between the two
    AtomicLong uploading = new AtomicLong();
    List<Session> sessions = Population.connect(client, users, "a", 50, i -> new SessionListener() {
      @Override
      public void event(TopicEvent event) {
        String jobId = event.data().getString("jobId", "");
        if (jobId.isEmpty()) {
          return;
        }
        Long at;
        synchronized (started) {
          at = started.remove(jobId);
          if (at == null) {
            // A small image can be done before the upload's own 202 reaches us: kept until it does.
            early.put(jobId, event);
            return;
          }
        }
        finished(event, at, metrics);
      }
    }, metrics);
    AtomicLong next = new AtomicLong();
    Pacer pacer = new Pacer(vertx, options.decimal("rate", 2), () -> {
      Session user = sessions.get((int) (next.getAndIncrement() % sessions.size()));
      long at = System.nanoTime();
      uploading.incrementAndGet();
      client.uploadAvatar(user.guest(), "image/png", image)
        .onSuccess(jobId -> {
          metrics.since("upload", at);
          metrics.count("uploads");
          TopicEvent done;
          synchronized (started) {
            done = early.remove(jobId);
            if (done == null) {
              started.put(jobId, at);
            }
          }
          if (done != null) {
            finished(done, at, metrics);
          }
        })
        .onFailure(metrics::error)
        .onComplete(ar -> uploading.decrementAndGet());
      return true;
    }, metrics);
    metrics.startMeasuring();
    long measureStart = System.nanoTime();
    pacer.start();
    Thread.sleep(options.integer("duration", 20) * 1000L);
    pacer.stop();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while ((uploading.get() > 0 || !started.isEmpty()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    metrics.stopMeasuring();
    double seconds = (System.nanoTime() - measureStart) / 1e9;
    Population.closeAll(sessions);
    return new JsonObject().put("usersCount", (long) users).put("imageBytes", image.length())
      .put("offeredUploadsPerSecond", options.decimal("rate", 2))
      .put("uploadsCount", metrics.counter("uploads")).put("readyCount", metrics.counter("ready"))
      .put("unfinishedCount", (long) started.size())
      .put("measuredSeconds", seconds);
  }

  private static void finished(TopicEvent event, long startedAt, Metrics metrics) {
    if ("thumbnail.ready".equals(event.event())) {
      metrics.since("thumbnail", startedAt);
      metrics.count("ready");
    } else if ("thumbnail.failed".equals(event.event())) {
      metrics.error(new ClientError(event.data().getString("code"), "thumbnail failed"));
    }
  }

  /** A noisy image, so the encoder cannot shrink it to nothing. */
  static byte[] png(int size) throws java.io.IOException {
    BufferedImage img = new BufferedImage(size, size * 3 / 4, BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(7);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        img.setRGB(x, y, (x * 255 / size) << 16 | (y * 255 / size) << 8 | random.nextInt(64));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
