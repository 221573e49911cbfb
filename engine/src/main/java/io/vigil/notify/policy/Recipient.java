package io.vigil.notify.policy;

import io.vigil.notify.ChannelType;

import java.io.Serializable;
import java.util.Map;

/**
 * Someone or something a level reaches, ready to become a {@link io.vigil.notify.Notification}.
 *
 * @param key     {@code user:alice} or {@code channel:ops-webhook}; what notifications are consolidated by
 * @param channel {@code email} for a user (their own address), else the channel's name
 */
public record Recipient(String key, String channel, ChannelType type, String address, Map<String, String> settings)
        implements Serializable {

    /** The name a user's own address goes by as a channel; no channel may be called this. */
    public static final String USER_CHANNEL = "email";

    public Recipient {
        settings = Map.copyOf(settings);
    }

    static Recipient of(UserDefinition user) {
        return new Recipient(new TargetRef(TargetKind.USER, user.name()).toString(), USER_CHANNEL, ChannelType.EMAIL,
                user.email(), Map.of());
    }

    static Recipient of(ChannelDefinition channel) {
        return new Recipient(new TargetRef(TargetKind.CHANNEL, channel.name()).toString(), channel.name(),
                channel.type(), channel.address(), channel.settings());
    }
}
