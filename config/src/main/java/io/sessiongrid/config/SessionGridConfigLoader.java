package io.sessiongrid.config;

import io.sessiongrid.config.internal.ConfigReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads {@code sessiongrid.yaml}. Every method returns a validated configuration or throws a
 * {@link ConfigException} that names the source, the path inside it and what is allowed.
 *
 * <p>A user document is merged over the shipped defaults ({@value #DEFAULT_RESOURCE}): an absent section
 * takes the default section, an absent field inside a given section takes the default field, and an empty
 * document means all defaults. Two exceptions: a given {@code partitions} map replaces the default set
 * entirely (absent fields of a type take {@code maxBytes} 65536, {@code ttl} 0, {@code backupCount} 1,
 * {@code placement} session, {@code encrypted} false), and when {@code partitions} is given without
 * {@code roles}, there are no roles (the default roles name the default types). Unknown keys are errors.
 */
public final class SessionGridConfigLoader {
    /** Classpath resource holding the defaults, with comments explaining each setting. */
    public static final String DEFAULT_RESOURCE = "io/sessiongrid/config/sessiongrid-default.yaml";
    /** The source name used in errors about the defaults. */
    public static final String DEFAULTS_SOURCE = "defaults";

    private SessionGridConfigLoader() {
    }

    /** The shipped defaults; read once, then shared (the records are immutable). */
    public static SessionGridConfig defaults() {
        return readDefaults();
    }

    /**
     * Loads a UTF-8 YAML file merged over the defaults.
     *
     * @throws ConfigException if the file is missing, unreadable, not UTF-8, or invalid; its source is the file path
     */
    public static SessionGridConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, "", "file not found", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, "", "not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot read the file: " + e, e);
        }
        return parse(source, text);
    }

    /**
     * Parses YAML text merged over the defaults.
     *
     * @param sourceName names the text in error messages (e.g. a file path or "--config argument")
     * @throws ConfigException if the text is malformed or invalid
     */
    public static SessionGridConfig parse(String sourceName, String yamlText) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(yamlText, "yamlText");
        return ConfigReader.read(sourceName, yamlText, defaults());
    }

    // Lazy, double-checked rather than a holder class: a broken defaults resource then surfaces as the
    // ConfigException itself on every call, not as ExceptionInInitializerError once and NoClassDefFoundError after.
    private static final Object LOCK = new Object();
    private static volatile SessionGridConfig defaults;

    private static SessionGridConfig readDefaults() {
        SessionGridConfig d = defaults;
        if (d == null) {
            synchronized (LOCK) {
                d = defaults;
                if (d == null) {
                    d = ConfigReader.read(DEFAULTS_SOURCE, readResource(), null);
                    defaults = d;
                }
            }
        }
        return d;
    }

    private static String readResource() {
        try (InputStream in = SessionGridConfigLoader.class.getResourceAsStream("/" + DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ConfigException(DEFAULTS_SOURCE, "", "classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(DEFAULTS_SOURCE, "", "cannot read " + DEFAULT_RESOURCE + ": " + e, e);
        }
    }
}
