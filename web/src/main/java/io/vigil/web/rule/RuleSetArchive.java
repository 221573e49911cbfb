package io.vigil.web.rule;

import io.vigil.session.RuleSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A rule-set version as a zip of its files at their paths ({@code rules/classify/x.drl}), for export
 * and import, so rule sets can live in git. Reading takes the {@code .drl}, {@code .bpmn2} and
 * rule-test files and passes over anything else (a README, a .git folder); it refuses archives that are not zips,
 * text that is not UTF-8, and more than {@link #MAX_FILES} files or {@link #MAX_BYTES} bytes.
 */
final class RuleSetArchive {

    static final int MAX_FILES = 1_000;
    static final long MAX_BYTES = 32L << 20;

    private RuleSetArchive() {
    }

    static byte[] write(SortedMap<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rule set's zip", e);
        }
        return bytes.toByteArray();
    }

    /** Path to text of the rule-set files in the zip. @throws ResponseStatusException 400 naming the problem */
    static SortedMap<String, String> read(byte[] zipBytes) {
        if (zipBytes == null || zipBytes.length == 0) {
            throw bad("the body is empty: expected a zip of .drl (and .bpmn2) files");
        }
        SortedMap<String, String> files = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_FILES) {
                    throw bad("the zip holds more than " + MAX_FILES + " entries");
                }
                String name = entry.getName();
                if (entry.isDirectory() || !(name.endsWith(".drl") || name.endsWith(".bpmn2") || RuleSet.isRuleTest(name))) {
                    continue;
                }
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += content.length;
                if (total > MAX_BYTES) {
                    throw bad("the zip's rule files hold more than " + (MAX_BYTES >> 20) + " MiB");
                }
                files.put(name, utf8(name, content));
            }
        } catch (ZipException e) {
            throw bad("the body is not a readable zip: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded zip", e);
        }
        if (entries == 0) {
            throw bad("the body is not a zip, or an empty one: expected a zip of .drl (and .bpmn2) files");
        }
        return files;
    }

    private static String utf8(String name, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw bad("\"" + name + "\" is not UTF-8 text");
        }
    }

    private static ResponseStatusException bad(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
