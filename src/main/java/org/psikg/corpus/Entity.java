package org.psikg.corpus;

import java.util.List;
import java.util.Map;
import org.psikg.error.Location;

/**
 * An entity of the registry, declared once and referred to by its key from every article.
 *
 * @param labels   one label per language; "en" and "ru" are always present
 * @param alt      alternative labels and abbreviations per language
 * @param wikidata   a Wikidata item id ("Q159"), or {@code null} where not known for certain
 * @param sourceFile the registry file as "SEEDS/registry/NAME.yaml", the same wherever the build runs
 */
public record Entity(String key, List<Token> types, Map<String, String> labels, Map<String, List<String>> alt,
                     String note, String wikidata, Location location, String sourceFile) {
}
