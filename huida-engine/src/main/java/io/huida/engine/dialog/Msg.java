package io.huida.engine.dialog;

import io.huida.engine.nlu.entity.Entity;

import java.time.Instant;
import java.util.List;

/** A customer message as the flow runner sees it: its text, language, entities and time. */
record Msg(String text, boolean zh, List<Entity> entities, Instant at) {

    Msg {
        entities = List.copyOf(entities);
    }

    List<Entity> ofType(String type) {
        return entities.stream().filter(e -> e.type().equals(type)).toList();
    }
}
