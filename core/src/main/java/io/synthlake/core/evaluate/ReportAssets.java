package io.synthlake.core.evaluate;

import io.synthlake.core.SynthlakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The text the HTML report inlines: its style sheet and script (resources next to this class) and
 * the Apache ECharts library from the org.webjars:echarts jar, whose version is read from the jar
 * itself so that only the pom names it. Loaded once, on first use.
 */
final class ReportAssets {
  private static final String WEBJAR_PROPERTIES =
      "META-INF/maven/org.webjars/echarts/pom.properties";
  private static final String WEBJAR_SCRIPT =
      "META-INF/resources/webjars/echarts/%s/echarts.min.js";

  final String css;
  final String script;
  final String echarts;

  private ReportAssets() {
    css = read("io/synthlake/core/evaluate/report.css");
    script = read("io/synthlake/core/evaluate/report.js");
    echarts = read(String.format(WEBJAR_SCRIPT, echartsVersion()));
    // The libraries are inlined in <script> elements, which such text would end early.
    SynthlakeException.check(
        !echarts.toLowerCase(Locale.ROOT).contains("</script"),
        "The ECharts library contains '</script' and cannot be inlined in the HTML report; this ECharts version is "
            + "not supported: use the version the synthlake pom names");
  }

  static ReportAssets get() {
    return Holder.INSTANCE;
  }

  private static String echartsVersion() {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(read(WEBJAR_PROPERTIES)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }

    return properties.getProperty("version");
  }

  private static String read(String resource) {
    try (InputStream in = ReportAssets.class.getClassLoader().getResourceAsStream(resource)) {
      SynthlakeException.check(
          in != null,
          "Cannot write the HTML report: %s is not on the classpath, because the "
              + "org.webjars:echarts jar or synthlake-core's resources are missing; run synthlake from its build or "
              + "add org.webjars:echarts to the classpath",
          resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SynthlakeException.of(
          "Cannot write the HTML report: reading %s from the classpath failed: %s; check "
              + "that synthlake's jars are intact",
          resource, e);
    }
  }

  private static final class Holder {
    static final ReportAssets INSTANCE = new ReportAssets();
  }
}
