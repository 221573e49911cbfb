package io.vigil.intake.syslog;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The sender's address as events name it: "10.0.0.7" (no port: it changes per connection). */
final class PeerAddress {

    private PeerAddress() {
    }

    static String of(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
