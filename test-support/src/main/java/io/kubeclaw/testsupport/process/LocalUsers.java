package io.kubeclaw.testsupport.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs servers that refuse root (PostgreSQL) as their own system user when the tests run as root. */
public final class LocalUsers {

    private LocalUsers() {
    }

    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** {@code command} as {@code user} via setpriv, which execs, so the pid we hold is the server's own. */
    public static List<String> as(String user, List<String> command) {
        if (!runningAsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives {@code dir} and everything in it to {@code user}, when running as root. */
    public static void chown(Path dir, String user) {
        if (!runningAsRoot()) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            for (Path path : tree.toList()) {
                Files.setOwner(path, owner);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + dir + " to user " + user, e);
        }
    }
}
