package io.synthlake.spark.source;

import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.TableSetSampler;
import java.io.Serializable;

/**
 * What is broadcast to executors for a set of related tables: its JSON, gzipped, and the seed; the
 * sampler is rebuilt once per executor JVM, since Spark shares one deserialized broadcast value
 * among its tasks.
 */
final class TableSetBroadcast implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] gzippedJson;
  private final long seed;

  /** The table whose rows get edge cases, and which; null for none. */
  private final String table;

  private final EdgeCaseOptions.Settings edgeCases;
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
  }

  TableSetSampler sampler() {
    TableSetSampler result = sampler;
    if (result == null) {
      synchronized (this) {
        result = sampler;
        if (result == null) {
          result =
              TableSetSampler.of(
                  TableSetJson.fromJson(GzipText.gunzip(gzippedJson), "broadcast table set"), seed);
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
