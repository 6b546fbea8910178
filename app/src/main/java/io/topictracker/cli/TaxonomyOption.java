package io.topictracker.cli;

import io.topictracker.extract.Extractor;
import io.topictracker.extract.Taxonomy;
import io.topictracker.extract.TaxonomyException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --taxonomy FILE}: the themes to track; the taxonomy shipped in the jar by default. */
public final class TaxonomyOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--taxonomy", paramLabel = "FILE", defaultValue = "${env:TOPIC_TRACKER_TAXONOMY}",
            description = "Taxonomy YAML (themes and phrases) replacing the built-in one (env TOPIC_TRACKER_TAXONOMY).")
    Path taxonomy;

    public Extractor extractor() {
        try {
            return new Extractor(taxonomy == null ? Taxonomy.loadDefault() : Taxonomy.load(taxonomy));
        } catch (TaxonomyException e) {
            throw new ParameterException(spec.commandLine(), "--taxonomy " + e.getMessage());
        }
    }
}
