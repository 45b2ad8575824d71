# Parlor thumbnail: build the jars first (mvn -B -q package -DskipTests), then from the repository root:
#   docker build -f infra/docker/thumbnail-worker.Dockerfile -t parlor/thumbnail-worker .
# Debian-based, not Alpine: libvips (the in-process engine, loaded through JNA) and JNA's native part want glibc.
FROM eclipse-temurin:21-jre-jammy

RUN apt-get update && apt-get install -y --no-install-recommends libvips42 wget && rm -rf /var/lib/apt/lists/* \
  && groupadd --system parlor && useradd --system --gid parlor --no-create-home --shell /usr/sbin/nologin parlor
WORKDIR /opt/parlor
COPY --chown=parlor:parlor thumbnail-worker/target/thumbnail-worker.jar app.jar
USER parlor

# The image work is native (libvips), so a small heap, the serial collector and C1 only: measured in
# docs/benchmarks.md, these keep peak RSS at 216-222 MB (target 256) with no throughput lost. Die fast on OOM so the
# orchestrator restarts us. Two malloc arenas, not one per thread that touched libvips: native memory stays that of the images in flight.
# Class-data sharing: the first start records the classes it loaded in /tmp/parlor-cds.jsa, later starts in the same
# container map them instead of loading them again (about 1.3 s less start to ready, docs/benchmarks.md).
ENV JAVA_OPTS="-Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=/tmp/parlor-cds.jsa" \
    PARLOR_CLUSTER_HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2

EXPOSE 9083 5701
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:9083/health/ready || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar app.jar"]
