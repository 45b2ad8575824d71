package dev.parlor.gateway.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.parlor.contracts.ErrorCode;
import dev.parlor.contracts.protocol.Ops;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published JSON Schemas cover every op and agree with the error registry. */
class SchemasTest {

  private static JsonObject schema(String path) throws Exception {
    try (InputStream in = SchemasTest.class.getClassLoader().getResourceAsStream("schemas/" + path)) {
      assertNotNull(in, "missing schema " + path);
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyOpHasAFrameAndAResultSchema() throws Exception {
    for (String op : Ops.ALL) {
      assertEquals(op, schema("frames/client/" + op + ".json").getJsonObject("properties").getJsonObject("type")
        .getString("const"));
      assertNotNull(schema("results/" + op + ".json"));
    }
    for (String frame : new String[] {Ops.WELCOME, Ops.REPLY, Ops.ERROR, Ops.EVENT, Ops.RECONNECT}) {
      assertEquals(frame, schema("frames/server/" + frame + ".json").getJsonObject("properties")
        .getJsonObject("type").getString("const"));
    }
  }

  @Test
  void errorSchemaListsExactlyTheRegistryCodes() throws Exception {
    Set<Object> listed = new HashSet<>(schema("frames/server/error.json").getJsonObject("properties")
      .getJsonObject("code").getJsonArray("enum").getList());
    Set<Object> registry = new HashSet<>(Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    assertEquals(registry, listed);
  }
}
