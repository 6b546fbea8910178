package io.topictracker.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Known entities (tech organisations, people, products and places) with their aliases, matched on
 * the case-sensitive surface of words so that "Apple" is the company and "apple" is not. The built-in
 * list is the resource {@code /entities.tsv}; a taxonomy's {@code entities:} section extends it.
 * Immutable once built.
 *
 * <p>An entry is {@code Name|Alias|~WeakAlias}. A weak form ("Claude", "Gemini") is also an
 * ordinary word or a first name, so it counts only inside a sentence, not at its start, not in a
 * heading and not next to another capitalised word ("Claude Shannon").
 */
final class Gazetteer {

    /**
     * One known entity: its canonical name and type, and the name's words, each also as its
     * {@link #compactKey} (worked out once: entity finding compares names word by word).
     */
    record Entity(String name, EntityType type, List<String> words, List<String> keys) {

        /** The entity {@code name} of {@code type}, its words cut at spaces. */
        static Entity of(String name, EntityType type) {
            String[] words = name.split(" ");
            String[] keys = new String[words.length];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = compactKey(words[k]);
            }
            // Arrays.asList, as every list of a name's words in entity finding: one List class, so
            // that calls on them stay direct (inlined) there instead of dispatched by interface.
            return new Entity(name, type, Arrays.asList(words), Arrays.asList(keys));
        }
    }

    /** A gazetteer match: words {@code [start, end)} name {@code entity}. */
    record Match(int start, int end, Entity entity, boolean weak) {}

    /**
     * A node of the names' trie: its children keyed by word id ({@link #wordIds}), the nodes of the
     * first words in {@link #firstNodes}.
     */
    private static final class Node extends IdTrieNode<Node> {
        String name;
        boolean weak;
        /** The entity named {@link #name}, set once every entry is in (a later entry may retype a name). */
        Entity entity;
    }

    /** Generated places (tools/gazetteer), then the hand-curated list, whose entries win. */
    private static final List<String> RESOURCES = List.of("/entities-generated.tsv", "/entities.tsv");

    private static final class Default {
        static final List<Map.Entry<Entity, List<String>>> ENTRIES = readResources();
    }

    /** Each word of a known form numbered, so that the trie is walked by ids. */
    private final Map<String, Integer> wordIds = new HashMap<>();
    /** The first words' nodes, by word id (null: no form starts with that word). */
    private Node[] firstNodes = new Node[1024];
    private final Map<String, String> nameByCompactKey = new HashMap<>();
    /** {@link #nameByCompactKey} resolved to entities once built (that map is then emptied). */
    private final Map<String, Entity> byCompactKey = new HashMap<>();
    /**
     * Hash bits of first words without capitals ("o1", "scikit-learn"): few, and this says "none
     * starts like that" for most lower-case words without looking at their lexeme.
     */
    private final boolean[] lowerCaseFirstHashes = new boolean[1 << 12];
    /** Stands for "no known name starts with this word" in a {@link Lexeme}'s memory. */
    private static final Node NO_NODE = new Node();
    private final Map<String, Entity> byName = new HashMap<>();

    private Gazetteer() {}

    /** The built-in entities plus {@code extra} (type → entries), which win over built-in forms. */
    static Gazetteer withExtras(Map<EntityType, List<String>> extra) {
        Gazetteer g = new Gazetteer();
        for (Map.Entry<Entity, List<String>> e : Default.ENTRIES) {
            g.add(e.getKey(), e.getValue());
        }
        for (Map.Entry<EntityType, List<String>> e : extra.entrySet()) {
            for (String entry : e.getValue()) {
                List<String> forms = forms(entry);
                g.add(Entity.of(stripWeak(forms.get(0)), e.getKey()), forms);
            }
        }
        g.resolveNames();
        return g;
    }

    /** Points each name at its entity, now that each name's last type is known. */
    private void resolveNames() {
        nameByCompactKey.forEach((key, name) -> byCompactKey.put(key, byName.get(name)));
        nameByCompactKey.clear(); // only needed while entries could still retype a name
        firstNodes = Arrays.copyOf(firstNodes, wordIds.size()); // one slot per id
        List<Node> todo = new ArrayList<>();
        for (Node first : firstNodes) {
            if (first != null) {
                todo.add(first);
            }
        }
        while (!todo.isEmpty()) {
            Node node = todo.remove(todo.size() - 1);
            if (node.name != null) {
                node.entity = byName.get(node.name);
            }
            for (int i = 0; i < node.childCount(); i++) {
                todo.add(node.childAt(i));
            }
        }
    }

    /** The forms of an entry "Name|Alias|~Weak", blank ones dropped; the first is the name. */
    static List<String> forms(String entry) {
        List<String> forms = new ArrayList<>();
        for (String f : entry.split("\\|")) {
            String form = f.strip();
            if (!stripWeak(form).isEmpty()) {
                forms.add(form);
            }
        }
        return forms;
    }

    private static String stripWeak(String form) {
        return form.startsWith("~") ? form.substring(1).strip() : form;
    }

    /** Adds or extends an entry; for a name listed twice the later type wins. */
    private void add(Entity entity, List<String> forms) {
        byName.put(entity.name(), entity);
        for (String form : forms) {
            boolean weak = form.startsWith("~");
            String text = stripWeak(form);
            Word[] words = Tokenizer.wordArray(text);
            if (words.length == 0) {
                continue;
            }
            if (!words[0].anyUpper()) {
                lowerCaseFirstHashes[words[0].textHash() & (lowerCaseFirstHashes.length - 1)] = true;
            }
            // The trie is keyed by each word's text as written.
            int first = wordIds.computeIfAbsent(words[0].text(), t -> wordIds.size());
            if (first >= firstNodes.length) {
                firstNodes = Arrays.copyOf(firstNodes, Math.max(first + 1, 2 * firstNodes.length));
            }
            if (firstNodes[first] == null) {
                firstNodes[first] = new Node();
            }
            Node node = firstNodes[first];
            for (int k = 1; k < words.length; k++) {
                node = node.addChild(wordIds.computeIfAbsent(words[k].text(), t -> wordIds.size()), Node::new);
            }
            node.name = entity.name();
            node.weak = weak;
            nameByCompactKey.put(compactKey(text), entity.name());
        }
    }

    /** Case-folded letters and digits only: "Open AI", "OpenAI" and "open-ai" share one key. */
    static String compactKey(String s) {
        // One pass, one copy: every name the extractor resolves goes through here.
        char[] out = new char[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out[n++] = c;
                } else if (c >= 'A' && c <= 'Z') {
                    out[n++] = (char) (c + ('a' - 'A'));
                }
            } else if (Character.isLetterOrDigit(c)) {
                out[n++] = Character.toLowerCase(c);
            }
        }
        return new String(out, 0, n);
    }

    /** The longest known name starting at word {@code i}, not spanning punctuation, or null. */
    Match longestAt(Word[] words, int i) {
        Word first = words[i];
        if (!first.anyUpper() && !startsLowerCaseForm(first)) {
            return null; // most words of an article, and no name starts like them
        }
        Node node = null;
        Match best = null;
        for (int j = i; j < words.length; j++) {
            if (j > i && words[j].breakBefore()) {
                break;
            }
            node = j == i ? firstNode(first) : node.child(remembered(words[j]).gazetteerWordId);
            if (node == null) {
                break;
            }
            if (node.name != null) {
                best = new Match(i, j + 1, node.entity, node.weak);
            }
        }
        return best;
    }

    /** Whether a word without capitals can start a known name: only a few forms have none ("o1"). */
    boolean startsLowerCaseForm(Word word) {
        return lowerCaseFirstHashes[word.textHash() & (lowerCaseFirstHashes.length - 1)] && firstNode(word) != null;
    }

    /**
     * The trie node of the names that start with {@code word}, or null. Asked of most words of every
     * article, so the answer is remembered with the word's form in its {@link Lexeme}.
     */
    private Node firstNode(Word word) {
        Lexeme lexeme = remembered(word);
        Object node = lexeme.gazetteerEntry;
        return node == NO_NODE ? null : (Node) node;
    }

    /** The entity whose name or alias has the {@link #compactKey} of {@code word}'s text, or null. */
    Entity byWord(Word word) {
        Lexeme lexeme = remembered(word);
        if (!lexeme.knownAsName) {
            lexeme.gazetteerName = byCompactKey(word.compactKey());
            lexeme.knownAsName = true;
        }
        return (Entity) lexeme.gazetteerName;
    }

    /** "Liberian(s)", "Iranian(s)", "Texan": a known place's people. */
    boolean demonym(Word word) {
        Lexeme lexeme = remembered(word);
        if (!lexeme.knownAsDemonym) {
            lexeme.demonym = demonym(lexeme.text);
            lexeme.knownAsDemonym = true;
        }
        return lexeme.demonym;
    }

    private boolean demonym(String word) {
        String w = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        if (w.length() < 4 || !w.endsWith("n")) {
            return false;
        }
        for (String place : new String[] {w.substring(0, w.length() - 1), w.substring(0, w.length() - 2),
            w.substring(0, w.length() - 3), w.substring(0, w.length() - 3) + "a"}) {
            Entity e = byCompactKey(compactKey(place));
            if (e != null && e.type() == EntityType.PLACE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The word's lexeme, with what it remembers of a gazetteer made this gazetteer's: its first-word
     * node looked up, the other answers forgotten until asked.
     */
    private Lexeme remembered(Word word) {
        Lexeme lexeme = word.lexeme();
        if (lexeme.gazetteer != this) {
            remember(lexeme); // apart, so that this check stays small enough for the JIT to inline
        }
        return lexeme;
    }

    private void remember(Lexeme lexeme) {
        Integer id = wordIds.get(lexeme.text);
        Node node = id == null ? null : firstNodes[id];
        lexeme.gazetteerWordId = id == null ? -1 : id;
        lexeme.gazetteerEntry = node == null ? NO_NODE : node;
        lexeme.knownAsName = false;
        lexeme.knownAsDemonym = false;
        lexeme.gazetteer = this;
    }

    /** The entity whose name or alias has this {@link #compactKey}, or null. */
    Entity byCompactKey(String key) {
        return byCompactKey.get(key);
    }

    private static List<Map.Entry<Entity, List<String>>> readResources() {
        List<Map.Entry<Entity, List<String>>> entries = new ArrayList<>();
        for (String resource : RESOURCES) {
            readResource(resource, entries);
        }
        return List.copyOf(entries);
    }

    private static void readResource(String resource, List<Map.Entry<Entity, List<String>>> entries) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 2) {
                    throw new IllegalStateException(resource + " line " + number + ": expected name<TAB>TYPE[<TAB>aliases]");
                }
                EntityType type = EntityType.valueOf(cols[1].strip());
                List<String> forms = new ArrayList<>(forms(cols[0]));
                if (cols.length > 2) {
                    forms.addAll(forms(cols[2]));
                }
                entries.add(Map.entry(Entity.of(stripWeak(forms.get(0)), type), List.copyOf(forms)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
