package vn.herald.content;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping whose values remember the line they were written on, so that every
 * error can point the author at the line to fix.
 */
public final class YamlFields {

    private static final String DATE_EXPECTED = "một ngày dạng 2027-05-18";

    private record Field(int line, Node value) {
    }

    private final int startLine;
    private final int lineOffset;
    private final Map<String, Field> fields;

    private YamlFields(int startLine, int lineOffset, Map<String, Field> fields) {
        this.startLine = startLine;
        this.lineOffset = lineOffset;
        this.fields = fields;
    }

    /**
     * @param lineOffset added to every line SnakeYAML reports, e.g. 1 for front matter that
     *                   starts after the opening {@code ---} line
     */
    public static YamlFields parse(String yamlText, int lineOffset) {
        Node root;
        try {
            // compose() stops at the node tree, so no object is built from a YAML tag, and
            // SnakeYAML 2 refuses Java class tags outright; SafeConstructor states the same intent.
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            root = yaml.compose(new StringReader(yamlText == null ? "" : yamlText));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1 + lineOffset;
            throw new SourceFileException(line, "YAML không hợp lệ: " + describeProblem(e, lineOffset));
        } catch (YAMLException e) {
            throw new SourceFileException(0, "YAML không hợp lệ: " + e.getMessage());
        }
        if (root == null) {
            return new YamlFields(1 + lineOffset, lineOffset, Map.of());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new SourceFileException(lineOf(root, lineOffset), "cần các cặp khóa: giá trị");
        }
        return of(mapping, lineOffset);
    }

    private static YamlFields of(MappingNode mapping, int lineOffset) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int line = lineOf(keyNode, lineOffset);
            if (!(keyNode instanceof ScalarNode key)) {
                throw new SourceFileException(line, "khóa phải là một tên đơn giản, đang là " + describe(keyNode));
            }
            Field earlier = fields.putIfAbsent(key.getValue(), new Field(line, tuple.getValueNode()));
            if (earlier != null) {
                throw new SourceFileException(line,
                        "'" + key.getValue() + "' được ghi hai lần, lần đầu ở dòng " + earlier.line());
            }
        }
        return new YamlFields(lineOf(mapping, lineOffset), lineOffset, fields);
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** The line of the key, or the first line of this mapping when the key is absent. */
    public int line(String key) {
        Field field = fields.get(key);
        return field == null ? startLine : field.line();
    }

    public Set<String> keys() {
        return new LinkedHashSet<>(fields.keySet());
    }

    public int startLine() {
        return startLine;
    }

    /** A scalar as written (numbers and booleans included), trimmed; blank or null is empty. */
    public Optional<String> text(String key) {
        return scalar(key, "một đoạn chữ");
    }

    public String requiredText(String key) {
        return text(key).orElseThrow(() -> new SourceFileException(line(key), "thiếu '" + key + "'"));
    }

    /** A list of scalars; a single scalar counts as a list of one. Blank entries are dropped. */
    public List<String> textList(String key) {
        Field field = fields.get(key);
        if (field == null) {
            return List.of();
        }
        Node value = field.value();
        if (value instanceof ScalarNode scalar) {
            return scalarText(scalar).map(List::of).orElse(List.of());
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw mismatch(key, "một danh sách các đoạn chữ", value);
        }
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                throw new SourceFileException(lineOf(item, lineOffset),
                        "'" + key + "' phải là một danh sách các đoạn chữ, nhưng có " + describe(item) + " trong đó");
            }
            scalarText(scalar).ifPresent(items::add);
        }
        return List.copyOf(items);
    }

    /** One entry of a list: a text or a nested mapping, with the line it is written on. */
    public record Item(int line, Optional<String> text, Optional<YamlFields> mapping) {}

    /** A list whose entries are texts or nested mappings (a plan's tasks, a task's outputs); a single entry counts as a list of one. */
    public List<Item> items(String key) {
        Field field = fields.get(key);
        if (field == null || isNull(field.value())) {
            return List.of();
        }
        List<Node> nodes = field.value() instanceof SequenceNode sequence ? sequence.getValue() : List.of(field.value());
        List<Item> items = new ArrayList<>();
        for (Node node : nodes) {
            int line = lineOf(node, lineOffset);
            if (node instanceof MappingNode nested) {
                items.add(new Item(line, Optional.empty(), Optional.of(of(nested, lineOffset))));
            } else if (node instanceof ScalarNode scalar) {
                scalarText(scalar).ifPresent(text -> items.add(new Item(line, Optional.of(text), Optional.empty())));
            } else {
                throw new SourceFileException(line, "'" + key + "' có " + describe(node) + " lồng trong danh sách, hãy viết mỗi mục một dòng");
            }
        }
        return List.copyOf(items);
    }

    /** A nested mapping, whose keys keep their own lines. */
    public Optional<YamlFields> mapping(String key) {
        Field field = fields.get(key);
        if (field == null || isNull(field.value())) {
            return Optional.empty();
        }
        if (!(field.value() instanceof MappingNode nested)) {
            throw mismatch(key, "các cặp khóa: giá trị", field.value());
        }
        return Optional.of(of(nested, lineOffset));
    }

    public Optional<Integer> integer(String key) {
        return scalar(key, "một số nguyên").map(value -> {
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new SourceFileException(line(key),
                        "'" + key + "' phải là một số nguyên, đang là '" + value + "'");
            }
        });
    }

    public Optional<LocalDate> date(String key) {
        return scalar(key, DATE_EXPECTED).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new SourceFileException(line(key),
                        "'" + key + "' phải là " + DATE_EXPECTED + ", đang là '" + value + "'");
            }
        });
    }

    /** Case-insensitive; {@code dry-run} is accepted for {@code DRY_RUN}. */
    public <E extends Enum<E>> Optional<E> enumValue(String key, Class<E> type) {
        String expected = alternatives(type);
        return scalar(key, expected).map(value -> {
            String name = value.replace('-', '_').toUpperCase(Locale.ROOT);
            return Arrays.stream(type.getEnumConstants())
                    .filter(constant -> constant.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new SourceFileException(line(key),
                            "'" + key + "' phải là " + expected + ", đang là '" + value + "'"));
        });
    }

    /** Whether the key holds nested key: value pairs. */
    public boolean isMapping(String key) {
        Field field = fields.get(key);
        return field != null && field.value() instanceof MappingNode;
    }

    /** The whole mapping as plain values (text, whole numbers, true/false, lists, maps), e.g. to keep as settings. */
    public Map<String, Object> plain() {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((key, field) -> values.put(key, plain(field.value())));
        return values;
    }

    private static Object plain(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                values.put(key instanceof ScalarNode scalar ? scalar.getValue() : describe(key), plain(tuple.getValueNode()));
            }
            return values;
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(YamlFields::plain).toList();
        }
        ScalarNode scalar = (ScalarNode) node;
        if (Tag.NULL.equals(scalar.getTag())) {
            return null;
        }
        if (Tag.INT.equals(scalar.getTag())) {
            try {
                return Long.valueOf(scalar.getValue());
            } catch (NumberFormatException e) {
                return scalar.getValue();
            }
        }
        if (Tag.BOOL.equals(scalar.getTag())) {
            return List.of("true", "yes", "on").contains(scalar.getValue().toLowerCase(Locale.ROOT));
        }
        return CleanText.text(scalar.getValue());
    }

    private Optional<String> scalar(String key, String expected) {
        Field field = fields.get(key);
        if (field == null) {
            return Optional.empty();
        }
        if (!(field.value() instanceof ScalarNode scalar)) {
            throw mismatch(key, expected, field.value());
        }
        return scalarText(scalar);
    }

    private SourceFileException mismatch(String key, String expected, Node found) {
        return new SourceFileException(line(key), "'" + key + "' phải là " + expected + ", đang là " + describe(found));
    }

    private static Optional<String> scalarText(ScalarNode scalar) {
        if (isNull(scalar)) {
            return Optional.empty();
        }
        // a double-quoted "\0" or "\x07" is valid YAML: the library's files obey the same control character rule
        String value = CleanText.text(scalar.getValue()).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "một danh sách";
        }
        if (node instanceof MappingNode) {
            return "các cặp khóa: giá trị";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** The constants of an enum as a person reads a choice: "A, B hoặc C". */
    public static String alternatives(Class<? extends Enum<?>> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " hoặc " + names.get(names.size() - 1);
    }

    // The context names where the broken construct began, e.g. the opening quote of a string
    // that runs to the end of the file, which is the line the author has to fix.
    private static String describeProblem(MarkedYAMLException e, int lineOffset) {
        if (e.getContext() == null) {
            return e.getProblem();
        }
        Mark context = e.getContextMark();
        Mark problem = e.getProblemMark();
        boolean elsewhere = context != null && problem != null && context.getLine() != problem.getLine();
        String where = elsewhere ? ", bắt đầu ở dòng " + (context.getLine() + 1 + lineOffset) : "";
        return e.getProblem() + " (" + e.getContext() + where + ")";
    }

    private static int lineOf(Node node, int lineOffset) {
        return node.getStartMark().getLine() + 1 + lineOffset;
    }
}
