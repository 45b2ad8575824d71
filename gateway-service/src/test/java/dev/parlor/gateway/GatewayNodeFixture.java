package dev.parlor.gateway;

import dev.parlor.runtime.ParlorRuntime;
import dev.parlor.testkit.TestCluster;
import dev.parlor.testkit.TestRedis;
import dev.parlor.testkit.WsClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Redis;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** One gateway node in its own test cluster, with a client Vert.x for real clients. */
public final class GatewayNodeFixture implements AutoCloseable {

  public final TestCluster cluster = new TestCluster();
  public final ParlorRuntime node;
  public final Vertx clients = Vertx.vertx();
  public final WebClient web = WebClient.create(clients);
  public final int port;

  public GatewayNodeFixture(JsonObject overrides) throws Exception {
    node = cluster.start(new JsonObject().put("gateway.token.secret", Guests.SECRET).mergeIn(overrides),
      new GatewayService());
    port = node.port("gateway.http");
  }

  /** A welcomed client of a fresh guest; answers the client and its welcome. */
  public Session connect(String name) throws Exception {
    JsonObject guest = Guests.guest(web, port, name);
    WsClient client = WsClient.connect(clients, port);
    JsonObject welcome = client.hello(guest.getString("token"));
    if (!"welcome".equals(welcome.getString("type"))) {
      throw new AssertionError("not welcomed: " + welcome);
    }
    return new Session(client, welcome, guest.getString("token"));
  }

  /** One call on the gateway's Redis (the test Redis) through a client of its own, closed after. */
  public <T> T onRedis(Function<Redis, Future<T>> call) throws Exception {
    Redis redis = Redis.createClient(node.vertx(), TestRedis.url());
    try {
      return call.apply(redis).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      redis.close();
    }
  }

  public record Session(WsClient client, JsonObject welcome, String token) {
    public String userId() {
      return welcome.getString("userId");
    }
  }

  @Override
  public void close() {
    web.close();
    clients.close();
    cluster.close();
  }
}
