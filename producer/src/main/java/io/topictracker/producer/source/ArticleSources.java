package io.topictracker.producer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The producer's input side: turns the paths given on the command line into {@code Article}
 * events. A path is a file, a directory (read recursively in path order, skipping names that start
 * with '.'), or {@code -} for standard input.
 *
 * <p>Formats, by file name and then content:
 * <ul>
 *   <li>{@code .jsonl}, {@code .ndjson}, and {@code .json} files or other input whose first line is
 *       a JSON object: one wire-format object per line, problems named by line;</li>
 *   <li>{@code .json} (or other input starting with '{' or an array of objects) holding one
 *       pretty-printed object or an array of objects, streamed element by element;</li>
 *   <li>anything else: one text article, with optional YAML front matter between {@code ---}
 *       lines (keys {@code id title date|publishedAt author url source}), else the first non-empty
 *       line as title and the rest as body.</li>
 * </ul>
 * A text file's article id is its front-matter {@code id}, else its file name without extension,
 * so publishing an edited file again replaces the article. Text on standard input gets an id
 * derived from its content.
 *
 * <p>A bad file or line is reported as a {@link ReadProblem} and skipped; it never stops the
 * other inputs from being read.
 */
public final class ArticleSources {

    /** The path that means standard input. */
    public static final String STDIN = "-";

    private ArticleSources() {}

    /**
     * Reads every path and collects the articles and problems in input order. Holds all articles
     * in memory; see {@link #forEach} for large inputs.
     *
     * @param stdin read only if {@code paths} contains {@code -}; never closed
     */
    public static ReadReport read(List<String> paths, InputStream stdin) {
        List<SourcedArticle> articles = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        forEach(paths, stdin, articles::add, problems::add);
        return new ReadReport(articles, problems);
    }

    /**
     * Reads every path, handing each article and problem over as soon as it is read, so JSON-lines
     * inputs of any size stream through. Exceptions thrown by the consumers propagate unchanged and
     * end the reading.
     *
     * @param stdin read only if {@code paths} contains {@code -}; never closed
     */
    public static void forEach(List<String> paths, InputStream stdin,
            Consumer<? super SourcedArticle> articles, Consumer<? super ReadProblem> problems) {
        Objects.requireNonNull(stdin, "stdin");
        Sink sink = new Sink(Objects.requireNonNull(articles, "articles"), Objects.requireNonNull(problems, "problems"));
        boolean stdinRead = false;
        for (String path : paths) {
            if (STDIN.equals(path)) {
                if (stdinRead) {
                    sink.problem(Origin.STDIN, 0, "standard input was already read ('-' is given more than once)");
                } else {
                    stdinRead = true;
                    readStdin(stdin, sink);
                }
            } else {
                readPath(path, sink);
            }
        }
    }

    private static void readStdin(InputStream stdin, Sink sink) {
        try {
            StreamReader.read(Origin.stdin(), stdin, Format.SNIFF, sink);
        } catch (IOException e) {
            sink.problem(Origin.STDIN, 0, "cannot read standard input (" + reason(e) + ")");
        }
    }

    private static void readPath(String given, Sink sink) {
        if (given.isBlank()) {
            sink.problem("'" + given + "'", 0, "empty path");
            return;
        }
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            sink.problem(given, 0, "not a valid path (" + e.getReason() + ")");
            return;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            sink.problem(given, 0, cannotRead("file", e));
            return;
        }
        if (attributes.isDirectory()) {
            readDirectory(path, sink);
        } else {
            readFile(path, given, sink); // not only regular files: a named pipe or /dev/stdin works too
        }
    }

    /** A file found under a directory, or why it could not be looked at. */
    private record Entry(Path path, String problem) {}

    private static void readDirectory(Path root, Sink sink) {
        List<Entry> entries = new ArrayList<>();
        try {
            // Follows links so a linked seed folder is read; the walker detects link loops.
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (isHidden(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attributes.isRegularFile()) {
                                entries.add(new Entry(file, null));
                            } else if (attributes.isSymbolicLink()) {
                                // only a link the walker could not follow is reported as one
                                entries.add(new Entry(file, "symbolic link points to nothing"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!file.equals(root) && isHidden(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            entries.add(new Entry(file, e instanceof FileSystemLoopException
                                    ? "symbolic link loops back to a directory above it; skipped"
                                    : cannotRead(Files.isDirectory(file) ? "directory" : "file", e)));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            if (e != null) {
                                entries.add(new Entry(dir, cannotRead("directory", e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // the visitor never throws, so this is the walk itself failing
            entries.add(new Entry(root, cannotRead("directory", e)));
        }
        entries.sort(Comparator.comparing(Entry::path));
        for (Entry entry : entries) {
            if (entry.problem() == null) {
                readFile(entry.path(), entry.path().toString(), sink);
            } else {
                sink.problem(entry.path().toString(), 0, entry.problem());
            }
        }
    }

    private static void readFile(Path file, String display, Sink sink) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Origin origin = new Origin(display, withoutExtension(name));
        try (InputStream in = Files.newInputStream(file)) {
            StreamReader.read(origin, in, Format.ofFileName(name), sink);
        } catch (IOException e) {
            sink.problem(display, 0, cannotRead("file", e));
        }
    }

    /** "000_945879bacdbee9c1.txt" → "000_945879bacdbee9c1"; a name like ".notes" stays whole. */
    static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String cannotRead(String what, IOException e) {
        if (e instanceof NoSuchFileException) {
            return what + " not found";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read " + what + " (permission denied)";
        }
        return "cannot read " + what + " (" + reason(e) + ")";
    }

    /** The cause without the path, which the problem's location already names. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
