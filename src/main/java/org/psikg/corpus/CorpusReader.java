package org.psikg.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.psikg.corpus.anchor.Anchor;
import org.psikg.corpus.anchor.TextAnchorer;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;
import org.psikg.error.Problems;

/**
 * Reads a seeds folder: the registry ({@code registry/*.yaml}) and every article, a text
 * {@code NAME.txt} with its annotations {@code NAME.yaml}; checks each text against the
 * checksum its annotations were written for, and anchors every quote.
 * <pre>
 * Corpus corpus = CorpusReader.read(Path.of("seeds"));
 * </pre>
 * Throws an {@link InputException} with every problem found, sorted by file and line.
 */
public final class CorpusReader {
    /** The largest article text read; a news article is a few dozen kilobytes. */
    public static final long MAX_TEXT_BYTES = 16L * 1024 * 1024;

    private CorpusReader() {
    }

    public static Corpus read(Path seeds) {
        String dirName = seeds.toString();
        List<Path> files = annotationFiles(seeds);
        Problems problems = new Problems();
        Registry registry = null;
        try {
            registry = registry(seeds);
        } catch (InputException e) {
            problems.addAll(e);
        }
        List<Article> articles = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (Path yaml : files) {
            try {
                Article article = article(yaml, dirName);
                String first = ids.putIfAbsent(article.id(), article.annotationFile());
                if (first != null) {
                    problems.add(duplicateId(article.meta().location(), article.id(), first));
                }
                articles.add(article);
            } catch (InputException e) {
                problems.addAll(e);
            }
        }
        List<String> unannotated = unannotated(seeds);
        problems.throwIfAny();
        articles.sort(Comparator.comparing(Article::id));
        return new Corpus(registry, List.copyOf(articles), unannotated);
    }

    /**
     * The annotation files of a seeds folder, sorted by path: the articles that {@link #article}
     * reads one at a time (the streaming build, which never holds the whole corpus).
     */
    public static List<Path> annotationFiles(Path seeds) {
        if (!Files.isDirectory(seeds)) {
            throw new InputException(InputError.of(Location.ofFile(seeds.toString()), ErrorCode.NO_SEEDS, "seeds folder not found"));
        }
        return list(seeds, ".yaml", seeds.toString());
    }

    /** The registry of a seeds folder ({@code registry/*.yaml}). */
    public static Registry registry(Path seeds) {
        return RegistryReader.read(seeds.resolve("registry"), seeds + "/registry");
    }

    /** The text files of a seeds folder that have no annotation file yet (not loaded). */
    public static List<String> unannotated(Path seeds) {
        return list(seeds, ".txt", seeds.toString()).stream()
                .map(p -> p.getFileName().toString())
                .filter(t -> !Files.exists(seeds.resolve(t.substring(0, t.length() - 4) + ".yaml")))
                .toList();
    }

    /** The error for an article whose id an earlier annotation file ({@code first}, in path order) already uses. */
    public static InputError duplicateId(Location location, String id, String first) {
        return InputError.of(location, ErrorCode.DUPLICATE_ARTICLE, "article id '" + id + "' is used twice")
                .withHint("also used by " + first);
    }

    /**
     * Reads one article: its annotations {@code yaml}, the text beside it, every quote anchored.
     * {@code dirName} is the seeds folder as the user named it, for error locations.
     */
    public static Article article(Path yaml, String dirName) {
        String yamlName = dirName + "/" + yaml.getFileName();
        ArticleFile file = AnnotationReader.read(yaml, yamlName);
        String stem = yaml.getFileName().toString().replaceFirst("\\.yaml$", "");
        Path txt = yaml.resolveSibling(stem + ".txt");
        String txtName = dirName + "/" + stem + ".txt";
        if (Files.exists(txt, LinkOption.NOFOLLOW_LINKS)) {
            TextFiles.requireRegularFile(txt, txtName);
        } else {
            throw new InputException(InputError.of(file.meta().location(), ErrorCode.NO_TEXT,
                    "annotation file has no text beside it").withHint("expected " + txtName));
        }
        TextFiles.requireAtMost(txt, txtName, MAX_TEXT_BYTES, ErrorCode.TEXT_TOO_LARGE, "the text");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(txt);
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(txtName), ErrorCode.IO, "cannot read file: " + e.getMessage()));
        }
        String text = TextFiles.decodeUtf8(bytes, txtName, false);
        int bad = TextFiles.forbiddenCharacterAt(text);
        if (bad >= 0) {
            throw TextFiles.forbiddenCharacter(Location.at(txtName, text, bad), text.charAt(bad));
        }
        String sha = TextFiles.sha256(bytes);
        Token declared = file.meta().sha256();
        if (!declared.text().equals(sha)) {
            throw new InputException(new InputError(declared.location(), ErrorCode.CHECKSUM_MISMATCH, txtName
                    + " has changed since it was annotated (sha256 " + sha + ")",
                    "check every quote against the new text, then set sha256 to " + sha));
        }
        String recordedName = yaml.toAbsolutePath().getParent().getFileName() + "/" + yaml.getFileName();
        return anchor(file, txtName, text, sha, stem + ".txt", recordedName);
    }

    private static Article anchor(ArticleFile file, String txtName, String text, String sha, String textFile,
                                  String recordedName) {
        TextAnchorer anchorer = TextAnchorer.of(text, txtName);
        Problems problems = new Problems();
        List<Anchor> furniture = new ArrayList<>();
        for (Furniture f : file.furniture()) {
            try {
                furniture.addAll(f.all() ? anchorer.anchorAll(f.quote()) : List.of(anchorer.anchor(f.quote())));
            } catch (InputException e) {
                problems.addAll(e);
            }
        }
        furniture.sort(Comparator.comparingInt(Anchor::start));
        List<AnchoredAnnotation> annotations = new ArrayList<>();
        for (Annotation a : file.annotations()) {
            try {
                Anchor anchor = anchorer.anchor(a.quote());
                furniture.stream().filter(f -> f.start() < anchor.end() && anchor.start() < f.end()).findFirst()
                        .ifPresent(f -> problems.add(InputError.of(a.quote().location(), ErrorCode.QUOTE_IN_FURNITURE,
                                "quote overlaps page furniture \"" + f.exact() + "\" (line " + f.line() + " of the text)")));
                annotations.add(new AnchoredAnnotation(a, anchor));
            } catch (InputException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        return new Article(file.meta(), textFile, recordedName, text, sha, List.copyOf(furniture), List.copyOf(annotations));
    }

    private static List<Path> list(Path dir, String suffix, String dirName) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(dirName), ErrorCode.IO, "cannot list folder: " + e.getMessage()));
        }
    }
}
