package io.topictracker.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One of the four real seed articles under {@code src/test/resources/seeds}, split into title and
 * body the way the producer will hand them over.
 *
 * <ul>
 *   <li>000 starts with YAML front matter: its {@code title:} is the title, the rest is the body;
 *   <li>001 and 003: the first non-empty line is the title, the rest the body;
 *   <li>002 is a whole scraped blog page with no separate title.
 * </ul>
 */
record SeedArticle(String name, String title, String body) {

    static final String[] FILES = {
        "000_945879bacdbee9c1.txt", "001_793c6768dc07fa76.txt", "002_728830cd7c627d4c.txt", "003_85979b9f01c146de.txt"
    };

    static SeedArticle load(String file) {
        String text = read("/seeds/" + file);
        String name = file.substring(0, 3);
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---\n", 4);
            String frontMatter = text.substring(4, end);
            String title = null;
            for (String line : frontMatter.split("\n")) {
                if (line.startsWith("title:")) {
                    title = line.substring("title:".length()).strip().replaceAll("^\"|\"$", "");
                }
            }
            return new SeedArticle(name, title, text.substring(end + "\n---\n".length()));
        }
        if (name.equals("002")) {
            return new SeedArticle(name, null, text);
        }
        String stripped = text.stripLeading();
        int newline = stripped.indexOf('\n');
        return new SeedArticle(name, stripped.substring(0, newline).strip(), stripped.substring(newline + 1));
    }

    static String read(String resource) {
        try (InputStream in = SeedArticle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
