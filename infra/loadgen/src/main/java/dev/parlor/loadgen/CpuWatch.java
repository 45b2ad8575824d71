package dev.parlor.loadgen;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU used by named processes of this machine (the gateway, game-service, Redis, this load generator) over the
 * measured window only, from {@code /proc/<pid>/stat}: what each costs per move or per delivery, whatever the
 * neighbours' load. {@code --watch-pids gateway=123,game=456}; this process is always included as "loadgen". Two
 * more entries are machine-wide, from {@code /proc/stat}: {@code busy}, the cores every process and the kernel used,
 * and {@code stolen}, the cores' worth of time the hypervisor gave to other guests while this one wanted to run
 * (on a shared virtual machine, what the two cores really were during the run).
 */
final class CpuWatch {

  /** Clock ticks per second of /proc on Linux (USER_HZ). */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Map<String, Long> pids = new LinkedHashMap<>();
  private final Map<String, Long> startTicks = new LinkedHashMap<>();
  private long startNanos;
  private long[] startMachine;

  CpuWatch(String spec) {
    if (spec != null && !spec.isBlank()) {
      for (String entry : spec.split(",")) {
        String[] nameAndPid = entry.split("=", 2);
        pids.put(nameAndPid[0].trim(), Long.parseLong(nameAndPid[1].trim()));
      }
    }
    pids.put("loadgen", ProcessHandle.current().pid());
  }

  void start() {
    startNanos = System.nanoTime();
    pids.forEach((name, pid) -> startTicks.put(name, ticks(pid)));
    startMachine = machineTicks();
  }

  /** Cores used by each process since {@link #start()}. */
  JsonObject stop() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    JsonObject cores = new JsonObject();
    pids.forEach((name, pid) -> {
      long used = ticks(pid) - startTicks.getOrDefault(name, 0L);
      cores.put(name, cores(used, seconds));
    });
    long[] machine = machineTicks();
    cores.put("busy", cores(machine[0] - startMachine[0], seconds));
    cores.put("stolen", cores(machine[1] - startMachine[1], seconds));
    return cores;
  }

  /** Clock ticks spent over {@code seconds}, as cores, to three decimals. */
  private static double cores(long ticks, double seconds) {
    return Math.round(ticks / TICKS_PER_SECOND / seconds * 1000) / 1000.0;
  }

  /** {busy, steal} ticks of the whole machine: the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...
      long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
        + Long.parseLong(f[7]);
      return new long[] {busy, Long.parseLong(f[8])};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may hold spaces: utime is 14th, stime 15th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
