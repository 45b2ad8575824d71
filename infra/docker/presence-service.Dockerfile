# Parlor presence: build the jars first (mvn -B -q package -DskipTests), then from the repository root:
#   docker build -f infra/docker/presence-service.Dockerfile -t parlor/presence-service .
# Ubuntu (glibc), not Alpine: Netty's native epoll library, which the process uses for its sockets when it loads
# (network.native-transport), is built against glibc; on musl it falls back to Java NIO.
FROM eclipse-temurin:25-jre-jammy

RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/* \
  && groupadd --system parlor && useradd --system --gid parlor --no-create-home --shell /usr/sbin/nologin parlor
WORKDIR /opt/parlor
COPY --chown=parlor:parlor presence-service/target/presence-service.jar app.jar
USER parlor

# Container-aware heap, ZGC (generational, the only kind since JDK 24) for short pauses, compact object headers (8
# bytes, not 12; JDK 25 with them halved a move's round trip against JDK 17, measured with ParallelGC in
# docs/benchmarks.md), die fast on OOM so the orchestrator restarts us.
# Class-data sharing: the first start records the classes it loaded in /tmp/parlor-cds.jsa, later starts in the same
# container map them instead of loading them again (about 1.3 s less start to ready, docs/benchmarks.md).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:+UseZGC -XX:+UseCompactObjectHeaders -XX:+ExitOnOutOfMemoryError -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=/tmp/parlor-cds.jsa" \
    PARLOR_CLUSTER_HOST=0.0.0.0

EXPOSE 9082 5701
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:9082/health/ready || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar app.jar"]
