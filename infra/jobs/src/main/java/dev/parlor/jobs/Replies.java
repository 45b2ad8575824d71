package dev.parlor.jobs;

import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Redis replies the same way whether the connection speaks RESP2 (arrays) or RESP3 (maps). */
final class Replies {

  private Replies() {
  }

  /** A field/value reply (HGETALL, a stream entry's fields) as a map; empty for null. */
  static Map<String, String> fields(Response response) {
    Map<String, String> map = new LinkedHashMap<>();
    if (response == null) {
      return map;
    }
    if (response.isMap()) {
      for (String key : response.getKeys()) {
        Response value = response.get(key);
        map.put(key, value == null ? null : value.toString());
      }
      return map;
    }
    for (int i = 0; i + 1 < response.size(); i += 2) {
      Response value = response.get(i + 1);
      map.put(response.get(i).toString(), value == null ? null : value.toString());
    }
    return map;
  }

  /** Stream entries {@code [[id, fields], …]} as (id, jobId) pairs; an entry deleted meanwhile has a null job. */
  static List<String[]> entries(Response response) {
    List<String[]> out = new ArrayList<>();
    if (response == null) {
      return out;
    }
    for (Response entry : response) {
      if (entry == null || entry.size() == 0) {
        continue;
      }
      String id = entry.get(0).toString();
      out.add(new String[] {id, entry.size() > 1 ? fields(entry.get(1)).get("job") : null});
    }
    return out;
  }

  /** The entries of one stream in an XREADGROUP reply (RESP3: a map by stream; RESP2: [[stream, entries]]). */
  static Response streamOf(Response reply, String stream) {
    if (reply == null) {
      return null;
    }
    if (reply.isMap()) {
      return reply.get(stream);
    }
    for (Response pair : reply) {
      if (pair.get(0).toString().equals(stream)) {
        return pair.get(1);
      }
    }
    return null;
  }

  static long asLong(Response response) {
    return response == null ? 0 : response.toLong();
  }

  static long asLong(String value) {
    return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
  }

  /** The millisecond timestamp of a stream entry id {@code <ms>-<seq>}. */
  static long entryTime(String id) {
    return Long.parseLong(id.substring(0, id.indexOf('-')));
  }
}
