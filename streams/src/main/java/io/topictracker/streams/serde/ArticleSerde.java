package io.topictracker.streams.serde;

import io.topictracker.article.Article;
import io.topictracker.article.ArticleJson;
import io.topictracker.article.DecodedArticle;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Articles in their public wire format (the same JSON as the {@code articles} topic). */
public final class ArticleSerde implements Serde<Article> {

    @Override
    public Serializer<Article> serializer() {
        return (topic, article) -> article == null ? null : ArticleJson.encode(article);
    }

    @Override
    public Deserializer<Article> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            DecodedArticle decoded = ArticleJson.decode(bytes);
            if (decoded instanceof DecodedArticle.Valid valid) {
                return valid.article();
            }
            throw new SerializationException(((DecodedArticle.Invalid) decoded).reason());
        };
    }
}
