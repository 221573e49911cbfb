package io.vigil.intake.syslog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Datagrams the kernel dropped for our UDP sockets because their receive buffer was full: the
 * {@code drops} column of {@code /proc/net/udp} and {@code /proc/net/udp6} (Linux), summed over
 * the sockets bound to our port (several with SO_REUSEPORT). Such loss happens before any code of
 * ours runs, so this is the only way to count it. Each socket's count starts at zero when it is
 * created, so the sum is what was dropped since the listener started.
 */
final class UdpKernelDrops {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
    /** Columns of a row: sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ref pointer drops. */
    private static final int LOCAL_ADDRESS = 1;
    private static final int DROPS = 12;

    private UdpKernelDrops() {
    }

    /** Whether this system reports drops per socket (Linux). */
    static boolean supported() {
        return Files.isReadable(TABLES.get(0));
    }

    /** The drops of every socket bound to {@code port}, or -1 when the system does not say. */
    static long forPort(int port) {
        if (port <= 0 || !supported()) {
            return -1;
        }
        String suffix = ":" + String.format(Locale.ROOT, "%04X", port);
        long drops = 0;
        for (Path table : TABLES) {
            List<String> rows;
            try {
                rows = Files.readAllLines(table);
            } catch (IOException e) {
                continue;
            }
            for (int i = 1; i < rows.size(); i++) {
                String[] columns = rows.get(i).trim().split("\\s+");
                if (columns.length > DROPS && columns[LOCAL_ADDRESS].endsWith(suffix)) {
                    drops += Long.parseLong(columns[DROPS]);
                }
            }
        }
        return drops;
    }
}
