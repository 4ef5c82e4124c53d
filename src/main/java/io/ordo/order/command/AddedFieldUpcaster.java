package io.ordo.order.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * An event whose revision 1 lacked a field that revision 2 has: the subclass says what the field is for events
 * stored before it existed. The stored JSON is changed as it is read; the store itself is never rewritten.
 */
abstract class AddedFieldUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType revision1;
    private final SimpleSerializedType revision2;

    AddedFieldUpcaster(Class<?> eventType) {
        this.revision1 = new SimpleSerializedType(eventType.getTypeName(), "1");
        this.revision2 = new SimpleSerializedType(eventType.getTypeName(), "2");
    }

    /** Adds the field to a revision 1 payload. */
    abstract void addField(ObjectNode payload);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(revision1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(revision2, JsonNode.class, payload -> {
            addField((ObjectNode) payload);
            return payload;
        });
    }
}
