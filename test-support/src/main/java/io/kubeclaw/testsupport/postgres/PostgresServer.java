package io.kubeclaw.testsupport.postgres;

import io.kubeclaw.testsupport.process.Commands;
import io.kubeclaw.testsupport.process.FreePorts;
import io.kubeclaw.testsupport.process.LocalUsers;
import io.kubeclaw.testsupport.process.ServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A private PostgreSQL server from Debian's packages, in a temp dir on a free loopback port. */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "kubeclaw";
    public static final String USER = "postgres";
    private static final Path PACKAGES = Path.of("/usr/lib/postgresql");
    private static final Duration LIMIT = Duration.ofMinutes(1);

    private final ServerProcess process;
    private final int port;

    private PostgresServer(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static PostgresServer start() {
        Path bin = binDirectory();
        int port = FreePorts.next();
        try {
            Path dir = Files.createTempDirectory("kubeclaw-postgres-");
            Path data = dir.resolve("data");
            LocalUsers.chown(dir, USER);
            Commands.run(LocalUsers.as(USER, List.of(bin.resolve("initdb").toString(), "-D", data.toString(),
                    "-U", USER, "--auth=trust", "--encoding=UTF8", "--no-sync")), null, Map.of(), LIMIT)
                    .orThrow("initdb");
            ServerProcess process = ServerProcess.start("postgres", LocalUsers.as(USER, List.of(
                    bin.resolve("postgres").toString(), "-D", data.toString(), "-p", String.valueOf(port),
                    "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
                    // A test database need not survive a crash; skipping fsync keeps it fast.
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")),
                    Map.of(), dir.resolve("postgres.log"), LIMIT,
                    () -> Commands.run(List.of(bin.resolve("pg_isready").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port)),
                            null, Map.of(), Duration.ofSeconds(5)).ok());
            Commands.run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, DATABASE),
                    null, Map.of(), LIMIT).orThrow("createdb " + DATABASE);
            return new PostgresServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path binDirectory() {
        if (Files.isDirectory(PACKAGES)) {
            try (Stream<Path> versions = Files.list(PACKAGES)) {
                var newest = versions.map(v -> v.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("postgres")))
                        .max(Comparator.comparing(Path::toString));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed: run scripts/install-prerequisites.sh (apt-get install postgresql)");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }
}
