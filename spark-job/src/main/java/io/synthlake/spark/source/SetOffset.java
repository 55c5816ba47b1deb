package io.synthlake.spark.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthlake.core.SynthlakeException;
import org.apache.spark.sql.execution.streaming.Offset;

/**
 * A position in a stream of one table of a set: the next root row (a multiple of a root block's
 * rows, or the stream's end), and each table's rows under the root rows before it, which number the
 * rows that follow (their key values). Carrying the counts in the offset lets a batch count only
 * its own root blocks, and a query restarted from its checkpoint number its rows as before. The
 * set's content key and the seed come along, so that a checkpoint is never resumed with another
 * model or seed. Spark's older offset class, so that a set spec's stream ({@link SpecSetStream}, an
 * older source) commits it as a model's stream does.
 */
final class SetOffset extends Offset {
  final long rootRow;

  /** rowsBefore[table]: each table's rows (in set order) under root rows 0 to rootRow - 1. */
  private final long[] rowsBefore;

  private final String model;
  private final long seed;

  SetOffset(long rootRow, long[] rowsBefore, String model, long seed) {
    this.rootRow = rootRow;
    this.rowsBefore = rowsBefore.clone();
    this.model = model;
    this.seed = seed;
  }

  long[] rowsBefore() {
    return rowsBefore.clone();
  }

  @Override
  public String json() {
    ObjectNode node = StreamIdentity.newOffset();
    node.put("root-row", rootRow);
    ArrayNode rows = node.putArray("rows-before");
    for (long count : rowsBefore) {
      rows.add(count);
    }

    return StreamIdentity.json(node, model, seed);
  }

  /**
   * The offset a checkpoint wrote, for a stream of a set of {@code tables} tables with content key
   * {@code model}, under {@code seed}; fails when the checkpoint belongs to another stream.
   */
  static SetOffset parse(String json, int tables, String model, long seed) {
    JsonNode node = StreamIdentity.read(json);
    boolean valid =
        node != null
            && node.path("root-row").canConvertToLong()
            && node.path("root-row").asLong() >= 0
            && node.path("rows-before").isArray()
            && node.path("rows-before").size() == tables
            && StreamIdentity.holdsIdentity(node);
    long[] rows = new long[tables];
    for (int t = 0; valid && t < tables; t++) {
      JsonNode count = node.path("rows-before").get(t);
      valid = count.canConvertToLong() && count.asLong() >= 0;
      rows[t] = count.asLong();
    }

    SynthlakeException.check(
        valid,
        "the stream's checkpoint holds an offset synthlake did not write for a table of a set "
            + "(%s): start the query with a new checkpoint location",
        json);
    StreamIdentity.checkSameStream(node, model, seed);
    return new SetOffset(node.path("root-row").asLong(), rows, model, seed);
  }
}
