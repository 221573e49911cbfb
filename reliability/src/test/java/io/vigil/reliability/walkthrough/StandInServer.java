package io.vigil.reliability.walkthrough;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stands in for vigil.jar in the walkthrough script's own tests: started by a walkthrough's
 * server line, it answers health like Vigil, a greeting, and a 401 problem for tokens, and
 * writes its pid to STANDIN_PIDFILE so the test can check that the script stopped it.
 */
public final class StandInServer {

    private StandInServer() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(System.getenv("STANDIN_PIDFILE")), Long.toString(ProcessHandle.current().pid()));
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 16);
        server.createContext("/actuator/health", exchange -> answer(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/hello", exchange -> answer(exchange, 200, "text/plain", "hello from the stand-in\n"));
        server.createContext("/api/v1/tokens", exchange -> answer(exchange, 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"authentication failed: Bad credentials\"}"));
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
