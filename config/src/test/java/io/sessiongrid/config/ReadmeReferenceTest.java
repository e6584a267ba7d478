package io.sessiongrid.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The README's configuration reference ("| `key` | default | allowed |" rows under "### Reference") lists every key
 * of the shipped defaults file with the file's value, and nothing else, so the two cannot drift apart. Keys under
 * {@code partitions.<type>} are listed once as {@code partitions.<type>.<field>} and {@code roles.<role>} once.
 */
class ReadmeReferenceTest {
    static final Path README = Path.of("..", "README.md");
    static final String DEFAULTS = "/io/sessiongrid/config/sessiongrid-default.yaml";

    @Test
    void everyDefaultKeyIsDocumentedWithItsValue() throws IOException {
        Map<String, String> documented = readmeRows(Files.readAllLines(README));
        assertFalse(documented.isEmpty(), "README has a '### Reference' table of configuration keys");
        Map<String, String> shipped = new TreeMap<>();
        try (InputStream in = ReadmeReferenceTest.class.getResourceAsStream(DEFAULTS)) {
            flatten("", new ObjectMapper(new YAMLFactory()).readTree(in), shipped);
        }
        Map<String, String> scalarKeys = new TreeMap<>();
        shipped.forEach((k, v) -> {
            if (!k.startsWith("partitions.") && !k.startsWith("roles.")) {
                scalarKeys.put(k, v);
            }
        });
        Map<String, String> documentedScalars = new TreeMap<>();
        documented.forEach((k, v) -> {
            if (!k.startsWith("partitions.") && !k.startsWith("roles.")) {
                documentedScalars.put(k, v);
            }
        });
        assertEquals(scalarKeys, documentedScalars, "README reference rows (key -> default) vs the shipped defaults");
        for (String key : shipped.keySet()) {
            if (key.startsWith("partitions.")) {
                String field = "partitions.<type>." + key.substring(key.lastIndexOf('.') + 1);
                assertFalse(documented.get(field) == null, "README documents " + field);
            }
        }
        assertFalse(documented.get("roles.<role>") == null, "README documents roles.<role>");
    }

    /** `key` | default | allowed rows of the table that follows the "### Reference" heading. */
    static Map<String, String> readmeRows(List<String> lines) {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inReference = false;
        for (String line : lines) {
            if (line.startsWith("#")) {
                inReference = line.trim().equals("### Reference");
                continue;
            }
            if (inReference && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                String key = cells[1].trim().replace("`", "");
                String value = cells[2].trim().replace("`", "");
                rows.put(key, value);
            }
        }
        return rows;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject() && node.isEmpty()) {
            out.put(prefix, "{}"); // a map key whose default is empty (scaling.provisionerSettings) is a key too
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder b = new StringBuilder("[");
            node.forEach(e -> b.append(b.length() > 1 ? ", " : "").append(e.asText()));
            out.put(prefix, b.append(']').toString());
        } else {
            out.put(prefix, node.isNull() ? "null" : node.asText());
        }
    }
}
