package io.sessiongrid.config.internal;

import java.util.ArrayList;
import java.util.List;

import io.sessiongrid.config.ConfigException;
import io.sessiongrid.config.SessionGridConfig;

/**
 * The pipeline behind {@link io.sessiongrid.config.SessionGridConfigLoader}: read YAML into DTOs, fill gaps from
 * a base configuration, validate. Public only so that the API package can call it; not API.
 */
public final class ConfigReader {
    private ConfigReader() {
    }

    /**
     * Reads, merges and validates one {@code sessiongrid.yaml} document.
     *
     * @param source      names the document in error messages (a file path, or "defaults")
     * @param yaml        the document's text; empty means "all from {@code base}"
     * @param baseOrNull  the configuration that absent sections and fields come from, or {@code null} to require
     *                    every section and field (used for the shipped defaults themselves)
     * @return a validated configuration
     * @throws ConfigException naming {@code source}, the path in the document and what is allowed
     */
    public static SessionGridConfig read(String source, String yaml, SessionGridConfig baseOrNull) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        ConfigDocument document = YamlDocumentReader.read(source, yaml, problems);
        SessionGridConfig assembled = new ConfigAssembler(source, baseOrNull).assemble(document);
        // Unknown keys were skipped while reading: report them with whatever the known keys got wrong.
        problems.addAll(ConfigValidator.problems(assembled));
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems, null);
        }
        return assembled;
    }
}
