package org.psikg.corpus.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.psikg.corpus.TextFiles;
import org.psikg.corpus.synth.internal.RawYaml;
import org.psikg.corpus.synth.internal.Remix;
import org.psikg.corpus.synth.internal.SourceArticle;
import org.psikg.io.AtomicFiles;
import org.psikg.io.Progress;

/**
 * A synthetic corpus for benchmarks, grown from the seed corpus and fully determined by a
 * seed number. Each article takes a window of one seed article's annotations (a seed article
 * picked in proportion to its annotations, so that the kinds of annotation keep the seeds'
 * proportions), writes their quotes into a new text between sentences of the seed's word
 * chain, and gets its own authors and publisher: the registry is the seeds' registry plus
 * {@code registry/synthetic.yaml}, which grows with the number of articles.
 * <pre>
 * SyntheticCorpus.generate(Path.of("seeds"), 100, 1).writeTo(Path.of("target/synth-100"));
 * </pre>
 */
public final class SyntheticCorpus {
    private static final int MIN_WINDOW = 15;
    private static final int MAX_WINDOW = 45;

    private final SortedMap<String, byte[]> files;

    private SyntheticCorpus(SortedMap<String, byte[]> files) {
        this.files = files;
    }

    /** {@code articles} articles generated from the seeds folder {@code seeds}, deterministic in {@code seed}. */
    public static SyntheticCorpus generate(Path seeds, int articles, long seed) throws IOException {
        return generate(seeds, articles, seed, Progress.none());
    }

    /** As {@link #generate(Path, int, long)}, advancing {@code progress} by one per article made. */
    public static SyntheticCorpus generate(Path seeds, int articles, long seed, Progress progress) throws IOException {
        if (articles < 1) {
            throw new IllegalArgumentException("at least one article, not " + articles);
        }
        List<SourceArticle> sources = sources(seeds);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(seeds + " holds no annotated article");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        List<Path> registryFiles;
        try (Stream<Path> s = Files.list(seeds.resolve("registry"))) {
            registryFiles = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<Map<String, Object>> registries = new ArrayList<>();
        for (Path p : registryFiles) {
            String yaml = Files.readString(p);
            files.put("registry/" + p.getFileName(), yaml.getBytes(StandardCharsets.UTF_8));
            registries.add(RawYaml.map(RawYaml.load(yaml)));
        }
        Names names = Names.of(registries);
        Map<String, Object> synthetic = new LinkedHashMap<>();
        List<String> authorPool = new ArrayList<>();
        List<String> publisherPool = new ArrayList<>();
        Map<String, String> nameOf = new LinkedHashMap<>();
        Map<String, String> otherNodes = new TreeMap<>();
        int total = sources.stream().mapToInt(SourceArticle::size).sum();

        for (int i = 1; i <= articles; i++) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            SourceArticle source = pick(sources, total, random);
            int length = Math.min(source.size(), MIN_WINDOW + random.nextInt(MAX_WINDOW - MIN_WINDOW + 1));
            int from = random.nextInt(source.size() - length + 1);
            Set<Integer> window = source.closedWindow(from, from + length);

            Map<String, String> authorKeys = new LinkedHashMap<>();
            Map<String, String> authorNames = new LinkedHashMap<>();
            for (String seedAuthor : source.authors()) {
                String author;
                if (!authorPool.isEmpty() && random.nextInt(5) < 2) {
                    author = authorPool.get(random.nextInt(authorPool.size()));
                } else {
                    String[] name = names.person(random);
                    author = "syn-author-" + (authorPool.size() + 1);
                    authorPool.add(author);
                    nameOf.put(author, name[0]);
                    synthetic.put(author, entity("Person", name[0], name[1], "Synthetic author (psikg generate)."));
                }
                if (!authorKeys.containsValue(author)) {
                    authorKeys.put(seedAuthor, author);
                    authorNames.put(names.english(seedAuthor), nameOf.get(author));
                }
            }
            if (publisherPool.isEmpty() || random.nextInt(10) == 0) {
                String[] name = names.person(random);
                String publisher = "syn-publisher-" + (publisherPool.size() + 1);
                publisherPool.add(publisher);
                String surname = name[0].substring(name[0].indexOf(' ') + 1);
                String ruSurname = name[1].substring(name[1].indexOf(' ') + 1);
                synthetic.put(publisher, entity("Organisation", surname + " Review", "Обозрение " + ruSurname,
                        "Synthetic publisher (psikg generate)."));
            }
            String id = String.format("synthetic-%05d", i);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("id", id);
            meta.put("sha256", "");
            meta.put("title", "");
            meta.put("authors", new ArrayList<>(authorKeys.values()));
            meta.put("publisher", publisherPool.get(random.nextInt(publisherPool.size())));
            meta.put("genre", source.meta().get("genre"));
            meta.put("language", source.meta().get("language"));

            Remix.Output out = Remix.of(source, window, meta, authorKeys, authorNames, otherNodes, random);
            byte[] text = out.text().getBytes(StandardCharsets.UTF_8);
            meta.put("sha256", TextFiles.sha256(text));
            String name = String.format("%05d_synthetic", i);
            files.put(name + ".txt", text);
            files.put(name + ".yaml", ("# Synthetic article from " + source.id() + " (psikg generate --seed " + seed + ")\n"
                    + RawYaml.dump(out.yaml())).getBytes(StandardCharsets.UTF_8));
            for (String node : source.nodesOf(window)) {
                otherNodes.put(source.id() + "/" + node, id + "/" + node);
            }
            progress.advance(1);
        }
        files.put("registry/synthetic.yaml", ("# Authors and publishers of the synthetic articles (psikg generate --seed "
                + seed + ")\n" + RawYaml.dump(Map.of("entities", synthetic))).getBytes(StandardCharsets.UTF_8));
        return new SyntheticCorpus(files);
    }

    /** Every file, by path relative to the corpus folder, in path order. */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    /** Writes every file below {@code dir}, all or none; {@code dir} must not hold a corpus already. */
    public void writeTo(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty: generate writes a whole corpus into an empty or new folder");
                }
            }
        }
        Map<Path, AtomicFiles.Content> out = new LinkedHashMap<>();
        files.forEach((path, bytes) -> out.put(dir.resolve(path), o -> o.write(bytes)));
        AtomicFiles.write(out);
    }

    private static List<SourceArticle> sources(Path seeds) throws IOException {
        List<SourceArticle> out = new ArrayList<>();
        List<Path> yamls;
        try (Stream<Path> s = Files.list(seeds)) {
            yamls = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path yaml : yamls) {
            String base = yaml.getFileName().toString().replaceFirst("\\.yaml$", "");
            Path text = yaml.resolveSibling(base + ".txt");
            if (Files.exists(text)) {
                out.add(SourceArticle.of(Files.readString(yaml), Files.readString(text)));
            }
        }
        return out;
    }

    private static SourceArticle pick(List<SourceArticle> sources, int total, SplittableRandom random) {
        int n = random.nextInt(total);
        for (SourceArticle s : sources) {
            n -= s.size();
            if (n < 0) {
                return s;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Map<String, Object> entity(String type, String en, String ru, String note) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("en", en);
        label.put("ru", ru);
        e.put("label", label);
        e.put("note", note);
        return e;
    }
}
