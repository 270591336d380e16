package org.psikg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content negotiation by RFC 9110, including the odd headers that must still get one fixed answer. */
class AcceptHeaderTest {
    private static final List<String> OFFERS = List.of("text/turtle", "application/ld+json", "text/html");

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        -                                             | text/turtle
        ''                                            | text/turtle
        */*                                           | text/turtle
        text/html                                     | text/html
        Text/HTML                                     | text/html
        text/html;q=0.9, text/turtle;q=0.8            | text/html
        text/html;q=0.1, */*                          | text/turtle
        text/turtle;q=0                               | -
        text/*;q=0.5, text/html                       | text/html
        text/*, text/turtle;q=0                       | text/html
        application/*                                 | application/ld+json
        image/png                                     | -
        garbage                                       | text/turtle
        text/html;q=abc                               | text/turtle
        text/html;q=2                                 | text/turtle
        */html                                        | text/turtle
        ,,,                                           | text/turtle
        text/html;level=1;q=0.7, text/turtle;q=0.6    | text/html
        """)
    void chooses(String header, String expected) {
        assertEquals(expected, AcceptHeader.parse(header).choose(OFFERS).orElse(null));
    }
}
