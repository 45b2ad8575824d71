# Sourced by the scripts that start load processes (run-many, bench-all): their JVM options unless LOADGEN_OPTS is set.
# A fixed 3 GB heap whose 2 GB young generation holds a whole storm, collected by one thread (SerialGC) that does not
# fight the servers for the two cores (docs/benchmarks.md, "The load processes' own GC"), its pages touched at start
# rather than inside a collection ("Game moves", session 16).
LOADGEN_OPTS=${LOADGEN_OPTS:--Xms3g -Xmx3g -Xmn2g -XX:+UseSerialGC -XX:+AlwaysPreTouch}
