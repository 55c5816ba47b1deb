package io.synthlake.spark.source;

import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.ConditionalTableSet;
import io.synthlake.core.generate.TableSetSampler;
import io.synthlake.core.model.TableSet;
import java.io.Serializable;

/**
 * What is broadcast to executors for a set of related tables: its JSON, gzipped, the seed and the
 * condition it is generated under (conditioned again on each executor); the sampler is rebuilt once
 * per executor JVM, since Spark shares one deserialized broadcast value among its tasks.
 */
final class TableSetBroadcast implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] gzippedJson;
  private final long seed;

  /** The table whose rows get edge cases, and which; null for none. */
  private final String table;

  private final EdgeCaseOptions.Settings edgeCases;

  /** The condition one table's rows satisfy (the option 'where'), or null. */
  private final String where;

  private transient volatile TableSetSampler sampler;

  TableSetBroadcast(ModelCache.Entry set, long seed) {
    this(set, seed, null, null);
  }

  /** With {@code edgeCases} (null: none) in table {@code table}'s rows. */
  TableSetBroadcast(
      ModelCache.Entry set, long seed, String table, EdgeCaseOptions.Settings edgeCases) {
    this.gzippedJson = set.gzippedJson();
    this.seed = seed;
    this.table = table;
    this.edgeCases = edgeCases;
    this.where = set.where();
  }

  TableSetSampler sampler() {
    TableSetSampler result = sampler;
    if (result == null) {
      synchronized (this) {
        result = sampler;
        if (result == null) {
          TableSet set = TableSetJson.fromJson(GzipText.gunzip(gzippedJson), "broadcast table set");
          result =
              TableSetSampler.of(where == null ? set : ConditionalTableSet.of(set, where), seed);
          if (edgeCases != null) {
            result = result.withEdgeCases(table, edgeCases.edgeCases());
          }

          sampler = result;
        }
      }
    }

    return result;
  }
}
