package io.tessera.view.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every list of the API: {@code {"items": [...], "next": "<cursor>" | null}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ListResponse<T>(List<T> items, String next) {
}
