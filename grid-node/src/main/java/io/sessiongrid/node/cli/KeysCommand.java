package io.sessiongrid.node.cli;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.session.EncryptionException;
import io.sessiongrid.session.EncryptionKeysets;
import io.sessiongrid.session.SessionStoreException;
import io.sessiongrid.session.SessionStores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;

/**
 * {@code keys}: the encryption keyset of encrypted partition types (a Tink JSON file, see {@link EncryptionKeysets}
 * for the rotation steps), and {@code keys reseal} to seal a type's payloads again with the primary key.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage the encryption keyset (create, add, promote, drop, import, list) and re-seal a type.",
        subcommands = {KeysCommand.Create.class, KeysCommand.Add.class, KeysCommand.Promote.class,
                KeysCommand.Drop.class, KeysCommand.Import.class, KeysCommand.List.class, KeysCommand.Reseal.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a keys command is required");
    }

    /** The keyset file option and its reading and writing, shared by the subcommands. */
    abstract static class OnKeyset implements Callable<Integer> {
        @Option(names = "--keyset", paramLabel = "FILE", required = true,
                description = "the keyset file (Tink JSON; point encryption.keyFile at it)")
        Path keyset;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** A refused change (unknown key id, dropping the primary key, a malformed keyset) is a usage error. */
        @Override
        public final Integer call() throws IOException {
            try {
                execute();
                return 0;
            } catch (EncryptionException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }

        abstract void execute() throws IOException;

        String read() throws IOException {
            if (!Files.isRegularFile(keyset)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--keyset " + keyset + " is not a file; create one with 'keys create --keyset " + keyset + "'");
            }
            return Files.readString(keyset);
        }

        void write(String json) throws IOException {
            Path tmp = keyset.resolveSibling(keyset.getFileName() + ".tmp");
            Files.writeString(tmp, json);
            Files.move(tmp, keyset, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            print(json);
        }

        void print(String json) {
            EncryptionKeysets.keys(json).forEach(k -> spec.commandLine().getOut().println(
                    (k.primary() ? "* " : "  ") + k.id() + "  " + k.parameters()));
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Write a new keyset with one key.")
    static final class Create extends OnKeyset {
        @Override
        void execute() throws IOException {
            if (Files.exists(keyset)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--keyset " + keyset
                        + " exists already; 'keys add' adds a key to it");
            }
            write(EncryptionKeysets.create());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a new key; with --primary it seals from now on.")
    static final class Add extends OnKeyset {
        @Option(names = "--primary", description = "make the new key the primary one")
        boolean primary;

        @Override
        void execute() throws IOException {
            write(EncryptionKeysets.addKey(read(), primary));
        }
    }

    /** A subcommand about one key of the keyset. */
    abstract static class OnKey extends OnKeyset {
        @Option(names = "--id", required = true, description = "the key id (as 'keys list' prints it)")
        long id;
    }

    @Command(name = "promote", mixinStandardHelpOptions = true, description = "Make a key the primary one.")
    static final class Promote extends OnKey {
        @Override
        void execute() throws IOException {
            write(EncryptionKeysets.promote(read(), id));
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true,
            description = "Remove a key (after 'keys reseal'); payloads still sealed with it become unreadable.")
    static final class Drop extends OnKey {
        @Override
        void execute() throws IOException {
            write(EncryptionKeysets.drop(read(), id));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add a single Base64 AES key (SessionGrid's format before keysets) to the keyset.")
    static final class Import extends OnKeyset {
        @Option(names = "--key-file", paramLabel = "FILE", required = true, description = "file holding the Base64 key")
        Path keyFile;

        @Option(names = "--primary", description = "keep sealing with it (format 1, no key id)")
        boolean primary;

        @Override
        void execute() throws IOException {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(Files.readString(keyFile).strip());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--key-file " + keyFile
                        + " does not hold valid Base64: " + e.getMessage());
            }
            write(EncryptionKeysets.importKey(Files.exists(keyset) ? read() : null, key, primary));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the keys; * marks the primary.")
    static final class List extends OnKeyset {
        @Override
        void execute() throws IOException {
            print(read());
        }
    }

    @Command(name = "reseal", mixinStandardHelpOptions = true,
            description = "Seal every partition of an encrypted type again with the keyset's primary key.")
    static final class Reseal implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--type", required = true, description = "the encrypted partition type")
        String type;

        @Option(names = "--config", paramLabel = "FILE", description = "sessiongrid.yaml naming the keyset "
                + "(default: the shipped defaults)")
        Path config;

        @Option(names = "--hazelcast", paramLabel = "FILE",
                description = "Hazelcast client YAML (default: loopback, cluster 'sessiongrid')")
        Path hazelcast;

        @Override
        public Integer call() {
            SessionGridConfig sg = config == null ? SessionGridConfigLoader.defaults() : SessionGridConfigLoader.load(config);
            ClientConfig client = SessionStores.configureClient(HazelcastConfigs.client(hazelcast));
            HazelcastInstance hz = HazelcastClient.newHazelcastClient(client);
            try {
                int n;
                try {
                    n = SessionStores.create(hz, sg).reseal(type);
                } catch (SessionStoreException e) { // unknown or unencrypted type, missing key: what to fix
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
                }
                spec.commandLine().getOut().println("re-sealed " + n + " partition(s) of type '" + type
                        + "' with the primary key");
                spec.commandLine().getOut().flush();
                return 0;
            } finally {
                hz.shutdown();
            }
        }
    }
}
