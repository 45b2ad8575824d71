package dev.parlor.contracts.presence;

import io.vertx.core.json.JsonObject;

/** Where a member is on the map: {@code {"lat","lon","heading"?}}; heading in degrees, {@code null} when unknown. */
public record Location(double lat, double lon, Double heading) {

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("lat", lat).put("lon", lon);
    if (heading != null) {
      json.put("heading", heading);
    }
    return json;
  }

  /** Reads a location already validated by its producer; numbers of any JSON type are accepted. */
  public static Location fromJson(JsonObject json) {
    Number heading = json.getNumber("heading");
    return new Location(json.getNumber("lat").doubleValue(), json.getNumber("lon").doubleValue(),
      heading == null ? null : heading.doubleValue());
  }
}
