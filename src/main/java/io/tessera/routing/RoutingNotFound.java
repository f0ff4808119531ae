package io.tessera.routing;

/** The team or agent a routing setting is for does not exist. */
public class RoutingNotFound extends RuntimeException {

    public RoutingNotFound(String message) {
        super(message);
    }
}
