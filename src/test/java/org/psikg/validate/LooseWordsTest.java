package org.psikg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.psikg.support.Fixture;
import org.psikg.validate.internal.LooseWords;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The evidence lint's loose reading of quotes, driven by src/test/resources/lint/mentions.yaml: what it finds and what it must not. */
class LooseWordsTest {
    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> cases() throws Exception {
        String yaml = Files.readString(Fixture.RESOURCES.resolve("lint/mentions.yaml"));
        List<Map<String, Object>> cases = (List<Map<String, Object>>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.get("why") + ": " + c.get("quote"), () -> {
            LooseWords q = LooseWords.of((String) c.get("quote"));
            boolean found = c.containsKey("name") ? q.mentions((String) c.get("name"))
                    : c.containsKey("number") ? q.mentionsNumber((String) c.get("number")) : q.mentionsYear((String) c.get("year"));
            assertEquals(c.get("mentions"), found, String.valueOf(c));
        }));
    }
}
