package org.psikg.server.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Links are made only to this site's paths and to http(s) and mailto URLs. */
class HtmlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/id/russia | true", "#anchor | true", "?q=a:b | true", "/a?b=c:d | true", "https://w3id.org/psikg/id/x | true",
        "http://example.org/ | true", "HTTPS://EXAMPLE.ORG/ | true", "mailto:someone@example.org | true",
        "javascript:alert(1) | false", "JavaScript:alert(1) | false", " javascript:alert(1) | false",
        "java\tscript:alert(1) | false", "data:text/html,<script>alert(1)</script> | false", "vbscript:x | false",
        "urn:isbn:123 | false", "file:///etc/passwd | false",
    })
    void safeUrls(String url, boolean safe) {
        String u = url.replace("\\t", "\t");
        assertEquals(safe, Html.isSafeUrl(u), u);
        String a = new Html().open("a", "href", u, "title", "t").toString();
        assertEquals(safe, a.contains("href="), a);
    }
}
