package dev.parlor.bench.game;

import dev.parlor.contracts.game.Game;
import dev.parlor.game.model.Decision;
import dev.parlor.game.model.NewGames;
import dev.parlor.game.model.Transitions;
import dev.parlor.game.play.TopicEvents;
import dev.parlor.game.rules.ConnectFour;
import dev.parlor.game.rules.GameRules;
import dev.parlor.game.rules.MoveResult;
import dev.parlor.game.rules.Position;
import dev.parlor.game.rules.TicTacToe;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The game-service's move path without I/O: the pure rules (one move, a whole game, judging a board) and what a
 * {@code game.move} request does around them before Redis ({@link Transitions#move}) and after it (the
 * {@code game.updated} event body, the whole game, encoded once).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GameRulesBenchmark {

  /** The 42-move connect-four draw the game-service benchmark and the load generator play. */
  static final int[] CONNECT4_DRAW = {0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 2, 3, 2, 3, 2, 3, 3, 2, 3, 2, 3, 2,
    4, 5, 4, 5, 4, 5, 5, 4, 5, 4, 5, 4, 6, 6, 6, 6, 6, 6};
  /** A tic-tac-toe draw: X O X / X O O / O X X. */
  static final int[] TICTACTOE_DRAW = {0, 1, 2, 4, 3, 5, 7, 6, 8};
  private static final String NOW = "2026-12-02T00:00:00Z";

  private final GameRules connectFour = new ConnectFour();
  private final GameRules ticTacToe = new TicTacToe();
  /** Mid-game: 20 pieces down, R to move. */
  private Position midGame;
  private Position fullBoard;
  private Game playing;
  private Map<String, Object> move;

  @Setup
  public void setUp() {
    midGame = play(connectFour, CONNECT4_DRAW, 20);
    fullBoard = play(connectFour, CONNECT4_DRAW, CONNECT4_DRAW.length);
    playing = NewGames.playing(connectFour, Game.PUBLIC, "g-bench-0001", "invite01",
      new String[] {"u-alice", "Alice"}, new String[] {"u-bob", "Bob"}, NOW);
    for (int i = 0; i < 20; i++) {
      playing = ((Decision.Change) Transitions.move(playing, playing.turn(),
        Map.of("column", CONNECT4_DRAW[i]), NOW)).game();
    }
    move = Map.of("column", CONNECT4_DRAW[20]);
  }

  private static Position play(GameRules rules, int[] moves, int count) {
    Position position = rules.start();
    for (int i = 0; i < count; i++) {
      position = ((MoveResult.Applied) rules.play(position, position.next(), moves[i])).position();
    }
    return position;
  }

  /** One connect-four move on a board with 20 pieces: validation, landing cell, new board, outcome check. */
  @Benchmark
  public MoveResult connectFourMove() {
    return connectFour.play(midGame, midGame.next(), CONNECT4_DRAW[20]);
  }

  /** A whole 42-move connect-four game, as the game-service plays it move by move. */
  @Benchmark
  public Position connectFourWholeGame() {
    return play(connectFour, CONNECT4_DRAW, CONNECT4_DRAW.length);
  }

  /** Judging a full connect-four board (69 lines of four): the costliest outcome check. */
  @Benchmark
  public Object connectFourOutcomeFullBoard() {
    return connectFour.outcome(fullBoard.cells());
  }

  @Benchmark
  public Position ticTacToeWholeGame() {
    return play(ticTacToe, TICTACTOE_DRAW, TICTACTOE_DRAW.length);
  }

  /** A {@code game.move} decided on a stored game: the checks in protocol order, the rules, the next game. */
  @Benchmark
  public Decision transitionsMove() {
    return Transitions.move(playing, playing.turn(), move, NOW);
  }

  /** The move decided and its {@code game.updated} body encoded, as published to the game topic. */
  @Benchmark
  public void transitionsMoveAndEncodeEvent(Blackhole bh) {
    Decision.Change change = (Decision.Change) Transitions.move(playing, playing.turn(), move, NOW);
    bh.consume(TopicEvents.updated(change.action(), change.game()).encode());
  }
}
