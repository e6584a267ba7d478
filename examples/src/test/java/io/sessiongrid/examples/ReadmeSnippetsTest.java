package io.sessiongrid.examples;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
    static final Pattern DEPENDENCY = Pattern.compile("<(dependency|exclusion)>(.*?)</\\1>", Pattern.DOTALL);
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
        List<String> snippetLines = blockLines(Files.readAllLines(README), "```java");
        assertFalse(snippetLines.isEmpty(), "the README has ```java blocks");
        List<String> missing = snippetLines.stream().map(ReadmeSnippetsTest::normal)
                .filter(l -> !l.isEmpty() && !compiled.contains(l)).toList();
        assertEquals(List.of(), missing, "README lines not found in " + SOURCES + " (add them there verbatim)");
    }

    /**
     * The README's Maven snippets name SessionGrid artifacts this build makes (the ones `mvn install` puts in the
     * local repository), at this build's version, so a renamed module or a new version cannot leave them stale.
     */
    @Test
    void readmeMavenCoordinatesAreThisBuildsArtifacts() throws Exception {
        String xml = String.join("\n", blockLines(Files.readAllLines(README), "```xml"));
        Set<String> built = new HashSet<>();
        try (Stream<Path> dirs = Files.list(Path.of(".."))) {
            for (Path pom : dirs.map(d -> d.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                built.add(child(pomRoot(pom), "artifactId"));
            }
        }
        String version = child(pomRoot(Path.of("..", "pom.xml")), "version");
        List<String> ours = DEPENDENCY.matcher(xml).results().map(m -> m.group(2))
                .filter(d -> tagValues(d, "groupId").equals(List.of("io.sessiongrid"))).toList();
        assertFalse(ours.isEmpty(), "the README has ```xml snippets with io.sessiongrid dependencies");
        List<String> artifactIds = ours.stream().flatMap(d -> tagValues(d, "artifactId").stream()).toList();
        assertEquals(List.of(), artifactIds.stream().filter(a -> !built.contains(a)).toList(),
                "README artifactIds that no module of this build has (modules: " + built + ")");
        assertEquals(List.of(), ours.stream().flatMap(d -> tagValues(d, "version").stream())
                .filter(v -> !v.equals(version)).toList(), "README versions other than this build's " + version);
    }

    static List<String> blockLines(List<String> readme, String fence) {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        for (String line : readme) {
            if (line.startsWith("```")) {
                inBlock = !inBlock && line.trim().equals(fence);
                continue;
            }
            if (inBlock) {
                out.add(line);
            }
        }
        return out;
    }

    private static Element pomRoot(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    /** A direct child's text: the project's own artifactId or version, not its parent's or a dependency's. */
    private static String child(Element project, String name) {
        for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError(project.getOwnerDocument().getDocumentURI() + " has no <" + name + ">");
    }

    private static List<String> tagValues(String xml, String tag) {
        return Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(xml).results()
                .map(m -> m.group(1).trim()).toList();
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
