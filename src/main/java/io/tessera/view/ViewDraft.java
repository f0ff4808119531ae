package io.tessera.view;

import io.tessera.shared.TeamId;

/** A view as created or edited: personal, or shared (with everyone, or with one team when {@code team} is set). */
public record ViewDraft(String name, boolean shared, TeamId team, ViewDefinition definition) {
}
