package org.psikg.cli;

import java.nio.file.Path;
import org.psikg.rdf.KnowledgeGraph;
import picocli.CommandLine.Option;

/** The options of every command that builds the graph from a corpus: where the seeds and the ontology are. */
final class CorpusOptions {
    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds", description = "the seeds folder (default: ${DEFAULT-VALUE})")
    Path seeds;

    @Option(names = "--ontology", paramLabel = "FILE", defaultValue = "ontology/psikg.ttl", description = "the ontology (default: ${DEFAULT-VALUE})")
    Path ontology;

    KnowledgeGraph build() {
        return KnowledgeGraph.build(seeds, ontology);
    }
}
