package io.vigil.notify.policy;

import io.vigil.notify.ChannelType;

import java.io.Serializable;
import java.util.Map;

public record Recipient(String key, String channel, ChannelType type, String address, Map<String, String> settings)
        implements Serializable {
}
