package io.tessera.view.web;

import java.util.List;

import org.springframework.stereotype.Component;

import io.tessera.identity.Agent;
import io.tessera.view.View;
import io.tessera.view.ViewCount;
import io.tessera.view.ViewCounts;
import io.tessera.view.Views;

/** The views of an agent with their (bounded, briefly cached) counts, grouped as the sidebar shows them. */
@Component
class Sidebar {

    public record Item(View view, ViewCount count, boolean active) {
        public String section() {
            return switch (view.kind()) {
                case BUILT_IN -> "Views";
                case SHARED -> "Shared views";
                case PERSONAL -> "My views";
            };
        }
    }

    private final Views views;
    private final ViewCounts counts;

    Sidebar(Views views, ViewCounts counts) {
        this.views = views;
        this.counts = counts;
    }

    List<Item> of(Agent agent, long activeView) {
        return views.of(agent).stream()
                .map(v -> new Item(v, counts.count(v, agent), v.id() == activeView))
                .toList();
    }
}
