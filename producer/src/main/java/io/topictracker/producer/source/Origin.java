package io.topictracker.producer.source;

/**
 * The input being read: how to name it to the user, and the id its text article gets when the
 * front matter has none.
 *
 * @param display the path as the user gave it (or as found under a directory), or {@code stdin}
 * @param fileId the file name without extension, or {@code null} for standard input, whose text
 *     articles get an id derived from their content
 */
record Origin(String display, String fileId) {

    static final String STDIN = "stdin";

    static Origin stdin() {
        return new Origin(STDIN, null);
    }

    /** The noun for messages about the whole input: "file is empty" reads oddly for stdin. */
    String noun() {
        return fileId == null ? "input" : "file";
    }
}
