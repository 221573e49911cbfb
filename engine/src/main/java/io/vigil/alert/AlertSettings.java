package io.vigil.alert;

import java.io.Serializable;

/** @param dropAcknowledgementOnWorse an acknowledged alert that gets worse needs acknowledging again */
public record AlertSettings(boolean dropAcknowledgementOnWorse) implements Serializable {

    public static final AlertSettings DEFAULT = new AlertSettings(true);
}
