package io.synthlake.spark.source;

import io.synthlake.core.format.ModelJson;
import io.synthlake.core.generate.ConditionalModel;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.TableModel;
import java.io.Serializable;

/**
 * What is broadcast to executors: the model as gzipped JSON (compact and version-independent) and
 * its condition if any, with the sampler rebuilt lazily once per executor JVM, since Spark shares
 * one deserialized broadcast value among its tasks.
 */
final class ModelBroadcast implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] gzippedJson;
  private final long seed;

  /** The condition of a conditioned model (applied again here), or null. */
  private final String where;

  private transient volatile TableSampler sampler;

  /** The read's edge cases, or null; set before the value is broadcast. */
  private EdgeCaseOptions.Settings edgeCases;

  ModelBroadcast(ModelCache.Entry model, long seed) {
    this.gzippedJson = model.gzippedJson();
    this.seed = seed;
    this.where = model.where();
  }

  /** These values with the read's edge cases (null for none), before the broadcast. */
  ModelBroadcast withEdgeCases(EdgeCaseOptions.Settings value) {
    this.edgeCases = value;
    return this;
  }

  TableSampler sampler() {
    TableSampler result = sampler;
    if (result == null) {
      synchronized (this) {
        result = sampler;
        if (result == null) {
          TableModel model = ModelJson.fromJson(GzipText.gunzip(gzippedJson), "broadcast model");
          result = TableSampler.of(where == null ? model : ConditionalModel.of(model, where), seed);
          result = edgeCases == null ? result : result.withEdgeCases(edgeCases.edgeCases());
          sampler = result;
        }
      }
    }

    return result;
  }
}
