package dev.parlor.game.play;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps one process's publications of a game topic in offset order. Two writes of the same game can be in flight at
 * once (two requests racing; the loser gets a version conflict), and their replies may come back on different Redis
 * connections in either order; so while a write of a game is in flight, the events of that game wait, and they are
 * released in offset order once none is. Shared by every verticle instance of the process; no Vert.x in it.
 *
 * @param <E> what is published
 */
public final class TopicSequencer<E> {

  private static final class Line<E> {
    int inFlight;
    final TreeMap<Long, E> held = new TreeMap<>();
  }

  private final Map<String, Line<E>> lines = new HashMap<>();

  /** Call before sending a write of {@code topic}. */
  public synchronized void writing(String topic) {
    lines.computeIfAbsent(topic, t -> new Line<>()).inFlight++;
  }

  /**
   * Call when that write is answered: {@code event} stored at {@code offset}, or {@code event == null} when nothing
   * was stored (conflict, failure). Answers what to publish now, in offset order.
   */
  public synchronized List<E> written(String topic, long offset, E event) {
    Line<E> line = lines.get(topic);
    if (line == null) {
      throw new IllegalStateException("written() without writing() for " + topic);
    }
    line.inFlight--;
    if (event != null) {
      line.held.put(offset, event);
    }
    if (line.inFlight > 0) {
      return List.of();
    }
    List<E> release = new ArrayList<>(line.held.values());
    lines.remove(topic);
    return release;
  }

  /** Topics with writes in flight or events held; for tests. */
  synchronized int size() {
    return lines.size();
  }
}
