package io.synthlake.spark.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthlake.core.SynthlakeException;

/**
 * What every synthlake stream offset carries besides its position: the content key of what is
 * generated and the seed, so that a checkpoint is never resumed with rows of another model, spec or
 * seed.
 */
final class StreamIdentity {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamIdentity() {}

  /** A new, empty offset object for the position to be written in. */
  static ObjectNode newOffset() {
    return JSON.createObjectNode();
  }

  /** The offset's JSON: its position, then the stream's key and seed. */
  static String json(ObjectNode position, String model, long seed) {
    position.put("model", model);
    position.put("seed", seed);
    return position.toString();
  }

  /** The checkpoint's offset JSON, or null when it is not JSON at all. */
  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** True when the offset holds a key and a seed of the right types. */
  static boolean holdsIdentity(JsonNode node) {
    return node.path("model").isTextual() && node.path("seed").canConvertToLong();
  }

  /** Fails when the checkpoint was written for another model, spec or seed. */
  static void checkSameStream(JsonNode node, String model, long seed) {
    SynthlakeException.check(
        node.path("model").asText().equals(model) && node.path("seed").asLong() == seed,
        "the stream's checkpoint was written for another model or seed (model %s, seed %d; now "
            + "model %s, seed %d): restart with the same options 'model' and 'seed', or start a "
            + "new checkpoint location",
        node.path("model").asText(),
        node.path("seed").asLong(),
        model,
        seed);
  }
}
