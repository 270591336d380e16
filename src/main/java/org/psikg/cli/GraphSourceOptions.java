package org.psikg.cli;

import java.nio.file.Path;
import org.psikg.rdf.GraphSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options of every command that reads a graph it did not build itself: seeds, a dataset file or a TDB2 store. */
final class GraphSourceOptions {
    static final class Choice {
        @Option(names = "--seeds", paramLabel = "DIR", description = "build the graph from this seeds folder, in memory (default: seeds)")
        Path seeds;

        @Option(names = "--data", paramLabel = "FILE", description = "read this dataset file (TriG, N-Quads...) instead")
        Path data;

        @Option(names = "--tdb2", paramLabel = "DIR", description = "open the TDB2 store written by psikg build --tdb2 DIR instead")
        Path tdb2;
    }

    @ArgGroup(exclusive = true)
    Choice choice = new Choice();

    @Option(names = "--ontology", paramLabel = "FILE", defaultValue = "ontology/psikg.ttl",
            description = "the ontology, with --seeds (default: ${DEFAULT-VALUE})")
    Path ontology;

    GraphSource source() {
        if (choice.data != null) {
            return new GraphSource.DataFile(choice.data);
        }
        if (choice.tdb2 != null) {
            return new GraphSource.Store(choice.tdb2);
        }
        return new GraphSource.Seeds(choice.seeds != null ? choice.seeds : Path.of("seeds"), ontology);
    }
}
