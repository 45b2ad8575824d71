package dev.parlor.loadgen;

import dev.parlor.client.ClientError;
import io.vertx.core.json.JsonObject;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies (HdrHistogram, microseconds, recorded from any thread), counters and errors by code for one run. Only
 * what is recorded while {@link #measuring} counts, so warm-up and set-up stay out of the figures.
 */
public final class Metrics {

  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

  /** Looked up on every record, so hashed; sorted only when reported. */
  private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  volatile boolean measuring;
  private CpuWatch cpu = new CpuWatch(null);
  private JsonObject cores = new JsonObject();
  private long[] gcAtStart = {0, 0};

  void watch(CpuWatch watch) {
    cpu = watch;
  }

  public void startMeasuring() {
    cpu.start();
    gcAtStart = ownGc();
    measuring = true;
  }

  /**
   * Ends the measured part. The counters {@code ownGcInWindow} and {@code ownGcInWindowMs} say how often and how long
   * this process collected its own garbage meanwhile: each such pause holds every session it has, so its replies and
   * events count as late and the moves it could not send leave in a burst after it. In a run whose load processes did
   * not collect in the window, no latency includes a pause of theirs.
   */
  public void stopMeasuring() {
    measuring = false;
    cores = cpu.stop();
    long[] gc = ownGc();
    set("ownGcInWindow", gc[0] - gcAtStart[0]);
    set("ownGcInWindowMs", gc[1] - gcAtStart[1]);
  }

  /** This process's collections so far: how many, and their milliseconds. */
  private static long[] ownGc() {
    long count = 0;
    long ms = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, collector.getCollectionCount());
      ms += Math.max(0, collector.getCollectionTime());
    }
    return new long[] {count, ms};
  }

  /** Cores used by each watched process while measuring. */
  JsonObject cores() {
    return cores;
  }

  public boolean measuring() {
    return measuring;
  }

  /** Records a latency given as a start from {@link System#nanoTime()}, if measuring. */
  public void since(String name, long startNanos) {
    micros(name, (System.nanoTime() - startNanos) / 1_000);
  }

  public void micros(String name, long micros) {
    if (measuring) {
      histogram(name).recordValue(Math.max(0, Math.min(micros, MAX_MICROS)));
    }
  }

  /** Records whether or not measuring (set-up figures such as connect time). */
  public void always(String name, long startNanos) {
    histogram(name).recordValue(Math.max(0, Math.min((System.nanoTime() - startNanos) / 1_000, MAX_MICROS)));
  }

  private Histogram histogram(String name) {
    return latencies.computeIfAbsent(name, n -> new ConcurrentHistogram(MAX_MICROS, 3));
  }

  public void count(String name) {
    add(name, 1);
  }

  public void add(String name, long n) {
    if (measuring) {
      counters.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }
  }

  public void set(String name, long value) {
    LongAdder adder = new LongAdder();
    adder.add(value);
    counters.put(name, adder);
  }

  public long counter(String name) {
    LongAdder adder = counters.get(name);
    return adder == null ? 0 : adder.sum();
  }

  /** Counts a failure by its protocol code (whether measuring or not: an error is never warm-up noise). */
  public void error(Throwable failure) {
    String code = failure instanceof ClientError e ? e.code() : failure.getClass().getSimpleName();
    errors.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  JsonObject latenciesJson() {
    JsonObject json = new JsonObject();
    new TreeMap<>(latencies).forEach((name, h) -> json.put(name, summary(h).put("histogram", encode(h))));
    return json;
  }

  JsonObject countersJson() {
    JsonObject json = new JsonObject();
    new TreeMap<>(counters).forEach((name, adder) -> json.put(name, adder.sum()));
    return json;
  }

  JsonObject errorsJson() {
    JsonObject json = new JsonObject();
    errors.forEach((code, adder) -> json.put(code, adder.sum()));
    return json;
  }

  static JsonObject summary(Histogram h) {
    return new JsonObject().put("count", h.getTotalCount())
      .put("p50Ms", ms(h.getValueAtPercentile(50))).put("p90Ms", ms(h.getValueAtPercentile(90)))
      .put("p99Ms", ms(h.getValueAtPercentile(99))).put("p999Ms", ms(h.getValueAtPercentile(99.9)))
      .put("maxMs", ms(h.getMaxValue())).put("meanMs", Math.round(h.getMean()) / 1000.0);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  static String encode(Histogram h) {
    Histogram copy = h.copy();
    ByteBuffer buffer = ByteBuffer.allocate(copy.getNeededByteBufferCapacity());
    int length = copy.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  static Histogram decode(String encoded) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalArgumentException("not an encoded histogram", e);
    }
  }
}
