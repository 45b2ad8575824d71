package dev.parlor.thumbnail.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.contracts.jobs.JobState;
import dev.parlor.contracts.jobs.ThumbnailJobs;
import dev.parlor.jobs.JobRecord;
import dev.parlor.jobs.QueueOptions;
import dev.parlor.jobs.RedisJobQueue;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.runtime.config.ConfigSources;
import dev.parlor.testkit.TestRedis;
import dev.parlor.thumbnail.ThumbnailService;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A worker process is killed with SIGKILL while it decodes a large image; the job is reclaimed after the lease and
 * completed by another worker, exactly once.
 */
class WorkerKilledMidJobTest {

  private static final long LEASE_MS = 1_500;

  @Test
  void jobOfAWorkerKilledMidJobIsCompletedByAnotherWorker() throws Exception {
    Vertx vertx = Vertx.vertx();
    Redis redis = Redis.createClient(vertx, TestRedis.url());
    Process victim = null;
    ParlorRuntime rescuer = null;
    try {
      RedisJobQueue queue = new RedisJobQueue(redis, QueueOptions.defaults(JobQueues.THUMBNAIL));
      ParlorRuntime.await(queue.init());
      byte[] image = largeJpeg(6000, 4500);
      String source = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
      ParlorRuntime.await(redis.send(Request.cmd(Command.SET).arg(ThumbnailJobs.originalKey(source))
        .arg(Buffer.buffer(image))));

      victim = startWorkerProcess();
      String jobId = ParlorRuntime.await(queue.enqueue("uKill", null,
        new JsonObject().put(ThumbnailJobs.USER_ID, "uKill").put(ThumbnailJobs.SOURCE, source))).jobId();
      awaitState(queue, jobId, JobState.RUNNING, 60_000);
      victim.destroyForcibly().waitFor();
      assertEquals(JobState.RUNNING, ParlorRuntime.await(queue.get(jobId)).state(), "killed mid-job");

      rescuer = ParlorRuntime.start(ConfigSources.of(workerSettings()), List.of(new ThumbnailService()));
      JobRecord done = awaitState(queue, jobId, JobState.DONE, 60_000);
      assertEquals(2, done.deliveries());
      String url = done.result().getJsonObject(ThumbnailJobs.SIZES).getString("256");
      assertEquals(ThumbnailJobs.thumbnailPath(source, 256, "jpg"), url);
      assertNotNull(ParlorRuntime.await(redis.send(Request.cmd(Command.GET)
        .arg(ThumbnailJobs.thumbnailKey(source, 256, "jpg")))));
    } finally {
      if (victim != null) {
        victim.destroyForcibly();
      }
      if (rescuer != null) {
        rescuer.close();
      }
      ParlorRuntime.await(vertx.close());
    }
  }

  private static JsonObject workerSettings() {
    return new JsonObject().put("redis.url", TestRedis.url()).put("cluster.enabled", false)
      .put("thumbnail.management.port", 0).put("thumbnail.concurrency", 1).put("thumbnail.lease-ms", LEASE_MS)
      .put("thumbnail.announce-attempts", 1).put("shutdown.grace-ms", 2_000);
  }

  private static Process startWorkerProcess() throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
      Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-cp", classpath));
    workerSettings().forEach(entry -> command.add("-Dparlor." + entry.getKey() + "=" + entry.getValue()));
    command.add("dev.parlor.thumbnail.ThumbnailMain");
    File log = File.createTempFile("victim-worker", ".log");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  private static JobRecord awaitState(RedisJobQueue queue, String jobId, JobState state, long timeoutMs)
    throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      JobRecord job = ParlorRuntime.await(queue.get(jobId));
      if (job != null && job.state() == state) {
        return job;
      }
      assertTrue(System.currentTimeMillis() < deadline, "job never reached " + state + ": " + job);
      Thread.sleep(10);
    }
  }

  /** Noise over a gradient, so the decoder has real work: a second or more for one worker. */
  private static byte[] largeJpeg(int w, int h) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        row[x] = (x * 255 / w) << 16 | (y * 255 / h) << 8 | random.nextInt(256);
      }
      image.setRGB(0, y, w, 1, row, 0, w);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }
}
