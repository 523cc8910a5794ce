package io.kubeclaw.rest.admission.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;

/**
 * The PKCS#12 file Liberty serves HTTPS (and so the webhook) from, and the configuration snippet server.xml includes
 * to point its webhookKeyStore at it. Each certificate gets a file of its own and the snippet is rewritten: Liberty
 * rebuilds the TLS endpoint when its configuration changes, whereas merely reloading a changed keystore file
 * (updateTrigger="polled") left the endpoint serving the old certificate. Both files are written whole and moved into
 * place, so Liberty never reads half of one.
 */
public final class WebhookKeyStore {

    static final String ALIAS = "webhook";
    private static final String PREFIX = "webhook-";

    private final Path directory;
    private final char[] password;

    /** {@code directory} holds the keystores and {@code webhook-tls.xml}, the file server.xml includes. */
    public WebhookKeyStore(Path directory, String password) {
        this.directory = directory.toAbsolutePath();
        this.password = password.toCharArray();
    }

    /** Whether Liberty has been given a keystore (by this or an earlier start of the server). */
    public boolean written() {
        return Files.exists(snippet());
    }

    private Path snippet() {
        return directory.resolve("webhook-tls.xml");
    }

    /** Writes the certificates unless they are already what Liberty is told to serve; returns whether it wrote. */
    public boolean write(WebhookCertificates certificates) throws IOException, GeneralSecurityException {
        Path keyStore = directory.resolve(PREFIX + certificates.serving().getSerialNumber().toString(16) + ".p12");
        Path snippet = snippet();
        String configuration = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by the KubeClaw control plane from its webhook Secret; rewritten when the certificate is renewed. -->
                <server>
                    <keyStore id="webhookKeyStore" location="%s" type="PKCS12" password="${kubeclaw.webhook.keystore.password}"/>
                </server>
                """.formatted(keyStore);
        if (Files.exists(keyStore) && Files.exists(snippet) && Files.readString(snippet).equals(configuration)) {
            return false;
        }
        Files.createDirectories(directory);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, certificates.servingKey(), password, new Certificate[] {certificates.serving(), certificates.ca()});
        Path written = Files.createTempFile(directory, PREFIX, ".tmp");
        try (OutputStream out = Files.newOutputStream(written)) {
            store.store(out, password);
        }
        Files.move(written, keyStore, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path text = Files.createTempFile(directory, PREFIX, ".tmp");
        Files.writeString(text, configuration);
        Files.move(text, snippet, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        removeOthers(keyStore);
        return true;
    }

    private void removeOthers(Path current) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, PREFIX + "*.p12")) {
            for (Path file : old) {
                if (!file.equals(current)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
