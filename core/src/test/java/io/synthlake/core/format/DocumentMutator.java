package io.synthlake.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates a spec or model document for {@link ReaderFuzzTest}: structural edits of its parsed tree
 * (delete, retype, duplicate, swap, rename) and textual edits of its bytes (truncate, flip, insert,
 * YAML aliases, deep nesting, invalid UTF-8). A mutation is a pure function of (document, random),
 * so a case number reproduces it.
 */
final class DocumentMutator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Deep enough to write the deeply nested values below; the readers must reject them, not the
   * writer.
   */
  private static final StreamWriteConstraints DEEP =
      StreamWriteConstraints.builder().maxNestingDepth(10_000).build();

  private static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().streamWriteConstraints(DEEP).build());
  private static final ObjectMapper JSON =
      new ObjectMapper(JsonFactory.builder().streamWriteConstraints(DEEP).build());
  private static final String[] KEYS = {
    "name",
    "type",
    "kind",
    "distribution",
    "null-share",
    "min",
    "max",
    "decimals",
    "step",
    "weights",
    "given",
    "combination",
    "columns",
    "values",
    "key",
    "style",
    "expression",
    "components",
    "categories",
    "constraints",
    "order",
    "rebalance",
    "shares",
    "dependence",
    "correlations",
    "value",
    "format",
    "marginal",
    "family",
    "edges",
    "means",
    "deviations",
    "pool",
    "provider",
    "template",
    "start",
    "end",
    "n",
    "bogus",
    ""
  };
  private static final String[] TOKENS = {
    "&a ",
    "*a",
    "!!binary ",
    "!!java.lang.Object ",
    "{",
    "}",
    "[",
    "]",
    "- ",
    ": ",
    "'",
    "\"",
    "\t",
    "#",
    "%YAML 1.1\n",
    "---\n",
    "<<: *a\n",
    "? ",
    "\\u0000",
    ",",
    "\n",
    "|\n",
    ">\n",
    "~",
    "@",
    "`"
  };
  private static final Pattern VALUE =
      Pattern.compile("(:[ \\t]+)([^\\s{\\[,}\\]#&*][^,}\\]\\n#]*)");
  private static final Pattern NUMBER =
      Pattern.compile("-?\\b[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\b");

  private final String seedText;
  private final boolean yaml;
  private final JsonNode seedTree;

  DocumentMutator(String seedText, boolean yaml) {
    this.seedText = seedText;
    this.yaml = yaml;
    try {
      this.seedTree = (yaml ? YAML : JSON).readTree(seedText);
    } catch (JsonProcessingException e) {
      throw new AssertionError("seed document does not parse", e);
    }
  }

  /** A mutated document; {@code description} says what was done, for the failure report. */
  static final class Mutant {
    final String text;
    final String description;

    Mutant(String text, String description) {
      this.text = text;
      this.description = description;
    }
  }

  Mutant mutate(SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return textual(seedText, random);
    }

    JsonNode tree = seedTree.deepCopy();
    int edits = 1 + random.nextInt(3);
    StringBuilder description = new StringBuilder();
    for (int i = 0; i < edits; i++) {
      if (i > 0) {
        description.append("; ");
      }

      description.append(structural(tree, random));
    }

    String text = write(tree);
    if (random.nextInt(6) == 0) {
      Mutant again = textual(text, random);
      return new Mutant(again.text, description + "; then " + again.description);
    }

    return new Mutant(text, description.toString());
  }

  private String write(JsonNode tree) {
    try {
      return (yaml ? YAML : JSON).writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  // ---------------------------------------------------------------- structural

  /**
   * A node of the tree with its parent and its key (objects) or index (arrays); the root has no
   * parent.
   */
  private static final class Place {
    final JsonNode parent;
    final String key;
    final int index;
    final JsonNode node;
    final String path;

    Place(JsonNode parent, String key, int index, JsonNode node, String path) {
      this.parent = parent;
      this.key = key;
      this.index = index;
      this.node = node;
      this.path = path;
    }

    void replace(JsonNode value) {
      if (parent instanceof ObjectNode) {
        ((ObjectNode) parent).set(key, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  private static void collect(
      JsonNode node, JsonNode parent, String key, int index, String path, List<Place> out) {
    if (parent != null) {
      out.add(new Place(parent, key, index, node, path));
    }

    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        collect(node.get(name), node, name, -1, path + "." + name, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), node, null, i, path + "[" + i + "]", out);
      }
    }
  }

  private String structural(JsonNode tree, SplittableRandom random) {
    List<Place> places = new ArrayList<>();
    collect(tree, null, null, -1, "", places);
    if (places.isEmpty()) {
      return "nothing to mutate";
    }

    Place place = places.get(random.nextInt(places.size()));
    switch (random.nextInt(8)) {
      case 0:
        if (place.parent instanceof ObjectNode) {
          ((ObjectNode) place.parent).remove(place.key);
        } else {
          ((ArrayNode) place.parent).remove(place.index);
        }

        return "delete " + place.path;
      case 1:
      case 2:
      case 3:
        {
          JsonNode value = replacement(random, places);
          place.replace(value);
          return "replace " + place.path + " with " + describe(value);
        }
      case 4:
        {
          if (place.parent instanceof ArrayNode) {
            ((ArrayNode) place.parent).insert(place.index, place.node.deepCopy());
          } else {
            ((ObjectNode) place.parent)
                .set(KEYS[random.nextInt(KEYS.length)], place.node.deepCopy());
          }

          return "duplicate " + place.path;
        }
      case 5:
        {
          List<Place> siblings = new ArrayList<>();
          for (Place other : places) {
            if (other.parent == place.parent && other.node != place.node) {
              siblings.add(other);
            }
          }

          if (siblings.isEmpty()) {
            return "swap " + place.path + " (no sibling)";
          }

          Place other = siblings.get(random.nextInt(siblings.size()));
          JsonNode mine = place.node;
          place.replace(other.node);
          other.replace(mine);
          return "swap " + place.path + " with " + other.path;
        }
      case 6:
        {
          if (!(place.parent instanceof ObjectNode)) {
            return numberNudge(place, random);
          }

          String name = KEYS[random.nextInt(KEYS.length)];
          ((ObjectNode) place.parent).remove(place.key);
          ((ObjectNode) place.parent).set(name, place.node);
          return "rename " + place.path + " to '" + name + "'";
        }
      default:
        return numberNudge(place, random);
    }
  }

  private static String numberNudge(Place place, SplittableRandom random) {
    if (!place.node.isNumber()) {
      place.replace(NODES.numberNode(-1));
      return "replace " + place.path + " with -1";
    }

    double value = place.node.asDouble();
    double[] nudged = {
      -value, value * 1e6, value + 0.5, value - 1, 0, value * 1e-9, Math.nextUp(value)
    };
    double chosen = nudged[random.nextInt(nudged.length)];
    place.replace(NODES.numberNode(chosen));
    return "nudge " + place.path + " from " + value + " to " + chosen;
  }

  private static JsonNode replacement(SplittableRandom random, List<Place> places) {
    switch (random.nextInt(26)) {
      case 0:
        return NODES.textNode("lots");
      case 1:
        return NODES.numberNode(0);
      case 2:
        return NODES.numberNode(-1);
      case 3:
        return NODES.numberNode(1e308);
      case 4:
        return NODES.numberNode(-1e308);
      case 5:
        return NODES.textNode("NaN");
      case 6:
        return NODES.textNode("Infinity");
      case 7:
        return NODES.textNode("-Infinity");
      case 8:
        return NODES.numberNode(Long.MAX_VALUE);
      case 9:
        return NODES.numberNode(Long.MIN_VALUE);
      case 10:
        return NODES.arrayNode();
      case 11:
        return NODES.objectNode();
      case 12:
        return NODES.nullNode();
      case 13:
        return NODES.booleanNode(true);
      case 14:
        return NODES.numberNode(2.5);
      case 15:
        return NODES.numberNode(4.9e-324);
      case 16:
        return NODES.numberNode(BigInteger.TWO.pow(80));
      case 17:
        return nested(1 + random.nextInt(random.nextBoolean() ? 40 : 3000), random.nextBoolean());
      case 18:
        return NODES.textNode("x".repeat(1 + random.nextInt(100_000)));
      case 19:
        {
          ArrayNode array = NODES.arrayNode();
          int size = 1 + random.nextInt(random.nextInt(8) == 0 ? 50_000 : 50);
          for (int i = 0; i < size; i++) {
            array.add(random.nextInt(4) == 0 ? 0 : random.nextDouble());
          }

          return array;
        }
      case 20:
        {
          ObjectNode object = NODES.objectNode();
          int size = 1 + random.nextInt(random.nextInt(8) == 0 ? 50_000 : 50);
          for (int i = 0; i < size; i++) {
            object.put("v" + i, 1.0 / size);
          }

          return object;
        }
      case 21:
        return NODES.numberNode(1_000_000_000);
      case 22:
        return NODES.textNode("rows / 0.0000001");
      case 23:
        return NODES.textNode("2262-04-12T00:00:00Z");
      case 24:
        return NODES.textNode("");
      default:
        return places.get(random.nextInt(places.size())).node.deepCopy();
    }
  }

  private static JsonNode nested(int depth, boolean objects) {
    JsonNode node = NODES.numberNode(1);
    for (int i = 0; i < depth; i++) {
      node = objects ? NODES.objectNode().set("a", node) : NODES.arrayNode().add(node);
    }

    return node;
  }

  private static String describe(JsonNode value) {
    if (value.isContainerNode()) {
      int depth = 0;
      for (JsonNode inner = value;
          inner.isContainerNode() && inner.size() > 0;
          inner = inner.elements().next()) {
        depth++;
      }

      return (value.isArray() ? "an array" : "a mapping")
          + " of "
          + value.size()
          + " entries, nested "
          + depth
          + " deep";
    }

    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "… (" + text.length() + " chars)" : text;
  }

  // ---------------------------------------------------------------- textual

  private Mutant textual(String text, SplittableRandom random) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    switch (random.nextInt(12)) {
      case 0:
        return new Mutant(decode(java.util.Arrays.copyOf(bytes, at)), "truncate at byte " + at);
      case 1:
        {
          byte[] copy = bytes.clone();
          int bit = random.nextInt(8);
          copy[at] ^= (byte) (1 << bit);
          return new Mutant(decode(copy), "flip bit " + bit + " of byte " + at);
        }
      case 2:
        {
          byte[] inserted = new byte[1 + random.nextInt(8)];
          for (int i = 0; i < inserted.length; i++) {
            inserted[i] = (byte) random.nextInt(256);
          }

          return new Mutant(
              decode(splice(bytes, at, 0, inserted)),
              "insert bytes " + java.util.Arrays.toString(inserted) + " at " + at);
        }
      case 3:
        {
          int length = random.nextInt(Math.max(1, Math.min(200, bytes.length - at)));
          return new Mutant(
              decode(splice(bytes, at, length, new byte[0])),
              "delete " + length + " bytes at " + at);
        }
      case 4:
        {
          byte[][] invalid = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80}
          };
          byte[] chosen = invalid[random.nextInt(invalid.length)];
          return new Mutant(
              decode(splice(bytes, at, 0, chosen)),
              "insert invalid UTF-8 " + java.util.Arrays.toString(chosen) + " at " + at);
        }
      case 5:
        {
          String token = TOKENS[random.nextInt(TOKENS.length)];
          int position = random.nextInt(text.length() + 1);
          return new Mutant(
              text.substring(0, position) + token + text.substring(position),
              "insert " + token.replace("\n", "\\n") + " at char " + position);
        }
      case 6:
        return lines(text, random);
      case 7:
        return aliasBomb(text, random);
      case 8:
        {
          int depth =
              random.nextBoolean() ? 1 + random.nextInt(2_000) : 10_000 + random.nextInt(100_000);
          boolean flow = random.nextBoolean();
          String deep =
              flow
                  ? "[".repeat(depth) + "]".repeat(depth)
                  : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
          return replaceValue(
              text, random, deep, "nesting " + depth + (flow ? " arrays" : " mappings"));
        }
      case 9:
        {
          String[] specials = {
            ".nan",
            ".inf",
            "-.inf",
            ".NaN",
            "NaN",
            "1e400",
            "-0",
            "0x7fffffffffffffff",
            "1_000",
            "9".repeat(2_000),
            "0." + "0".repeat(400) + "1",
            "1e-400",
            "2147483648",
            "9223372036854775808",
            "!!float NaN",
            "!!int 1"
          };
          String special = specials[random.nextInt(specials.length)];
          return replaceNumber(text, random, special);
        }
      case 10:
        // Mostly short enough to read; one in ten beyond the reader's string limit (slow to scan,
        // so rare).
        int length =
            random.nextInt(10) == 0
                ? 1_000_000 + random.nextInt(100_000)
                : 1 + random.nextInt(20_000);
        return replaceValue(text, random, "x".repeat(length), "a long scalar");
      default:
        {
          String[] values = {
            "-1",
            "0",
            "1e308",
            "true",
            "null",
            "[]",
            "{}",
            "\"\"",
            "rows / 10",
            "rows * 1e9",
            "'decimal(99999999999,2)'",
            "'decimal(38,39)'",
            "2025-02-30",
            "'9999-12-31T23:59:59Z'",
            "[1, 2",
            "&x 1",
            "*missing"
          };
          String value = values[random.nextInt(values.length)];
          return replaceValue(text, random, value, value);
        }
    }
  }

  private static Mutant lines(String text, SplittableRandom random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int line = random.nextInt(lines.size());
    switch (random.nextInt(3)) {
      case 0:
        lines.remove(line);
        return new Mutant(String.join("\n", lines), "delete line " + (line + 1));
      case 1:
        lines.add(line, lines.get(line));
        return new Mutant(String.join("\n", lines), "duplicate line " + (line + 1));
      default:
        lines.set(line, "  " + lines.get(line));
        return new Mutant(String.join("\n", lines), "indent line " + (line + 1));
    }
  }

  /**
   * The billion-laughs document: each anchor lists ten aliases of the previous one, so the last
   * stands for 10^levels scalars. Written in front of the document and referred to from a value of
   * it.
   */
  private static Mutant aliasBomb(String text, SplittableRandom random) {
    int levels = 3 + random.nextInt(7);
    StringBuilder bomb =
        new StringBuilder("lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level <= levels; level++) {
      bomb.append("lol").append(level).append(": &a").append(level).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
      }

      bomb.append("]\n");
    }

    if (random.nextBoolean()) {
      return new Mutant(bomb + text, "alias bomb of 10^" + levels + " in front");
    }

    Mutant referred = replaceValue(text, random, "*a" + levels, "alias *a" + levels);
    return new Mutant(
        bomb + referred.text, "alias bomb of 10^" + levels + " in front, " + referred.description);
  }

  private static Mutant replaceValue(
      String text, SplittableRandom random, String value, String what) {
    List<int[]> spans = new ArrayList<>();
    Matcher matcher = VALUE.matcher(text);
    while (matcher.find()) {
      spans.add(new int[] {matcher.start(2), matcher.end(2)});
    }

    if (spans.isEmpty()) {
      return new Mutant(value + text, "prefix " + abbreviate(what));
    }

    int[] span = spans.get(random.nextInt(spans.size()));
    return new Mutant(
        text.substring(0, span[0]) + value + text.substring(span[1]),
        "value at char " + span[0] + " replaced with " + abbreviate(what));
  }

  private static Mutant replaceNumber(String text, SplittableRandom random, String value) {
    List<int[]> spans = new ArrayList<>();
    Matcher matcher = NUMBER.matcher(text);
    while (matcher.find()) {
      spans.add(new int[] {matcher.start(), matcher.end()});
    }

    if (spans.isEmpty()) {
      return new Mutant(text, "no number to replace");
    }

    int[] span = spans.get(random.nextInt(spans.size()));
    return new Mutant(
        text.substring(0, span[0]) + value + text.substring(span[1]),
        "number at char " + span[0] + " replaced with " + abbreviate(value));
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 20) + "… (" + text.length() + " chars)" : text;
  }

  private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
    byte[] result = new byte[bytes.length - remove + insert.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(insert, 0, result, at, insert.length);
    System.arraycopy(bytes, at + remove, result, at + insert.length, bytes.length - at - remove);
    return result;
  }

  /** As the command line reads files: malformed UTF-8 becomes U+FFFD. */
  private static String decode(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
