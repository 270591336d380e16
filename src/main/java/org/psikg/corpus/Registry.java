package org.psikg.corpus;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every entity of the corpus by key, sorted by key. */
public record Registry(SortedMap<String, Entity> entities) {

    public Registry {
        entities = Collections.unmodifiableSortedMap(new TreeMap<>(entities));
    }

    public static Registry of(Map<String, Entity> entities) {
        return new Registry(new TreeMap<>(entities));
    }

    public Optional<Entity> get(String key) {
        return Optional.ofNullable(entities.get(key));
    }

    public boolean contains(String key) {
        return entities.containsKey(key);
    }
}
