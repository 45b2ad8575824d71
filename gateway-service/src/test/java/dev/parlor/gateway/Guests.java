package dev.parlor.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;

/** Test helpers around guest sessions: create one over REST, forge tokens. */
public final class Guests {

  public static final String SECRET = "test-secret-for-the-gateway-conformance-suite";

  private Guests() {
  }

  /** {@code POST /api/v1/sessions}; answers the response. */
  public static HttpResponse<Buffer> create(WebClient client, int port, Object body) throws Exception {
    return client.post(port, "127.0.0.1", "/api/v1/sessions")
      .sendBuffer(Buffer.buffer(body instanceof JsonObject json ? json.encode() : String.valueOf(body)))
      .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A guest's session: userId, name, token. */
  public static JsonObject guest(WebClient client, int port, String name) throws Exception {
    HttpResponse<Buffer> response = create(client, port, new JsonObject().put("name", name));
    if (response.statusCode() != 201) {
      throw new AssertionError("session not created: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** A token signed with {@code secret}, expiring {@code expiresInSeconds} from now (negative: already expired). */
  public static String token(Vertx vertx, String secret, String userId, String name, int expiresInSeconds) {
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    JsonObject claims = new JsonObject().put("sub", userId).put("name", name);
    if (expiresInSeconds < 0) {
      long now = System.currentTimeMillis() / 1000;
      return jwt.generateToken(claims.put("exp", now + expiresInSeconds).put("iat", now - 100),
        new JWTOptions().setAlgorithm("HS256"));
    }
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(expiresInSeconds));
  }
}
