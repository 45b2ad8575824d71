package dev.parlor.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A service started as its own JVM from its runnable jar, the way an operator runs it. */
final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final CompletableFuture<String> marker = new CompletableFuture<>();
  private final Thread reader;

  private ServiceProcess(Process process, String readyMarker) {
    this.process = process;
    reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (output) {
            output.add(line);
          }
          if (line.contains(readyMarker)) {
            marker.complete(line);
          }
        }
      } catch (IOException ignored) {
        // the process is gone
      }
      marker.completeExceptionally(new AssertionError("exited before '" + readyMarker + "':\n" + output()));
    }, "process-output");
    reader.setDaemon(true);
    reader.start();
  }

  static ServiceProcess start(Path jar, Map<String, String> env, String readyMarker) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("PARLOR_"));
    builder.environment().putAll(env);
    return new ServiceProcess(builder.start(), readyMarker);
  }

  /** Waits for the ready line the process prints; fails with its output if it exits first. */
  String awaitReady(long timeoutSeconds) throws Exception {
    try {
      return marker.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not ready within " + timeoutSeconds + " s:\n" + output());
    }
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, then the exit code, or -1 if it did not exit in time. */
  int terminate(long timeoutSeconds) throws InterruptedException {
    // ProcessHandle.destroy sends SIGTERM without closing our end of the output pipe (Process.destroy does).
    process.toHandle().destroy();
    boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    reader.join(TimeUnit.SECONDS.toMillis(5));
    return exited ? process.exitValue() : -1;
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
