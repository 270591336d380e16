package org.psikg.corpus.synth.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Seed YAML read as plain maps, lists and strings (failsafe schema: every scalar stays the
 * text it was written as, as psikg's own reader takes it), and written back in block style.
 * The seeds were already checked by the corpus reader, so no safety limits are needed here.
 */
public final class RawYaml {
    private RawYaml() {
    }

    public static Object load(String yaml) {
        return new Load(LoadSettings.builder().setSchema(new FailsafeSchema()).build()).loadFromString(yaml);
    }

    public static String dump(Object data) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(120).build();
        return new Dump(settings).dumpToString(data);
    }

    /** A deep copy, so that a seed annotation reused by many articles is never changed in place. */
    @SuppressWarnings("unchecked")
    public static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    public static List<?> list(Object o) {
        if (o == null) {
            return List.of();
        }
        return o instanceof List<?> l ? l : List.of(o);
    }
}
