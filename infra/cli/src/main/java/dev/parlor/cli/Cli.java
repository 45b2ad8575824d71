package dev.parlor.cli;

import dev.parlor.client.ClientError;
import dev.parlor.client.Guest;
import dev.parlor.client.ParlorClient;
import dev.parlor.client.Session;
import dev.parlor.client.SessionListener;
import dev.parlor.client.TopicEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The terminal client: one command per line, read on the caller's thread (which may block); events from the server
 * print as they come. Everything goes through the public protocol, like the web client.
 */
public final class Cli implements SessionListener {

  static final String HELP = String.join("\n",
    "Commands:",
    "  signin <name>                 sign in as a guest",
    "  games                         open public games",
    "  create ttt|c4 [public|private] new game (private: share its invite code)",
    "  join <invite code | game id>  join a game",
    "  quick ttt|c4                  quick match against whoever is waiting",
    "  move <n>                      cell 1-9 (tic-tac-toe) or column 1-7 (connect four)",
    "  board                         show the current game",
    "  watch <game id>               follow a public game",
    "  resign                        give up the current game",
    "  help, quit");

  private final ParlorClient client;
  private final PrintStream out;
  private final Map<String, JsonObject> lobby = new ConcurrentHashMap<>();
  private Session session;
  private volatile JsonObject game;
  private volatile String inviteCode;

  public Cli(ParlorClient client, PrintStream out) {
    this.client = client;
    this.out = out;
  }

  /** Reads commands until {@code quit} or end of input. */
  public void run(BufferedReader in) throws IOException {
    print("Parlor. Type 'help' for commands.");
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.trim().split("\\s+", 2);
      String arg = words.length > 1 ? words[1].trim() : "";
      if (words[0].isEmpty()) {
        continue;
      }
      if ("quit".equals(words[0]) || "exit".equals(words[0])) {
        break;
      }
      try {
        command(words[0], arg);
      } catch (ClientError e) {
        print("Refused: " + e.code() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
      }
    }
    if (session != null) {
      session.close();
    }
    print("Bye.");
  }

  private void command(String command, String arg) {
    if (session == null && !"signin".equals(command) && !"help".equals(command)) {
      print("Sign in first: signin <name>");
      return;
    }
    switch (command) {
      case "signin" -> signIn(arg);
      case "games" -> games();
      case "create" -> create(arg);
      case "join" -> join(arg);
      case "quick" -> quick(arg);
      case "move" -> move(arg);
      case "board" -> print(game == null ? "No current game." : BoardText.render(game, me()));
      case "watch" -> watch(arg);
      case "resign" -> resign();
      case "help" -> print(HELP);
      default -> print("Unknown command '" + command + "'. Type 'help'.");
    }
  }

  private void signIn(String name) {
    if (session != null) {
      print("Already signed in as " + session.guest().name() + ".");
      return;
    }
    Guest guest = await(client.createGuest(name));
    Session started = client.session(guest, this);
    await(started.connect(3));
    session = started;
    JsonObject snapshot = await(session.subscribe("lobby", null, this::lobbyEvent)).getJsonObject("snapshot");
    for (Object g : snapshot.getJsonArray("games")) {
      JsonObject summary = (JsonObject) g;
      lobby.put(summary.getString("gameId"), summary);
    }
    print("Signed in as " + guest.name() + ".");
  }

  private void games() {
    if (lobby.isEmpty()) {
      print("No open games. Create one: create ttt public");
      return;
    }
    StringBuilder list = new StringBuilder("Open games:");
    lobby.values().forEach(g -> list.append("\n  ").append(g.getString("gameId")).append("  ")
      .append(g.getString("kind")).append("  by ")
      .append(g.getJsonArray("players").getJsonObject(0).getString("name")));
    print(list.toString());
  }

  private void create(String arg) {
    String[] words = arg.split("\\s+");
    String kind = BoardText.kind(words[0]);
    String visibility = words.length > 1 ? words[1] : "public";
    if (kind == null || !("public".equals(visibility) || "private".equals(visibility))) {
      print("Usage: create ttt|c4 [public|private]");
      return;
    }
    JsonObject created = await(session.request("game.create", new JsonObject().put("kind", kind)
      .put("visibility", visibility)));
    follow(created.getJsonObject("game"), created.getLong("offset"));
    print("Created " + kind + " game " + game.getString("gameId") + ". Invite code: " + inviteCode);
  }

  private void join(String codeOrId) {
    JsonObject args = lobby.containsKey(codeOrId) ? new JsonObject().put("gameId", codeOrId)
      : new JsonObject().put("inviteCode", codeOrId);
    JsonObject joined = await(session.request("game.join", args));
    follow(joined.getJsonObject("game"), joined.getLong("offset"));
    print("Joined. " + BoardText.render(game, me()));
  }

  private void quick(String arg) {
    String kind = BoardText.kind(arg);
    if (kind == null) {
      print("Usage: quick ttt|c4");
      return;
    }
    await(session.request("game.quickmatch", new JsonObject().put("kind", kind)));
    print("Waiting for an opponent...");
  }

  private void move(String arg) {
    JsonObject current = game;
    JsonObject move = current == null ? null : BoardText.move(current.getString("kind"), arg);
    if (move == null) {
      print(current == null ? "No current game." : "Usage: move <1-9> (tic-tac-toe) or move <1-7> (connect four)");
      return;
    }
    await(session.request("game.move", new JsonObject().put("gameId", current.getString("gameId")).put("move", move)));
  }

  private void watch(String gameId) {
    JsonObject reply = await(session.subscribe("game:" + gameId, null, this::gameEvent));
    game = reply.getJsonObject("snapshot").getJsonObject("game");
    print("Watching " + gameId + ".\n" + BoardText.render(game, me()));
  }

  private void resign() {
    if (game != null) {
      await(session.request("game.resign", new JsonObject().put("gameId", game.getString("gameId"))));
    }
  }

  private void follow(JsonObject started, long offset) {
    game = started;
    inviteCode = started.getString("inviteCode");
    await(session.subscribe("game:" + started.getString("gameId"), offset, this::gameEvent));
  }

  private void gameEvent(TopicEvent event) {
    JsonObject current = game;
    JsonObject updated = event.data().getJsonObject("game");
    if (current == null || updated == null || !updated.getString("gameId").equals(current.getString("gameId"))) {
      return;
    }
    if ("game.rematched".equals(event.event())) {
      print("Rematch started: " + updated.getString("gameId"));
      return;
    }
    game = updated;
    JsonObject action = event.data().getJsonObject("action", new JsonObject());
    String by = BoardText.nameOf(updated, action.getString("by"));
    String what = switch (action.getString("type", "")) {
      case "joined" -> by + " joined.";
      case "move" -> by + " moved.";
      case "resign" -> by + " resigned.";
      case "abandon" -> "The game was abandoned.";
      default -> "";
    };
    print(what + "\n" + BoardText.render(updated, me()));
  }

  private void lobbyEvent(TopicEvent event) {
    if ("lobby.opened".equals(event.event())) {
      JsonObject summary = event.data().getJsonObject("game");
      lobby.put(summary.getString("gameId"), summary);
    } else if ("lobby.closed".equals(event.event())) {
      lobby.remove(event.data().getString("gameId"));
    }
  }

  /** User-topic events: a quick match found. */
  @Override
  public void event(TopicEvent event) {
    if ("game.matched".equals(event.event())) {
      JsonObject matched = event.data().getJsonObject("game");
      session.subscribe("game:" + matched.getString("gameId"), event.data().getLong("offset"), this::gameEvent);
      game = matched;
      inviteCode = matched.getString("inviteCode");
      String opponent = matched.getJsonArray("players").stream().map(p -> (JsonObject) p)
        .filter(p -> !p.getString("userId").equals(me())).map(p -> p.getString("name")).findFirst().orElse("?");
      print("Matched against " + opponent + ".\n" + BoardText.render(matched, me()));
    } else if ("thumbnail.ready".equals(event.event())) {
      print("Your avatar is ready.");
    }
  }

  @Override
  public void disconnected(int code, String reason, boolean willRetry) {
    print(willRetry ? "Connection lost; reconnecting..." : "Disconnected (" + code + " " + reason + ").");
  }

  @Override
  public void welcomed(JsonObject welcome, boolean resumed) {
    if (resumed) {
      print("Reconnected.");
    }
  }

  private String me() {
    return session == null ? null : session.guest().userId();
  }

  private void print(String text) {
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof ClientError error ? error : new ClientError("internal", e.getCause().toString());
    } catch (TimeoutException e) {
      throw new ClientError(ClientError.TIMEOUT, "no answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientError(ClientError.CLOSED, "interrupted");
    }
  }
}
