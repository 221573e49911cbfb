package io.vigil.intake.syslog;

import java.nio.file.Path;
import java.util.List;

/**
 * The TLS side of syslog over TLS (RFC 5425) and of RELP over TLS.
 *
 * @param certificate    the server certificate: a PEM file (chain, leaf first) with {@code key}, or a
 *                       PKCS#12 file holding certificate and key; null generates a self-signed one in
 *                       {@code generatedDir} on first start and keeps it there
 * @param key            the PEM private key (PKCS#8 or PKCS#1) of a PEM certificate; null for PKCS#12
 * @param password       of the PKCS#12 file or of an encrypted PEM key; null or empty for none
 * @param clientCa       PEM bundle of the CAs client certificates must chain to; when set, every client
 *                       must present a valid certificate (mutual TLS); null accepts any client
 * @param allowedClients with {@code clientCa}: the client certificates accepted, each entry a subject DN
 *                       ({@code CN=web01,O=Example}), a common name or subject alternative name
 *                       ({@code web01.example.com}), or {@code *.example.com}; empty accepts every
 *                       certificate the CA signed
 * @param generatedDir   where a generated certificate is kept (with the server's data)
 */
public record SyslogTlsSettings(Path certificate, Path key, String password, Path clientCa,
                                List<String> allowedClients, Path generatedDir) {

    public SyslogTlsSettings {
        allowedClients = allowedClients == null ? List.of()
                : allowedClients.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        if (certificate == null && generatedDir == null) {
            throw new IllegalArgumentException("syslog TLS needs a certificate or a directory to generate one in");
        }
        if (!allowedClients.isEmpty() && clientCa == null) {
            throw new IllegalArgumentException("syslog TLS allowed clients need a client CA bundle to check "
                    + "certificates against");
        }
    }

    /** A self-signed certificate generated in (and kept in) {@code dir}, no client authentication. */
    public static SyslogTlsSettings selfSigned(Path dir) {
        return new SyslogTlsSettings(null, null, null, null, List.of(), dir);
    }

    public boolean clientAuthentication() {
        return clientCa != null;
    }
}
