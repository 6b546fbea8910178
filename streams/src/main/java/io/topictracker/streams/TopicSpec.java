package io.topictracker.streams;

import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes its records use: serdes travel with topics, never as config defaults. */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
