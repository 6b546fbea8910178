package io.topictracker.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives a stable article id when an event carries none: its url, else a hash of title and body. */
public final class ArticleIds {

    private ArticleIds() {}

    public static String derive(String title, String body, String url) {
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        return "sha256-" + sha256Hex((title == null ? "" : title) + "\n" + body).substring(0, 32);
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
