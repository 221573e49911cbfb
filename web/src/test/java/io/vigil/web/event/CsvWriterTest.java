package io.vigil.web.event;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void shouldSeparateFieldsByCommasAndEndRecordsWithCrLf() throws IOException {
        assertThat(csv(List.of("id", "resource"), List.of("1", "db01"))).isEqualTo("id,resource\r\n1,db01\r\n");
    }

    @Test
    void shouldQuoteFieldsHoldingACommaAQuoteOrALineBreakDoublingTheQuotes() throws IOException {
        assertThat(csv(List.of("a,b", "say \"hi\"", "two\nlines", "cr\ronly", "crlf\r\nend")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\ronly\",\"crlf\r\nend\"\r\n");
        assertThat(csv(List.of("\"", ",")))
                .isEqualTo("\"\"\"\",\",\"\r\n");
    }

    @Test
    void shouldWriteOtherValuesAsTheyAre() throws IOException {
        assertThat(csv(List.of(" padded ", "=1+1", "semi;colon", "tab\there", "ünïcødé ✓")))
                .isEqualTo(" padded ,=1+1,semi;colon,tab\there,ünïcødé ✓\r\n");
    }

    @Test
    void shouldWriteNullAndEmptyAsEmptyFields() throws IOException {
        assertThat(csv(Arrays.asList(null, "", "x", null))).isEqualTo(",,x,\r\n");
    }

    @SafeVarargs
    private static String csv(List<String>... rows) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out);
        for (List<String> row : rows) {
            writer.row(row);
        }
        return out.toString();
    }
}
