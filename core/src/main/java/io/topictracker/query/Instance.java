package io.topictracker.query;

/** One running topic-tracker instance, by the host and port its HTTP API answers on. */
public record Instance(String host, int port) {

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
