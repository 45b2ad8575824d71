package dev.parlor.gateway.session;

import dev.parlor.gateway.GatewaySettings;
import dev.parlor.runtime.config.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guest tokens: HMAC-SHA256 JWTs carrying the user id ({@code sub}) and name, with an expiry. Every gateway instance
 * must share the secret; without one a random development secret is made, and tokens die with the process.
 */
public final class Tokens {

  private static final Logger LOG = LoggerFactory.getLogger(Tokens.class);

  private final JWTAuth jwt;
  private final long ttlSeconds;

  public Tokens(Vertx vertx, String secret, long ttlSeconds) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    this.ttlSeconds = ttlSeconds;
  }

  public static Tokens fromConfig(Vertx vertx, ServiceConfig config) {
    String secret = config.getString(GatewaySettings.TOKEN_SECRET);
    if (secret.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      secret = Base64.getEncoder().encodeToString(random);
      LOG.warn("No gateway.token.secret configured: using a random DEVELOPMENT secret. Tokens will not survive a "
        + "restart nor work on other gateway instances; set PARLOR_GATEWAY_TOKEN_SECRET in production.");
    }
    return new Tokens(vertx, secret, config.getLong(GatewaySettings.TOKEN_TTL_SECONDS));
  }

  /** A new token for a guest, and when it expires. */
  public Issued issue(String userId, String name) {
    Instant expiresAt = Instant.ofEpochSecond(Instant.now().getEpochSecond() + ttlSeconds);
    String token = jwt.generateToken(new JsonObject().put("sub", userId).put("name", name),
      new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) ttlSeconds));
    return new Issued(token, expiresAt);
  }

  /** The guest a token names; fails when it is forged, malformed or expired. */
  public Future<Guest> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token)).map(user -> {
      JsonObject claims = user.principal();
      String userId = claims.getString("sub");
      String name = claims.getString("name");
      if (userId == null || name == null) {
        throw new IllegalArgumentException("token lacks sub or name");
      }
      return new Guest(userId, name);
    });
  }

  public record Issued(String token, Instant expiresAt) {
  }

  public record Guest(String userId, String name) {
  }
}
