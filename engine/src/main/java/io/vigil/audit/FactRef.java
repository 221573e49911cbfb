package io.vigil.audit;

/**
 * One fact a firing matched, as the audit trail keeps it.
 *
 * @param type    the fact's simple class name ("Event", "ElementStatus", "Incident")
 * @param id      its stable id ("event:42", "element:web01/cpu")
 * @param summary its one-line state at the time of the firing
 */
public record FactRef(String type, String id, String summary) {
}
