package io.kubeclaw.rest.admission.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Waits until this server's HTTPS port presents the given serving certificate (Liberty reloads its keystore by polling). */
final class ServedCertificate {

    private ServedCertificate() {
    }

    static void await(int port, WebhookCertificates certificates, Duration limit) throws GeneralSecurityException, IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        String last = "nothing answered";
        while (Instant.now().isBefore(deadline)) {
            try (SSLSocket socket = (SSLSocket) trusting(certificates).getSocketFactory().createSocket("127.0.0.1", port)) {
                socket.setSoTimeout(2_000);
                socket.startHandshake();
                Certificate presented = socket.getSession().getPeerCertificates()[0];
                if (Arrays.equals(presented.getEncoded(), certificates.serving().getEncoded())) {
                    return;
                }
                last = "it presented another certificate";
            } catch (IOException e) {
                last = e.getMessage();
            }
            Thread.sleep(500);
        }
        throw new IOException("port " + port + " did not serve the webhook certificate within " + limit.toSeconds() + " s (" + last
                + "); check server.xml's webhookKeyStore and its password (kubeclaw.webhook.keystore.password)");
    }

    private static SSLContext trusting(WebhookCertificates certificates) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (int i = 0; i < certificates.caBundle().size(); i++) {
            trusted.setCertificateEntry("ca-" + i, certificates.caBundle().get(i));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
