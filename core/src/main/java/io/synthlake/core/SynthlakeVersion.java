package io.synthlake.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This release's version, from the build (the POM's version, filtered into a resource), so it is
 * written in one place.
 */
public final class SynthlakeVersion {
  private static final String VERSION = load();

  private SynthlakeVersion() {}

  /** The release, such as {@code 0.1.0}; written into every fitted model's {@code created-by}. */
  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = SynthlakeVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "io/synthlake/core/version.properties is missing from the class path: a broken build");
      }

      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
