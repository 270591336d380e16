package org.psikg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psikg.error.InputException;

/**
 * RDF input that tries to make psikg fetch or read something: a JSON-LD @context on a
 * loopback listener is refused with a located error and no connection is made; a @context
 * or @import naming a local file is refused without the file being read; an XML external
 * entity in RDF/XML is never resolved, while a plain-text one is read; brackets inside strings,
 * IRIs and comments do not count as nesting.
 */
class HostileRdfInputTest {
    @TempDir
    Path tmp;

    @Test
    void jsonLdRemoteContextIsNeverFetched() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(3000);
            CompletableFuture<Boolean> connected = CompletableFuture.supplyAsync(() -> {
                try {
                    listener.accept().close();
                    return true;
                } catch (SocketTimeoutException e) {
                    return false;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            Path doc = tmp.resolve("remote.jsonld");
            Files.writeString(doc, "{ \"@context\": \"http://127.0.0.1:" + listener.getLocalPort()
                    + "/ctx.jsonld\", \"@id\": \"https://w3id.org/psikg/id/x\", \"name\": \"x\" }");
            InputException e = assertThrows(InputException.class, () -> RdfFiles.dataset(doc));
            assertTrue(e.getMessage().contains("psikg does not load JSON-LD documents"), e.getMessage());
            assertTrue(e.getMessage().startsWith(doc + ":1:15: error: "), e.getMessage());
            assertFalse(connected.get(5, TimeUnit.SECONDS), "psikg connected to the @context URL");
        }
    }

    @Test
    void rdfXmlExternalEntityIsNotResolved() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "SECRET-CONTENT");
        Path doc = tmp.resolve("xxe.rdf");
        Files.writeString(doc, "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">\n"
                + "  <rdf:Description rdf:about=\"http://example.org/a\"><ex:p>&xxe;</ex:p></rdf:Description>\n</rdf:RDF>\n");
        Graph g;
        try {
            g = RdfFiles.graph(doc);
        } catch (InputException refused) {
            // Refusing the document is as safe as ignoring the entity; either passes.
            return;
        }
        g.find().forEach(t -> assertFalse(t.getObject().toString().contains("SECRET-CONTENT"), "the entity was resolved"));
        assertEquals(1, g.size());
    }

    @Test
    void jsonLdLocalContextFileIsNeverRead() throws Exception {
        Path context = tmp.resolve("context.jsonld");
        Files.writeString(context, "{ \"@context\": { \"name\": \"http://schema.org/name\" } }");
        for (String ref : new String[] {"context.jsonld", context.toUri().toString()}) {
            Path doc = tmp.resolve("local.jsonld");
            Files.writeString(doc, "{ \"@context\": \"" + ref + "\", \"@id\": \"https://w3id.org/psikg/id/x\", \"name\": \"x\" }");
            InputException e = assertThrows(InputException.class, () -> RdfFiles.dataset(doc), ref);
            assertTrue(e.getMessage().startsWith(doc + ":1:15: error: psikg does not load JSON-LD documents (file:"), e.getMessage());
            assertTrue(e.getMessage().contains(context + "); put the context inline"), e.getMessage());
        }
    }

    @Test
    void jsonLdImportOfALocalFileIsNeverRead() throws Exception {
        Path context = tmp.resolve("imported.jsonld");
        Files.writeString(context, "{ \"@context\": { \"name\": \"http://schema.org/name\" } }");
        Path doc = tmp.resolve("import.jsonld");
        Files.writeString(doc, "{ \"@context\": { \"@version\": 1.1, \"@import\": \"imported.jsonld\" },"
                + " \"@id\": \"https://w3id.org/psikg/id/x\", \"name\": \"x\" }");
        InputException e = assertThrows(InputException.class, () -> RdfFiles.dataset(doc));
        assertTrue(e.getMessage().startsWith(doc + ":1:45: error: psikg does not load JSON-LD documents (file:"), e.getMessage());
        assertTrue(e.getMessage().contains(context + "); put the context inline"), e.getMessage());
    }

    @Test
    void bracketsInStringsIrisAndCommentsAreNotNesting() throws Exception {
        String many = "(".repeat(500) + "[".repeat(500);
        Path doc = tmp.resolve("strings.ttl");
        Files.writeString(doc, "@prefix ex: <http://example.org/> .\n# " + many + "\n"
                + "ex:a ex:p \"" + many + "\" , '" + many + "' , \"\"\"" + many + "\n\"\" " + many + "\"\"\" ;\n"
                + "  ex:q <http://example.org/" + "(".repeat(500) + "> , ( ( ex:b ) ) .\n");
        assertEquals(8, RdfFiles.graph(doc).size(), "two literals (one text quoted two ways), a long one, an IRI, a list of a list");
    }

    @Test
    void rdfXmlPlainTextEntitiesAreRead() throws Exception {
        Path doc = tmp.resolve("entities.rdf");
        Files.writeString(doc, "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY ex \"http://example.org/\"> ]>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"&ex;\">\n"
                + "  <rdf:Description rdf:about=\"&ex;a\"><ex:p>x</ex:p></rdf:Description>\n</rdf:RDF>\n");
        Graph g = RdfFiles.graph(doc);
        assertEquals(1, g.size());
        assertTrue(g.find().next().getSubject().getURI().equals("http://example.org/a"));
    }
}
