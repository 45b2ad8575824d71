package dev.parlor.thumbnail.bench;

import dev.parlor.contracts.jobs.JobQueues;
import dev.parlor.contracts.jobs.JobState;
import dev.parlor.contracts.jobs.ThumbnailJobs;
import dev.parlor.jobs.JobRecord;
import dev.parlor.jobs.QueueOptions;
import dev.parlor.jobs.RedisJobQueue;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.runtime.redis.RedisServerProcess;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Throughput of the whole worker loop (Redis queue, fetch of the original, decode, scale, encode, atomic store) on
 * 12-megapixel JPEGs, one worker process with two slots, and its peak RSS. Not a unit test: run by hand, see
 * docs/benchmarks.md. Arguments: {@code <image dir> <count> [generate]}; {@code -Dengine=java|libvips|vipsthumbnail},
 * {@code -Dwarmup=N} jobs before the timed ones, {@code -Dsizes=256} the sizes made (default all three),
 * {@code -Dconcurrency=N} the worker's slots (default 2), {@code -DworkerJvm="..."} the worker's JVM options.
 */
public final class WorkerBenchmark {

  /** Clock ticks per second of /proc CPU times. */
  private static final double TICKS = 100.0;
  private static final long POLL_MS = 50;

  private WorkerBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    if (args.length > 2 && args[2].equals("generate")) {
      generate(dir, count);
      return;
    }
    RedisServerProcess server = RedisServerProcess.start(0, null, false);
    Vertx vertx = Vertx.vertx();
    Redis redis = Redis.createClient(vertx, server.url());
    RedisJobQueue queue = new RedisJobQueue(redis, QueueOptions.defaults(JobQueues.THUMBNAIL));
    ParlorRuntime.await(queue.init());
    List<String> jobs = new ArrayList<>();
    List<Path> files;
    try (var stream = Files.list(dir)) {
      files = stream.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(count).toList();
    }
    // Start the worker first and let it warm up, so JVM start-up is not counted.
    JsonObject settings = new JsonObject().put("redis.url", server.url()).put("cluster.enabled", false)
      .put("thumbnail.management.port", 0).put("thumbnail.concurrency", Integer.getInteger("concurrency", 2))
      .put("thumbnail.announce-attempts", 1).put("thumbnail.engine", System.getProperty("engine", "java"))
      .put("thumbnail.sizes", System.getProperty("sizes", "64,128,256"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // A 96 MB heap and C1 only: the image work is native, so C2's compile time and memory buy little here.
    command.addAll(List.of(System.getProperty("workerJvm", "-Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
      .trim().split("\\s+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    settings.forEach(e -> command.add("-Dparlor." + e.getKey() + "=" + e.getValue()));
    command.add("dev.parlor.thumbnail.ThumbnailMain");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
      .redirectOutput(File.createTempFile("bench-worker", ".log"));
    // As in the worker's container image: glibc keeps two malloc arenas, not one per thread that touched native memory.
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    Process worker = builder.start();
    try {
      List<String> sources = new ArrayList<>();
      for (Path file : files) {
        byte[] bytes = Files.readAllBytes(file);
        String source = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        ParlorRuntime.await(redis.send(Request.cmd(Command.SET).arg(ThumbnailJobs.originalKey(source))
          .arg(Buffer.buffer(bytes))));
        sources.add(source);
      }
      // A worker runs for days: measure it warm (the JIT has compiled the loop), after jobs of the same kind.
      int warmup = Integer.getInteger("warmup", 8);
      List<String> warmJobs = new ArrayList<>();
      for (int i = 0; i < warmup; i++) {
        warmJobs.add(enqueue(queue, sources.get(i % sources.size()), "warmup" + i));
      }
      awaitAll(queue, warmJobs);
      Map<String, Long> cpuBefore = threadCpu(worker.pid());
      Map<String, Long> harnessBefore = threadCpu(ProcessHandle.current().pid());
      long redisServer = redisPid();
      long redisBefore = cpu(redisServer);
      // Timed from the first enqueue to the last completion as the worker stamped it, so the harness can poll
      // lazily: polling every few milliseconds took CPU from the two cores the worker is measured on.
      long start = System.currentTimeMillis();
      for (int i = 0; i < sources.size(); i++) {
        jobs.add(enqueue(queue, sources.get(i), "bench" + i));
      }
      double seconds = (awaitAll(queue, jobs) - start) / 1e3;
      System.out.printf("worker loop (%s, sizes %s, %d slots): %d images in %.2f s = %.2f images/s; "
          + "worker peak RSS %s%n", settings.getString("thumbnail.engine"), settings.getString("thumbnail.sizes"),
        settings.getInteger("thumbnail.concurrency"), jobs.size(), seconds, jobs.size() / seconds,
        peakRss(worker.pid()));
      // CPU spent in the timed window: the worker by kind of thread, then the harness and Redis on the same cores.
      System.out.printf("worker CPU %s; harness %s; Redis %.2f s%n", spent(cpuBefore, threadCpu(worker.pid())),
        spent(harnessBefore, threadCpu(ProcessHandle.current().pid())), (cpu(redisServer) - redisBefore) / TICKS);
    } finally {
      worker.destroy();
      ParlorRuntime.await(vertx.close());
      server.close();
    }
  }

  private static String enqueue(RedisJobQueue queue, String source, String user) throws Exception {
    return ParlorRuntime.await(queue.enqueue(user, null,
      new JsonObject().put(ThumbnailJobs.USER_ID, user).put(ThumbnailJobs.SOURCE, source))).jobId();
  }

  /** Waits until every job is done; the latest completion time the worker stamped on them (epoch ms). */
  private static long awaitAll(RedisJobQueue queue, List<String> jobs) throws Exception {
    long last = 0;
    for (String jobId : jobs) {
      while (true) {
        JobRecord job = ParlorRuntime.await(queue.get(jobId));
        if (job.state().terminal()) {
          if (job.state() != JobState.DONE) {
            throw new IllegalStateException("job failed: " + job);
          }
          last = Math.max(last, job.updatedAt());
          break;
        }
        Thread.sleep(POLL_MS);
      }
    }
    return last;
  }

  /**
   * The CPU seconds spent between two {@link #threadCpu} readings, by kind of thread (those that ended in between,
   * such as the JIT's extra compiler threads, are missing from the second: only gains are listed and summed).
   */
  private static String spent(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> spent = new TreeMap<>();
    after.forEach((kind, ticks) -> spent.put(kind, ticks - before.getOrDefault(kind, 0L)));
    long total = spent.values().stream().filter(t -> t > 0).mapToLong(Long::longValue).sum();
    return String.format("%.2f s: ", total / TICKS) + spent.entrySet().stream().filter(e -> e.getValue() > 0)
      .map(e -> e.getKey() + " " + String.format("%.2f", e.getValue() / TICKS)).collect(Collectors.joining(", "));
  }

  /** CPU ticks of a process's threads, summed by kind of thread (name without its numbers). */
  private static Map<String, Long> threadCpu(long pid) throws Exception {
    Map<String, Long> kinds = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        String stat = Files.readString(task.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        name = name.startsWith("thumbnail-") ? "thumbnail-*" : name.replaceAll("[0-9]+", "#");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        kinds.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
      }
    }
    return kinds;
  }

  /** CPU ticks of one process, all threads. */
  private static long cpu(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The Redis server this harness started (under a watchdog shell; Debian links redis-server to redis-check-rdb). */
  private static long redisPid() {
    return ProcessHandle.current().descendants()
      .filter(p -> p.info().command().map(c -> c.contains("redis")).orElse(false))
      .findFirst().orElseThrow().pid();
  }

  private static String peakRss(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM")) {
        return line.substring(6).trim();
      }
    }
    return "?";
  }

  /** 12-megapixel photo-like JPEGs: smooth gradients with fine noise, each different. */
  private static void generate(Path dir, int count) throws Exception {
    Files.createDirectories(dir);
    for (int n = 0; n < count; n++) {
      BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
      Random random = new Random(n);
      int[] row = new int[4000];
      for (int y = 0; y < 3000; y++) {
        for (int x = 0; x < 4000; x++) {
          int noise = random.nextInt(24);
          row[x] = ((x * 255 / 4000 + noise + n * 10) & 0xFF) << 16 | ((y * 255 / 3000 + noise) & 0xFF) << 8
            | ((x + y) / 28 + noise) & 0xFF;
        }
        image.setRGB(0, y, 4000, 1, row, 0, 4000);
      }
      ImageIO.write(image, "jpeg", dir.resolve(String.format("photo%03d.jpg", n)).toFile());
    }
  }
}
