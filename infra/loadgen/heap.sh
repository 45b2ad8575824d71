# Sourced by the load scripts (bench-all, hold-many).
heap_used() { # live heap of a JVM after a full GC, in KiB
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/PSYoungGen|ParOldGen|garbage-first heap|ZHeap/ {
    for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/[K,]+$/, "", v); sum += v } } END { print sum }'
}
