package io.synthlake.spark.source;

import io.synthlake.core.format.ModelJson;
import io.synthlake.core.generate.TableSampler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What is broadcast to executors: the model as gzipped JSON (compact and version-independent), with the sampler
 * rebuilt lazily once per executor JVM, since Spark shares one deserialized broadcast value among its tasks.
 */
final class ModelBroadcast implements Serializable {
  private static final long serialVersionUID = 1L;

  private final byte[] gzippedJson;
  private final long seed;
  private transient volatile TableSampler sampler;

  ModelBroadcast(String json, long seed) {
    this.gzippedJson = gzip(json);
    this.seed = seed;
  }

  TableSampler sampler() {
    TableSampler result = sampler;
    if (result == null) {
      synchronized (this) {
        result = sampler;
        if (result == null) {
          result = TableSampler.of(ModelJson.fromJson(gunzip(gzippedJson), "broadcast model"), seed);
          sampler = result;
        }
      }
    }

    return result;
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return bytes.toByteArray();
  }

  private static String gunzip(byte[] bytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
