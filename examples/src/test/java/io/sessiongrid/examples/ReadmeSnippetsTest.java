package io.sessiongrid.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every line of every {@code ```java} block of the README appears in this module's sources or examples-client's
 * (which `mvn verify` compiles, the latter against sessiongrid-client alone), so the README shows only code that
 * compiles against this version.
 */
class ReadmeSnippetsTest {
    static final Path README = Path.of("..", "README.md");
    static final List<Path> SOURCES = List.of(Path.of("src", "main", "java"),
            Path.of("..", "examples-client", "src", "main", "java"));

    @Test
    void everyReadmeJavaLineIsCompiledHere() throws IOException {
        Set<String> compiled = new HashSet<>();
        for (Path sources : SOURCES) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).flatMap(ReadmeSnippetsTest::lines)
                        .map(ReadmeSnippetsTest::normal).forEach(compiled::add);
            }
        }
        List<String> snippetLines = javaBlockLines(Files.readAllLines(README));
        assertFalse(snippetLines.isEmpty(), "the README has ```java blocks");
        List<String> missing = snippetLines.stream().map(ReadmeSnippetsTest::normal)
                .filter(l -> !l.isEmpty() && !compiled.contains(l)).toList();
        assertEquals(List.of(), missing, "README lines not found in " + SOURCES + " (add them there verbatim)");
    }

    static List<String> javaBlockLines(List<String> readme) {
        List<String> out = new ArrayList<>();
        boolean inJava = false;
        for (String line : readme) {
            if (line.startsWith("```")) {
                inJava = !inJava && line.trim().equals("```java");
                continue;
            }
            if (inJava) {
                out.add(line);
            }
        }
        return out;
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Trimmed, with runs of blanks as one space: alignment of trailing comments may differ. */
    private static String normal(String line) {
        return line.trim().replaceAll("\\s+", " ");
    }
}
