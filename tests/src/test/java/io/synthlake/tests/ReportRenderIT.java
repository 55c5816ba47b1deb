package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.HtmlReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML evaluation report opened in a real headless browser, offline: every chart initialises
 * without a script error, and a screenshot shows them drawn. Needs Debian's chromium package
 * (.ci/run installs it).
 */
class ReportRenderIT {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2400;

  /**
   * The synthetic series' bar colour in report.js; bars in it prove the column charts were painted.
   */
  private static final int SYNTHETIC_ORANGE = 0xe8833a;

  private static final Pattern BODY = Pattern.compile("<body([^>]*)>");

  @TempDir static Path temp;

  private static EvaluationResult result;
  private static Path page;
  private static Chromium chromium;

  @BeforeAll
  static void render() {
    result = ReportFixture.customers();
    page = temp.resolve("customers report.html");
    HtmlReport.write(result, "customers: synthetic vs real", page);
    chromium = Chromium.find(temp);
  }

  @Test
  void initialisesEveryChartWithoutScriptErrors() {
    Chromium.Output dom = chromium.dumpDom(page);

    Matcher body = BODY.matcher(dom.stdout());
    assertThat(body.find()).as("a <body> in the dumped DOM; stderr:\n%s", dom.stderr()).isTrue();
    String attributes = body.group(1);
    int charts = result.columns().size() + 3 /* training, synthetic and difference heatmaps */;
    assertThat(attributes)
        .as("body attributes; stderr:\n%s", dom.stderr())
        .contains("data-charts-rendered=\"" + charts + "\"")
        .doesNotContain("data-script-errors")
        .doesNotContain("data-injected");
  }

  @Test
  void screenshotShowsTheChartsDrawn() throws IOException {
    Path png = temp.resolve("report.png");
    Chromium.Output run = chromium.screenshot(page, png, WIDTH, HEIGHT);

    assertThat(png).as("screenshot; stderr:\n%s", run.stderr()).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    Set<Integer> colours = new HashSet<>();
    long ink = 0;
    long orange = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (minChannel(rgb) < 225) {
          ink++;
        }

        if (near(rgb, SYNTHETIC_ORANGE, 10)) {
          orange++;
        }
      }
    }

    long pixels = (long) WIDTH * HEIGHT;
    // A blank or unstyled page has a handful of colours; text, bars and heatmaps anti-aliased give
    // thousands.
    assertThat(colours.size()).as("distinct colours in %s", png).isGreaterThan(1_000);
    assertThat((double) ink / pixels)
        .as("share of non-white pixels in %s", png)
        .isGreaterThan(0.05);
    // Six column charts fit in the screenshot, each with several synthetic bars tens of pixels in
    // size.
    assertThat(orange).as("pixels of the synthetic bars' orange in %s", png).isGreaterThan(5_000);
  }

  private static int minChannel(int rgb) {
    return Math.min(rgb >> 16 & 0xff, Math.min(rgb >> 8 & 0xff, rgb & 0xff));
  }

  private static boolean near(int rgb, int target, int tolerance) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs((rgb >> shift & 0xff) - (target >> shift & 0xff)) > tolerance) {
        return false;
      }
    }

    return true;
  }

  /**
   * Keeps the rendered page and screenshot for a person to look at when asked: -Dreport.keep=dir.
   */
  @AfterAll
  static void keep() throws IOException {
    String keep = System.getProperty("report.keep");
    if (keep != null) {
      Path dir = Files.createDirectories(Path.of(keep));
      Files.copy(page, dir.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
      Path png = temp.resolve("report.png");
      if (Files.exists(png)) {
        Files.copy(png, dir.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
