package dev.parlor.jobs;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * Reads {@link QueueMetrics} with one pipelined batch of plain commands that exist on Redis 6.2 (XINFO's lag field
 * is 7.0 only, so lag is computed: finished entries are deleted, hence undelivered = length − pending).
 */
final class QueueMetricsReader {

  private final Redis redis;
  private final String type;
  private final String prefix;
  private final String group;

  QueueMetricsReader(Redis redis, String type, String prefix, String group) {
    this.redis = redis;
    this.type = type;
    this.prefix = prefix;
    this.group = group;
  }

  Future<QueueMetrics> read() {
    String stream = prefix + "stream";
    return redis.batch(List.of(
      Request.cmd(Command.XLEN).arg(stream),
      Request.cmd(Command.ZCARD).arg(prefix + "delayed"),
      Request.cmd(Command.XPENDING).arg(stream).arg(group),
      Request.cmd(Command.XRANGE).arg(stream).arg("-").arg("+").arg("COUNT").arg(1),
      Request.cmd(Command.XLEN).arg(prefix + "dead"),
      Request.cmd(Command.GET).arg(prefix + "stats:retries"),
      Request.cmd(Command.GET).arg(prefix + "stats:dead"),
      Request.cmd(Command.GET).arg(prefix + "stats:done"),
      Request.cmd(Command.GET).arg(prefix + "active"))).map(this::toMetrics);
  }

  private QueueMetrics toMetrics(List<Response> r) {
    long now = System.currentTimeMillis();
    long length = Replies.asLong(r.get(0));
    long delayed = Replies.asLong(r.get(1));
    Response pendingSummary = r.get(2);
    long pending = pendingSummary == null ? 0 : Replies.asLong(pendingSummary.get(0));
    String oldestPendingId = pending > 0 && pendingSummary.get(1) != null ? pendingSummary.get(1).toString() : null;
    Response first = r.get(3);
    String oldestId = first != null && first.size() > 0 ? first.get(0).get(0).toString() : null;
    long active = Math.max(Replies.asLong(r.get(8)), length + delayed);
    return new QueueMetrics(type, active, Math.max(0, length - pending), pending, delayed,
      oldestPendingId == null ? 0 : Math.max(0, now - Replies.entryTime(oldestPendingId)),
      oldestId == null ? 0 : Math.max(0, now - Replies.entryTime(oldestId)),
      Replies.asLong(r.get(5)), Replies.asLong(r.get(4)), Replies.asLong(r.get(6)), Replies.asLong(r.get(7)));
  }
}
