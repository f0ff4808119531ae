package io.tessera.customer;

import java.util.List;

/** One page of a list and the opaque cursor of the next page ({@code null} on the last page). */
public record CursorPage<T>(List<T> items, String next) {
}
