package dev.parlor.cli;

import dev.parlor.client.ClientOptions;
import dev.parlor.client.ParlorClient;
import dev.parlor.client.Transport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar parlor-cli.jar [--url http://localhost:8080] [--transport ws|sockjs] [--name Alice]}: plays in the
 * terminal. With {@code --name} it signs in at once.
 */
public final class CliMain {

  private CliMain() {
  }

  public static void main(String[] args) throws Exception {
    String url = "http://localhost:8080";
    Transport transport = Transport.WEBSOCKET;
    String name = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--url" -> url = args[i + 1];
        case "--transport" -> transport = Transport.parse(args[i + 1]);
        case "--name" -> name = args[i + 1];
        default -> {
          System.err.println("usage: parlor-cli [--url URL] [--transport ws|sockjs] [--name NAME]");
          System.exit(2);
        }
      }
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    ParlorClient client = ParlorClient.create(vertx, ClientOptions.of(url).withTransport(transport), 1)
      .toCompletionStage().toCompletableFuture().get();
    String signIn = name == null ? "" : "signin " + name + "\n";
    BufferedReader in = new BufferedReader(new InputStreamReader(new SequenceInputStream(
      new ByteArrayInputStream(signIn.getBytes(StandardCharsets.UTF_8)), System.in), StandardCharsets.UTF_8));
    new Cli(client, System.out).run(in);
    vertx.close();
  }
}
