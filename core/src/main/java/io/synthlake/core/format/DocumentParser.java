package io.synthlake.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.synthlake.core.SynthlakeException;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses spec and model text into a JSON tree within fixed limits, so that a shared file cannot
 * exhaust memory or the stack, and turns parser errors into one line naming the file, line and
 * column. Specs and models are small documents of a few levels; the limits are far above what
 * {@code fit} and {@code export} write. Shared by the model reader and the spec compiler ({@code
 * io.synthlake.core.spec}); not part of the API.
 */
public final class DocumentParser {
  /**
   * Longest document read, in characters: a fitted model with thousands of categories is a few
   * megabytes.
   */
  static final int MAX_DOCUMENT_CHARS = 50_000_000;

  /** Deepest nesting of arrays and mappings; the format needs about eight levels. */
  static final int MAX_NESTING_DEPTH = 64;

  /** Longest string or mapping key, in characters. */
  static final int MAX_STRING_CHARS = 1_000_000;

  /** Longest number literal, in characters: a double needs about 25. */
  static final int MAX_NUMBER_CHARS = 100;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxStringLength(MAX_STRING_CHARS)
          .maxNameLength(MAX_STRING_CHARS)
          .maxNumberLength(MAX_NUMBER_CHARS)
          .maxDocumentLength(MAX_DOCUMENT_CHARS)
          .build();
  private static final ObjectMapper JSON =
      new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build());
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().streamReadConstraints(LIMITS).loaderOptions(yamlLimits()).build());
  private static final int MAX_PROBLEM_CHARS = 120;

  private DocumentParser() {}

  private static LoaderOptions yamlLimits() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  /**
   * The document's tree, or null for an empty document.
   *
   * @param language "JSON" or "YAML or JSON", for the message
   * @param fix what the user should do about a syntax error
   */
  public static JsonNode parse(
      String text, String source, boolean yaml, String language, String fix) {
    SynthlakeException.check(
        text.length() <= MAX_DOCUMENT_CHARS,
        "%s has %d characters, more than the %d a spec or model "
            + "may have: it is not a synthlake document, or it lists far too many values; pass a smaller file",
        source,
        text.length(),
        MAX_DOCUMENT_CHARS);
    try {
      if (!yaml) {
        return JSON.readTree(text);
      }

      try (JsonParser parser = new AliasRejecting((YAMLParser) YAML.createParser(text))) {
        return YAML.readTree(parser);
      }
    } catch (JsonProcessingException e) {
      throw syntaxError(e, source, language, fix);
    } catch (IOException e) {
      throw SynthlakeException.of(
          "%s could not be parsed (%s): %s", source, SynthlakeException.shown(e.getMessage()), fix);
    }
  }

  private static SynthlakeException syntaxError(
      JsonProcessingException e, String source, String language, String fix) {
    String problem = e.getOriginalMessage();
    long line = 0;
    long column = 0;
    if (e.getCause() instanceof MarkedYAMLException) {
      MarkedYAMLException yaml = (MarkedYAMLException) e.getCause();
      problem = yaml.getProblem() + (yaml.getContext() == null ? "" : " " + yaml.getContext());
      Mark mark = yaml.getProblemMark() != null ? yaml.getProblemMark() : yaml.getContextMark();
      if (mark != null) {
        line = mark.getLine() + 1L;
        column = mark.getColumn() + 1L;
      }
    } else if (e.getLocation() != null) {
      JsonLocation location = e.getLocation();
      line = location.getLineNr();
      column = location.getColumnNr();
    }

    String firstLine = problem == null ? "unreadable text" : problem.strip().split("\\R", 2)[0];
    return SynthlakeException.of(
        "%s is not valid %s (%s at line %d, column %d): %s",
        source,
        language,
        SynthlakeException.shown(firstLine, MAX_PROBLEM_CHARS),
        line,
        column,
        fix);
  }

  /**
   * Jackson reads a YAML alias ({@code *name}) as the text of its name, which would silently put
   * "name" where the user meant the anchored value; synthlake rejects aliases instead. This also
   * keeps alias bombs out.
   */
  private static final class AliasRejecting extends JsonParserDelegate {
    private final YAMLParser yaml;

    AliasRejecting(YAMLParser yaml) {
      super(yaml);
      this.yaml = yaml;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = super.nextToken();
      if (yaml.isCurrentAlias()) {
        throw new JsonParseException(
            yaml,
            "YAML alias *"
                + SynthlakeException.shown(yaml.getText(), 40)
                + " is not supported; write the value out instead of referring to an anchor");
      }

      return token;
    }
  }
}
