package io.synthlake.core.evaluate;

import io.synthlake.core.SynthlakeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes an {@link EvaluationResult} as one self-contained HTML page: style, ECharts and the data
 * (the evaluation JSON) are inlined, so the file opens offline and can be mailed or archived.
 * Tables and text are written here, escaped; the inline script draws the charts from the data.
 */
public final class HtmlReport {
  /**
   * Records script errors on the body, where the browser test (and a curious reader's dev tools)
   * find them.
   */
  private static final String ERROR_HOOK =
      """
      window.reportError = function (message) {
        var body = document.body;
        body.dataset.scriptErrors = (body.dataset.scriptErrors ? body.dataset.scriptErrors + '\\n' : '') + message;
      };
      window.onerror = function (message, source, line) {
        window.reportError(message + ' (line ' + line + ')');
      };
      """;

  private HtmlReport() {}

  public static String render(EvaluationResult result, String title) {
    return page(title, EvaluationJson.toJson(result), body -> ReportSections.append(body, result));
  }

  /**
   * A self-contained page headed {@code title}: {@code body} writes the sections, and the inline
   * script draws the charts from {@code json}.
   */
  static String page(String title, String json, Consumer<StringBuilder> body) {
    ReportAssets assets = ReportAssets.get();
    StringBuilder page = new StringBuilder(assets.echarts.length() + 64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>\n")
        .append("<style>\n")
        .append(assets.css)
        .append("</style>\n</head>\n<body>\n<main>\n")
        .append("<header><p class=\"kicker\">synthlake evaluation</p><h1>")
        .append(Html.escape(title))
        .append("</h1></header>\n");
    body.accept(page);
    page.append("</main>\n")
        // First, so that errors in the library or the data are recorded too (the browser test reads
        // them).
        .append("<script>\n")
        .append(ERROR_HOOK)
        .append("</script>\n")
        .append("<script>\n")
        .append(assets.echarts)
        .append("\n</script>\n")
        .append("<script type=\"application/json\" id=\"data\">\n")
        .append(Html.scriptSafeJson(json))
        .append("</script>\n")
        .append("<script>\n")
        .append(assets.script)
        .append("</script>\n")
        .append("</body>\n</html>\n");
    return page.toString();
  }

  public static void write(EvaluationResult result, String title, Path file) {
    String html = render(result, title);
    try {
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SynthlakeException.of(
          "Cannot write the HTML report to %s: %s; check that the directory exists and is "
              + "writable",
          file, e);
    }
  }
}
