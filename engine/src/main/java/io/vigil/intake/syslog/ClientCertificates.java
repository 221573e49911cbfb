package io.vigil.intake.syslog;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which client certificates (already verified against the client CA by the handshake) the
 * syslog TLS listener accepts, and the name their events carry as {@code source}.
 *
 * <p>An allow-list entry matches a certificate when it is its subject DN (compared as X.500 names,
 * so spacing, case of attribute types and the order of the attributes do not matter), or equals (ignoring case) its common name
 * or one of its subject alternative names (DNS, IP, e-mail); {@code *.example.com} matches names
 * one label below example.com. An empty list accepts every certificate.
 */
final class ClientCertificates {

    private static final int SAN_DNS = 2;
    private static final int SAN_EMAIL = 1;
    private static final int SAN_IP = 7;

    private final List<String> allowed;

    ClientCertificates(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    boolean accepts(X509Certificate certificate) {
        if (allowed.isEmpty()) {
            return true;
        }
        List<String> names = names(certificate);
        for (String entry : allowed) {
            if (entry.contains("=") && sameSubject(entry, certificate.getSubjectX500Principal())) {
                return true;
            }
            for (String name : names) {
                if (matches(entry, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The certificate's first DNS name, else its common name, else its whole subject. */
    static String nameOf(X509Certificate certificate) {
        for (List<?> san : alternativeNames(certificate)) {
            if (((Integer) san.get(0)) == SAN_DNS) {
                return (String) san.get(1);
            }
        }
        String commonName = commonName(certificate.getSubjectX500Principal());
        return commonName != null ? commonName : certificate.getSubjectX500Principal().getName();
    }

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        String commonName = commonName(certificate.getSubjectX500Principal());
        if (commonName != null) {
            names.add(commonName);
        }
        for (List<?> san : alternativeNames(certificate)) {
            int type = (Integer) san.get(0);
            if (type == SAN_DNS || type == SAN_EMAIL || type == SAN_IP) {
                names.add((String) san.get(1));
            }
        }
        return names;
    }

    private static boolean matches(String entry, String name) {
        if (entry.equalsIgnoreCase(name)) {
            return true;
        }
        if (entry.startsWith("*.")) {
            String suffix = entry.substring(1).toLowerCase(Locale.ROOT);
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.endsWith(suffix) && lower.length() > suffix.length()
                    && lower.substring(0, lower.length() - suffix.length()).indexOf('.') < 0;
        }
        return false;
    }

    /** Whether the DN names the subject: the same attributes, in any order (DN strings are written both ways round). */
    private static boolean sameSubject(String entry, X500Principal subject) {
        try {
            return canonicalRdns(new X500Principal(entry)).equals(canonicalRdns(subject));
        } catch (IllegalArgumentException | InvalidNameException e) {
            return false;
        }
    }

    private static List<String> canonicalRdns(X500Principal name) throws InvalidNameException {
        return new LdapName(name.getName(X500Principal.CANONICAL)).getRdns().stream().map(Rdn::toString).sorted().toList();
    }

    private static String commonName(X500Principal subject) {
        try {
            List<Rdn> rdns = new LdapName(subject.getName(X500Principal.RFC2253)).getRdns();
            // LdapName lists the most significant RDN first; the CN that names the holder is the last one.
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static Collection<List<?>> alternativeNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names == null ? List.of() : names;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
