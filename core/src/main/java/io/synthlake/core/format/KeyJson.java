package io.synthlake.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.types.DataType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a column's {@code key} object, {@code {style, start, step, prefix, width, template}}, for
 * model files and specs alike (docs/model-format.md section 5, docs/spec-format.md section 3.3).
 * Written by {@link ModelJson}.
 */
public final class KeyJson {
  /** The two places a key object is read. */
  public enum Form {
    /** A model file: a sequence states its start and step. */
    MODEL,
    /**
     * A spec: a sequence's start and step default to 1, and {@code pattern: TX-%010d} may replace
     * prefix and width.
     */
    SPEC
  }

  private static final String STYLE = "style";
  private static final String START = "start";
  private static final String STEP = "step";
  private static final String PREFIX = "prefix";
  private static final String WIDTH = "width";
  private static final String PATTERN = "pattern";
  private static final String TEMPLATE = "template";
  private static final Pattern SEQUENCE_PATTERN = Pattern.compile("(.*)%0?(\\d*)d");

  private KeyJson() {}

  /**
   * The key column {@code name} of {@code type} that {@code node} describes.
   *
   * @param path the key object's field path, such as {@code columns[0].key}
   * @throws io.synthlake.core.InvalidModelException from {@link KeyColumn} when the values do not
   *     make a key of {@code type}
   */
  public static KeyColumn read(
      JsonNode node, String path, String name, DataType type, JsonFields fields, Form form) {
    if (form == Form.SPEC) {
      fields.onlyFields(node, path, STYLE, START, STEP, PREFIX, WIDTH, PATTERN, TEMPLATE);
    } else {
      fields.onlyFields(node, path, STYLE, START, STEP, PREFIX, WIDTH, TEMPLATE);
    }

    String style = fields.string(node, path, STYLE);
    switch (style) {
      case "sequence":
        long start =
            form == Form.SPEC && !node.has(START) ? 1 : fields.longNumber(node, path, START);
        long step = form == Form.SPEC && !node.has(STEP) ? 1 : fields.longNumber(node, path, STEP);
        if (node.has(PATTERN)) {
          Matcher matcher = SEQUENCE_PATTERN.matcher(fields.string(node, path, PATTERN));
          if (!matcher.matches()) {
            throw fields.error(
                path + "." + PATTERN,
                "must be a prefix followed by %d or %0Nd (like TX-%010d), got "
                    + JsonFields.show(node.get(PATTERN)));
          }

          return KeyColumn.sequence(
              name,
              type,
              start,
              step,
              matcher.group(1),
              matcher.group(2).isEmpty() ? 0 : Integer.parseInt(matcher.group(2)));
        }

        return KeyColumn.sequence(
            name,
            type,
            start,
            step,
            fields.optionalString(node, PREFIX, ""),
            node.has(WIDTH) ? fields.intNumber(node, path, WIDTH) : 0);
      case "uuid":
        return KeyColumn.uuid(name, type);
      case "code":
        return KeyColumn.code(
            name,
            type,
            fields.optionalString(node, PREFIX, ""),
            fields.string(node, path, TEMPLATE));
      case "random":
        return KeyColumn.random(name, type);
      default:
        throw fields.error(
            path + "." + STYLE,
            "unknown key style '"
                + SynthlakeException.shown(style)
                + "'; use sequence, uuid, code or random");
    }
  }
}
