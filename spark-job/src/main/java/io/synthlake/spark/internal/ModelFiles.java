package io.synthlake.spark.internal;

import io.synthlake.core.SynthlakeException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads and writes model files through Hadoop's file systems, so local paths, HDFS, S3 and DBFS all work. */
public final class ModelFiles {
  private ModelFiles() {}

  public static String read(String location, Configuration conf) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw SynthlakeException.of("model file %s does not exist: run synthlake fit --model %s first, or check the path", location, location);
      }

      if (fs.getFileStatus(path).isDirectory()) {
        throw SynthlakeException.of("model file %s is a directory: pass the path of the JSON file written by synthlake fit", location);
      }

      try (InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException e) {
      throw SynthlakeException.of("model file %s does not exist: run synthlake fit --model %s first", location, location);
    } catch (IOException e) {
      throw new SynthlakeException("cannot read model file " + location + ": " + e.getMessage() + "; check the path and permissions", e);
    }
  }

  /** Writes to a hidden sibling first, then renames, so that a reader never sees half a model. */
  public static void write(String location, String text, Configuration conf) {
    Path path = new Path(location);
    Path staging = new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (path.getParent() != null) {
        fs.mkdirs(path.getParent());
      }

      try (OutputStream out = fs.create(staging, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }

      if (fs.exists(path)) {
        fs.delete(path, false);
      }

      if (!fs.rename(staging, path)) {
        throw new IOException("rename of " + staging + " failed");
      }
    } catch (IOException e) {
      throw new SynthlakeException("cannot write model file " + location + ": " + e.getMessage() + "; check the path and permissions", e);
    }
  }
}
