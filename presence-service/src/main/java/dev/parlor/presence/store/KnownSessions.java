package dev.parlor.presence.store;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The (session, room) pairs this instance has indexed, least recently used first out: a hint that a set is an update
 * and worth trying as one script first. A wrong hint costs one refused script: the room script never adds a session
 * on that path.
 */
final class KnownSessions {

  private final int capacity;
  private final Map<String, Set<String>> roomsBySession;

  KnownSessions(int capacity) {
    this.capacity = capacity;
    this.roomsBySession = new LinkedHashMap<>(1024, 0.75f, true);
  }

  synchronized boolean contains(String sessionId, String room) {
    Set<String> rooms = roomsBySession.get(sessionId);
    return rooms != null && rooms.contains(room);
  }

  synchronized void add(String sessionId, String room) {
    roomsBySession.computeIfAbsent(sessionId, s -> new HashSet<>()).add(room);
    if (roomsBySession.size() > capacity) {
      roomsBySession.remove(roomsBySession.keySet().iterator().next());
    }
  }

  synchronized void remove(String sessionId, String room) {
    Set<String> rooms = roomsBySession.get(sessionId);
    if (rooms != null) {
      rooms.remove(room);
    }
  }

  synchronized void forget(String sessionId) {
    roomsBySession.remove(sessionId);
  }
}
