package io.synthlake.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final Pattern DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"data\">(.*?)</script>", Pattern.DOTALL);

  @Test
  void inlinesEchartsAndLoadsNothingFromTheNetwork() throws IOException {
    String html = HtmlReport.render(EvaluationFixtures.sample(), "customers");

    assertThat(html.contains(echartsLibrary()))
        .as("the ECharts library is inlined verbatim")
        .isTrue();
    assertThat(excerpt(html, "(?i)<script[^>]*\\ssrc\\s*=")).as("a script loaded by src").isNull();
    assertThat(excerpt(html, "(?i)<link[^>]*\\shref\\s*=")).as("a linked resource").isNull();
    assertThat(excerpt(html, "(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//"))
        .as("a network URL")
        .isNull();
    assertThat(excerpt(html, "(?i)url\\(\\s*[\"']?\\s*(https?:)?//"))
        .as("a CSS network URL")
        .isNull();
    assertThat(excerpt(html, "(?i)@import")).as("a CSS import").isNull();
  }

  @Test
  void containsEverySectionInOrder() {
    String html = HtmlReport.render(EvaluationFixtures.sample(), "customers");

    int at = 0;
    for (String part :
        List.of(
            "<title>customers</title>",
            "id=\"summary\"",
            "id=\"columns\"",
            "id=\"correlations\"",
            "id=\"pairs\"",
            "id=\"privacy\"",
            "id=\"rules\"",
            "How to read this",
            "docs/evaluation.md",
            "id=\"data\"")) {
      int next = html.indexOf(part, at);
      assertThat(next).as("'%s' after position %d", part, at).isGreaterThanOrEqualTo(0);
      at = next;
    }

    String body = body(html);
    assertThat(body)
        .contains(
            "Overall accuracy",
            "Univariate accuracy",
            "Bivariate accuracy",
            "Trivariate accuracy",
            "Correlation similarity",
            "ML utility (AUC)",
            "DCR share",
            "Exact copies");
    assertThat(body)
        .contains("data-column=\"0\"", "data-column=\"1\"", "data-column=\"2\"")
        .doesNotContain("data-column=\"3\"");
    assertThat(body)
        .contains(
            "data-matrix=\"train\"", "data-matrix=\"synthetic\"", "data-matrix=\"difference\"");
    assertThat(body).contains("zip <span class=\"times\">→</span> city");
    assertThat(body).contains("no sign of memorisation");
  }

  @Test
  void saysWhatIsMissingWithoutTargetCorrelationsOrDependencies() {
    String body =
        body(HtmlReport.render(EvaluationFixtures.withoutTargetOrCorrelations(), "customers"));

    assertThat(body)
        .contains(
            "no target column given",
            "Fewer than two numeric columns",
            "No functional dependencies");
    assertThat(body).doesNotContain("data-matrix=");
  }

  @Test
  void escapesUserStringsInHtmlAndInTheData() throws IOException {
    String hostile = EvaluationFixtures.HOSTILE;
    String html = HtmlReport.render(EvaluationFixtures.sample(hostile), "<title> & \"report\"");

    assertThat(
            html.contains(hostile)
                || html.contains("<b>x")
                || html.contains("<rare & secret>")
                || html.contains("<i>c</i>"))
        .as("a user string written unescaped")
        .isFalse();
    assertThat(body(html))
        .contains(
            "&lt;/script&gt;&lt;b&gt;x",
            "&lt;rare &amp; secret&gt;",
            "<title>&lt;title&gt; &amp; &quot;report&quot;</title>");
    // The data blob is one script element whose JSON still holds the exact names.
    Matcher data = DATA.matcher(html);
    assertThat(data.find()).isTrue();
    JsonNode json = new ObjectMapper().readTree(data.group(1));
    assertThat(json.at("/columns/0/name").asText()).isEqualTo(hostile);
    assertThat(json.at("/columns/0/bins/1").asText()).isEqualTo("<i>c</i>");
    assertThat(json.at("/privacy/rare-categories-leaked/0/value").asText())
        .isEqualTo("<rare & secret>");
    assertThat(html.split("</script", -1).length - 1)
        .as("script elements closed only by the page")
        .isEqualTo(4);
  }

  @Test
  void colorsFiguresByTheirRatio() {
    String html = body(HtmlReport.render(EvaluationFixtures.sample(), "customers"));

    // amount: 0.93 / 0.96 = 97% of its ceiling; the leaked rare category is a poor privacy finding.
    assertThat(html).contains("<span class=\"badge good\">97%</span>");
    assertThat(html).containsPattern("<li class=\"poor\">40 rare categories[^<]*1 appears in");
  }

  @Test
  void writesFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("report.html");
    HtmlReport.write(EvaluationFixtures.sample(), "customers", file);

    assertThat(
            Files.readString(file, StandardCharsets.UTF_8)
                .equals(HtmlReport.render(EvaluationFixtures.sample(), "customers")))
        .as("the file holds the rendered page")
        .isTrue();
  }

  /**
   * The page up to its scripts: what the report writes itself, without the 1 MB library in failure
   * messages.
   */
  private static String body(String html) {
    return html.substring(0, html.indexOf("<script"));
  }

  /** The text around the first match of {@code regex}, or null. */
  private static String excerpt(String html, String regex) {
    Matcher match = Pattern.compile(regex).matcher(html);
    return match.find()
        ? html.substring(Math.max(0, match.start() - 60), Math.min(html.length(), match.end() + 60))
        : null;
  }

  private static String echartsLibrary() throws IOException {
    String resource = "META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";
    try (InputStream in = HtmlReportTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
