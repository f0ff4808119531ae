package io.tessera.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;

/**
 * The security principal of an agent: what a session, an API token or HTTP Basic authenticates to.
 * Serializable because sessions are stored in the database.
 */
public final class SignedInAgent implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String name;
    private final Role role;
    private final boolean active;
    private String passwordHash;

    public SignedInAgent(AgentId id, String email, String name, Role role, boolean active, String passwordHash) {
        this.id = id.value();
        this.email = email;
        this.name = name;
        this.role = role;
        this.active = active;
        this.passwordHash = passwordHash;
    }

    public AgentId id() {
        return AgentId.of(id);
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public Actor actor() {
        return Actor.agent(id());
    }

    /** This agent as the initiator of a change, for events and the audit trail. */
    public Initiator initiator() {
        return new Initiator(actor(), name);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = role.authorities().stream().map(SimpleGrantedAuthority::new).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInAgent that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "SignedInAgent[" + id + ", " + email + ", " + role + "]";
    }
}
