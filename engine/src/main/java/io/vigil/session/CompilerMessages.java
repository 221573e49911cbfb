package io.vigil.session;

import org.kie.api.builder.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools' build messages into problems placed at file, line and 1-based column. Drools knows
 * more than its {@link Message#getColumn()} says (always 0 in 7.74): a parser error carries its
 * position in its text ({@code [ERR 102] Line 5:22 mismatched input …}, the column 0-based), and a
 * type or name that cannot be resolved is quoted in the text, so it is found in the line named.
 */
final class CompilerMessages {

    private static final Pattern PARSER_POSITION = Pattern.compile("^\\[ERR \\d+] Line (\\d+):(\\d+)\\b");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\s]+)'");
    // Said after every parser error of a file; the parser error says what is wrong.
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private CompilerMessages() {
    }

    static List<RuleSetCompileException.Problem> problems(List<Message> messages, Message.Level level,
                                                          Map<String, String> sources) {
        List<RuleSetCompileException.Problem> problems = new ArrayList<>();
        for (Message message : messages) {
            if (message.getLevel() == level) {
                problems.add(problem(message, sources));
            }
        }
        if (problems.stream().anyMatch(p -> !p.text().equals(NULL_PACKAGE))) {
            problems.removeIf(p -> p.text().equals(NULL_PACKAGE));
        }
        return problems;
    }

    private static RuleSetCompileException.Problem problem(Message message, Map<String, String> sources) {
        String path = message.getPath();
        if (path != null && path.startsWith(RuleSetCompiler.RESOURCES)) {
            path = path.substring(RuleSetCompiler.RESOURCES.length());
        }
        String text = message.getText().strip();
        int line = message.getLine();
        int column = message.getColumn() > 0 ? message.getColumn() + 1 : 0;
        Matcher position = PARSER_POSITION.matcher(text);
        if (position.find()) {
            line = Integer.parseInt(position.group(1));
            column = Integer.parseInt(position.group(2)) + 1;
        } else if (line > 0 && column == 0 && path != null && sources.containsKey(path)) {
            column = columnOfQuotedName(text, sourceLine(sources.get(path), line));
        }
        return new RuleSetCompileException.Problem(path, line, column, text);
    }

    /** Where the first name quoted in the text ({@code 'Evnt'}) stands in the line, 1-based; 0 when it does not. */
    private static int columnOfQuotedName(String text, String line) {
        Matcher quoted = QUOTED.matcher(text);
        if (line == null || !quoted.find()) {
            return 0;
        }
        Matcher word = Pattern.compile("(?<![\\w$.])" + Pattern.quote(quoted.group(1)) + "(?![\\w$])").matcher(line);
        return word.find() ? word.start() + 1 : 0;
    }

    private static String sourceLine(String source, int line) {
        String[] lines = source.split("\r?\n|\r", -1);
        return line <= lines.length ? lines[line - 1] : null;
    }
}
