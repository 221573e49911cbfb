package io.vigil.intake.syslog;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.security.auth.x500.X500Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The TLS side of the syslog TLS and RELP listeners: the server certificate (configured as PEM or
 * PKCS#12, or generated self-signed on first start and kept in the data directory), TLS 1.3 and
 * 1.2 only, and, with a client CA, mutual TLS whose accepted clients {@link ClientCertificates}
 * checks after the handshake.
 */
public final class SyslogTls {

    private static final Logger log = LoggerFactory.getLogger(SyslogTls.class);
    /** The generated certificate's files in the data directory: the PEM certificate is what clients trust. */
    static final String GENERATED_CERTIFICATE = "syslog-tls-certificate.pem";
    static final String GENERATED_KEY = "syslog-tls-key.pem";
    private static final Duration GENERATED_VALIDITY = Duration.ofDays(10 * 365);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SslContext context;
    private final X509Certificate certificate;
    private final ClientCertificates clients;

    private SyslogTls(SslContext context, X509Certificate certificate, ClientCertificates clients) {
        this.context = context;
        this.certificate = certificate;
        this.clients = clients;
    }

    /**
     * Reads (or first generates) the certificate and builds the server context.
     *
     * @throws IllegalStateException naming the file and what is wrong with it
     */
    public static SyslogTls load(SyslogTlsSettings settings) {
        Path certificateFile = settings.certificate();
        Path keyFile = settings.key();
        if (certificateFile == null) {
            certificateFile = settings.generatedDir().resolve(GENERATED_CERTIFICATE);
            keyFile = settings.generatedDir().resolve(GENERATED_KEY);
            if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
                generateSelfSigned(certificateFile, keyFile);
            }
        }
        requireReadable(certificateFile, "certificate (VIGIL_SYSLOG_TLS_CERTIFICATE)");
        String password = settings.password() == null || settings.password().isEmpty() ? null : settings.password();
        SslContextBuilder builder;
        X509Certificate leaf;
        if (isPem(certificateFile)) {
            if (keyFile == null) {
                throw new IllegalStateException("the syslog TLS certificate " + certificateFile + " is PEM: set its "
                        + "private key too (VIGIL_SYSLOG_TLS_KEY), or give a PKCS#12 file holding both");
            }
            requireReadable(keyFile, "private key (VIGIL_SYSLOG_TLS_KEY)");
            List<X509Certificate> chain = readPemCertificates(certificateFile, "certificate");
            leaf = chain.get(0);
            try {
                builder = SslContextBuilder.forServer(certificateFile.toFile(), keyFile.toFile(), password);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cannot read the syslog TLS private key " + keyFile
                        + " (PEM, PKCS#8 or PKCS#1" + (password == null ? ", not encrypted, or set VIGIL_SYSLOG_TLS_PASSWORD"
                        : ", with the password given") + "): " + rootMessage(e), e);
            }
        } else {
            KeyStore store = pkcs12(certificateFile, password);
            builder = SslContextBuilder.forServer(pkcs12Keys(store, certificateFile, password));
            leaf = pkcs12Certificate(store, certificateFile);
        }
        ClientCertificates clients = null;
        if (settings.clientAuthentication()) {
            requireReadable(settings.clientCa(), "client CA bundle (VIGIL_SYSLOG_TLS_CLIENTCA)");
            readPemCertificates(settings.clientCa(), "client CA bundle");
            builder.trustManager(settings.clientCa().toFile()).clientAuth(ClientAuth.REQUIRE);
            clients = new ClientCertificates(settings.allowedClients());
        }
        try {
            SslContext context = builder.sslProvider(SslProvider.JDK).protocols(PROTOCOLS).build();
            SyslogTls tls = new SyslogTls(context, leaf, clients);
            log.info("syslog TLS certificate {} ({}), SHA-256 fingerprint {}, SHA-1 {}{}", leaf.getSubjectX500Principal(),
                    certificateFile.toAbsolutePath(), tls.fingerprint("SHA-256"), tls.fingerprint("SHA-1"),
                    clients == null ? "; clients are not authenticated"
                            : "; clients must present a certificate from " + settings.clientCa()
                            + (settings.allowedClients().isEmpty() ? "" : " and be one of " + settings.allowedClients()));
            return tls;
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up syslog TLS with " + certificateFile + ": " + rootMessage(e), e);
        }
    }

    /** A new handler for one connection, in front of the framing. */
    SslHandler newHandler(ByteBufAllocator allocator) {
        return context.newHandler(allocator);
    }

    /** Null when clients are not authenticated. */
    ClientCertificates clients() {
        return clients;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The server certificate's fingerprint as rsyslog's {@code PermittedPeer} writes it: {@code SHA256:AB:CD:…}. */
    public String fingerprint(String algorithm) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
            return algorithm.replace("-", "") + ":" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /**
     * A self-signed certificate (RSA 2048, SHA-256) for this host, named after it and valid for
     * localhost and the loopback addresses too, so that clients can pin it or trust its PEM file.
     */
    static void generateSelfSigned(Path certificateFile, Path keyFile) {
        try {
            Files.createDirectories(certificateFile.toAbsolutePath().getParent());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            String host = localHostName();
            // Through X500Principal, so that the name is encoded in the order it is written (BouncyCastle's parser reverses it).
            X500Name subject = X500Name.getInstance(new X500Principal("CN=" + host + ", O=Vigil syslog (self-signed)")
                    .getEncoded());
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(GENERATED_VALIDITY)), subject, pair.getPublic());
            List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, host)));
            if (!host.equals("localhost")) {
                names.add(new GeneralName(GeneralName.dNSName, "localhost"));
            }
            names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            names.add(new GeneralName(GeneralName.iPAddress, "::1"));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            // The key first, readable by the owner only; the certificate last, so that a half-written pair is regenerated.
            Path key = keyFile.toAbsolutePath();
            Files.deleteIfExists(key);
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(certificateFile, pem("CERTIFICATE", certificate.getEncoded()));
            log.info("generated a self-signed syslog TLS certificate for {} in {} (set VIGIL_SYSLOG_TLS_CERTIFICATE to use "
                    + "your own)", host, certificateFile.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the syslog TLS certificate to " + certificateFile.toAbsolutePath()
                    .getParent() + " (VIGIL_SYSLOG_TLS_GENERATEDDIR): " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a syslog TLS certificate: " + e.getMessage(), e);
        }
    }

    private static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name == null || name.isBlank() || name.contains(":") ? "localhost" : name.toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static boolean isPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            return head.contains("-----BEGIN ");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the syslog TLS certificate " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> readPemCertificates(Path file, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException("the syslog TLS " + what + " " + file + " holds no certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the syslog TLS " + what + " " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the syslog TLS " + what + " " + file + " is not a PEM certificate file: "
                    + rootMessage(e), e);
        }
    }

    private static KeyStore pkcs12(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? new char[0] : password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the syslog TLS certificate " + file + " as PKCS#12 (or PEM)"
                    + (password == null ? " without a password (VIGIL_SYSLOG_TLS_PASSWORD)" : " with the password given")
                    + ": " + rootMessage(e), e);
        }
    }

    private static KeyManagerFactory pkcs12Keys(KeyStore store, Path file, String password) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password == null ? new char[0] : password.toCharArray());
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the key in " + file + ": " + rootMessage(e), e);
        }
    }

    private static X509Certificate pkcs12Certificate(KeyStore store, Path file) {
        try {
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    return certificate;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + file + ": " + rootMessage(e), e);
        }
        throw new IllegalStateException("the PKCS#12 file " + file + " holds no private key with its certificate");
    }

    private static void requireReadable(Path file, String what) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("the syslog TLS " + what + " " + file.toAbsolutePath()
                    + (Files.exists(file) ? " cannot be read" : " does not exist"));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
