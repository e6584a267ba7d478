package io.sessiongrid.config;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.YamlClientConfigBuilder;
import com.hazelcast.config.Config;
import com.hazelcast.config.YamlConfigBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Hazelcast member and client configurations, read with Hazelcast's own YAML builders (so every Hazelcast YAML
 * feature, including {@code ${system.property}} substitution, works as documented by Hazelcast).
 *
 * <p>The shipped defaults are for one host: cluster {@code sessiongrid} on 127.0.0.1, TCP-IP join over ports
 * 5701 (joining ports 5701-5710), multicast and auto-detection off, Jet on (resource upload off), phone-home off, slf4j logging.
 * Hazelcast open source has no authentication or TLS, hence the loopback-only binding.
 */
public final class HazelcastConfigs {
    /** Classpath resource of the default member configuration. */
    public static final String MEMBER_DEFAULT_RESOURCE = "io/sessiongrid/config/hazelcast-member-default.yaml";
    /** Classpath resource of the default client configuration. */
    public static final String CLIENT_DEFAULT_RESOURCE = "io/sessiongrid/config/hazelcast-client-default.yaml";

    private static final ObjectMapper ROOT_READER = new YAMLMapper();

    private HazelcastConfigs() {
    }

    /**
     * A member configuration: the shipped defaults when {@code yamlOrNull} is null, else that file (a complete
     * Hazelcast member YAML with root {@code hazelcast:}; it is not merged with the defaults).
     *
     * @throws ConfigException naming the file (or resource) if it is missing, unreadable or rejected by Hazelcast
     */
    public static Config member(Path yamlOrNull) {
        return build(yamlOrNull, MEMBER_DEFAULT_RESOURCE, "hazelcast", in -> new YamlConfigBuilder(in).build());
    }

    /**
     * A client configuration: the shipped defaults when {@code yamlOrNull} is null, else that file (a complete
     * Hazelcast client YAML with root {@code hazelcast-client:}; it is not merged with the defaults).
     *
     * @throws ConfigException naming the file (or resource) if it is missing, unreadable or rejected by Hazelcast
     */
    public static ClientConfig client(Path yamlOrNull) {
        return build(yamlOrNull, CLIENT_DEFAULT_RESOURCE, "hazelcast-client", in -> new YamlClientConfigBuilder(in).build());
    }

    private static <T> T build(Path file, String resource, String root, Function<InputStream, T> builder) {
        String source = file == null ? "classpath:" + resource : file.toString();
        byte[] yaml = read(file, resource, source);
        requireRoot(source, yaml, root);
        try {
            return builder.apply(new ByteArrayInputStream(yaml));
        } catch (RuntimeException e) {
            // Hazelcast's builders report bad YAML, schema violations and bad values with assorted runtime
            // exceptions (InvalidConfigurationException, IllegalArgumentException, ...): all mean "this file".
            throw new ConfigException(source, "", "rejected by Hazelcast: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String resource, String source) {
        try (InputStream in = file == null ? HazelcastConfigs.class.getResourceAsStream("/" + resource)
                : Files.newInputStream(file)) {
            if (in == null) {
                throw new ConfigException(source, "", "classpath resource is missing");
            }
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "", "file not found", e);
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot read the file: " + e, e);
        }
    }

    /**
     * Hazelcast's member builder accepts a client file (root {@code hazelcast-client:}) without complaint and
     * returns a default member config (cluster "dev"): check the root key ourselves so that mix-up fails loudly.
     */
    private static void requireRoot(String source, byte[] yaml, String root) {
        JsonNode tree;
        try {
            tree = ROOT_READER.readTree(yaml);
        } catch (IOException e) {
            return; // Not YAML at all: Hazelcast's builder reports that in its own words.
        }
        if (tree == null || !tree.isObject() || !tree.has(root)) {
            List<String> found = new ArrayList<>();
            if (tree != null && tree.isObject()) {
                tree.fieldNames().forEachRemaining(found::add);
            }
            throw new ConfigException(source, "", "the root key must be '" + root + ":'; found " + found);
        }
    }
}
