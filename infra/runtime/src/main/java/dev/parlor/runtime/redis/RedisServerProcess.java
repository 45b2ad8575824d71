package dev.parlor.runtime.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis server started for this process: the system's {@code redis-server} when it is on the PATH, otherwise
 * the binary shipped in the embedded-redis artifact. It binds to loopback only and dies with the JVM, even a JVM
 * killed with {@code kill -9}: a tiny shell watchdog stops it when the parent process is gone.
 */
public final class RedisServerProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisServerProcess.class);
  private static final long START_TIMEOUT_MS = 15_000;

  private final Process process;
  private final int port;
  private final Path dir;
  private final boolean ownsDir;

  private RedisServerProcess(Process process, int port, Path dir, boolean ownsDir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
    this.ownsDir = ownsDir;
  }

  /**
   * Starts Redis on {@code preferredPort} (0: any free port; a busy port falls back to a free one) and waits until it
   * answers {@code PING}. Blocking: call it from a main thread, never from an event loop.
   */
  public static RedisServerProcess start(int preferredPort, String dataDir, boolean appendOnly) throws IOException {
    int port = preferredPort > 0 && isFree(preferredPort) ? preferredPort : freePort();
    if (preferredPort > 0 && port != preferredPort) {
      LOG.warn("Port {} is busy; starting Redis on {} instead", preferredPort, port);
    }
    boolean ownsDir = dataDir == null || dataDir.isBlank();
    Path dir = ownsDir ? Files.createTempDirectory("parlor-redis-") : Files.createDirectories(Path.of(dataDir));
    Path binary = binary();
    List<String> command = new ArrayList<>(List.of("sh", "-c", watchdogScript(ProcessHandle.current().pid()),
      binary.toString(),
      "--port", String.valueOf(port), "--bind", "127.0.0.1", "--protected-mode", "yes", "--daemonize", "no",
      "--dir", dir.toString(), "--save", "", "--appendonly", appendOnly ? "yes" : "no",
      "--logfile", dir.resolve("redis.log").toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
      .redirectOutput(dir.resolve("redis.out").toFile()).start();
    RedisServerProcess server = new RedisServerProcess(process, port, dir, ownsDir);
    server.awaitPong();
    LOG.info("Started Redis ({}) on 127.0.0.1:{}, data in {}", binary, port, dir);
    return server;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops the server and waits for it to exit. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownsDir) {
      deleteQuietly(dir);
    }
  }

  private void awaitPong() throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited at start: " + readLog());
      }
      if (answersPing(port)) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while starting Redis", e);
      }
    }
    close();
    throw new IOException("redis-server did not answer PING within " + START_TIMEOUT_MS + " ms: " + readLog());
  }

  private String readLog() {
    try {
      Path log = Files.exists(dir.resolve("redis.log")) ? dir.resolve("redis.log") : dir.resolve("redis.out");
      return Files.exists(log) ? Files.readString(log) : "(no output)";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  static boolean answersPing(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Runs redis-server ({@code $0 $@}) in the background and stops it when the JVM is gone or when this shell is
   * told to stop. Polling once a second costs nothing and covers {@code kill -9} of the JVM.
   */
  private static String watchdogScript(long javaPid) {
    return "\"$0\" \"$@\" & r=$!; trap 'kill $r 2>/dev/null; wait $r; exit 0' TERM INT; "
      + "while kill -0 " + javaPid + " 2>/dev/null && kill -0 $r 2>/dev/null; do sleep 1; done; "
      + "kill $r 2>/dev/null; wait $r";
  }

  private static Path binary() throws IOException {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(entry, "redis-server");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return extractBundled();
  }

  /** Copies the embedded-redis binary for this platform out of the classpath, once per machine and version. */
  private static Path extractBundled() throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    boolean arm = arch.contains("aarch64") || arch.contains("arm");
    String resource;
    if (os.contains("linux")) {
      resource = arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
    } else if (os.contains("mac")) {
      resource = arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
    } else {
      throw new IOException("No bundled redis-server for " + os + "/" + arch + ": install Redis or set PARLOR_REDIS_URL");
    }
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "parlor-redis-bin", resource);
    if (!Files.isExecutable(target)) {
      try (InputStream in = RedisServerProcess.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("Bundled " + resource + " is missing from the classpath");
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), resource, ".tmp");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        tmp.toFile().setExecutable(true);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return target;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }
}
