package org.psikg.rdf.internal;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.psikg.error.Location;

/**
 * The JSON-LD document loader of every psikg parse: it loads nothing. A remote or local
 * {@code @context} or {@code @import} is refused, not fetched or read (an input file must not
 * make psikg fetch URLs or read files). It remembers what it refused, so that the error can
 * point at the string in the file that named it.
 */
public final class NoDocumentLoader implements DocumentLoader {
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private String refused;

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        if (refused == null) {
            refused = url.toString();
        }
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                "psikg does not load JSON-LD documents (" + url + "); put the context inline");
    }

    /** The line and column of the string in {@code file} that named the first refused document, if any. */
    public Optional<Location> where(Path file, String name) {
        if (refused == null) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Matcher m = JSON_STRING.matcher(text);
        while (m.find()) {
            String s = m.group(1);
            if (!s.isEmpty() && names(s, file.toUri())) {
                return Optional.of(Location.at(name, text, m.start()));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code s}, resolved against the file, is the refused document (file:/x and file:///x alike). */
    private boolean names(String s, URI base) {
        if (refused.equals(s)) {
            return true;
        }
        try {
            URI r = URI.create(refused);
            URI u = base.resolve(s);
            return Objects.equals(r.getScheme(), u.getScheme()) && Objects.equals(r.getHost(), u.getHost())
                    && r.getPort() == u.getPort() && Objects.equals(r.getPath(), u.getPath())
                    && Objects.equals(r.getQuery(), u.getQuery());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
