package dev.parlor.cli;


import dev.parlor.client.ClientOptions;
import dev.parlor.client.ParlorClient;
import dev.parlor.game.GameService;
import dev.parlor.gateway.GatewayService;
import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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

  /** One person at a terminal: types lines, reads what was printed. */
  private static final class Terminal {
    final PrintStream keyboard;
    final BlockingQueue<String> screen = new LinkedBlockingQueue<>();
    final List<String> seen = new ArrayList<>();

    Terminal() throws IOException {
      PipedInputStream stdin = new PipedInputStream();
      keyboard = new PrintStream(new PipedOutputStream(stdin), true, StandardCharsets.UTF_8);
      PrintStream stdout = new PrintStream(new OutputStream() {
        private final StringBuilder line = new StringBuilder();

        @Override
        public void write(int b) {
          if (b == '\n') {
            screen.add(line.toString());
            line.setLength(0);
          } else {
            line.append((char) b);
          }
        }
      }, true, StandardCharsets.UTF_8);
      Thread thread = new Thread(() -> {
        try {
          new Cli(client, stdout).run(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          screen.add("IO " + e);
        }
      }, "terminal");
      thread.setDaemon(true);
      thread.start();
    }

    void type(String line) {
      keyboard.println(line);
    }

    /** The first line from now on matching {@code regex}; its groups. */
    Matcher expect(String regex) throws InterruptedException {
      Pattern pattern = Pattern.compile(regex);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        String line = screen.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError("never printed /" + regex + "/; printed: " + seen);
        }
        seen.add(line);
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m;
        }
      }
    }
  }

  private static Terminal signedIn(String name) throws Exception {
    Terminal t = new Terminal();
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
