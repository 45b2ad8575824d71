package dev.parlor.cli;

import dev.parlor.client.ClientOptions;
import dev.parlor.client.ParlorClient;
import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.Terminal;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The terminal client driven through its stdin, against a real gateway and game-service. */
class CliFlowTest {

  private static final TestCluster cluster = new TestCluster();
  private static Vertx vertx;
  private static ParlorClient client;

  @BeforeAll
  static void startNodes() throws Exception {
    ParlorRuntime gateway = cluster.start(new GatewayService());
    cluster.start(new GameService());
    vertx = Vertx.vertx();
    client = ParlorClient.create(vertx, ClientOptions.of("http://127.0.0.1:" + gateway.port("gateway.http")), 1)
      .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopNodes() {
    vertx.close();
    cluster.close();
  }

  private static Terminal signedIn(String name) throws Exception {
    Terminal t = new Terminal((in, out) -> new Cli(client, out).run(in));
    t.type("signin " + name);
    t.expect("Signed in as " + name);
    return t;
  }

  @Test
  void twoPeoplePlayAPrivateTicTacToeGameByInviteCodeToAWin() throws Exception {
    Terminal alice = signedIn("Alice");
    Terminal bob = signedIn("Bob");
    alice.type("create ttt private");
    String code = alice.expect("Invite code: (\\S+)").group(1);
    bob.type("join " + code);
    bob.expect("Joined");
    alice.expect("Bob joined");
    alice.expect("Your turn \\(X\\)");
    bob.type("move 5");
    bob.expect("Refused: not_your_turn");
    int[][] moves = {{1, 0}, {4, 1}, {2, 0}, {5, 1}, {3, 0}};
    for (int[] move : moves) {
      (move[1] == 0 ? alice : bob).type("move " + move[0]);
      alice.expect(move[1] == 0 ? "Alice moved" : "Bob moved");
    }
    alice.expect("You win!");
    bob.expect("Alice wins\\.");
    bob.type("quit");
    bob.expect("Bye");
  }

  @Test
  void aPublicGameIsListedAndWatchedAndQuickMatchPairsTwoPeople() throws Exception {
    Terminal carol = signedIn("Carol");
    Terminal dave = signedIn("Dave");
    carol.type("create c4 public");
    String gameId = carol.expect("Created connect4 game (\\S+)\\.").group(1);
    dave.type("games");
    dave.expect(Pattern.quote(gameId) + "  connect4  by Carol");
    dave.type("watch " + gameId);
    dave.expect("Watching " + Pattern.quote(gameId));
    dave.expect("  1 2 3 4 5 6 7");

    Terminal erin = signedIn("Erin");
    erin.type("quick c4");
    erin.expect("Waiting for an opponent");
    dave.type("quick c4");
    dave.expect("Matched against Erin");
    erin.expect("Matched against Dave");
    Matcher first = erin.expect("(Your turn|Dave to move)");
    Terminal mover = first.group(1).startsWith("Your") ? erin : dave;
    mover.type("move 4");
    (mover == erin ? dave : erin).expect("(Erin|Dave) moved");
  }
}
