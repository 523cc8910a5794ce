package io.kubeclaw.rest.admission.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The webhook's self-managed certificates: a CA, the serving certificate it signs, and when to renew them. The CA
 * outlives several serving certificates, so a serving renewal keeps the apiserver's caBundle; when the CA itself is
 * renewed the old one stays in the bundle until it expires, so no certificate in use is ever untrusted.
 *
 * @param caBundle  the CAs the apiserver should trust, the current one first
 * @param caKey     the current CA's key, or null when the certificates are not ours to renew (cert-manager's)
 */
public record WebhookCertificates(List<X509Certificate> caBundle, PrivateKey caKey, X509Certificate serving, PrivateKey servingKey) {

    /** How long each kind of certificate lives, how early it is renewed, and the names the serving one must carry. */
    public record Lifetimes(Duration ca, Duration serving, Duration renewBefore) {
    }

    public WebhookCertificates {
        caBundle = List.copyOf(caBundle);
    }

    public X509Certificate ca() {
        return caBundle.getFirst();
    }

    /** A new CA and serving certificate. */
    public static WebhookCertificates issue(Set<String> hosts, Instant now, Lifetimes lifetimes) {
        KeyPair caKeys = keyPair();
        X509Certificate ca = sign(new X500Name("CN=kubeclaw-webhook-ca"), caKeys, caKeys, null, now, lifetimes.ca(), Set.of());
        return withServing(List.of(ca), caKeys.getPrivate(), hosts, now, lifetimes);
    }

    /**
     * What should be served from now on: these certificates, or renewed ones when the serving certificate is near
     * its end or lacks a host, and a new CA (the old one kept in the bundle) when the CA would expire before the
     * next serving certificate does.
     */
    public WebhookCertificates renewed(Set<String> hosts, Instant now, Lifetimes lifetimes) {
        boolean servingFresh = serving.getNotAfter().toInstant().isAfter(now.plus(lifetimes.renewBefore())) && hostsOf(serving).containsAll(hosts);
        if (servingFresh) {
            return this;
        }
        if (ca().getNotAfter().toInstant().isAfter(now.plus(lifetimes.serving()).plus(lifetimes.renewBefore()))) {
            return withServing(caBundle, caKey, hosts, now, lifetimes);
        }
        WebhookCertificates fresh = issue(hosts, now, lifetimes);
        List<X509Certificate> bundle = new ArrayList<>(fresh.caBundle());
        caBundle.stream().filter(old -> old.getNotAfter().toInstant().isAfter(now)).forEach(bundle::add);
        return new WebhookCertificates(bundle, fresh.caKey(), fresh.serving(), fresh.servingKey());
    }

    private static WebhookCertificates withServing(List<X509Certificate> bundle, PrivateKey caKey, Set<String> hosts, Instant now, Lifetimes lifetimes) {
        KeyPair servingKeys = keyPair();
        X509Certificate ca = bundle.getFirst();
        X509Certificate serving = sign(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), new KeyPair(ca.getPublicKey(), caKey),
                servingKeys, ca, now, lifetimes.serving(), hosts);
        return new WebhookCertificates(bundle, caKey, serving, servingKeys.getPrivate());
    }

    /** DNS names and IP addresses the certificate is valid for. */
    static Set<String> hostsOf(X509Certificate certificate) {
        Set<String> hosts = new TreeSet<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                names.forEach(name -> hosts.add(String.valueOf(name.get(1))));
            }
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("the serving certificate's subject alternative names do not parse: " + e.getMessage(), e);
        }
        return hosts;
    }

    private static X509Certificate sign(X500Name issuer, KeyPair issuerKeys, KeyPair subjectKeys, X509Certificate issuerCertificate,
                                        Instant now, Duration lifetime, Set<String> hosts) {
        boolean isCa = issuerCertificate == null;
        X500Name subject = isCa ? issuer : new X500Name("CN=" + hosts.stream().findFirst().orElse("kubeclaw-webhook"));
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, new SecureRandom()),
                    // Backdated a little, so a node whose clock runs behind does not reject a brand-new certificate.
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(lifetime)), subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerCertificate));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(hosts.stream()
                        .map(host -> new GeneralName(isIpAddress(host) ? GeneralName.iPAddress : GeneralName.dNSName, host))
                        .toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("could not issue the webhook certificate: " + e.getMessage(), e);
        }
    }

    private static boolean isIpAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make P-256 keys: " + e.getMessage(), e);
        }
    }
}
