package io.topictracker.extract;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A trie node whose children are keyed by int ids (of tokens, of words): a node has few children, so
 * they sit in two small arrays and are found by a look along them, not by hashing a string. The
 * theme matcher's and the gazetteer's nodes add what they hold.
 *
 * @param <N> the node class itself
 */
abstract class IdTrieNode<N extends IdTrieNode<N>> {

    private static final int[] NO_KEYS = {};
    private static final IdTrieNode<?>[] NO_CHILDREN = {};

    private int[] keys = NO_KEYS;
    private IdTrieNode<?>[] children = NO_CHILDREN;

    /** The child for {@code id}, or null. */
    @SuppressWarnings("unchecked")
    final N child(int id) {
        int[] keys = this.keys;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == id) {
                return (N) children[i];
            }
        }
        return null;
    }

    /** The child for {@code id}, made by {@code make} if there is none yet. */
    final N addChild(int id, Supplier<N> make) {
        N node = child(id);
        if (node == null) {
            node = make.get();
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = id;
            children[children.length - 1] = node;
        }
        return node;
    }

    int childCount() {
        return keys.length;
    }

    /** The id of child {@code i} (in the order added). */
    int key(int i) {
        return keys[i];
    }

    /** Child {@code i} (in the order added). */
    @SuppressWarnings("unchecked")
    N childAt(int i) {
        return (N) children[i];
    }
}
