package io.vigil.intake.syslog;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/** A small certificate authority for TLS tests: server and client certificates, PEM and PKCS#12 files, JDK client contexts. */
final class TestPki {

    private static final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

    /** A key and its certificate. */
    record Issued(PrivateKey key, X509Certificate certificate) {

        /** Writes {@code name}.pem (certificate) and {@code name}-key.pem (PKCS#8) into {@code dir}. */
        Path writePem(Path dir, String name) throws IOException {
            Files.writeString(dir.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            return Files.writeString(dir.resolve(name + ".pem"), pem("CERTIFICATE", encoded(certificate)));
        }

        Path keyFile(Path dir, String name) {
            return dir.resolve(name + "-key.pem");
        }

        Path writePkcs12(Path file, String password) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("syslog", key, password.toCharArray(), new Certificate[] {certificate});
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        }
    }

    private final Issued ca;

    TestPki(String caName) throws Exception {
        KeyPair pair = keyPair();
        X500Name subject = name("CN=" + caName + ",O=Vigil tests");
        X509v3CertificateBuilder builder = builder(subject, subject, pair);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca = new Issued(pair.getPrivate(), sign(builder, pair.getPrivate()));
    }

    X509Certificate caCertificate() {
        return ca.certificate();
    }

    Path writeCa(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name + ".pem"), pem("CERTIFICATE", encoded(ca.certificate())));
    }

    /** @param dnsNames subject alternative names; may be empty */
    Issued issue(String subject, String... dnsNames) throws Exception {
        KeyPair pair = keyPair();
        X509v3CertificateBuilder builder = builder(name(subject),
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), pair);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (dnsNames.length > 0) {
            GeneralName[] names = new GeneralName[dnsNames.length];
            for (int i = 0; i < dnsNames.length; i++) {
                names[i] = dnsNames[i].matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, dnsNames[i])
                        : new GeneralName(GeneralName.dNSName, dnsNames[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return new Issued(pair.getPrivate(), sign(builder, ca.key()));
    }

    /**
     * A client context trusting {@code serverCertificate} (a CA or the self-signed certificate
     * itself), presenting {@code client} when not null, limited to {@code protocol}.
     */
    static SSLContext clientContext(X509Certificate serverCertificate, Issued client, String protocol) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", serverCertificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = null;
        if (client != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", client.key(), new char[0], new Certificate[] {client.certificate()});
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, new char[0]);
        }
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    static X509Certificate readPem(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** In the order written (BouncyCastle's own parser reverses it). */
    private static X500Name name(String dn) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(dn).getEncoded());
    }

    private static X509v3CertificateBuilder builder(X500Name subject, X500Name issuer, KeyPair pair) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serials.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
                pair.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
