/**
 * Tiny value types every module speaks: who acted ({@link io.tessera.shared.Actor}), typed ids, and the
 * contract for events that belong in the admin audit trail. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.tessera.shared;
