package io.synthlake.spark.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthlake.core.SynthlakeException;
import org.apache.spark.sql.execution.streaming.Offset;

/**
 * A position in a stream of generated rows: the index of the next row, with the model's content key
 * and the seed, so that a checkpoint is never resumed with rows of another model or seed (row i is
 * a pure function of model, seed and i, so a replayed batch regenerates exactly its rows). Spark's
 * older source interface's offset, so that a spec's stream ({@link SpecStream}) takes it too.
 */
final class RowOffset extends Offset {
  final long row;
  private final String model;
  private final long seed;

  RowOffset(long row, String model, long seed) {
    this.row = row;
    this.model = model;
    this.seed = seed;
  }

  @Override
  public String json() {
    ObjectNode node = StreamIdentity.newOffset();
    node.put("row", row);
    return StreamIdentity.json(node, model, seed);
  }

  /**
   * The offset a checkpoint wrote, for a stream of {@code model} under {@code seed}; fails when the
   * checkpoint belongs to another model or seed.
   */
  static RowOffset parse(String json, String model, long seed) {
    JsonNode node = StreamIdentity.read(json);
    SynthlakeException.check(
        node != null
            && node.path("row").canConvertToLong()
            && node.path("row").asLong() >= 0
            && StreamIdentity.holdsIdentity(node),
        "the stream's checkpoint holds an offset synthlake did not write (%s): start the query "
            + "with a new checkpoint location",
        json);
    StreamIdentity.checkSameStream(node, model, seed);
    return new RowOffset(node.path("row").asLong(), model, seed);
  }
}
