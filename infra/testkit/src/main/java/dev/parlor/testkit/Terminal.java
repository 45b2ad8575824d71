package dev.parlor.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One person at a terminal program: types lines into its stdin, reads the lines it prints. */
public final class Terminal {

  /** A terminal program: reads commands until the input ends, prints to {@code out}. */
  public interface Program {
    void run(BufferedReader in, PrintStream out) throws IOException;
  }

  private final PrintStream keyboard;
  private final BlockingQueue<String> screen = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  /** Starts {@code program} on a daemon thread of its own. */
  public Terminal(Program program) throws IOException {
    PipedInputStream stdin = new PipedInputStream();
    keyboard = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
    PrintStream stdout = new PrintStream(new OutputStream() {
      private final StringBuilder line = new StringBuilder();

      @Override
      public void write(int b) {
        if (b == '\n') {
          screen.add(line.toString());
          line.setLength(0);
        } else {
          line.append((char) b);
        }
      }
    }, true, StandardCharsets.UTF_8);
    Thread thread = new Thread(() -> {
      try {
        program.run(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), stdout);
      } catch (IOException e) {
        screen.add("IO " + e);
      }
    }, "terminal");
    thread.setDaemon(true);
    thread.start();
  }

  public void type(String line) {
    keyboard.println(line);
  }

  /** The first line from now on matching {@code regex}, within 10 s; its groups. */
  public Matcher expect(String regex) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String line = screen.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("never printed /" + regex + "/; printed: " + seen);
      }
      seen.add(line);
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
  }
}
