package io.synthlake.spark.source;

import io.synthlake.core.format.ModelJson;
import io.synthlake.core.generate.TableSampler;
import java.io.Serializable;

/**
 * What is broadcast to executors: the model as gzipped JSON (compact and version-independent), with
 * the sampler rebuilt lazily once per executor JVM, since Spark shares one deserialized broadcast
 * value among its tasks.
 */
final class ModelBroadcast implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] gzippedJson;
  private final long seed;
  private transient volatile TableSampler sampler;

  ModelBroadcast(ModelCache.Entry model, long seed) {
    this.gzippedJson = model.gzippedJson();
    this.seed = seed;
  }

  TableSampler sampler() {
    TableSampler result = sampler;
    if (result == null) {
      synchronized (this) {
        result = sampler;
        if (result == null) {
          result =
              TableSampler.of(
                  ModelJson.fromJson(GzipText.gunzip(gzippedJson), "broadcast model"), seed);
          sampler = result;
        }
      }
    }

    return result;
  }
}
