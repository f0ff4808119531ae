/**
 * The email admin screens under {@code /admin/email} (docs/email.md): inbound mail (the failed-mail screen),
 * the outbox, SMTP settings with a test mail, templates with a preview, and teams' mail rules. Changes go
 * through {@link io.tessera.channel.EmailAdministration}, which audits them. Admin-only by the security
 * configuration's {@code /admin/**} rule.
 */
package io.tessera.channel.web;
