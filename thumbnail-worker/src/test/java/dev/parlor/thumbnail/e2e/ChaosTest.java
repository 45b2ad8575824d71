package dev.parlor.thumbnail.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.parlor.runtime.redis.RedisServerProcess;
import dev.parlor.thumbnail.image.Encoder;
import dev.parlor.thumbnail.image.ImageLimits;
import dev.parlor.thumbnail.image.Thumbnailer;
import dev.parlor.thumbnail.image.Thumbnailers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Many jobs, worker processes killed with SIGKILL at random and replaced, Redis restarted once (append-only file on):
 * every job ends done or dead-lettered, none is lost, and every done job holds exactly the thumbnails its input gives.
 */
class ChaosTest {

  private static final int GOOD_JOBS = 24;
  private static final int WORKERS = 3;
  private static final long LEASE_MS = 1_000;

  @Test
  void noJobIsLostOrDoneTwiceDifferentlyWhileWorkersAndRedisDie() throws Exception {
    Path dir = Files.createTempDirectory("chaos-redis-");
    RedisServerProcess server = RedisServerProcess.start(0, dir.toString(), true);
    int port = server.port();
    Vertx vertx = Vertx.vertx();
    Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url()).setMaxPoolSize(8));
    List<Process> workers = new ArrayList<>();
    Random random = new Random(11);
    try {
      RedisJobQueue queue = new RedisJobQueue(redis, QueueOptions.defaults(JobQueues.THUMBNAIL));
      ParlorRuntime.await(queue.init());
      Map<String, byte[]> inputs = new HashMap<>();
      List<String> badJobs = new ArrayList<>();
      for (int i = 0; i < GOOD_JOBS + 2; i++) {
        byte[] image = i < GOOD_JOBS ? jpeg(400 + i * 7, 300, i) : new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1,
          2, 3, 4, 5, 6, 7};
        String source = sha256(image);
        ParlorRuntime.await(redis.send(Request.cmd(Command.SET).arg(ThumbnailJobs.originalKey(source))
          .arg(Buffer.buffer(image))));
        String jobId = ParlorRuntime.await(queue.enqueue("u" + i, null,
          new JsonObject().put(ThumbnailJobs.USER_ID, "u" + i).put(ThumbnailJobs.SOURCE, source))).jobId();
        inputs.put(jobId, image);
        if (i >= GOOD_JOBS) {
          badJobs.add(jobId);
        }
      }

      JsonObject settings = WorkerProcesses.settings(server.url(), LEASE_MS);
      for (int i = 0; i < WORKERS; i++) {
        workers.add(WorkerProcesses.start(settings, "192m"));
      }
      long deadline = System.currentTimeMillis() + 150_000;
      boolean redisRestarted = false;
      int kills = 0;
      while (unfinished(queue, inputs.keySet()) > 0) {
        assertTrue(System.currentTimeMillis() < deadline, "jobs left unfinished: " + unfinished(queue, inputs.keySet()));
        Thread.sleep(300 + random.nextInt(900));
        long done = finished(queue, inputs.keySet());
        if (!redisRestarted && done >= GOOD_JOBS / 3) {
          server.close();
          server = RedisServerProcess.start(port, dir.toString(), true);
          assertEquals(port, server.port(), "Redis came back on its port");
          redisRestarted = true;
        } else if (kills < 8 && done < inputs.size()) {
          int victim = random.nextInt(workers.size());
          workers.get(victim).destroyForcibly().waitFor();
          workers.set(victim, WorkerProcesses.start(settings, "192m"));
          kills++;
        }
      }
      assertTrue(redisRestarted);

      // The engine the workers use (thumbnail.engine defaults to auto): the same input must give the same bytes.
      Thumbnailer maker = Thumbnailers.create("auto", ImageLimits.defaults(), ThumbnailJobs.BOX_SIZES, 0.85f, 20_000);
      int done = 0;
      int dead = 0;
      for (Map.Entry<String, byte[]> entry : inputs.entrySet()) {
        JobRecord job = ParlorRuntime.await(queue.get(entry.getKey()));
        assertNotNull(job, "job lost");
        if (job.state() == JobState.DONE) {
          done++;
          String source = sha256(entry.getValue());
          for (Map.Entry<Integer, Encoder.Encoded> thumb : maker.make(entry.getValue()).entrySet()) {
            Response stored = ParlorRuntime.await(redis.send(Request.cmd(Command.GET)
              .arg(ThumbnailJobs.thumbnailKey(source, thumb.getKey(), thumb.getValue().ext()))));
            assertNotNull(stored);
            assertArrayEquals(thumb.getValue().bytes(), stored.toBytes(), "thumbnail bytes of " + entry.getKey());
          }
        } else {
          assertEquals(JobState.FAILED, job.state());
          dead++;
        }
      }
      for (String bad : badJobs) {
        assertEquals(JobState.FAILED, ParlorRuntime.await(queue.get(bad)).state());
      }
      assertEquals(dead, ParlorRuntime.await(queue.metrics()).deadLetters(), "every failed job is dead-lettered");
      assertEquals(done, ParlorRuntime.await(queue.metrics()).done(), "each done job completed exactly once");
      System.out.printf("chaos: %d done, %d dead-lettered, %d workers killed, Redis restarted%n", done, dead, kills);
      assertTrue(done >= GOOD_JOBS - 3, "most good jobs done: " + done);
    } finally {
      workers.forEach(Process::destroyForcibly);
      ParlorRuntime.await(vertx.close());
      server.close();
    }
  }

  private static long unfinished(RedisJobQueue queue, Iterable<String> jobIds) throws Exception {
    long count = 0;
    for (String jobId : jobIds) {
      JobRecord job = await(queue.get(jobId));
      if (job == null || !job.state().terminal()) {
        count++;
      }
    }
    return count;
  }

  private static long finished(RedisJobQueue queue, java.util.Set<String> jobIds) throws Exception {
    return jobIds.size() - unfinished(queue, jobIds);
  }

  /** Reads through a Redis restart: a failed read counts as "not finished yet". */
  private static JobRecord await(Future<JobRecord> future) {
    try {
      return ParlorRuntime.await(future);
    } catch (Exception e) {
      return null;
    }
  }

  private static byte[] jpeg(int w, int h, int seed) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | random.nextInt(64));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
