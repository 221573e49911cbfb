package io.vigil.notify.policy;

import io.vigil.config.Fields;
import io.vigil.config.Paths;
import io.vigil.notify.ChannelType;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Reads who and what can be notified: the {@code users} and {@code channels} sections. */
final class DirectoryReader {

    private static final Set<String> USER_KEYS = Set.of("name", "email");
    private static final Set<String> URL_KEYS = Set.of("type", "url");
    private static final Set<String> WEBHOOK_KEYS = Set.of("type", "url", "secret");
    private static final Set<String> EMAIL_KEYS = Set.of("type", "to");
    /** While the type is unknown any key some type has is let through, so that only the type is reported. */
    private static final Set<String> ANY_CHANNEL_KEYS = Set.of("type", "url", "secret", "to");
    /** Deliberately loose: something@somewhere, no spaces; the mail server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private DirectoryReader() {
    }

    static Map<String, UserDefinition> users(Fields top, Consumer<String> report) {
        Map<String, UserDefinition> users = new LinkedHashMap<>();
        Items.named(top, "users", report).forEach((name, map) -> {
            Fields fields = Fields.at(map, USER_KEYS, Paths.key("users", name), report);
            fields.require("email");
            String displayName = fields.nonBlank("name");
            String email = email(fields, "email");
            if (email != null) {
                users.put(name, new UserDefinition(name, displayName == null ? name : displayName, email));
            }
        });
        return users;
    }

    static Map<String, ChannelDefinition> channels(Fields top, Consumer<String> report) {
        Map<String, ChannelDefinition> channels = new LinkedHashMap<>();
        Items.named(top, "channels", report).forEach((name, map) -> {
            String path = Paths.key("channels", name);
            ChannelType type = map.get("type") instanceof String text ? type(text) : null;
            Fields fields = Fields.at(map, keys(type), path, report);
            if (name.equals(Recipient.USER_CHANNEL)) {
                report.accept(path + ": the name \"" + name + "\" is reserved for users' own addresses");
            }
            if (fields.require("type") && fields.string("type") != null && type == null) {
                report.accept(Paths.key(path, "type") + ": unknown channel type " + Fields.describe(map.get("type"))
                        + " (use email, webhook, slack or mattermost)");
            }
            ChannelDefinition channel = type == null ? null : channel(name, type, fields);
            if (channel != null) {
                channels.put(name, channel);
            }
        });
        return channels;
    }

    private static ChannelDefinition channel(String name, ChannelType type, Fields fields) {
        if (type == ChannelType.EMAIL) {
            fields.require("to");
            String to = email(fields, "to");
            return to == null ? null : new ChannelDefinition(name, type, to, Map.of());
        }
        fields.require("url");
        String url = url(fields);
        String secret = fields.nonBlank("secret");
        Map<String, String> settings = secret == null ? Map.of() : Map.of("secret", secret);
        return url == null ? null : new ChannelDefinition(name, type, url, settings);
    }

    private static Set<String> keys(ChannelType type) {
        if (type == null) {
            return ANY_CHANNEL_KEYS;
        }
        return switch (type) {
            case EMAIL -> EMAIL_KEYS;
            case WEBHOOK -> WEBHOOK_KEYS;
            case SLACK, MATTERMOST -> URL_KEYS;
        };
    }

    private static ChannelType type(String text) {
        for (ChannelType type : ChannelType.values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(text)) {
                return type;
            }
        }
        return null;
    }

    private static String email(Fields fields, String key) {
        String text = fields.string(key);
        if (text != null && !EMAIL.matcher(text).matches()) {
            fields.complain(key, text, "is not an e-mail address");
            return null;
        }
        return text;
    }

    private static String url(Fields fields) {
        String text = fields.string("url");
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below like any other URL that is not http(s)
        }
        fields.complain("url", text, "is not an http(s) URL");
        return null;
    }
}
