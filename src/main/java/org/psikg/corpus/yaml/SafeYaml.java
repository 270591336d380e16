package org.psikg.corpus.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.psikg.corpus.TextFiles;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;

/**
 * Reads one YAML document safely into a {@link YamlNode} tree. Works on the parser's event
 * stream, so no object is ever constructed from a tag and no recursion follows the input's
 * nesting. Refused, each with file, line and column: files over {@link #MAX_BYTES}, a
 * byte-order mark, invalid UTF-8, tags, anchors and aliases, nesting deeper than
 * {@link #MAX_DEPTH}, duplicate keys, non-scalar keys, several documents.
 * <pre>
 * YamlNode root = SafeYaml.read(Path.of("seeds/registry/core.yaml"), "seeds/registry/core.yaml");
 * </pre>
 */
public final class SafeYaml {
    public static final int MAX_BYTES = 3 * 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    private static final Pattern DIRECTIVE = Pattern.compile("^%YAML", Pattern.MULTILINE | Pattern.UNIX_LINES);

    private SafeYaml() {
    }

    public static YamlNode read(Path path, String name) {
        byte[] bytes;
        TextFiles.requireRegularFile(path, name);
        TextFiles.requireAtMost(path, name, MAX_BYTES, ErrorCode.YAML_TOO_LARGE, "the YAML file");
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(name), ErrorCode.IO, "cannot read file: " + e.getMessage()));
        }
        return parse(bytes, name);
    }

    /** Reads a YAML file's bytes, already known to be within {@link #MAX_BYTES}. */
    public static YamlNode parse(byte[] bytes, String name) {
        return parse(TextFiles.decodeUtf8(bytes, name, true), name);
    }

    public static YamlNode parse(String text, String name) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(0)
                .setCodePointLimit(MAX_BYTES)
                .build();
        TreeBuilder builder = new TreeBuilder(name);
        try {
            return builder.build(new Parse(settings).parseString(text));
        } catch (MarkedYamlEngineException e) {
            Location at = location(name, e.getProblemMark().or(e::getContextMark));
            throw new InputException(InputError.of(at, ErrorCode.YAML_SYNTAX, "YAML syntax error: " + e.getProblem()));
        } catch (ReaderException e) {
            throw new InputException(InputError.of(atCodePoint(text, e.getPosition(), name), ErrorCode.YAML_SYNTAX,
                    String.format("YAML does not allow the character U+%04X here", e.getCodePoint()))
                    .withHint("remove it, or write it as an escape (\\u%04X) in a double-quoted string".formatted(e.getCodePoint())));
        } catch (NumberFormatException e) {
            // snakeyaml-engine 2.10 parses the hex digits of an escape cut off by the end of the file without checking them.
            throw new InputException(InputError.of(Location.at(name, text, text.length()),
                    ErrorCode.YAML_SYNTAX, "YAML syntax error: the file ends inside an escape sequence (\\x, \\u or \\U)"));
        } catch (YamlVersionException e) {
            throw new InputException(InputError.of(directive(text, name), ErrorCode.YAML_SYNTAX, "unsupported YAML version "
                    + e.getSpecVersion().getRepresentation()).withHint("psikg reads YAML 1.2; remove the %YAML line"));
        } catch (YamlEngineException e) {
            // Some scanner errors come without a place: the last place the parser got to is the nearest known.
            throw new InputException(InputError.of(builder.reached(), ErrorCode.YAML_SYNTAX, "YAML syntax error after this point: "
                    + e.getMessage()));
        }
    }

    /** Where the (first) {@code %YAML} directive is: the parser reports a bad version without a place. */
    private static Location directive(String text, String name) {
        Matcher m = DIRECTIVE.matcher(text);
        return Location.at(name, text, m.find() ? m.start() : 0);
    }

    /** The place of the code point at {@code index} of {@code text} (the parser counts code points, not chars). */
    private static Location atCodePoint(String text, int index, String name) {
        return Location.at(name, text, text.offsetByCodePoints(0, Math.min(index, text.codePointCount(0, text.length()))));
    }

    static Location location(String name, java.util.Optional<Mark> mark) {
        return mark.map(m -> new Location(name, m.getLine() + 1, m.getColumn() + 1)).orElse(Location.ofFile(name));
    }

    /** Builds the tree from the event stream with an explicit stack. */
    private static final class TreeBuilder {
        private final String name;
        private final Deque<Frame> stack = new ArrayDeque<>();
        private YamlNode root;
        private int documents;
        private Location reached;

        TreeBuilder(String name) {
            this.name = name;
            this.reached = new Location(name, 1, 1);
        }

        YamlNode build(Iterable<Event> events) {
            for (Event event : events) {
                accept(event);
            }
            return root != null ? root : new YamlNode.Scalar("", true, new Location(name, 1, 1));
        }

        /** The end of the last event parsed, or the file's start. */
        Location reached() {
            return reached;
        }

        private void accept(Event event) {
            Location at = location(name, event.getStartMark());
            reached = location(name, event.getEndMark().or(event::getStartMark));
            if (reached.line() < 1) {
                reached = at.line() < 1 ? new Location(name, 1, 1) : at;
            }
            switch (event.getEventId()) {
                case DocumentStart -> {
                    if (++documents > 1) {
                        throw error(at, ErrorCode.YAML_DOCUMENTS, "more than one YAML document in the file");
                    }
                }
                case Alias -> throw error(at, ErrorCode.YAML_ALIAS, "YAML aliases are not allowed ("
                        + ((AliasEvent) event).getAlias() + ")");
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) event;
                    checkNodeEvent(s, s.getTag(), at);
                    boolean nil = s.isPlain() && isNull(s.getValue());
                    add(new YamlNode.Scalar(s.getValue(), nil, at), at);
                }
                case SequenceStart, MappingStart -> {
                    CollectionStartEvent c = (CollectionStartEvent) event;
                    checkNodeEvent(c, c.getTag(), at);
                    if (stack.size() >= MAX_DEPTH) {
                        throw error(at, ErrorCode.YAML_DEPTH, "nesting deeper than " + MAX_DEPTH + " levels");
                    }
                    stack.push(new Frame(event.getEventId() == Event.ID.MappingStart, at));
                }
                case SequenceEnd, MappingEnd -> {
                    Frame f = stack.pop();
                    add(f.toNode(), f.at);
                }
                default -> {
                }
            }
        }

        private static boolean isNull(String v) {
            return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
        }

        private void checkNodeEvent(NodeEvent e, java.util.Optional<String> tag, Location at) {
            if (e.getAnchor().isPresent()) {
                throw error(at, ErrorCode.YAML_ANCHOR, "YAML anchors are not allowed (&" + e.getAnchor().get() + ")");
            }
            if (tag.isPresent()) {
                throw error(at, ErrorCode.YAML_TAG, "YAML tags are not allowed (" + tag.get() + ")");
            }
        }

        private void add(YamlNode node, Location at) {
            if (stack.isEmpty()) {
                root = node;
            } else {
                stack.peek().add(node, at, name);
            }
        }

        private static InputException error(Location at, ErrorCode code, String message) {
            return new InputException(InputError.of(at, code, message));
        }
    }

    private static final class Frame {
        final boolean mapping;
        final Location at;
        final List<YamlNode> items = new ArrayList<>();
        final Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        YamlNode.Scalar pendingKey;

        Frame(boolean mapping, Location at) {
            this.mapping = mapping;
            this.at = at;
        }

        void add(YamlNode node, Location nodeAt, String name) {
            if (!mapping) {
                items.add(node);
                return;
            }
            if (pendingKey == null) {
                if (!(node instanceof YamlNode.Scalar key)) {
                    throw new InputException(InputError.of(nodeAt, ErrorCode.YAML_KEY, "a map key must be plain text, not a " + node.kind()));
                }
                YamlNode.Entry previous = entries.get(key.text());
                if (previous != null) {
                    throw new InputException(InputError.of(nodeAt, ErrorCode.YAML_DUPLICATE_KEY, "duplicate key '" + key.text() + "'")
                            .withHint("first given at line " + previous.keyLocation().line()));
                }
                pendingKey = key;
            } else {
                entries.put(pendingKey.text(), new YamlNode.Entry(pendingKey.text(), pendingKey.location(), node));
                pendingKey = null;
            }
        }

        YamlNode toNode() {
            return mapping ? new YamlNode.Mapping(entries, at) : new YamlNode.Sequence(items, at);
        }
    }
}
