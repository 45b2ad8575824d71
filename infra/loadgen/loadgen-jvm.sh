# Sourced by the scripts that start load processes (run-many, bench-all): their JVM options unless LOADGEN_OPTS is set.
# A fixed heap collected by one thread (SerialGC) that does not fight the servers for the two cores (docs/benchmarks.md,
# "The load processes' own GC"), its pages touched at start rather than inside a collection ("Game moves", session 16).
# Its 4 GB young generation holds a whole storm, and the 30 measured seconds of a games run at 5,000 moves/s (about
# 70 MB/s) after the collection a load process makes before measuring, so that none of its own pauses falls in the
# window ("Game moves", session 19: the counters ownGcInWindow and ownGcInWindowMs say so for every run).
LOADGEN_OPTS=${LOADGEN_OPTS:--Xms5g -Xmx5g -Xmn4g -XX:+UseSerialGC -XX:+AlwaysPreTouch}
