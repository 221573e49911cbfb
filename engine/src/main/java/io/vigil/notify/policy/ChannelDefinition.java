package io.vigil.notify.policy;

import io.vigil.notify.ChannelType;

import java.util.Map;

/**
 * A shared destination: a webhook, a chat room or an e-mail distribution address.
 *
 * @param address  the URL, or for e-mail the {@code to} address
 * @param settings what the channel needs besides the address, e.g. {@code secret} for a webhook; never null
 */
public record ChannelDefinition(String name, ChannelType type, String address, Map<String, String> settings) {

    public ChannelDefinition {
        settings = Map.copyOf(settings);
    }
}
