package io.synthlake.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.SynthlakeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Typed, path-aware access to a parsed JSON document: every error names the source and the field
 * path. Shared by the model reader ({@link ModelJson}) and the spec compiler ({@code
 * io.synthlake.core.spec}); not part of the API.
 */
public final class JsonFields {
  /** Paths hold keys of the document, which may be long. */
  private static final int MAX_PATH_CHARS = 150;

  private final String source;
  private final String base;

  public JsonFields(String source) {
    this(source, "");
  }

  private JsonFields(String source, String base) {
    this.source = source;
    this.base = base;
  }

  /**
   * Fields of a part of the document at {@code path}: paths given to it, and its errors, start
   * there.
   */
  public JsonFields nested(String path) {
    return new JsonFields(source, join(base, path));
  }

  public String source() {
    return source;
  }

  /**
   * {@code source: path} with this part's base, as messages that are not made here (type and value
   * parsers) start.
   */
  public String where(String path) {
    return source + ": " + join(base, path);
  }

  public SynthlakeException error(String path, String problem) {
    return SynthlakeException.of(
        "%s: %s: %s", source, SynthlakeException.shown(join(base, path), MAX_PATH_CHARS), problem);
  }

  /**
   * A value of the document as messages quote it: short, on one line; long arrays and mappings by
   * their size.
   */
  public static String show(JsonNode value) {
    if (value == null) {
      return "nothing";
    }

    if (value.isContainerNode() && value.size() > 8) {
      return (value.isArray()
          ? "an array of " + value.size() + " values"
          : "a mapping of " + value.size() + " fields");
    }

    return SynthlakeException.shown(value);
  }

  public JsonNode field(JsonNode object, String path, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw error(
          join(path, name),
          "is missing; it is required here (see docs/model-format.md and docs/spec-format.md)");
    }

    return value;
  }

  public String string(JsonNode object, String path, String name) {
    JsonNode value = field(object, path, name);
    if (!value.isTextual()) {
      throw error(
          join(path, name),
          "must be a string, got " + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    return value.asText();
  }

  public String optionalString(JsonNode object, String name, String fallback) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  public double number(JsonNode object, String path, String name) {
    JsonNode value = field(object, path, name);
    if (!value.isNumber()) {
      throw error(join(path, name), "must be a number, got " + show(value));
    }

    return value.asDouble();
  }

  public long longNumber(JsonNode object, String path, String name) {
    JsonNode value = field(object, path, name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw error(join(path, name), "must be a whole number, got " + show(value));
    }

    return value.asLong();
  }

  public int intNumber(JsonNode object, String path, String name) {
    long value = longNumber(object, path, name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error(join(path, name), "is out of range: " + value);
    }

    return (int) value;
  }

  public JsonNode array(JsonNode object, String path, String name) {
    JsonNode value = field(object, path, name);
    if (!value.isArray()) {
      throw error(join(path, name), "must be an array");
    }

    return value;
  }

  public double[] numbers(JsonNode object, String path, String name) {
    return numberArray(array(object, path, name), join(path, name));
  }

  public double[] numberArray(JsonNode array, String path) {
    if (array == null || !array.isArray()) {
      throw error(path, "must be an array of numbers");
    }

    double[] result = new double[array.size()];
    for (int i = 0; i < result.length; i++) {
      if (!array.get(i).isNumber()) {
        throw error(path + "[" + i + "]", "must be a number, got " + show(array.get(i)));
      }

      result[i] = array.get(i).asDouble();
    }

    return result;
  }

  public List<String> strings(JsonNode object, String path, String name) {
    JsonNode array = array(object, path, name);
    List<String> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!array.get(i).isTextual()) {
        throw error(
            join(path, name) + "[" + i + "]", "must be a string, got " + show(array.get(i)));
      }

      result.add(array.get(i).asText());
    }

    return result;
  }

  /**
   * Rejects fields the format does not define, so that typos fail loudly instead of being ignored.
   */
  public void onlyFields(JsonNode object, String path, String... allowed) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!List.of(allowed).contains(name)) {
        throw error(
            join(path, name),
            "is not a known field here; known fields are " + String.join(", ", allowed));
      }
    }
  }

  public static String join(String path, String name) {
    return path.isEmpty() ? name : name.isEmpty() ? path : path + "." + name;
  }
}
