package org.psikg.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** The http and https URLs the commands that talk to another store accept. */
final class HttpUrls {
    private HttpUrls() {
    }

    /** The URL as a URI, or {@code null} if it is not an absolute http or https URL with a host. */
    static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return null;
        }
        return uri;
    }
}
