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

/**
 * Reads and writes model and spec files through Hadoop's file systems, so local paths, HDFS, S3 and
 * DBFS all work.
 */
public final class ModelFiles {
  private ModelFiles() {}

  /** The text of the model file at {@code location}. */
  public static String read(String location, Configuration conf) {
    return read(
        location,
        conf,
        "model file",
        "run synthlake fit --model " + location + " first, or check the path",
        "pass the path of the JSON file written by synthlake fit");
  }

  /** The text of the spec file at {@code location}. */
  public static String readSpec(String location, Configuration conf) {
    return read(
        location,
        conf,
        "spec file",
        "check the path (conf/banking.yaml is an example to start from)",
        "pass the path of a YAML or JSON spec (docs/spec-format.md)");
  }

  private static String read(
      String location, Configuration conf, String what, String whenMissing, String whenDirectory) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw SynthlakeException.of("%s %s does not exist: %s", what, location, whenMissing);
      }

      if (fs.getFileStatus(path).isDirectory()) {
        throw SynthlakeException.of("%s %s is a directory: %s", what, location, whenDirectory);
      }

      try (InputStream in = fs.open(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (FileNotFoundException e) {
      throw SynthlakeException.of("%s %s does not exist: %s", what, location, whenMissing);
    } catch (IOException e) {
      throw new SynthlakeException(
          "cannot read "
              + what
              + " "
              + location
              + ": "
              + e.getMessage()
              + "; check the path and permissions",
          e);
    }
  }

  /** Writes to a hidden sibling first, then renames, so that a reader never sees half a model. */
  public static void write(String location, String text, Configuration conf) {
    Path path = new Path(location);
    Path staging =
        new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID() + ".tmp");
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
      throw new SynthlakeException(
          "cannot write model file "
              + location
              + ": "
              + e.getMessage()
              + "; check the path and permissions",
          e);
    }
  }
}
